package eu.municipia.identity.control;

import eu.municipia.identity.entity.Role;
import java.util.Optional;

/** Which pages of an association need a login, and which role. */
public final class PageAccess {

  private PageAccess() {}

  /** The role needed for a path within a tenant ("/members", "/admin/roles"), if any. */
  public static Optional<String> requiredRole(String pathWithinTenant) {
    if (isUnder(pathWithinTenant, "/admin")) {
      return Optional.of(Role.ADMIN);
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
