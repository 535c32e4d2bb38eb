package eu.municipia.identity.control;

import eu.municipia.identity.entity.Role;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Which pages of an association need a login, and which role. */
public final class PageAccess {

  private PageAccess() {}

  /**
   * Whether a caller with these roles may open the path within a tenant: the editors' pages
   * ("/editor/...") are for editors and for the association's admins alike; the other areas need
   * their one role ({@link #requiredRole}).
   */
  public static boolean mayOpen(String pathWithinTenant, Predicate<String> hasRole) {
    if (isUnder(pathWithinTenant, "/editor")) {
      return Set.of(Role.EDITOR_NAME, Role.ADMIN).stream().anyMatch(hasRole);
    }
    return requiredRole(pathWithinTenant).map(hasRole::test).orElse(true);
  }

  /**
   * The role needed for a path within a tenant ("/members", "/admin/roles"), if any; for the
   * editors' pages the editor role (admins may open them too: {@link #mayOpen}).
   */
  public static Optional<String> requiredRole(String pathWithinTenant) {
    if (isUnder(pathWithinTenant, "/admin")) {
      return Optional.of(Role.ADMIN);
    }
    if (isUnder(pathWithinTenant, "/editor")) {
      return Optional.of(Role.EDITOR_NAME);
    }
    if (isUnder(pathWithinTenant, "/members")) {
      return Optional.of(Role.MEMBER);
    }
    return Optional.empty();
  }

  /** The role needed for a page of the platform itself ("/platform/register"), if any. */
  public static Optional<String> requiredPlatformRole(String pathWithinApp) {
    return isUnder(pathWithinApp, "/platform")
        ? Optional.of(Role.PLATFORM_ADMIN)
        : Optional.empty();
  }

  private static boolean isUnder(String path, String area) {
    return path.equals(area) || path.startsWith(area + "/");
  }
}
