package eu.municipia.dues;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Membership dues through the API: the rate of a year and its checks, each member's dues from its
 * population, payments recorded and cancelled with the balance following, the audit trail, and who
 * may do what. The years 2004, 2025, 2027, 2031, 2034 and 2036 are this test's own (the browser
 * test uses 2032, the demo data 2026); each test sets the rate it relies on, so their order does
 * not matter.
 */
@MunicipiaIT
class DuesIT {

  private static final String SMOPK = "/api/v1/tenants/smopk/dues/";
  private static final String CILA = "540927"; // demo member, 19 inhabitants
  private static final String PLZEN = "554791"; // demo member, 187,928 inhabitants
  private static final String KYSICE = "559130"; // demo member, 1,121 inhabitants
  private static final String CHVALENICE = "557846"; // demo member, 782 inhabitants
  // Small municipalities of the demo register that no other test uses.
  private static final String STITOV = "579343"; // 51: a member until mid-2031
  private static final String KARIZEK = "530361"; // 51: a member from mid-2031
  private static final String VISKY = "579289"; // 64: never a member

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  String admin;
  String official;

  @BeforeEach
  void api() {
    api = new Api(Deployments.base(deployed));
    admin = Tokens.accessToken(SMOPK_ADMIN);
    official = Tokens.accessToken(SMOPK_OFFICIAL);
  }

  @Test
  void theRateOfAYearDecidesEachMembersDuesFromItsPopulation() {
    Api.Response set = setRate(2031, "2.35", "500", "1000000");
    assertThat(set.status()).as(set.body()).isIn(200, 201);
    assertThat(set.json().asJsonObject().getString("setBy")).isEqualTo("Anna Nováková");

    JsonObject dues = statement(2031, official);
    JsonObject cila = member(dues, CILA).orElseThrow();
    assertThat(cila.getString("name")).isEqualTo("Čilá");
    assertThat(cila.getInt("population")).isEqualTo(19);
    assertThat(cila.getInt("populationYear")).as("the latest figure before 2031").isEqualTo(2025);
    assertThat(cila.getJsonNumber("dues").longValue())
        .as("44.65 raised to the minimum")
        .isEqualTo(500);
    JsonObject plzen = member(dues, PLZEN).orElseThrow();
    assertThat(plzen.getInt("population")).isEqualTo(187_928);
    assertThat(plzen.getJsonNumber("dues").longValue()).as("441,630.80 rounded").isEqualTo(441_631);
    assertThat(member(dues, KYSICE).orElseThrow().getJsonNumber("dues").longValue())
        .as("2,634.35 rounded")
        .isEqualTo(2_634);
    assertThat(dues.getJsonObject("rate").getJsonNumber("ratePerInhabitant").bigDecimalValue())
        .isEqualByComparingTo("2.35");

    JsonArray members = dues.getJsonArray("members");
    JsonObject totals = dues.getJsonObject("totals");
    assertThat(totals.getInt("members")).isEqualTo(members.size()).isGreaterThanOrEqualTo(90);
    assertThat(totals.getJsonNumber("dues").longValue())
        .isEqualTo(sum(members, "dues").longValueExact());
    assertThat(totals.getJsonNumber("paid").bigDecimalValue())
        .isEqualByComparingTo(sum(members, "paid"));
    assertThat(totals.getJsonNumber("balance").bigDecimalValue())
        .isEqualByComparingTo(sum(members, "balance"));

    Api.Response changed = setRate(2031, "2.35", "500", "100000");
    assertThat(changed.status()).as("the year has its rate already").isEqualTo(200);
    assertThat(member(statement(2031, official), PLZEN).orElseThrow().getInt("dues"))
        .as("capped at the new maximum")
        .isEqualTo(100_000);
    JsonObject audited = audit("dues.rate.changed", "2031");
    assertThat(audited.getString("before")).contains("\"maximum\":1000000");
    assertThat(audited.getString("after"))
        .contains("\"maximum\":100000", "\"ratePerInhabitant\":\"2.35\"");
    assertThat(audited.getString("actorName")).isEqualTo("Anna Nováková");

    JsonObject rate = api.get(SMOPK + "2031/rate", official).json().asJsonObject();
    assertThat(rate.getInt("maximum")).isEqualTo(100_000);
    assertThat(api.get(SMOPK, official).body()).contains("\"year\":2031");
  }

