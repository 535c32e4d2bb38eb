package eu.municipia.identity.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles an association admin grants within the association. Stored in the app's database per
 * tenant; Keycloak only says who a person is and which associations they belong to.
 */
public enum Role {
  ASSOCIATION_ADMIN(Role.ADMIN),
  EDITOR(Role.EDITOR_NAME),
  MEMBER_OFFICIAL(Role.MEMBER_OFFICIAL_NAME),
  UNION_ANALYST(Role.UNION_ANALYST_NAME);

  /** Everyone whose token lists the association among their Organizations. */
  public static final String MEMBER = "member";

  /** Platform administration (the shared municipality register, associations): a realm role. */
  public static final String PLATFORM_ADMIN = "platform-admin";

  public static final String ADMIN = "admin";
  public static final String EDITOR_NAME = "editor";
  public static final String MEMBER_OFFICIAL_NAME = "member-official";
  public static final String UNION_ANALYST_NAME = "union-analyst";

  private final String roleName;

  Role(String roleName) {
    this.roleName = roleName;
  }

  /** The name used in {@code @RolesAllowed}, in the API and in the database. */
  public String roleName() {
    return roleName;
  }

  public static Optional<Role> byName(String name) {
    return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
  }
}
