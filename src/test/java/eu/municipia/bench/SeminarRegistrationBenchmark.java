package eu.municipia.bench;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * 1,000 registrations arriving at once for 100 places (a thousand clients released together, one
 * person each, through the members' API): throughput, latency as the clients see it, and the check
 * that nothing was oversold: exactly 100 confirmed, 900 in line in arrival order, nobody twice, and
 * the event's count of places held equal to what its registrations hold.
 */
@MunicipiaIT
class SeminarRegistrationBenchmark {

  private static final int REGISTRATIONS = 1000;
  private static final int PLACES = 100;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  @Test
  void aThousandAtOnceForAHundredPlaces() throws Exception {
    URI base = Deployments.base(deployed);
    Api api = new Api(base);
    Load load = new Load(base);
    String admin = Tokens.accessToken(SMOPK_ADMIN);
    String official = Tokens.accessToken(SMOPK_OFFICIAL);
    String run = UUID.randomUUID().toString().substring(0, 6);
    // Warm-up on an event of its own (token check, JSON, the lock, the mail), not measured.
    String warmUp = registrations(event(api, admin, "Benchmark: zahřátí", 10));
    for (int i = 0; i < 20; i++) {
      String email = "warm-" + i + "-" + run + "@bench.example";
      assertThat(load.post(warmUp, official, "application/json", body(email)).status())
          .isEqualTo(201);
    }
    String event = event(api, admin, "Benchmark: 1000 na 100 míst", PLACES);
    String path = registrations(event);

    ExecutorService clients = Executors.newFixedThreadPool(REGISTRATIONS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Load.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < REGISTRATIONS; i++) {
      String email = "b" + i + "-" + run + "@bench.example";
      answers.add(
          clients.submit(
              () -> {
                go.await();
                return load.post(path, official, "application/json", body(email));
              }));
    }
    long began = System.nanoTime();
    go.countDown();
    List<Long> times = new ArrayList<>();
    for (Future<Load.Answer> f : answers) {
      Load.Answer a = f.get();
      assertThat(a.status()).as(a.body()).isEqualTo(201);
      times.add(a.nanos());
    }
    long wall = System.nanoTime() - began;
    clients.shutdown();
    Load.Stats stats = Load.Stats.of(times, wall);

    List<JsonObject> queue =
        api.get(path, admin).json().asJsonArray().getValuesAs(JsonObject.class);
    assertThat(queue).hasSize(REGISTRATIONS);
    long confirmed = queue.stream().filter(r -> r.getString("status").equals("CONFIRMED")).count();
    long waiting = queue.stream().filter(r -> r.getString("status").equals("WAITING")).count();
    assertThat(confirmed).as("nothing oversold").isEqualTo(PLACES);
    assertThat(waiting).isEqualTo(REGISTRATIONS - PLACES);
    assertThat(queue)
        .allSatisfy(
            r -> {
              long number = r.getJsonNumber("number").longValue();
              assertThat(r.getString("status"))
                  .isEqualTo(number <= PLACES ? "CONFIRMED" : "WAITING");
            });
    Set<String> people = new HashSet<>();
    queue.forEach(
        r ->
            r.getJsonArray("people")
                .getValuesAs(JsonObject.class)
                .forEach(p -> assertThat(people.add(p.getString("email"))).isTrue()));
    long held = heldPlaces(UUID.fromString(event));
    assertThat(held).as("the event's count of places held").isEqualTo(PLACES);

    BenchResults.table(
            "Registration: " + REGISTRATIONS + " at once for " + PLACES + " places",
            "registrations",
            "clients at once",
            "median ms",
            "p95 ms",
            "max ms",
            "registrations/s",
            "confirmed",
            "waiting",
            "oversold")
        .row(
            String.valueOf(REGISTRATIONS),
            String.valueOf(REGISTRATIONS),
            BenchResults.number(stats.median(), 0),
            BenchResults.number(stats.p95(), 0),
            BenchResults.number(stats.max(), 0),
            BenchResults.number(stats.perSecond(), 1),
            String.valueOf(confirmed),
            String.valueOf(waiting),
            "0");
    BenchResults.note(
        "Every registration takes the event's row lock, so they are serialised: the latency of"
            + " the last in the queue includes the work of all before it; the throughput is that of"
            + " one event (registrations for different events do not wait for each other).");
    PayaraMemory.describe()
        .ifPresent(m -> BenchResults.note("Payara after the registration run: " + m + "."));
    BenchResults.print();
  }

  private static String event(Api api, String admin, String title, int places) {
    LocalDateTime start =
        LocalDateTime.now(ZoneId.of("Europe/Prague"))
            .plusDays(60)
            .withHour(9)
            .truncatedTo(ChronoUnit.HOURS);
    Api.Response created =
        api.post(
            "/api/v1/tenants/smopk/seminars",
            admin,
            "application/json",
            Json.createObjectBuilder()
                .add("kind", "CONFERENCE")
                .add("title", title)
                .add("startsAt", start.withMinute(0).toString())
                .add("endsAt", start.withHour(17).withMinute(0).toString())
                .add("venue", "Plzeň")
                .add("capacity", places)
                .add("audience", "MEMBERS")
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().asJsonObject().getString("id");
  }

  private static String registrations(String event) {
    return "/api/v1/tenants/smopk/seminars/" + event + "/registrations";
  }

  private static String body(String email) {
    return Json.createObjectBuilder()
        .add(
            "people",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("name", "Účastník " + email)
                        .add("email", email)))
        .add("contactName", "Josef Král")
        .add("contactEmail", email)
        .add("consent", true)
        .build()
        .toString();
  }

  private static long heldPlaces(UUID event) throws Exception {
    try (Connection c = TestStack.get().database().app()) {
      try (PreparedStatement tenant =
          c.prepareStatement("SELECT set_config('app.tenant_id', 'smopk', false)")) {
        tenant.execute();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT s.held_places, (SELECT coalesce(sum(r.places), 0) FROM seminar_registration r"
                  + " WHERE r.seminar_id = s.id AND r.status IN ('CONFIRMED', 'OFFERED'))"
                  + " FROM seminar s WHERE s.id = ?")) {
        ps.setObject(1, event);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2));
          return rs.getLong(1);
        }
      }
    }
  }
}
