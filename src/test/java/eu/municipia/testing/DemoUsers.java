package eu.municipia.testing;

/** The users of the demo realm (deploy/keycloak/municipia-demo-realm.json) and what they hold. */
public final class DemoUsers {

  /** SMOPK association admin. */
  public static final String SMOPK_ADMIN = "spravce.smopk";

  /** SMOPK member official (mayor of Čilá): a member of SMOPK, no admin rights. */
  public static final String SMOPK_OFFICIAL = "starosta.cila";

  /** SMOPK editor who is also a member of SMO ČR (two Organizations in one token). */
  public static final String TWO_ASSOCIATIONS = "redaktorka";

  /** SMO ČR association admin: a member of SMO ČR only. */
  public static final String SMOCR_ADMIN = "spravce.smocr";

  /** SMO ČR union analyst: a member of SMO ČR only, with the union-analyst role there. */
  public static final String SMOCR_ANALYST = "analytik.smocr";

  /** A member of SMO ČR only, with no role there: another association's plain member. */
  public static final String SMOCR_MEMBER = "clen.smocr";

  /** Platform admin (Keycloak realm role platform-admin), a member of no association. */
  public static final String PLATFORM_ADMIN = "platforma";

  /** Every demo user above: their logins, Organizations and realm roles are never changed. */
  static final java.util.Set<String> ALL =
      java.util.Set.of(
          SMOPK_ADMIN,
          SMOPK_OFFICIAL,
          TWO_ASSOCIATIONS,
          SMOCR_ADMIN,
          SMOCR_ANALYST,
          SMOCR_MEMBER,
          PLATFORM_ADMIN);

  public static final String SMOPK_OFFICIAL_PERSON_ID = "6f1b0c52-5a43-4c36-9a57-0c6f3f0b8a02";

  private DemoUsers() {}
}
