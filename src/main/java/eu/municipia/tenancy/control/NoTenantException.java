package eu.municipia.tenancy.control;

/** Tenant data was touched where no tenant is known: a bug, never a reason to show all rows. */
public class NoTenantException extends IllegalStateException {

  public NoTenantException() {
    super("No tenant is known for this request; tenant data cannot be read or written.");
  }
}
