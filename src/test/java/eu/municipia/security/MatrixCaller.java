package eu.municipia.security;

import eu.municipia.testing.DemoUsers;
import java.util.Arrays;

/**
 * The callers of the endpoint matrix, one column each. The matrix works in SMOPK, so everyone but
 * its own official and admin is an outsider there.
 */
enum MatrixCaller {
  ANONYMOUS("anon", null),
  /** A member of SMOPK without the admin role (the mayor of Čilá, a member official). */
  OFFICIAL("official", DemoUsers.SMOPK_OFFICIAL),
  /** A plain member of another association (SMO ČR), with no role there. */
  OTHER_MEMBER("cr-member", DemoUsers.SMOCR_MEMBER),
  /** The admin of another association (SMO ČR). */
  OTHER_ADMIN("cr-admin", DemoUsers.SMOCR_ADMIN),
  /** The union analyst of SMO ČR, the union SMOPK belongs to. */
  UNION_ANALYST("cr-analyst", DemoUsers.SMOCR_ANALYST),
  /** SMOPK's own admin: the rightful caller of the association's admin endpoints. */
  ADMIN("admin", DemoUsers.SMOPK_ADMIN),
  /** The platform admin, in no association: the rightful caller of the register import. */
  PLATFORM_ADMIN("platform", DemoUsers.PLATFORM_ADMIN);

  /** The column's name in the table's header. */
  final String column;

  /** The demo user (password "demo"), or null for no credentials at all. */
  final String username;

  MatrixCaller(String column, String username) {
    this.column = column;
    this.username = username;
  }

  boolean isAnonymous() {
    return username == null;
  }

  static MatrixCaller byColumn(String column, int line) {
    return Arrays.stream(values())
        .filter(c -> c.column.equals(column))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    MatrixTable.RESOURCE + " line " + line + ": unknown caller '" + column + "'"));
  }

  @Override
  public String toString() {
    return isAnonymous() ? column : column + " (" + username + ")";
  }
}
