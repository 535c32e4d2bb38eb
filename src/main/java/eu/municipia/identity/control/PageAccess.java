package eu.municipia.identity.control;

import eu.municipia.identity.entity.Role;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Which pages of an association need a login, and which role. */
public final class PageAccess {

  private PageAccess() {}

  /** Whether a caller with these roles may open the path within a tenant. */
  public static boolean mayOpen(String pathWithinTenant, Predicate<String> hasRole) {
    return requiredRoles(pathWithinTenant)
        .map(roles -> roles.stream().anyMatch(hasRole))
        .orElse(true);
  }

  /** The (first) role needed for a path within a tenant ("/members", "/admin/roles"), if any. */
  public static Optional<String> requiredRole(String pathWithinTenant) {
    return requiredRoles(pathWithinTenant).map(roles -> roles.get(0));
  }

  /**
   * The roles of which a caller needs one for a path within a tenant, if any: the union's view
   * ("/union") is for its analysts and its admins, the editors' pages ("/editor/...") for editors
   * and admins alike; the other areas need their one role.
   */
  public static Optional<List<String>> requiredRoles(String pathWithinTenant) {
    if (unionOnly(pathWithinTenant)) {
      return Optional.of(List.of(Role.UNION_ANALYST_NAME, Role.ADMIN));
    }
    if (isUnder(pathWithinTenant, "/editor")) {
      return Optional.of(List.of(Role.EDITOR_NAME, Role.ADMIN));
    }
    if (isUnder(pathWithinTenant, "/admin")) {
      return Optional.of(List.of(Role.ADMIN));
    }
    if (isUnder(pathWithinTenant, "/members")) {
      return Optional.of(List.of(Role.MEMBER));
    }
    return Optional.empty();
  }

  /** Whether the path is the union's view, which only a union has (any other answers 404). */
  public static boolean unionOnly(String pathWithinTenant) {
    return isUnder(pathWithinTenant, "/union");
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
