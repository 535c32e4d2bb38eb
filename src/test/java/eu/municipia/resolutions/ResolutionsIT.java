package eu.municipia.resolutions;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register through the API: adoption computed from the votes, the attendance at the moment of
 * the vote and the body's rules; the refusal without quorum; numbers unique and gapless when admins
 * record at once; amend and annul chains; revisions; the Czech search; follow-up tasks; files;
 * members-only resolutions invisible to outsiders by every path; who may do what. Every test makes
 * its own body (its own number prefix), so their order does not matter.
 */
@MunicipiaIT
class ResolutionsIT {

  private static final String BASE = Council.BASE;
  private static final String DAY = "2031-03-12T";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  String admin;
  String official;
  String otherAdmin;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed));
    admin = Tokens.accessToken(SMOPK_ADMIN);
    official = Tokens.accessToken(SMOPK_OFFICIAL);
    otherAdmin = Tokens.accessToken(SMOCR_ADMIN);
  }

  @Test
  void adoptionFollowsTheVotesTheAttendanceAtThatMomentAndTheRules() {
    Council council =
        Council.create(
            api,
            admin,
            "HALF_OF_PRESENT",
            Map.of("BUDGET", "THREE_FIFTHS_OF_PRESENT", "STATUTES", "TWO_THIRDS_OF_ALL"),
            false);
    List<String> seats = council.seats(9);
    String meeting = council.meeting(1, DAY + "14:00");
    for (int i = 0; i < 5; i++) {
      council.arrive(meeting, seats.get(i), DAY + "14:00", null);
    }
    council.arrive(meeting, seats.get(5), DAY + "14:30", null); // arrives late
    String second = council.arrive(meeting, seats.get(6), DAY + "15:15", null);
    council.arrive(meeting, seats.get(7), DAY + "15:15", DAY + "15:45");
    council.leave(meeting, second, DAY + "15:45");

    JsonObject carried = vote(council, meeting, "GENERAL", "14:10", 3, 2, 0);
    assertThat(carried.getString("outcome")).isEqualTo("ADOPTED");
    assertThat(carried.getInt("present")).isEqualTo(5);
    assertThat(carried.getInt("basis")).isEqualTo(9);
    assertThat(carried.getInt("quorum")).isEqualTo(5);
    assertThat(carried.getInt("needed")).as("more than half of 5").isEqualTo(3);
    assertThat(carried.getString("majority")).isEqualTo("HALF_OF_PRESENT");
    assertThat(vote(council, meeting, "GENERAL", "14:10", 2, 1, 2).getString("outcome"))
        .as("abstentions are not votes for")
        .isEqualTo("REJECTED");

    JsonObject afterArrival = vote(council, meeting, "GENERAL", "14:40", 3, 3, 0);
    assertThat(afterArrival.getInt("present")).as("the sixth arrived at 14:30").isEqualTo(6);
    assertThat(afterArrival.getInt("needed")).isEqualTo(4);
    assertThat(afterArrival.getString("outcome")).isEqualTo("REJECTED");

    JsonObject budget = vote(council, meeting, "BUDGET", "15:20", 5, 3, 0);
    assertThat(budget.getInt("present")).as("two more from 15:15").isEqualTo(8);
    assertThat(budget.getString("majority")).isEqualTo("THREE_FIFTHS_OF_PRESENT");
    assertThat(budget.getInt("needed")).as("4.8 rounds up").isEqualTo(5);
    assertThat(budget.getString("outcome")).isEqualTo("ADOPTED");

    JsonObject statutes = vote(council, meeting, "STATUTES", "15:20", 5, 0, 3);
    assertThat(statutes.getString("majority")).isEqualTo("TWO_THIRDS_OF_ALL");
    assertThat(statutes.getInt("needed")).as("two thirds of all 9").isEqualTo(6);
    assertThat(statutes.getString("outcome")).isEqualTo("REJECTED");

    JsonObject afterDeparture = vote(council, meeting, "GENERAL", "15:50", 4, 2, 0);
    assertThat(afterDeparture.getInt("present")).as("the two left at 15:45").isEqualTo(6);
    assertThat(afterDeparture.getString("outcome")).isEqualTo("ADOPTED");

    Api.Response tooMany = council.record(resolution(meeting, "GENERAL", "15:50", 5, 2, 0));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body())
        .contains("votesFor", "more votes than people present at that moment (6)");

    // A change of the body's rules applies to the votes from then on, not to those recorded.
    Api.Response changed =
        api.put(
            BASE + "/bodies/" + council.id,
            admin,
            "application/json",
            Json.createObjectBuilder()
                .add("nameCs", "Výbor " + council.prefix)
                .add("kind", "COMMITTEE")
                .add("numberPattern", council.prefix + "/{year}/{n}")
                .add("quorumBasis", "MEMBERS")
                .add("majority", "HALF_OF_ALL")
                .build()
                .toString());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonObject ofAll = vote(council, meeting, "GENERAL", "15:50", 4, 2, 0);
    assertThat(ofAll.getInt("needed")).as("more than half of all 9").isEqualTo(5);
    assertThat(ofAll.getString("outcome")).isEqualTo("REJECTED");
    JsonObject earlier =
        api.get(BASE + "/resolutions/" + afterDeparture.getString("id") + "/record", admin)
            .json()
            .asJsonObject();
    assertThat(earlier.getString("outcome")).isEqualTo("ADOPTED");
    assertThat(earlier.getString("majority")).isEqualTo("HALF_OF_PRESENT");
  }

  @Test
  void aVoteWithoutQuorumIsRefusedWithTheReasonAndTakesNoNumber() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    List<String> seats = council.seats(7);
    String meeting = council.meeting(1, DAY + "09:00");
    List<String> stays = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      stays.add(council.arrive(meeting, seats.get(i), DAY + "09:00", null));
    }
    JsonObject first = vote(council, meeting, "GENERAL", "09:15", 4, 0, 0);
    assertThat(first.getString("number")).isEqualTo(council.prefix + "/2031/1");

    council.leave(meeting, stays.get(3), DAY + "10:00");
    Api.Response refused = council.record(resolution(meeting, "GENERAL", "10:05", 3, 0, 0));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonObject problem = refused.json().asJsonObject();
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("votedAt");
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message"))
        .isEqualTo(
            "The body had no quorum at that moment: 3 of 7 present, at least 4 needed. No"
                + " resolution can be adopted.");

    council.arrive(meeting, seats.get(3), DAY + "10:30", null);
    assertThat(vote(council, meeting, "GENERAL", "10:35", 4, 0, 0).getString("number"))
        .as("the refused vote used no number")
        .isEqualTo(council.prefix + "/2031/2");
  }

  @Test
  void anAssemblyCountsTheMemberMunicipalitiesAndEachSeatIsADelegate() {
    String prefix = "SN" + System.nanoTime() % 100_000_000;
    Api.Response created =
        api.post(
            BASE + "/bodies",
            admin,
            "application/json",
            Json.createObjectBuilder()
                .add("nameCs", "Sněm " + prefix)
                .add("kind", "ASSEMBLY")
                .add("numberPattern", prefix + "/{year}/{n}")
                .add("quorumBasis", "MEMBER_MUNICIPALITIES")
                .add("majority", "HALF_OF_PRESENT")
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String body = created.json().asJsonObject().getString("id");
    Api.Response noDelegate =
        api.post(
            BASE + "/bodies/" + body + "/seats",
            admin,
            "application/json",
            "{\"name\":\"Jana Malá\",\"role\":\"MEMBER\",\"termFrom\":\"2030-01-01\"}");
    assertThat(noDelegate.status()).isEqualTo(400);
    assertThat(noDelegate.body()).contains("municipalityCode");

    Council assembly = Council.of(api, admin, body, prefix);
    String cila = assembly.seat("Starosta Čilé", "540927", "2030-01-01", null);
    String cilaDeputy = assembly.seat("Místostarosta Čilé", "540927", "2030-01-01", null);
    String kysice = assembly.seat("Starostka Kyšic", "559130", "2030-01-01", null);
    String meeting = assembly.meeting(1, "2040-05-20T10:00");
    for (String seat : List.of(cila, cilaDeputy, kysice)) {
      assembly.arrive(meeting, seat, "2040-05-20T10:00", null);
    }
    // The basis is the active member municipalities (not organizations, not suspended members:
    // other test classes change SMOPK's members in the same database).
    long members =
        api
            .get(BASE + "/members?status=ACTIVE&limit=500", null)
            .json()
            .asJsonObject()
            .getJsonArray("items")
            .stream()
            .map(m -> m.asJsonObject().getString("code"))
            .filter(code -> code.matches("\\d{6}"))
            .count();
    Api.Response refused =
        assembly.record(resolution(meeting, "GENERAL", "2040-05-20T10:30", 3, 0, 0, true));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body())
        .as("two municipalities present (Čilá twice counts once) of every member municipality")
        .contains("2 of " + members + " present, at least " + (members / 2 + 1) + " needed");
  }

  @Test
  void aBodyThatVotesByNameCountsTheVotesOfThosePresent() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), true);
    List<String> seats = council.seats(5);
    String meeting = council.meeting(1, DAY + "16:00");
    for (int i = 0; i < 4; i++) {
      council.arrive(meeting, seats.get(i), DAY + "16:00", null);
    }
    JsonObject votes =
        Json.createObjectBuilder()
            .add(seats.get(0), "FOR")
            .add(seats.get(1), "FOR")
            .add(seats.get(2), "AGAINST")
            .add(seats.get(3), "ABSTAIN")
            .build();
    JsonObject recorded =
        council.recorded(
            Json.createObjectBuilder()
                .add("meetingId", meeting)
                .add("type", "ELECTION")
                .add("title", "Volba předsedy")
                .add("text", "Výbor volí předsedou Mgr. Rudolfa Salvetra.")
                .add("votedAt", DAY + "16:30")
                .add("votes", votes)
                .add("visibility", "PUBLIC"));
    assertThat(recorded.getInt("votesFor")).isEqualTo(2);
    assertThat(recorded.getInt("votesAgainst")).isEqualTo(1);
    assertThat(recorded.getInt("abstained")).isEqualTo(1);
    assertThat(recorded.getString("outcome"))
        .as("2 of 4 is not more than half")
        .isEqualTo("REJECTED");

    council.publish(recorded.getString("id"));
    JsonObject detail =
        api.get(BASE + "/resolutions/" + recorded.getString("id"), null).json().asJsonObject();
    assertThat(detail.getJsonArray("votes")).hasSize(4);
    assertThat(detail.getJsonArray("votes").getJsonObject(0).getString("name"))
        .startsWith("Člen 1");

    Api.Response absentVoter =
        council.record(
            Json.createObjectBuilder()
                .add("meetingId", meeting)
                .add("type", "GENERAL")
                .add("title", "Hlas nepřítomného")
                .add("text", "Nepřítomný nehlasuje.")
                .add("votedAt", DAY + "16:30")
                .add("votes", Json.createObjectBuilder().add(seats.get(4), "FOR"))
                .add("visibility", "PUBLIC"));
    assertThat(absentVoter.status()).isEqualTo(400);
    assertThat(absentVoter.body()).contains("votes");
    Api.Response counts = council.record(resolution(meeting, "GENERAL", "16:40", 3, 0, 0));
    assertThat(counts.status()).as("a body that votes by name needs the names").isEqualTo(400);
  }

  @Test
  void numbersAreUniqueAndGaplessWhenAdminsRecordAtOnce() throws Exception {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.sitting(3, 1, DAY + "08:00");
    int count = 12;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Api.Response>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        answers.add(
            pool.submit(
                () -> council.record(resolution(meeting, "GENERAL", "08:" + (10 + n), 3, 0, 0))));
      }
      Set<String> numbers = new TreeSet<>();
      for (Future<Api.Response> answer : answers) {
        Api.Response r = answer.get(2, TimeUnit.MINUTES);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        numbers.add(r.json().asJsonObject().getString("number"));
      }
      Set<String> expected = new TreeSet<>();
      for (int i = 1; i <= count; i++) {
        expected.add(council.prefix + "/2031/" + i);
      }
      assertThat(numbers).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }

    // Another transaction takes the next number and rolls back while ours waits: ours gets it.
    try (Connection other = TestStack.get().database().app()) {
      other.setAutoCommit(false);
      try (Statement sql = other.createStatement()) {
        sql.execute("SELECT set_config('app.tenant_id', 'smopk', true)");
        sql.executeUpdate(
            "UPDATE resolution_counter SET last = last + 1 WHERE body_id = '"
                + council.id
                + "' AND year = 2031");
      }
      CompletableFuture<Api.Response> ours =
          CompletableFuture.supplyAsync(
              () -> council.record(resolution(meeting, "GENERAL", "09:00", 3, 0, 0)));
      Thread.sleep(1500);
      assertThat(ours).as("waits for the counter's lock").isNotDone();
      other.rollback();
      Api.Response answer = ours.get(30, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      assertThat(answer.json().asJsonObject().getString("number"))
          .isEqualTo(council.prefix + "/2031/" + (count + 1));
    }
  }

  @Test
  void amendAndAnnulChainsShowBothWays() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    List<String> seats = council.seats(3);
    String first = council.meeting(1, "2031-02-01T10:00");
    String second = council.meeting(2, "2031-06-01T10:00");
    seats.forEach(s -> council.arrive(first, s, "2031-02-01T10:00", null));
    seats.forEach(s -> council.arrive(second, s, "2031-06-01T10:00", null));
    JsonObject dues =
        council.published(
            Council.resolution(
                first,
                "DUES",
                "Výše členského příspěvku",
                "Výbor stanovuje příspěvek 2 Kč na obyvatele.",
                "2031-02-01T10:30",
                3,
                0,
                0));
    Api.Response tooEarly =
        council.record(
            Council.resolution(
                    first,
                    "DUES",
                    "Změna dříve",
                    "Nelze měnit budoucí.",
                    "2031-02-01T10:20",
                    3,
                    0,
                    0)
                .add("changesId", dues.getString("id"))
                .add("changeKind", "AMENDS"));
    assertThat(tooEarly.status()).as("only an earlier resolution").isEqualTo(400);

    JsonObject amendment =
        council.published(
            Council.resolution(
                    second,
                    "DUES",
                    "Změna příspěvku",
                    "Výbor mění příspěvek na 2,50 Kč.",
                    "2031-06-01T10:30",
                    3,
                    0,
                    0)
                .add("changesId", dues.getString("id"))
                .add("changeKind", "AMENDS"));
    JsonObject annulment =
        council.published(
            Council.resolution(
                    second,
                    "DUES",
                    "Zrušení změny",
                    "Výbor ruší usnesení o změně příspěvku.",
                    "2031-06-01T11:00",
                    3,
                    0,
                    0)
                .add("changesId", amendment.getString("id"))
                .add("changeKind", "ANNULS"));

    JsonObject original = detail(dues.getString("id"), null);
    assertThat(original.getJsonArray("changedBy").getJsonObject(0).getString("number"))
        .isEqualTo(amendment.getString("number"));
    assertThat(original.getJsonArray("changedBy").getJsonObject(0).getString("kind"))
        .isEqualTo("AMENDS");
    assertThat(original.getBoolean("annulled")).isFalse();
    JsonObject middle = detail(amendment.getString("id"), null);
    assertThat(middle.getJsonObject("changes").getString("number"))
        .isEqualTo(dues.getString("number"));
    assertThat(middle.getJsonArray("changedBy").getJsonObject(0).getString("kind"))
        .isEqualTo("ANNULS");
    assertThat(middle.getBoolean("annulled")).isTrue();
    assertThat(detail(annulment.getString("id"), null).getJsonObject("changes").getString("number"))
        .isEqualTo(amendment.getString("number"));

    Api.Response again =
        council.record(
            Council.resolution(
                    second,
                    "DUES",
                    "Znovu zrušit",
                    "Zrušené nelze zrušit znovu.",
                    "2031-06-01T11:30",
                    3,
                    0,
                    0)
                .add("changesId", amendment.getString("id"))
                .add("changeKind", "ANNULS"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("annulled already");
  }

  @Test
  void membersOnlyResolutionsAndFilesAreInvisibleToOutsidersByEveryPath() throws Exception {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.sitting(3, 1, DAY + "13:00");
    String word = "tajnost" + council.prefix.toLowerCase();
    JsonObject hidden =
        council.published(
            Council.resolution(
                    meeting,
                    "GENERAL",
                    "Personální věc " + word,
                    "Výbor projednal " + word + " a souhlasí.",
                    DAY + "13:10",
                    3,
                    0,
                    0)
                .add("visibility", "MEMBERS"));
    JsonObject open =
        council.published(
            Council.resolution(
                meeting,
                "GENERAL",
                "Veřejná věc " + word,
                "Výbor bere na vědomí zprávu " + word + ".",
                DAY + "13:20",
                3,
                0,
                0));
    String minutes = upload(meeting, "MINUTES", "PUBLIC", "zapis.pdf");
    String material = upload(meeting, "MATERIAL", "MEMBERS", "podklad.pdf");

    for (String outsider : new String[] {null, otherAdmin}) {
      String who = outsider == null ? "anonymous" : "SMO ČR's admin";
      assertThat(api.get(BASE + "/resolutions/" + hidden.getString("id"), outsider).status())
          .as(who)
          .isEqualTo(404);
      JsonObject found = search("q=" + word, outsider);
      assertThat(found.getInt("total")).as(who + ": the count too").isEqualTo(1);
      assertThat(numbers(found)).containsExactly(open.getString("number"));
      assertThat(
              search("q=" + word + "&outcome=ADOPTED&year=2031&body=" + council.id, outsider)
                  .getInt("total"))
          .isEqualTo(1);
      assertThat(search("q=personalni", outsider).toString()).doesNotContain(word);
      String csv = api.get(BASE + "/resolutions/export.csv?q=" + word, outsider).body();
      assertThat(csv).contains(open.getString("number")).doesNotContain(hidden.getString("number"));
      JsonObject meetingView =
          api.get(BASE + "/meetings/" + meeting, outsider).json().asJsonObject();
      assertThat(meetingView.getJsonArray("resolutions")).hasSize(1);
      assertThat(meetingView.getJsonArray("files")).hasSize(1);
      assertThat(meetingView.getJsonArray("agenda")).isEmpty();
      assertThat(pdfText(meeting, outsider))
          .contains(open.getString("number"))
          .doesNotContain(word + " a souhlasí");
      assertThat(api.get(BASE + "/meetings/" + meeting + "/files/" + material, outsider).status())
          .isEqualTo(404);
      assertThat(api.get(BASE + "/meetings/" + meeting + "/files/" + minutes, outsider).status())
          .isEqualTo(200);
    }
    assertThat(
            api.get("/api/v1/tenants/smocr/resolutions/" + open.getString("id"), otherAdmin)
                .status())
        .as("not SMO ČR's resolution either")
        .isEqualTo(404);

    assertThat(api.get(BASE + "/resolutions/" + hidden.getString("id"), official).status())
        .isEqualTo(200);
    assertThat(search("q=" + word, official).getInt("total")).isEqualTo(2);
    assertThat(api.get(BASE + "/resolutions/export.csv?q=" + word, official).body())
        .contains(hidden.getString("number"));
    assertThat(pdfText(meeting, official)).contains(hidden.getString("number"));
    Api.Response file = api.get(BASE + "/meetings/" + meeting + "/files/" + material, official);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.contentType()).startsWith("application/pdf");
  }

  @Test
  void aPublishedTextChangesOnlyByAVisibleDatedAuditedRevision() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.sitting(3, 1, DAY + "11:00");
    JsonObject recorded =
        council.recorded(
            Council.resolution(
                meeting,
                "NOTE",
                "Zpráva o činnosti",
                "Výbor bere na vědomí zprávu o činnosti.",
                DAY + "11:10",
                3,
                0,
                0));
    String id = recorded.getString("id");
    assertThat(api.get(BASE + "/resolutions/" + id, official).status())
        .as("a draft")
        .isEqualTo(404);
    Api.Response draftEdit =
        changeText(id, "Zpráva o činnosti za rok 2030", recorded.getString("text"), null);
    assertThat(draftEdit.status()).as(draftEdit.body()).isEqualTo(200);
    council.publish(id);
    assertThat(api.post(BASE + "/resolutions/" + id + "/publication", admin, null, null).status())
        .isEqualTo(409);

    Api.Response silent = changeText(id, "Jiný název", recorded.getString("text"), null);
    assertThat(silent.status()).isEqualTo(400);
    assertThat(silent.body()).contains("reason");
    Api.Response revised =
        changeText(
            id,
            "Zpráva o činnosti za rok 2030",
            "Výbor bere na vědomí zprávu o činnosti sdružení.",
            "Doplněno slovo sdružení podle zápisu.");
    assertThat(revised.status()).as(revised.body()).isEqualTo(200);

    JsonObject detail = detail(id, null);
    assertThat(detail.getString("text"))
        .isEqualTo("Výbor bere na vědomí zprávu o činnosti sdružení.");
    JsonObject revision = detail.getJsonArray("revisions").getJsonObject(0);
    assertThat(revision.getString("reason")).isEqualTo("Doplněno slovo sdružení podle zápisu.");
    assertThat(revision.getString("textBefore"))
        .isEqualTo("Výbor bere na vědomí zprávu o činnosti.");
    assertThat(revision.getString("revisedBy")).isEqualTo("Anna Nováková");
    assertThat(revision.getString("revisedAt")).isNotBlank();
    JsonObject audit = audit("resolution.revised", id);
    assertThat(audit.getString("before")).contains("zprávu o činnosti.");
    assertThat(audit.getString("after")).contains("Doplněno slovo sdružení");
  }

  @Test
  void theSearchUnderstandsCzechInflectionAccentsAndTypos() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.sitting(3, 1, DAY + "17:00");
    JsonObject budget =
        council.published(
            Council.resolution(
                meeting,
                "BUDGET",
                "Rozpočet " + council.prefix,
                "Správní výbor schvaluje rozpočet sdružení na rok 2032.",
                DAY + "17:10",
                3,
                0,
                0));
    String only = "&body=" + council.id;
    for (String query : List.of("rozpočtu", "rozpoctem", "ROZPOČET", "schválení rozpočtu")) {
      JsonObject found = search("q=" + enc(query) + only, null);
      assertThat(numbers(found)).as(query).containsExactly(budget.getString("number"));
    }
    JsonObject phrase = search("q=" + enc("\"schvaluje rozpočet\"") + only, null);
    assertThat(phrase.getInt("total")).isEqualTo(1);
    assertThat(search("q=" + enc("\"rozpočet schvaluje\"") + only, null).getInt("total"))
        .as("a phrase keeps its order")
        .isZero();
    Api.Response typo = api.get(BASE + "/resolutions?q=rozpcet" + only, null);
    assertThat(typo.header("Search-Mode")).isEqualTo("approximate");
    assertThat(numbers(typo.json().asJsonObject())).containsExactly(budget.getString("number"));
    Api.Response part = api.get(BASE + "/resolutions?q=sdruz" + only, null);
    assertThat(numbers(part.json().asJsonObject())).containsExactly(budget.getString("number"));
    JsonObject marked = search("q=rozpoctu" + only, null).getJsonArray("items").getJsonObject(0);
    assertThat(
            marked.getJsonArray("snippet").stream()
                .map(JsonValue::asJsonObject)
                .filter(f -> f.getBoolean("marked"))
                .map(f -> f.getString("text")))
        .containsExactly("rozpočet");
    assertThat(search("q=" + enc("zcela nesouvisející") + only, null).getInt("total")).isZero();
  }

  @Test
  void followUpTasksShowTheirStateWithTheResolutionAndFilterTheRegister() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.sitting(3, 1, "2025-09-10T10:00");
    JsonObject resolution =
        council.published(
            Council.resolution(
                meeting,
                "GENERAL",
                "Oprava webu",
                "Výbor ukládá zajistit opravu webu.",
                "2025-09-10T10:30",
                3,
                0,
                0));
    String id = resolution.getString("id");
    Api.Response task =
        api.post(
            BASE + "/resolutions/" + id + "/tasks",
            admin,
            "application/json",
            "{\"what\":\"Zajistit opravu webu\",\"who\":\"tajemník\",\"dueOn\":\"2025-12-31\"}");
    assertThat(task.status()).as(task.body()).isEqualTo(201);
    String only = "&body=" + council.id;
    assertThat(search("tasks=overdue" + only, null).getInt("total")).isEqualTo(1);
    assertThat(search("tasks=done" + only, null).getInt("total")).isZero();
    JsonObject shown = detail(id, null).getJsonArray("tasks").getJsonObject(0);
    assertThat(shown.getString("state")).isEqualTo("OPEN");
    assertThat(shown.getBoolean("overdue")).isTrue();

    Api.Response done =
        api.put(
            BASE + "/resolutions/" + id + "/tasks/" + task.json().asJsonObject().getString("id"),
            admin,
            "application/json",
            "{\"what\":\"Zajistit opravu webu\",\"who\":\"tajemník\",\"dueOn\":\"2025-12-31\",\"state\":\"DONE\",\"progress\":\"Opraveno v listopadu.\"}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(search("tasks=done" + only, null).getInt("total")).isEqualTo(1);
    assertThat(search("tasks=overdue" + only, null).getInt("total")).isZero();
    assertThat(detail(id, null).getJsonArray("tasks").getJsonObject(0).getString("progress"))
        .isEqualTo("Opraveno v listopadu.");
  }

  /**
   * A resolution in a list (the register's search and a meeting's page) says what its own page
   * says: body, meeting, vote, outcome, the state of its tasks and whether it was annulled; and a
   * page past the last hit still tells how many there are.
   */
  @Test
  void aListedResolutionSaysWhatItsOwnPageSays() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.sitting(3, 4, "2025-09-10T10:00");
    String word = "chodnik" + council.prefix.toLowerCase();
    JsonObject pavement =
        council.published(
            Council.resolution(
                meeting,
                "GENERAL",
                "Oprava chodníku",
                "Výbor ukládá opravit " + word + " u školy.",
                "2025-09-10T10:10",
                3,
                0,
                0));
    Api.Response task =
        api.post(
            BASE + "/resolutions/" + pavement.getString("id") + "/tasks",
            admin,
            "application/json",
            "{\"what\":\"Opravit chodník\",\"who\":\"tajemník\",\"dueOn\":\"2025-12-31\"}");
    assertThat(task.status()).as(task.body()).isEqualTo(201);
    JsonObject rejected =
        council.published(
            Council.resolution(
                meeting,
                "BUDGET",
                "Rozpočtové opatření",
                "Výbor schvaluje rozpočtové opatření na " + word + ".",
                "2025-09-10T10:20",
                1,
                2,
                0));
    JsonObject dues =
        council.published(
            Council.resolution(
                meeting,
                "DUES",
                "Příspěvek",
                "Výbor stanoví příspěvek.",
                "2025-09-10T10:30",
                3,
                0,
                0));
    JsonObject annulment =
        council.published(
            Council.resolution(
                    meeting,
                    "DUES",
                    "Zrušení příspěvku",
                    "Výbor ruší usnesení o příspěvku.",
                    "2025-09-10T10:40",
                    3,
                    0,
                    0)
                .add("changesId", dues.getString("id"))
                .add("changeKind", "ANNULS"));

    String only = "&body=" + council.id;
    JsonObject all = search("limit=10" + only, null);
    assertThat(all.getInt("total")).isEqualTo(4);
    assertThat(numbers(all))
        .as("newest first")
        .containsExactly(
            annulment.getString("number"),
            dues.getString("number"),
            rejected.getString("number"),
            pavement.getString("number"));
    Map<String, String> tasks =
        Map.of(
            pavement.getString("number"), "OPEN",
            rejected.getString("number"), "NONE",
            dues.getString("number"), "NONE",
            annulment.getString("number"), "NONE");
    for (JsonValue value : all.getJsonArray("items")) {
      JsonObject item = value.asJsonObject();
      JsonObject page = detail(item.getString("id"), null);
      String number = item.getString("number");
      for (String field :
          List.of(
              "number",
              "title",
              "bodyId",
              "bodyCs",
              "bodyEn",
              "meetingId",
              "votedAt",
              "type",
              "outcome",
              "visibility")) {
        assertThat(item.getString(field)).as(number + " " + field).isEqualTo(page.getString(field));
      }
      assertThat(item.getInt("meetingNumber")).as(number).isEqualTo(4);
      assertThat(item.getBoolean("annulled")).as(number).isEqualTo(page.getBoolean("annulled"));
      assertThat(item.getString("tasks")).as(number).isEqualTo(tasks.get(number));
      assertThat(item.getBoolean("overdue"))
          .as(number + ": its task was due in 2025")
          .isEqualTo(number.equals(pavement.getString("number")));
      assertThat(item.getJsonArray("titleMarked").getJsonObject(0).getString("text"))
          .isEqualTo(page.getString("title"));
    }
    assertThat(
            all.getJsonArray("items").stream()
                .filter(i -> i.asJsonObject().getBoolean("annulled"))
                .map(i -> i.asJsonObject().getString("number")))
        .containsExactly(dues.getString("number"));

    Api.Response sitting = api.get(BASE + "/meetings/" + meeting, null);
    assertThat(sitting.status()).as(sitting.body()).isEqualTo(200);
    Set<JsonValue> listed = new java.util.HashSet<>(all.getJsonArray("items"));
    assertThat(new java.util.HashSet<>(sitting.json().asJsonObject().getJsonArray("resolutions")))
        .as("a meeting lists its resolutions as the register does")
        .isEqualTo(listed);

    JsonObject past = search("offset=10" + only, null);
    assertThat(past.getInt("total")).as("a page past the end still counts").isEqualTo(4);
    assertThat(past.getJsonArray("items")).isEmpty();
    JsonObject second = search("q=" + word + "&offset=1&limit=1" + only, null);
    assertThat(second.getInt("total")).isEqualTo(2);
    assertThat(numbers(second))
        .hasSize(1)
        .doesNotContain(numbers(search("q=" + word + "&limit=1" + only, null)).get(0));
    assertThat(search("q=" + word + "&offset=5" + only, null).getInt("total")).isEqualTo(2);
  }

  @Test
  void theMeetingsResolutionsAreAPdfWithEmbeddedFontsAndCzechDiacritics() throws Exception {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.sitting(3, 7, DAY + "18:00");
    JsonObject r =
        council.published(
            Council.resolution(
                meeting,
                "GENERAL",
                "Příliš žluťoučký kůň",
                "Úpěl ďábelské ódy: ěščřžýáíé ůú ňť ď.",
                DAY + "18:10",
                2,
                1,
                0));
    byte[] pdf = pdfBytes(meeting, null);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(r.getString("number") + " – Příliš žluťoučký kůň")
          .contains("Úpěl ďábelské ódy: ěščřžýáíé ůú ňť ď.")
          .contains("7. zasedání");
      for (var page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void onlyPdfsAreTakenAsFilesOfAMeeting() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.meeting(1, DAY + "07:00");
    Api.Response html =
        api.post(
            BASE + "/meetings/" + meeting + "/files?kind=MINUTES&name=zapis.pdf",
            admin,
            "application/pdf",
            "<html><script>alert(1)</script></html>");
    assertThat(html.status()).isEqualTo(400);
    assertThat(html.body()).contains("not a PDF");
    Api.Response kind =
        api.post(
            BASE + "/meetings/" + meeting + "/files?kind=PHOTO",
            admin,
            "application/pdf",
            "%PDF-1.4 x");
    assertThat(kind.status()).isEqualTo(400);
  }

  @Test
  void theSeatHoldersWithAnAddressAreInvited() {
    MailServer mail = TestStack.get().mail().start();
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String address = council.prefix.toLowerCase() + "@obec-test.cz";
    council.seat("Marie Dvořáková", null, "2020-01-01", null);
    String seat = council.seat("Petr Novák " + council.prefix, null, "2020-01-01", null);
    Api.Response withMail =
        api.put(
            BASE + "/bodies/" + council.id + "/seats/" + seat,
            admin,
            "application/json",
            "{\"name\":\"Petr Novák\",\"email\":\""
                + address
                + "\",\"role\":\"CHAIR\",\"termFrom\":\"2020-01-01\"}");
    assertThat(withMail.status()).as(withMail.body()).isEqualTo(200);
    String meeting = council.meeting(3, "2031-04-02T15:00");
    api.post(
        BASE + "/meetings/" + meeting + "/agenda",
        admin,
        "application/json",
        "{\"title\":\"Rozpočet na rok 2032\"}");
    Api.Response invited =
        api.post(BASE + "/meetings/" + meeting + "/invitations", admin, null, null);
    assertThat(invited.status()).as(invited.body()).isEqualTo(200);
    assertThat(invited.json().asJsonObject().getInt("invited")).isEqualTo(1);
    MailServer.Mail sent =
        mail.await(m -> m.to().equalsIgnoreCase(address), Duration.ofSeconds(30));
    assertThat(sent.subject()).contains("pozvánka na 3. zasedání");
    assertThat(sent.body())
        .contains(
            "Petr Novák",
            "2. 4. 2031 15:00",
            "1. Rozpočet na rok 2032",
            "/smopk/resolutions/meeting?id=" + meeting);
  }

  @Test
  void onlyTheAssociationsAdminsWrite() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.meeting(1, DAY + "06:00");
    String body =
        "{\"nameCs\":\"X\",\"kind\":\"COMMITTEE\",\"numberPattern\":\"X/{year}/{n}\",\"quorumBasis\":\"MEMBERS\",\"majority\":\"HALF_OF_PRESENT\"}";
    Map<String, String> writes =
        Map.of(
            BASE + "/bodies", body,
            BASE + "/meetings", "{}",
            BASE + "/resolutions", "{}",
            BASE + "/meetings/" + meeting + "/agenda", "{\"title\":\"x\"}",
            BASE + "/meetings/" + meeting + "/attendance", "{}",
            BASE + "/meetings/" + meeting + "/invitations", "{}");
    writes.forEach(
        (path, json) -> {
          assertThat(api.post(path, null, "application/json", json).status())
              .as(path)
              .isEqualTo(401);
          assertThat(api.post(path, official, "application/json", json).status())
              .as(path)
              .isEqualTo(403);
          assertThat(api.post(path, otherAdmin, "application/json", json).status())
              .as(path)
              .isEqualTo(403);
        });
    assertThat(api.get(BASE + "/bodies/" + council.id + "/seats", official).status())
        .isEqualTo(403);
    assertThat(api.get(BASE + "/meetings/" + meeting + "/agenda", null).status()).isEqualTo(401);
    assertThat(api.get(BASE + "/meetings/" + meeting + "/agenda", official).status())
        .isEqualTo(200);
  }

  @Test
  void badInputIsAProblemNeverAnError() {
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.meeting(1, DAY + "05:00");
    Api.Response broken =
        api.post(BASE + "/resolutions", admin, "application/json", "{\"meetingId\":");
    assertThat(broken.status()).isEqualTo(400);
    Api.Response wrongType =
        api.post(BASE + "/resolutions", admin, "application/json", "{\"meetingId\":\"x\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    Api.Response empty = api.post(BASE + "/resolutions", admin, "application/json", "{}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body())
        .contains("meetingId", "type", "title", "text", "votedAt", "visibility");
    Api.Response unknownMeeting =
        council.record(
            resolution(java.util.UUID.randomUUID().toString(), "GENERAL", DAY + "05:10", 1, 0, 0));
    assertThat(unknownMeeting.status()).isEqualTo(400);
    assertThat(council.record(resolution(meeting, "GENERAL", "2031-03-11T23:00", 0, 0, 0)).body())
        .contains("before the meeting began");
    for (String path :
        List.of(
            "/resolutions/not-a-uuid",
            "/resolutions/" + java.util.UUID.randomUUID(),
            "/meetings/%20",
            "/meetings/" + meeting + "/files/x",
            "/meetings/x/resolutions.pdf")) {
      Api.Response r = api.get(BASE + path, null);
      assertThat(r.status()).as(path).isEqualTo(404);
    }
    for (String query :
        List.of(
            "year=abc",
            "outcome=MAYBE",
            "tasks=later",
            "body=x",
            "limit=0",
            "q=" + "x".repeat(201))) {
      Api.Response r = api.get(BASE + "/resolutions?" + query, null);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    Api.Response badPattern =
        api.post(
            BASE + "/bodies",
            admin,
            "application/json",
            "{\"nameCs\":\"X\",\"numberPattern\":\"{n}\"}");
    assertThat(badPattern.status()).isEqualTo(400);
    assertThat(badPattern.body()).contains("numberPattern", "kind", "quorumBasis", "majority");
    Api.Response taken =
        api.post(
            BASE + "/bodies",
            admin,
            "application/json",
            "{\"nameCs\":\"Kopie\",\"kind\":\"COMMITTEE\",\"numberPattern\":\""
                + council.prefix
                + "/{year}/{n}\",\"quorumBasis\":\"MEMBERS\",\"majority\":\"HALF_OF_PRESENT\"}");
    assertThat(taken.status()).isEqualTo(409);
  }

  // Helpers.

  private static jakarta.json.JsonObjectBuilder resolution(
      String meeting, String type, String votedAt, int yes, int no, int abstained) {
    return resolution(meeting, type, votedAt, yes, no, abstained, false);
  }

  private static jakarta.json.JsonObjectBuilder resolution(
      String meeting, String type, String votedAt, int yes, int no, int abstained, boolean full) {
    String at = full || votedAt.length() > 5 ? votedAt : DAY + votedAt;
    return Council.resolution(
        meeting,
        type,
        "Usnesení " + type,
        "Výbor rozhoduje o věci " + type + ".",
        at,
        yes,
        no,
        abstained);
  }

  /** Records a vote at HH:mm of the test day; answers the recorded resolution. */
  private static JsonObject vote(
      Council council, String meeting, String type, String time, int yes, int no, int abstained) {
    return council.recorded(resolution(meeting, type, time, yes, no, abstained));
  }

  private JsonObject detail(String id, String token) {
    Api.Response r = api.get(BASE + "/resolutions/" + id, token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonObject();
  }

  private JsonObject search(String query, String token) {
    Api.Response r = api.get(BASE + "/resolutions?" + query, token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonObject();
  }

  private static List<String> numbers(JsonObject page) {
    return page.getJsonArray("items").stream()
        .map(i -> i.asJsonObject().getString("number"))
        .collect(Collectors.toList());
  }

  private Api.Response changeText(String id, String title, String text, String reason) {
    var change = Json.createObjectBuilder().add("title", title).add("text", text);
    if (reason != null) {
      change.add("reason", reason);
    }
    return api.put(
        BASE + "/resolutions/" + id + "/text",
        admin,
        "application/json",
        change.build().toString());
  }

  private JsonObject audit(String action, String target) {
    for (JsonValue entry :
        api.get("/api/v1/tenants/smopk/audit?limit=200", admin)
            .json()
            .asJsonObject()
            .getJsonArray("items")) {
      JsonObject e = entry.asJsonObject();
      if (action.equals(e.getString("action")) && target.equals(e.getString("targetId"))) {
        return e;
      }
    }
    throw new AssertionError("No audit entry " + action + " of " + target);
  }

  private String upload(String meeting, String kind, String visibility, String name)
      throws Exception {
    byte[] pdf = onePagePdf();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        Deployments.base(deployed)
                            .resolve(
                                BASE
                                    + "/meetings/"
                                    + meeting
                                    + "/files?kind="
                                    + kind
                                    + "&visibility="
                                    + visibility
                                    + "&name="
                                    + name))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pdf))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.createReader(new java.io.StringReader(r.body())).readObject().getString("id");
  }

  private static byte[] onePagePdf() throws Exception {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private byte[] pdfBytes(String meeting, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            Deployments.base(deployed).resolve(BASE + "/meetings/" + meeting + "/resolutions.pdf"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    return r.body();
  }

  private String pdfText(String meeting, String token) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdfBytes(meeting, token))) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