  @Test
  void anAdminWhoLosesTheRaceToCreateAYearsRateGetsAConflictNotAnError() throws Exception {
    // The other admin's transaction: the year's rate inserted, not yet committed.
    try (java.sql.Connection other = eu.municipia.testing.TestStack.get().database().app()) {
      other.setAutoCommit(false);
      try (java.sql.Statement sql = other.createStatement()) {
        sql.execute("SELECT set_config('app.tenant_id', 'smopk', true)");
        sql.executeUpdate(
            "INSERT INTO dues_rate (id, tenant_id, year, rate_per_inhabitant, minimum, maximum,"
                + " set_by, set_by_name, set_at) VALUES (gen_random_uuid(), 'smopk', 2036, 1.50,"
                + " 500, 100000, 'other-admin', 'Other Admin', now())");
      }
      java.util.concurrent.CompletableFuture<Api.Response> ours =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> setRate(2036, "1.75", "500", "100000"));
      Thread.sleep(1500); // ours found no rate and now waits on the year's unique key
      assertThat(ours).as("waits for the other transaction").isNotDone();
      other.commit();

      Api.Response answer = ours.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.body()).isEqualTo(409);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.body()).contains("same moment");
    }
    assertThat(api.get(SMOPK + "2036/rate", official).json().asJsonObject().getString("setBy"))
        .isEqualTo("Other Admin");
  }

  @Test
  void theNameFilterIgnoresAccents() {
    setRate(2031, "2.35", "500", "100000");
    JsonObject dues = api.get(SMOPK + "2031?q=cila", official).json().asJsonObject();
    assertThat(dues.getJsonArray("members").stream().map(m -> m.asJsonObject().getString("code")))
        .containsExactly(CILA);
    assertThat(dues.getJsonObject("totals").getInt("members")).isEqualTo(1);
    assertThat(dues.getJsonObject("totals").getJsonNumber("dues").longValue()).isEqualTo(500);
  }

  @Test
  void thePopulationIsTheYearsFigureOrTheLatestBeforeItAndWithoutOneTheDuesAreUnknown() {
    // Kyšice gets a 2027 figure, the same as its 2025 one (and the full table's): nothing else
    // changes. The register takes figures up to next year, hence 2027.
    String csv =
        "code,name,district,region,population,lat,lon\n"
            + "559130,Kyšice,Plzeň-město,Plzeňský kraj,1121,49.753353,13.486312\n";
    Api.Response imported =
        api.post(
            "/api/v1/platform/municipalities/imports?year=2027",
            Tokens.accessToken(PLATFORM_ADMIN),
            "text/csv",
            csv);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    setRate(2031, "2.35", "500", "100000");
    setRate(2027, "1.00", "0", "100000");
    setRate(2025, "1.00", "0", "100000");
    setRate(2004, "1.00", "0", "100000");

    assertThat(populationYear(2027, KYSICE)).as("the year's own figure").isEqualTo(2027);
    assertThat(populationYear(2027, CILA)).as("the latest before").isEqualTo(2025);
    assertThat(populationYear(2031, KYSICE)).as("the latest of several before").isEqualTo(2027);
    assertThat(populationYear(2025, KYSICE)).as("a later figure does not count").isEqualTo(2025);
    assertThat(member(statement(2027, official), KYSICE).orElseThrow().getInt("dues"))
        .isEqualTo(1_121);

    JsonObject before = statement(2004, official);
    JsonObject cila = member(before, CILA).orElseThrow();
    assertThat(cila.containsKey("population"))
        .as("no figure up to 2004, when the demo members joined")
        .isFalse();
    assertThat(cila.containsKey("dues")).isFalse();
    assertThat(before.getJsonObject("totals").getInt("withoutPopulation"))
        .isEqualTo(before.getJsonObject("totals").getInt("members"));
    assertThat(before.getJsonObject("totals").getJsonNumber("dues").longValue()).isZero();
  }

  private int populationYear(int year, String code) {
    return member(statement(year, official), code).orElseThrow().getInt("populationYear");
  }

  @Test
  void membersThatJoinOrLeaveDuringAYearOweItsDuesAndNoOtherYears() {
    setRate(2031, "2.35", "500", "100000");
    setRate(2034, "2.35", "500", "100000");
    assertThat(addMember(STITOV, "2030-01-01").status()).isEqualTo(201);
    Api.Response ended =
        api.put(
            "/api/v1/tenants/smopk/members/" + STITOV + "/status",
            admin,
            "application/json",
            "{\"status\":\"LEFT\",\"date\":\"2031-06-30\"}");
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(addMember(KARIZEK, "2031-07-01").status()).isEqualTo(201);

    JsonObject y2031 = statement(2031, official);
    JsonObject stitov = member(y2031, STITOV).orElseThrow();
    assertThat(stitov.getString("status")).isEqualTo("LEFT");
    assertThat(stitov.getInt("dues")).as("the whole year, not split by months").isEqualTo(500);
    assertThat(member(y2031, KARIZEK).orElseThrow().getInt("dues")).isEqualTo(500);

    JsonObject y2034 = statement(2034, official);
    assertThat(member(y2034, STITOV)).as("gone before 2034").isEmpty();
    assertThat(member(y2034, KARIZEK)).isPresent();
    assertThat(member(y2034, VISKY)).isEmpty();
  }

  @Test
  void aPaymentIsRecordedAndCancelledAndTheBalanceFollows() {
    setRate(2031, "2.00", "500", "100000");
    JsonObject before = statement(2031, official);
    JsonObject chvalenice = member(before, CHVALENICE).orElseThrow();
    assertThat(chvalenice.getInt("dues")).as("782 × 2.00").isEqualTo(1_564);
    BigDecimal paidBefore = chvalenice.getJsonNumber("paid").bigDecimalValue();
    BigDecimal totalPaidBefore =
        before.getJsonObject("totals").getJsonNumber("paid").bigDecimalValue();

    Api.Response first = pay(2031, CHVALENICE, "1000", "2026-01-15", "bank transfer 17/2026");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonObject payment = first.json().asJsonObject();
    assertThat(payment.getString("code")).isEqualTo(CHVALENICE);
    assertThat(payment.getString("name")).isEqualTo("Chválenice");
    assertThat(payment.getString("paidOn")).isEqualTo("2026-01-15");
    assertThat(payment.getString("recordedBy")).isEqualTo("Anna Nováková");
    assertThat(payment.containsKey("cancelledAt")).isFalse();
    Api.Response second = pay(2031, CHVALENICE, "564.50", "2026-02-01", null);
    assertThat(second.status()).as(second.body()).isEqualTo(201);

    JsonObject paid = member(statement(2031, official), CHVALENICE).orElseThrow();
    assertThat(paid.getJsonNumber("paid").bigDecimalValue())
        .isEqualByComparingTo(paidBefore.add(new BigDecimal("1564.50")));
    assertThat(paid.getJsonNumber("balance").bigDecimalValue())
        .as("overpaid by 50 haléř")
        .isEqualByComparingTo(
            new BigDecimal("1564").subtract(paidBefore).subtract(new BigDecimal("1564.50")));
    assertThat(
            statement(2031, official)
                .getJsonObject("totals")
                .getJsonNumber("paid")
                .bigDecimalValue())
        .isEqualByComparingTo(totalPaidBefore.add(new BigDecimal("1564.50")));

    String secondId = second.json().asJsonObject().getString("id");
    Api.Response cancelled =
        api.post(
            SMOPK + "2031/payments/" + secondId + "/cancellation",
            admin,
            "application/json",
            "{\"reason\":\"recorded twice\"}");
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().asJsonObject().getString("cancelReason"))
        .isEqualTo("recorded twice");
    assertThat(cancelled.json().asJsonObject().getString("cancelledBy")).isEqualTo("Anna Nováková");
    assertThat(balance(CHVALENICE))
        .isEqualByComparingTo(new BigDecimal("564").subtract(paidBefore));

    String firstId = payment.getString("id");
    Api.Response withoutBody =
        api.send("POST", SMOPK + "2031/payments/" + firstId + "/cancellation", admin);
    assertThat(withoutBody.status()).as(withoutBody.body()).isEqualTo(200);
    assertThat(balance(CHVALENICE))
        .isEqualByComparingTo(new BigDecimal("1564").subtract(paidBefore));
    Api.Response again =
        api.send("POST", SMOPK + "2031/payments/" + firstId + "/cancellation", admin);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");

    JsonArray payments = api.get(SMOPK + "2031/payments", admin).json().asJsonArray();
    List<String> ids = payments.stream().map(p -> p.asJsonObject().getString("id")).toList();
    assertThat(ids).as("cancelled payments stay").contains(firstId, secondId);

    JsonObject recorded = audit("dues.payment.recorded", firstId);
    assertThat(recorded.containsKey("before")).isFalse();
    assertThat(recorded.getString("after"))
        .contains(
            "\"municipality\":\"CZ-557846\"", "\"amount\":\"1000.00\"", "\"cancelled\":false");
    JsonObject cancel = audit("dues.payment.cancelled", secondId);
    assertThat(cancel.getString("before")).contains("\"cancelled\":false");
    assertThat(cancel.getString("after"))
        .contains("\"cancelled\":true", "\"cancelReason\":\"recorded twice\"");
  }

  @Test
  void badInputIsABadRequestNamingEveryField() {
    setRate(2031, "2.00", "500", "100000");
    Api.Response rate =
        api.put(
            SMOPK + "2031/rate",
            admin,
            "application/json",
            "{\"ratePerInhabitant\":0,\"minimum\":600,\"maximum\":500}");
    assertThat(rate.status()).isEqualTo(400);
    assertThat(rate.contentType()).startsWith("application/problem+json");
    assertThat(fields(rate)).containsExactly("ratePerInhabitant", "maximum");
    assertThat(fields(api.put(SMOPK + "2031/rate", admin, "application/json", "{}")))
        .containsExactly("ratePerInhabitant", "minimum", "maximum");
    assertThat(
            fields(
                api.put(
                    SMOPK + "2031/rate",
                    admin,
                    "application/json",
                    "{\"ratePerInhabitant\":2.345,\"minimum\":0.5,\"maximum\":100}")))
        .containsExactly("ratePerInhabitant", "minimum");
    assertThat(fields(setRate(1999, "2.00", "500", "100000"))).containsExactly("year");
    Api.Response notANumber =
        api.put(SMOPK + "2031/rate", admin, "application/json", "{\"ratePerInhabitant\":\"two\"}");
    assertThat(notANumber.status()).as(notANumber.body()).isEqualTo(400);
    assertThat(notANumber.contentType()).startsWith("application/problem+json");
    assertThat(api.get(SMOPK + "2031/rate", official).json().asJsonObject().getInt("minimum"))
        .as("refused changes change nothing")
        .isEqualTo(500);

    assertThat(fields(pay(2031, "12", "100", "yesterday", null))).containsExactly("code", "paidOn");
    assertThat(fields(pay(2031, VISKY, "0", "2999-01-01", "x".repeat(501))))
        .containsExactly("code", "amount", "paidOn", "note");
    assertThat(fields(pay(2031, "999999", "100.001", null, null)))
        .containsExactly("code", "amount", "paidOn");
    assertThat(member(statement(2031, official), VISKY)).isEmpty();

    Api.Response noRate = api.get(SMOPK + "2099", official);
    assertThat(noRate.status()).isEqualTo(404);
    assertThat(noRate.contentType()).startsWith("application/problem+json");
    assertThat(
            api.post(
                    SMOPK + "2099/payments",
                    admin,
                    "application/json",
                    payment(CILA, "100", "2026-01-15", null))
                .status())
        .isEqualTo(404);
    assertThat(api.send("POST", SMOPK + "2031/payments/nonsense/cancellation", admin).status())
        .isEqualTo(404);
    assertThat(
            api.send(
                    "POST",
                    SMOPK + "2031/payments/00000000-0000-0000-0000-000000000000/cancellation",
                    admin)
                .status())
        .isEqualTo(404);
    setRate(2034, "2.00", "500", "100000");
    String id = pay(2034, CILA, "10", "2026-01-15", null).json().asJsonObject().getString("id");
    assertThat(api.send("POST", SMOPK + "2031/payments/" + id + "/cancellation", admin).status())
        .as("a payment of another year")
        .isEqualTo(404);
    assertThat(api.send("POST", SMOPK + "2034/payments/" + id + "/cancellation", admin).status())
        .isEqualTo(200);
  }

  @Test
  void membersReadAdminsWriteAndOtherAssociationsSeeNothing() {
    setRate(2031, "2.00", "500", "100000");
    String id =
        pay(2031, CILA, "38", "2026-01-15", "for the refusals")
            .json()
            .asJsonObject()
            .getString("id");
    String rateBody = "{\"ratePerInhabitant\":9.99,\"minimum\":1,\"maximum\":2}";
    String cancellation = SMOPK + "2031/payments/" + id + "/cancellation";

    Api.Response anonymous = api.get(SMOPK + "2031", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(api.get(SMOPK, null).status()).isEqualTo(401);
    assertThat(api.put(SMOPK + "2031/rate", null, "application/json", rateBody).status())
        .isEqualTo(401);

    assertThat(api.get(SMOPK + "2031", official).status()).isEqualTo(200);
    assertThat(api.put(SMOPK + "2031/rate", official, "application/json", rateBody).status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    SMOPK + "2031/payments",
                    official,
                    "application/json",
                    payment(CILA, "1", "2026-01-15", null))
                .status())
        .isEqualTo(403);
    assertThat(api.send("POST", cancellation, official).status()).isEqualTo(403);
    assertThat(api.get(SMOPK + "2031/payments", official).status()).isEqualTo(403);

    String other = Tokens.accessToken(SMOCR_ADMIN);
    assertThat(api.get(SMOPK + "2031", other).status()).isEqualTo(403);
    assertThat(api.get(SMOPK, other).status()).isEqualTo(403);
    assertThat(api.put(SMOPK + "2031/rate", other, "application/json", rateBody).status())
        .isEqualTo(403);
    assertThat(api.send("POST", cancellation, other).status()).isEqualTo(403);

    String smocr = "/api/v1/tenants/smocr/dues/";
    Api.Response own =
        api.put(
            smocr + "2031/rate",
            other,
            "application/json",
            "{\"ratePerInhabitant\":1.11,\"minimum\":100,\"maximum\":200}");
    assertThat(own.status()).as(own.body()).isIn(200, 201);
    JsonObject smocrDues = api.get(smocr + "2031", other).json().asJsonObject();
    assertThat(smocrDues.getJsonObject("rate").getJsonNumber("ratePerInhabitant").bigDecimalValue())
        .isEqualByComparingTo("1.11");
    assertThat(member(smocrDues, CILA)).isEmpty();
    assertThat(member(smocrDues, PLZEN)).isEmpty();
    assertThat(api.get(smocr + "2031/payments", other).json().asJsonArray()).isEmpty();
    assertThat(
            api.get(smocr, other).json().asJsonArray().stream()
                .map(r -> r.asJsonObject().getInt("year")))
        .doesNotContain(2027, 2034);
    assertThat(api.send("POST", smocr + "2031/payments/" + id + "/cancellation", other).status())
        .as("SMOPK's payment does not exist for SMO ČR")
        .isEqualTo(404);

    JsonObject still = api.get(SMOPK + "2031/rate", official).json().asJsonObject();
    assertThat(still.getJsonNumber("ratePerInhabitant").bigDecimalValue())
        .isEqualByComparingTo("2.00");
    assertThat(api.send("POST", cancellation, admin).status()).isEqualTo(200);
  }

  @Test
  void theDuesPagesRefuseAnonymousOtherAssociationsAndTooFewRights() {
    String otherAdmin = Tokens.accessToken(SMOCR_ADMIN);
    for (String page : new String[] {"/smopk/members/dues", "/smopk/admin/dues"}) {
      Api.Response anonymous = api.get(page, null);
      assertThat(anonymous.status()).as(page).isEqualTo(302);
      assertThat(anonymous.header("Location")).as(page).startsWith(TestStack.get().issuer());
      assertThat(api.get(page, otherAdmin).status()).as(page).isEqualTo(403);
      assertThat(api.get(page, admin).status()).as(page).isEqualTo(200);
    }
    assertThat(api.get("/smopk/members/dues", official).status()).isEqualTo(200);
    assertThat(api.get("/smopk/admin/dues", official).status()).isEqualTo(403);
  }

  private Api.Response setRate(int year, String rate, String minimum, String maximum) {
    return api.put(
        SMOPK + year + "/rate",
        admin,
        "application/json",
        "{\"ratePerInhabitant\":"
            + rate
            + ",\"minimum\":"
            + minimum
            + ",\"maximum\":"
            + maximum
            + "}");
  }

  private Api.Response pay(int year, String code, String amount, String paidOn, String note) {
    return api.post(
        SMOPK + year + "/payments", admin, "application/json", payment(code, amount, paidOn, note));
  }

  private static String payment(String code, String amount, String paidOn, String note) {
    return "{\"code\":\""
        + code
        + "\",\"amount\":"
        + amount
        + (paidOn == null ? "" : ",\"paidOn\":\"" + paidOn + "\"")
        + (note == null ? "" : ",\"note\":\"" + note + "\"")
        + "}";
  }

  private Api.Response addMember(String code, String since) {
    return api.post(
        "/api/v1/tenants/smopk/members",
        admin,
        "application/json",
        "{\"code\":\"" + code + "\",\"since\":\"" + since + "\"}");
  }

  private JsonObject statement(int year, String token) {
    Api.Response r = api.get(SMOPK + year, token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonObject();
  }

  private BigDecimal balance(String code) {
    return member(statement(2031, official), code)
        .orElseThrow()
        .getJsonNumber("balance")
        .bigDecimalValue();
  }

  private static Optional<JsonObject> member(JsonObject statement, String code) {
    return statement.getJsonArray("members").stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.getString("code").equals(code))
        .findFirst();
  }

  private static BigDecimal sum(JsonArray members, String field) {
    return members.stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.containsKey(field))
        .map(m -> ((JsonNumber) m.get(field)).bigDecimalValue())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static List<String> fields(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    return r.json().asJsonObject().getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .toList();
  }

  /** The latest audit entry of this action on this target. */
  private JsonObject audit(String action, String targetId) {
    return api
        .get("/api/v1/tenants/smopk/audit?limit=200", admin)
        .json()
        .asJsonObject()
        .getJsonArray("items")
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> e.getString("action").equals(action))
        .filter(e -> e.getString("targetId").equals(targetId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " of " + targetId));
  }
}
