package eu.municipia.bench;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.bench.Load.Stats;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * SMOPK's coverage page, its JSON and the map's points on the full register (6,258 municipalities,
 * 501 in the Plzeň region): first with the demo members, then with about as many members as SMOPK
 * really has (190: the largest other municipalities of the region join through the members API).
 * Each request: warm-up, then a run one after another and a run from 4 clients.
 */
@MunicipiaIT
class CoveragePageBenchmark {

  private static final int WARM_UP = 20;
  private static final int REQUESTS = 200;
  private static final int CLIENTS = 4;
  private static final int REALISTIC_MEMBERS = 190;
  private static final String COVERAGE_API = "/api/v1/tenants/smopk/coverage";
  private static final String MAP_API = "/api/v1/tenants/smopk/members/map";
  private static final String REGION = "Plzeňský kraj";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  @Test
  void theCoveragePageAndItsDataAnswerWithTheDemoMembersAndWith190() {
    URI base = Deployments.base(deployed);
    Load load = new Load(base);
    FullRegister.ensureImported(load);
    BenchResults.Table table =
        BenchResults.table(
            "Coverage of SMOPK on the full register ("
                + WARM_UP
                + " warm-up requests, then "
                + REQUESTS
                + " measured per run)",
            "members",
            "request",
            "clients",
            "median ms",
            "p95 ms",
            "max ms",
            "requests/s");

    measure(load, table, members(load));

    addLargestOtherMembersOfTheRegion(new Api(base), REALISTIC_MEMBERS - members(load));
    int members = members(load);
    assertThat(members).isEqualTo(REALISTIC_MEMBERS);
    measure(load, table, members);
    BenchResults.print();
  }

  private void measure(Load load, BenchResults.Table table, int members) {
    int points = FullRegister.jsonArray(load.get(MAP_API).body()).size();
    assertThat(points).as("one map point per active member").isEqualTo(members);
    List<Request> requests =
        List.of(
            new Request(
                "GET /smopk/coverage (page)",
                "/smopk/coverage",
                Load.okWith("id=\"member-count\">" + members + "<")),
            new Request(
                "GET " + COVERAGE_API,
                COVERAGE_API,
                a -> {
                  assertThat(a.status()).isEqualTo(200);
                  assertThat(FullRegister.json(a.body()).getInt("members")).isEqualTo(members);
                }),
            new Request("GET " + MAP_API, MAP_API, Load.okWith("\"code\":\"540927\"")));
    for (Request r : requests) {
      Stats one = load.sequential(r.path(), WARM_UP, REQUESTS, r.check());
      row(table, members, r.name(), 1, one);
      Stats four = load.concurrent(r.path(), CLIENTS, REQUESTS, r.check());
      row(table, members, r.name(), CLIENTS, four);
    }
    PayaraMemory.describe()
        .ifPresent(
            memory ->
                BenchResults.note(
                    "Payara after the coverage runs with "
                        + members
                        + " members: "
                        + memory
                        + "."));
  }

  private record Request(String name, String path, Consumer<Load.Answer> check) {}

  private static void row(
      BenchResults.Table table, int members, String request, int clients, Stats s) {
    table.row(
        String.valueOf(members),
        request,
        String.valueOf(clients),
        BenchResults.number(s.median(), 1),
        BenchResults.number(s.p95(), 1),
        BenchResults.number(s.max(), 1),
        BenchResults.number(s.perSecond(), 0));
  }

  private static int members(Load load) {
    Load.Answer coverage = load.get(COVERAGE_API);
    assertThat(coverage.status()).isEqualTo(200);
    return FullRegister.json(coverage.body()).getInt("members");
  }

  /** The region's largest municipalities that are not members yet join, as an admin adds them. */
  private static void addLargestOtherMembersOfTheRegion(Api api, int count) {
    String admin = Tokens.accessToken(SMOPK_ADMIN);
    Set<String> members =
        api
            .get("/api/v1/tenants/smopk/members?limit=500", null)
            .json()
            .asJsonObject()
            .getJsonArray("items")
            .stream()
            .map(m -> m.asJsonObject().getString("code"))
            .collect(Collectors.toSet());
    List<JsonObject> region = new ArrayList<>();
    for (int offset = 0; ; offset += 500) {
      var page =
          api.get(
                  "/api/v1/municipalities?limit=500&offset="
                      + offset
                      + "&region="
                      + URLEncoder.encode(REGION, StandardCharsets.UTF_8),
                  null)
              .json()
              .asJsonObject();
      page.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(region::add);
      if (offset + 500 >= page.getJsonNumber("total").longValue()) {
        break;
      }
    }
    List<String> joining =
        region.stream()
            .filter(m -> !members.contains(m.getString("code")))
            .sorted(Comparator.comparingInt((JsonObject m) -> m.getInt("population")).reversed())
            .limit(count)
            .map(m -> m.getString("code"))
            .toList();
    assertThat(joining).hasSize(count);
    for (String code : joining) {
      Api.Response added =
          api.post(
              "/api/v1/tenants/smopk/members",
              admin,
              "application/json",
              "{\"code\":\"" + code + "\",\"since\":\"2004-03-01\"}");
      assertThat(added.status()).as(added.body()).isEqualTo(201);
    }
  }
}
