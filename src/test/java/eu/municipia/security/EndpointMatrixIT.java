package eu.municipia.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.security.MatrixTable.Expectation;
import eu.municipia.security.MatrixTable.Row;
import eu.municipia.testing.DemoUsers;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.SessionLogin;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint matrix ({@code endpoint-matrix.txt}): every API operation and every Faces view,
 * called as every caller of the table, anonymous, a member without the role, a member and an admin
 * of another association, the union analyst, and the rightful admins; then malformed input to every
 * API operation as a caller who may call it. New endpoints and views are found by themselves
 * (OpenAPI, the WAR), so none ships untested.
 *
 * <p>The test makes its own data where the demo data has none: an application for {@link
 * #NON_MEMBER}, an official of {@link #MEMBER}, the dues rate and a payment of {@link #YEAR}.
 */
@MunicipiaIT
class EndpointMatrixIT {

  private static final Logger LOG = Logger.getLogger(EndpointMatrixIT.class.getName());

  static final String TENANT = "smopk";

  /** This test's member: Chrást, a demo member of SMOPK that no other test uses. */
  static final String MEMBER = "558966";

  /** A municipality of the demo register that is no member: this test applies for it. */
  static final String NON_MEMBER = "559091";

  /** Another one: its application is rejected at once, for malformed decisions to meet. */
  static final String REJECTED = "559121";

  /** This test's dues year (DuesIT, BrowserDuesIT and the demo data keep to theirs). */
  static final int YEAR = 2036;

  /** The person whose data the admin reads (the mayor of Čilá, starosta.cila). */
  static final String PERSON_EMAIL = "starosta@cila.example";

  /** The matrix's events: a day a month ahead, open to the public (TITLE replaced). */
  private static final String SEMINAR =
      "{\"kind\":\"SEMINAR\",\"title\":\"TITLE\",\"topic\":\"Legislativa\","
          + "\"startsAt\":\""
          + java.time.LocalDate.now().plusMonths(1)
          + "T09:00\",\"endsAt\":\""
          + java.time.LocalDate.now().plusMonths(1)
          + "T15:00\",\"venue\":\"Plzeň\",\"capacity\":20,\"audience\":\"PUBLIC\","
          + "\"programme\":[]}";

  /** The query parameters that the pages read (a page ignores those it does not know). */
  private static final List<String> PAGE_PARAMETERS =
      List.of(
          "q",
          "district",
          "sort",
          "page",
          "code",
          "year",
          "number",
          "slug",
          "from",
          "preview",
          "topic",
          "municipality",
          "status",
          "token",
          "id",
          "when",
          "kind");

  private static final int PAGE_PARAMETERS_PER_REQUEST = 6;

  private static final String CSRF_HEADER = "X-Requested-By";
  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final HttpClient PLAIN =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  /** Where the app answers. */
  private static URI appBase;

  /** Logins, demo values and the app's endpoint lists, made once for the class's tests. */
  private static Fixture fixture;

  @BeforeEach
  void fixture() {
    URI base = Deployments.base(deployed);
    if (fixture == null || !fixture.base.equals(base)) {
      appBase = base;
      fixture = new Fixture(base);
    }
  }

  @Test
  void theTableNamesEveryEndpointAndViewTheAppServesAndNothingElse() {
    Set<String> declared = ServedEndpoints.declaredOperations(warFile());
    assertThat(fixture.served.operations().keySet())
        .as("the OpenAPI document lists every operation that the JAX-RS classes declare")
        .containsAll(declared);

    Set<String> tableKeys =
        fixture.table.rows().stream()
            .filter(r -> r.isApi() || r.isView())
            .map(Row::key)
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> missing =
        fixture.served.keys().stream()
            .filter(k -> !tableKeys.contains(k))
            .map(
                k ->
                    MatrixTable.template(
                        k.substring(0, k.indexOf(' ')), k.substring(k.indexOf(' ') + 1)))
            .toList();
    List<String> stale =
        fixture.table.rows().stream()
            .filter(r -> r.isApi() || r.isView())
            .filter(r -> !fixture.served.keys().contains(r.key()))
            .map(Row::toString)
            .collect(Collectors.toList());
    fixture.table.rows().stream()
        .filter(r -> !r.isApi() && !r.isView())
        .filter(
            r -> send(r.kind(), fixture.values.fill(r.target()), null, null, null).status() == 404)
        .forEach(r -> stale.add(r + ": 404"));
    assertThat(missing.size() + stale.size())
        .as(
            "%s must name exactly what the app serves.%nServed but not in it; add these rows (ok,"
                + " in, skip or no for each caller):%n%s%nIn it but no longer served; remove"
                + " them:%n%s",
            MatrixTable.RESOURCE, String.join("\n", missing), String.join("\n", stale))
        .isZero();
  }

  /** Every answer of the matrix, written to target/endpoint-matrix/ for the reader. */
  private final List<String> matrixAnswers = new ArrayList<>();

  @Test
  void everyCallerIsAllowedOrRefusedAsTheTableSays() {
    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    int requests = 0;
    int skipped = 0;
    List<Row> changing = new ArrayList<>();
    List<Call> reads = new ArrayList<>();
    for (Row row : fixture.table.rows()) {
      if (row.changesState()) {
        changing.add(row);
        continue;
      }
      for (MatrixCaller caller : MatrixCaller.values()) {
        if (row.of(caller) == Expectation.SKIP) {
          skipped++;
          continue;
        }
        for (Via via : fixture.ways(row, caller)) {
          reads.add(new Call(caller, () -> checked(row, caller, via)));
        }
        if (row.isView()) {
          reads.add(new Call(caller, () -> new Checked(null, checkViewByItsFile(row, caller))));
        }
      }
    }
    requests += reads.size();
    for (Checked c : eachCallerInOrder(reads)) {
      if (c.line() != null) {
        matrixAnswers.add(c.line());
      }
      c.failure().ifPresent(failures::add);
    }

    // Refused and inert changes, all between two snapshots: nothing may be written.
    DatabaseSnapshot before = DatabaseSnapshot.take();
    List<Runnable> allowedChanges = new ArrayList<>();
    for (Row row : changing) {
      for (MatrixCaller caller : MatrixCaller.values()) {
        Expectation expected = row.of(caller);
        if (expected == Expectation.SKIP) {
          skipped++;
          continue;
        }
        for (Via via : fixture.ways(row, caller)) {
          if (expected == Expectation.OK) {
            allowedChanges.add(() -> check(row, caller, via).ifPresent(failures::add));
          } else {
            requests++;
            check(row, caller, via).ifPresent(failures::add);
          }
        }
      }
    }
    before
        .changedIn(DatabaseSnapshot.take())
        .forEach(table -> failures.add("refused or inert calls changed the table " + table));
    requests += allowedChanges.size();
    allowedChanges.forEach(Runnable::run);

    int cells = fixture.table.rows().size() * MatrixCaller.values().length;
    LOG.info(
        String.format(
            "Endpoint matrix: %d rows x %d callers = %d cells (%d API operations, %d views);"
                + " %d requests, %d cells skipped, %d failures, in %.1f s",
            fixture.table.rows().size(),
            MatrixCaller.values().length,
            cells,
            fixture.served.operations().size(),
            fixture.served.views().size(),
            requests,
            skipped,
            failures.size(),
            (System.nanoTime() - started) / 1e9));
    report("matrix.txt", matrixAnswers);
    assertThat(failures)
        .as("answers the endpoint matrix does not allow:%n%s", String.join("\n", failures))
        .isEmpty();
  }

  @Test
  void malformedInputNeverGetsAServerErrorAndApiErrorsAreProblemJson() {
    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    List<String> notFuzzed = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    Set<String> beforeTheApp = new TreeSet<>();
    int requests = 0;
    JsonObject schemas = fixture.openApi.getJsonObject("components").getJsonObject("schemas");
    for (Map.Entry<String, JsonObject> operation : fixture.served.operations().entrySet()) {
      Optional<Row> row =
          fixture.table.rows().stream().filter(r -> r.key().equals(operation.getKey())).findFirst();
      Optional<MatrixCaller> caller = row.flatMap(EndpointMatrixIT::authorisedCaller);
      if (caller.isEmpty()) {
        notFuzzed.add(operation.getKey());
        continue;
      }
      String method = row.get().kind();
      String path = row.get().path();
      JsonObject base = fixture.fuzzBases.get(method + " " + path);
      for (MalformedRequests.Case c :
          MalformedRequests.of(
              method,
              row.get().target(),
              operation.getValue(),
              schemas,
              fixture.fuzzValues,
              base)) {
        requests++;
        Answer a =
            send(
                c.method(),
                c.target(),
                fixture.tokens.get(caller.get()),
                c.contentType(),
                c.body());
        boolean serverError = a.status() >= 500;
        boolean notProblem =
            a.status() >= 400
                && c.target().startsWith("/api/")
                && !a.isProblem()
                && !a.isRefusedByTheHttpServer();
        answers.add(String.format("%d %s %s: %s", a.status(), c.method(), path, c.breaks()));
        if (a.isRefusedByTheHttpServer()) {
          beforeTheApp.add(c.method() + " " + path + " with " + c.breaks());
        }
        if (serverError || notProblem) {
          failures.add(
              String.format(
                  "%s %s with %s as %s: %s",
                  c.method(), path, c.breaks(), caller.get(), a.describe()));
        }
      }
    }
    List<Call> viewCalls = new ArrayList<>();
    for (Row view : fixture.table.rows().stream().filter(Row::isView).toList()) {
      Optional<MatrixCaller> caller =
          view.of(MatrixCaller.ANONYMOUS) == Expectation.OK
              ? Optional.of(MatrixCaller.ANONYMOUS)
              : authorisedCaller(view);
      if (caller.isEmpty()) {
        continue;
      }
      for (String bad : MalformedRequests.badValues("string")) {
        String value = bad.length() > 500 ? bad.substring(0, 500) : bad;
        // A few parameters per request: all of them at once make a request line longer than the
        // HTTP server takes, which it refuses before the app sees it.
        for (int from = 0; from < PAGE_PARAMETERS.size(); from += PAGE_PARAMETERS_PER_REQUEST) {
          String query =
              PAGE_PARAMETERS
                  .subList(
                      from, Math.min(PAGE_PARAMETERS.size(), from + PAGE_PARAMETERS_PER_REQUEST))
                  .stream()
                  .map(p -> p + "=" + value)
                  .collect(Collectors.joining("&", "?", ""));
          String target = fixture.values.fill(view.path()) + query;
          String first = PAGE_PARAMETERS.get(from);
          viewCalls.add(
              new Call(
                  caller.get(),
                  () -> {
                    Answer a =
                        send(
                            view,
                            caller.get(),
                            caller.get().isAnonymous() ? Via.NOTHING : Via.SESSION,
                            target,
                            null);
                    String line =
                        String.format(
                            "%d VIEW %s: parameters from %s = %s",
                            a.status(),
                            view.path(),
                            first,
                            bad.length() > 40 ? bad.substring(0, 12) + "…" : bad);
                    return new Checked(
                        line,
                        a.status() >= 500
                            ? Optional.of(
                                String.format(
                                    "VIEW %s as %s: %s",
                                    target.length() > 200 ? target.substring(0, 200) + "…" : target,
                                    caller.get(),
                                    a.describe()))
                            : Optional.empty());
                  }));
        }
      }
    }
    int viewRequests = viewCalls.size();
    for (Checked c : eachCallerInOrder(viewCalls)) {
      answers.add(c.line());
      c.failure().ifPresent(failures::add);
    }
    LOG.info(
        String.format(
            "Malformed input: %d requests to %d API operations and %d to %d views, %d failures,"
                + " in %.1f s; not sent (no caller may call them): %s; refused by the HTTP server"
                + " before the app (an empty 400): %d, e.g. %s",
            requests,
            fixture.served.operations().size() - notFuzzed.size(),
            viewRequests,
            fixture.served.views().size(),
            failures.size(),
            (System.nanoTime() - started) / 1e9,
            notFuzzed,
            beforeTheApp.size(),
            beforeTheApp.stream().limit(3).toList()));
    report("malformed-input.txt", answers);
    assertThat(failures)
        .as(
            "malformed input answered with a server error, or an API error that is not"
                + " application/problem+json:%n%s",
            String.join("\n", failures))
        .isEmpty();
  }

  /** The caller the malformed input comes from: one the row allows, the rightful admins first. */
  private static Optional<MatrixCaller> authorisedCaller(Row row) {
    List<MatrixCaller> preferred = new ArrayList<>(List.of(MatrixCaller.values()));
    preferred.remove(MatrixCaller.ADMIN);
    preferred.remove(MatrixCaller.PLATFORM_ADMIN);
    preferred.addAll(0, List.of(MatrixCaller.ADMIN, MatrixCaller.PLATFORM_ADMIN));
    return preferred.stream()
        .filter(c -> !c.isAnonymous())
        .filter(c -> row.of(c) == Expectation.OK || row.of(c) == Expectation.IN)
        .findFirst();
  }

  /** How a caller's credentials travel. */
  enum Via {
    NOTHING,
    BEARER,
    SESSION
  }

  /** One call as the report shows it (null: not shown), and what is wrong with its answer. */
  private record Checked(String line, Optional<String> failure) {}

  /** A call of the matrix, made with the caller's credentials. */
  private record Call(MatrixCaller caller, Supplier<Checked> call) {}

  /**
   * Makes the calls, each caller's in the order given on a thread of its own, and answers their
   * results in the order given. The callers are apart as people are (a session each, or none), and
   * calls of several at once keep both of the server's cores busy where one at a time kept one.
   */
  private static List<Checked> eachCallerInOrder(List<Call> calls) {
    Map<MatrixCaller, List<Integer>> byCaller = new EnumMap<>(MatrixCaller.class);
    for (int i = 0; i < calls.size(); i++) {
      byCaller.computeIfAbsent(calls.get(i).caller(), c -> new ArrayList<>()).add(i);
    }
    Checked[] results = new Checked[calls.size()];
    ExecutorService callers = Executors.newFixedThreadPool(Math.max(1, byCaller.size()));
    try {
      List<Future<?>> running = new ArrayList<>();
      for (List<Integer> mine : byCaller.values()) {
        running.add(
            callers.submit(
                () -> {
                  for (int i : mine) {
                    results[i] = calls.get(i).call().get();
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      callers.shutdownNow();
    }
    return List.of(results);
  }

  private Optional<String> check(Row row, MatrixCaller caller, Via via) {
    Checked c = checked(row, caller, via);
    matrixAnswers.add(c.line());
    return c.failure();
  }

  private Checked checked(Row row, MatrixCaller caller, Via via) {
    Expectation expected = row.of(caller);
    boolean inert = expected == Expectation.IN;
    String target = inert ? fixture.values.inert(row.target()) : fixture.values.fill(row.target());
    RequestBody body = inert ? fixture.inertBody(row) : fixture.goodBody(row);
    Answer a = send(row, caller, via, target, body);
    String line =
        String.format(
            "%-4s %d %-6s %s as %s via %s",
            expected.cell, a.status(), row.kind(), target, caller, via.name().toLowerCase());
    String problem = verdict(row, expected, a);
    return new Checked(
        line,
        problem == null
            ? Optional.empty()
            : Optional.of(
                String.format(
                    "%s as %s via %s: %s, got %s",
                    row, caller, via.name().toLowerCase(), problem, a.describe())));
  }

  /**
   * A view asked for by its file, past TenantFilter: an association's ({@code /t/…}) never, the
   * others as their row says.
   */
  private Optional<String> checkViewByItsFile(Row row, MatrixCaller caller) {
    String file = fixture.served.views().get(row.key());
    if (file == null || ("/" + file).equals(row.path())) {
      return Optional.empty();
    }
    String target =
        "/"
            + file
            + (row.target().contains("?") ? row.target().substring(row.target().indexOf('?')) : "");
    Expectation expected =
        file.startsWith(ServedEndpoints.TENANT_VIEWS) ? Expectation.NO : row.of(caller);
    Answer a =
        send(
            row,
            caller,
            caller.isAnonymous() ? Via.NOTHING : Via.SESSION,
            fixture.values.fill(target),
            null);
    String problem = verdict(row, expected, a);
    if (problem != null && expected == Expectation.NO && a.status() == 400) {
      problem = null; // a path refused as malformed is refused too
    }
    return problem == null
        ? Optional.empty()
        : Optional.of(
            String.format(
                "%s by its file %s as %s: %s, got %s", row, target, caller, problem, a.describe()));
  }

  /** What is wrong with an answer, or null. */
  private static String verdict(Row row, Expectation expected, Answer a) {
    if (a.status() >= 500) {
      return "a server error";
    }
    if (row.isApi() && a.status() >= 400 && !a.isProblem()) {
      return "an API error that is not " + PROBLEM;
    }
    int s = a.status();
    return switch (expected) {
      case OK -> (row.isView() ? s == 200 : s / 100 == 2) ? null : "allowed, expected 2xx";
      case IN ->
          s / 100 == 4 && s != 401 && s != 403
              ? null
              : "allowed and inert, expected a 4xx other than 401/403";
      case NO ->
          s == 401 || s == 403 || s == 404 || (row.isView() && a.isLoginRedirect())
              ? null
              : "refused, expected 401, 403 or 404";
      case SKIP -> throw new IllegalStateException("skipped cells are not sent");
    };
  }

  private Answer send(Row row, MatrixCaller caller, Via via, String target, RequestBody body) {
    String method = row.isView() ? "GET" : row.kind();
    HttpRequest.Builder request = request(method, target, body);
    if (via == Via.BEARER) {
      request.header("Authorization", "Bearer " + fixture.tokens.get(caller));
    }
    if (via == Via.SESSION && row.changesState()) {
      request.header(CSRF_HEADER, "endpoint-matrix");
    }
    HttpClient client = via == Via.SESSION ? fixture.sessions.get(caller) : PLAIN;
    return Answer.of(client, request.build());
  }

  private static Answer send(
      String method, String target, String token, String contentType, byte[] body) {
    HttpRequest.Builder request =
        request(method, target, body == null ? null : new RequestBody(contentType, body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Answer.of(PLAIN, request.build());
  }

  private static HttpRequest.Builder request(String method, String target, RequestBody body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(appBase.resolve(target))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    if (body != null && body.contentType() != null) {
      request.header("Content-Type", body.contentType());
    }
    return request;
  }

  /** Writes a test's answers to target/endpoint-matrix/, one line each, for the reader. */
  private static void report(String file, List<String> lines) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "endpoint-matrix");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warning("Could not write target/endpoint-matrix/" + file + ": " + e);
    }
  }

  private static File warFile() {
    return new File(System.getProperty("municipia.war", "target/municipia.war"));
  }

  /** A request body and its content type (null: none sent). */
  record RequestBody(String contentType, byte[] bytes) {
    static RequestBody json(String json) {
      return new RequestBody(JSON, json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An answer, enough of it to judge and to describe. */
  record Answer(int status, String contentType, String location, String body) {

    static Answer of(HttpClient client, HttpRequest request) {
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(
            r.statusCode(),
            r.headers().firstValue("Content-Type").orElse(""),
            r.headers().firstValue("Location").orElse(null),
            r.body());
      } catch (IOException e) {
        throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /**
     * An empty 400 without a content type: Grizzly's answer to a request line it will not parse (an
     * encoded NUL in the path), given before the app sees the request, so the app cannot make it
     * problem+json.
     */
    boolean isRefusedByTheHttpServer() {
      return status == 400 && contentType.isEmpty() && body.isEmpty();
    }

    boolean isProblem() {
      return contentType.startsWith(PROBLEM);
    }

    /** A redirect to Keycloak's login: how a page refuses an anonymous person. */
    boolean isLoginRedirect() {
      return status / 100 == 3
          && location != null
          && location.startsWith(TestStack.get().issuer() + "/protocol/openid-connect/auth");
    }

    String describe() {
      String text = body.replaceAll("\\s+", " ");
      return status
          + " "
          + contentType
          + (location == null ? "" : " to " + location)
          + (text.isEmpty()
              ? ""
              : " " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }
  }

  /** Everything the tests share: logins, demo values, the app's endpoint lists. */
  static final class Fixture {

    final URI base;
    final MatrixTable table = MatrixTable.load();
    final JsonObject openApi;
    final ServedEndpoints served;
    final Map<MatrixCaller, String> tokens = new EnumMap<>(MatrixCaller.class);
    final Map<MatrixCaller, HttpClient> sessions = new EnumMap<>(MatrixCaller.class);
    final DemoValues values;

    /**
     * The values for malformed input: a decided application and a cancelled payment, so that input
     * the app takes after all (a date of 2026 BC …) meets a conflict instead of changing the demo
     * data. An operation whose body is all optional acts on these values when a malformed body
     * still parses ({"unknownField":1}): point its parameters at things decided or the test's own.
     */
    final DemoValues fuzzValues;

    /** Good bodies for refused calls: were the wall to let one through, it would change data. */
    final Map<String, RequestBody> goodBodies = new HashMap<>();

    /** Good bodies whose fields malformed input breaks one at a time; only the test's own data. */
    final Map<String, JsonObject> fuzzBases = new HashMap<>();

    Fixture(URI base) {
      this.base = base;
      this.openApi = json(send("GET", "/openapi?format=JSON", null, null, null));
      this.served = ServedEndpoints.of(openApi, warFile());
      for (MatrixCaller caller : MatrixCaller.values()) {
        if (!caller.isAnonymous()) {
          tokens.put(caller, Tokens.accessToken(caller.username));
          HttpClient session = SessionLogin.logIn(base, "/" + TENANT + "/members", caller.username);
          sessions.put(caller, session);
          // The first request of a session in an association records the person there: done
          // now, so that it is not taken for a change that a refused call made.
          Answer.of(
              session, request("GET", "/api/v1/tenants/" + TENANT + "/coverage", null).build());
        }
      }
      this.values = new DemoValues(demoValues());
      this.fuzzValues = values.with(decidedThings());
      goodBodies();
    }

    /** The ways a caller's request travels: anonymous as is, others by token and by session. */
    List<Via> ways(Row row, MatrixCaller caller) {
      if (caller.isAnonymous()) {
        return List.of(Via.NOTHING);
      }
      return row.isView() ? List.of(Via.SESSION) : List.of(Via.BEARER, Via.SESSION);
    }

    RequestBody goodBody(Row row) {
      if (!takesBody(row)) {
        return null;
      }
      return goodBodies.getOrDefault(
          row.key(), new RequestBody(mediaType(row), "{}".getBytes(StandardCharsets.UTF_8)));
    }

    /** The body of an inert call: an empty JSON object, or nothing at all for other types. */
    RequestBody inertBody(Row row) {
      if (!takesBody(row)) {
        return null;
      }
      String type = mediaType(row);
      return new RequestBody(
          type, (type.contains("json") ? "{}" : "").getBytes(StandardCharsets.UTF_8));
    }

    private boolean takesBody(Row row) {
      JsonObject op = served.operations().get(row.key());
      return op != null && op.containsKey("requestBody");
    }

    private String mediaType(Row row) {
      JsonObject content =
          served.operations().get(row.key()).getJsonObject("requestBody").getJsonObject("content");
      return content.containsKey(JSON) ? JSON : content.keySet().iterator().next();
    }

    private Map<String, String> demoValues() {
      String admin = tokens.get(MatrixCaller.ADMIN);
      String api = "/api/v1/tenants/" + TENANT;
      require(
          send("GET", api + "/members/" + MEMBER + "/history", admin, null, null),
          200,
          "MEMBER is a member");
      require(
          send(
              "PUT",
              api + "/dues/" + YEAR + "/rate",
              admin,
              JSON,
              utf8("{\"ratePerInhabitant\":1.00,\"minimum\":0,\"maximum\":1000}")),
          2,
          "the rate of the test's year");
      String payment =
          json(require(
                  send(
                      "POST",
                      api + "/dues/" + YEAR + "/payments",
                      admin,
                      JSON,
                      utf8(
                          "{\"code\":\""
                              + MEMBER
                              + "\",\"amount\":100,\"paidOn\":\"2026-01-15\","
                              + "\"note\":\"endpoint matrix\"}")),
                  201,
                  "a payment"))
              .getString("id");
      String official =
          json(require(
                  send(
                      "POST",
                      api + "/members/" + MEMBER + "/officials",
                      admin,
                      JSON,
                      utf8("{\"role\":\"CONTACT\",\"name\":\"Kontakt matice\"}")),
                  201,
                  "an official"))
              .getString("id");
      String application = confirmedApplication(NON_MEMBER, "Jan Matice", "matice@example.org");
      MatrixArticle article = publishedArticle("MEMBERS");
      String issue = sentIssue(publishedArticle("PUBLIC").slug());
      Map<String, String> v = new LinkedHashMap<>();
      v.put("{tenant}", TENANT);
      v.put("{union}", "smocr");
      v.put("{table}", "members");
      v.put("{slug}", TENANT);
      v.put("{code}", MEMBER);
      v.put("{year}", Integer.toString(YEAR));
      v.put("{person}", DemoUsers.SMOPK_OFFICIAL_PERSON_ID);
      v.put("{role}", "editor");
      v.put("{email}", PERSON_EMAIL);
      v.put("applications/{id}", application);
      v.put("officials/{id}", official);
      v.put("payments/{id}", payment);
      v.put("articles/{slug}", article.slug());
      // The article's slug in a page's query ({slug} alone is the association's, above).
      v.put("{article}", article.slug());
      v.put("files/{id}", article.image());
      v.put("issues/{year}", Integer.toString(YEAR));
      v.put("{year}/{number}", issue);
      // The issue's number in a page's query ({number} alone is the resolution's, below).
      v.put("{issue}", issue);
      // A job lives only while an asynchronous import runs: an id that names none.
      v.put("jobs/{id}", UUID.randomUUID().toString());
      String seminar = seminar("Seminář matice");
      v.put("seminars/{id}", seminar);
      v.put("{seminar}", seminar);
      JsonObject registration =
          json(
              require(
                  send(
                      "POST",
                      api + "/seminars/" + seminar + "/registrations",
                      tokens.get(MatrixCaller.OFFICIAL),
                      JSON,
                      utf8(
                          "{\"people\":[{\"name\":\"Účastník matice\","
                              + "\"email\":\"ucastnik.matice@cila.example\"}],"
                              + "\"contactName\":\"Josef Král\","
                              + "\"contactEmail\":\"ucastnik.matice@cila.example\","
                              + "\"consent\":true,\"language\":\"cs\"}")),
                  201,
                  "a registration for the seminar"));
      v.put("{registration}", registration.getString("id"));
      v.put("{participant}", registration.getJsonArray("people").getJsonObject(0).getString("id"));
      v.putAll(resolutionValues(admin, api));
      return v;
    }

    /** A published article of SMOPK with an image: members-only ones only its members see. */
    record MatrixArticle(String slug, String image) {}

    private MatrixArticle publishedArticle(String audience) {
      String admin = tokens.get(MatrixCaller.ADMIN);
      String magazine = "/api/v1/tenants/" + TENANT + "/magazine";
      String slug =
          json(require(
                  send(
                      "POST",
                      magazine + "/articles",
                      admin,
                      JSON,
                      utf8(
                          "{\"title\":\"Matice "
                              + audience
                              + " "
                              + UUID.randomUUID().toString().substring(0, 8)
                              + "\",\"perex\":\"Článek endpoint matice.\","
                              + "\"body\":\"<p>Text.</p>\",\"topics\":[\"SMART\"],"
                              + "\"audience\":\""
                              + audience
                              + "\"}")),
                  201,
                  "an article for " + audience))
              .getString("slug");
      String image =
          json(require(
                  send(
                      "POST",
                      magazine
                          + "/articles/"
                          + slug
                          + "/files?use=IMAGE&name=matice.png&description=Obr%C3%A1zek",
                      admin,
                      "application/octet-stream",
                      png()),
                  201,
                  "an image of the article for " + audience))
              .getString("id");
      for (String status : List.of("IN_REVIEW", "PUBLISHED")) {
        require(
            send(
                "POST",
                magazine + "/articles/" + slug + "/status",
                admin,
                JSON,
                utf8("{\"status\":\"" + status + "\"}")),
            200,
            "the article for " + audience + " " + status);
      }
      return new MatrixArticle(slug, image);
    }

    /**
     * This test's issue of {@link #YEAR}, published and sent (the demo's is not sent): the first
     * number of the year that is free, so each run of the fixture makes its own.
     */
    private String sentIssue(String article) {
      String admin = tokens.get(MatrixCaller.ADMIN);
      String issues = "/api/v1/tenants/" + TENANT + "/magazine/issues";
      for (int number = 1; number < 100; number++) {
        Answer made =
            send(
                "POST",
                issues,
                admin,
                JSON,
                utf8(
                    "{\"number\":\""
                        + YEAR
                        + "/"
                        + number
                        + "\",\"title\":\"Číslo matice\",\"articles\":[\""
                        + article
                        + "\"]}"));
        if (made.status() == 409) {
          continue; // an earlier run's
        }
        require(made, 201, "an issue");
        require(
            send("POST", issues + "/" + YEAR + "/" + number + "/publication", admin, JSON, null),
            202,
            "the publication of the issue");
        return Integer.toString(number);
      }
      throw new IllegalStateException("No free issue number in " + YEAR);
    }

    private static byte[] png() {
      java.awt.image.BufferedImage image =
          new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try {
        javax.imageio.ImageIO.write(image, "png", out);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    /** An event of the matrix's own, a month ahead, open to the public; answers its id. */
    private String seminar(String title) {
      return json(require(
              send(
                  "POST",
                  "/api/v1/tenants/" + TENANT + "/seminars",
                  tokens.get(MatrixCaller.ADMIN),
                  JSON,
                  utf8(SEMINAR.replace("TITLE", title))),
              201,
              "an event"))
          .getString("id");
    }

    /**
     * The register's things, the test's own: a body with one seat, a meeting that the seat holder
     * attended (so that "everyone present" adds nobody, and with no e-mail address, an invitation
     * reaches nobody), a published public resolution with a task, and a public file.
     */
    private Map<String, String> resolutionValues(String admin, String api) {
      String prefix = "EM" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
      String body =
          created(
              admin,
              api + "/bodies",
              "{\"nameCs\":\"Výbor matice\",\"kind\":\"COMMITTEE\",\"numberPattern\":\""
                  + prefix
                  + "/{year}/{n}\",\"quorumBasis\":\"MEMBERS\",\"majority\":\"HALF_OF_PRESENT\"}",
              "a body");
      String seat =
          created(
              admin,
              api + "/bodies/" + body + "/seats",
              "{\"name\":\"Člen matice\",\"role\":\"MEMBER\",\"termFrom\":\"2020-01-01\"}",
              "a seat");
      String meeting =
          created(
              admin,
              api + "/meetings",
              "{\"bodyId\":\""
                  + body
                  + "\",\"number\":1,\"startsAt\":\"2031-01-20T10:00\",\"place\":\"Plzeň\"}",
              "a meeting");
      String attendance =
          created(
              admin,
              api + "/meetings/" + meeting + "/attendance",
              "{\"seatId\":\""
                  + seat
                  + "\",\"arrivedAt\":\"2031-01-20T10:00\",\"leftAt\":\"2031-01-20T12:00\"}",
              "an attendance");
      JsonObject recorded =
          json(
              require(
                  send(
                      "POST",
                      api + "/resolutions",
                      admin,
                      JSON,
                      utf8(
                          "{\"meetingId\":\""
                              + meeting
                              + "\",\"type\":\"GENERAL\",\"title\":\"Usnesení matice\",\"text\":"
                              + "\"Výbor schvaluje matici.\",\"votedAt\":\"2031-01-20T10:30\","
                              + "\"votesFor\":1,\"votesAgainst\":0,\"abstained\":0,"
                              + "\"visibility\":\"PUBLIC\"}")),
                  201,
                  "a resolution"));
      String resolution = recorded.getString("id");
      require(
          send("POST", api + "/resolutions/" + resolution + "/publication", admin, null, null),
          200,
          "the resolution's publication");
      String task =
          created(
              admin,
              api + "/resolutions/" + resolution + "/tasks",
              "{\"what\":\"Úkol matice\",\"who\":\"tajemník\"}",
              "a task");
      String file =
          json(require(
                  send(
                      "POST",
                      api + "/meetings/" + meeting + "/files?kind=MINUTES&visibility=PUBLIC",
                      admin,
                      "application/pdf",
                      utf8("%PDF-1.4\n% endpoint matrix\n")),
                  201,
                  "a file"))
              .getString("id");
      Map<String, String> v = new LinkedHashMap<>();
      v.put("bodies/{id}", body);
      v.put("seats/{seat}", seat);
      v.put("meetings/{id}", meeting);
      v.put("attendance/{attendance}", attendance);
      v.put("files/{file}", file);
      v.put("resolutions/{id}", resolution);
      v.put("tasks/{task}", task);
      v.put("{body}", body);
      v.put("{meeting}", meeting);
      v.put("{resolution}", resolution);
      v.put("{number}", recorded.getString("number"));
      return v;
    }

    private static String created(String admin, String path, String json, String what) {
      return json(require(send("POST", path, admin, JSON, utf8(json)), 201, what)).getString("id");
    }

    /**
     * An application that counts: sent, its e-mail address confirmed with the link from the mail
     * (as the applicant does), then found in the admin's list. Where the municipality applied in an
     * earlier run of the fixture, that application is taken.
     */
    private String confirmedApplication(String code, String name, String email) {
      String api = "/api/v1/tenants/" + TENANT;
      String admin = tokens.get(MatrixCaller.ADMIN);
      Optional<String> known = applicationOf(code, email);
      if (known.isPresent()) {
        return known.get();
      }
      require(
          send(
              "POST",
              api + "/applications",
              null,
              JSON,
              utf8(
                  "{\"code\":\""
                      + code
                      + "\",\"applicantName\":\""
                      + name
                      + "\",\"email\":\""
                      + email
                      + "\",\"consent\":true,\"language\":\"cs\"}")),
          202,
          "an application of " + code);
      MailServer.Mail mail =
          TestStack.get()
              .mail()
              .start()
              .await(
                  m -> m.to().equals(email) && m.body().contains("token="), Duration.ofSeconds(30));
      java.util.regex.Matcher token =
          java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(mail.body());
      if (!token.find()) {
        throw new IllegalStateException("No confirmation link in " + mail.body());
      }
      require(
          send(
              "POST",
              api + "/applications/confirmation",
              null,
              JSON,
              utf8("{\"token\":\"" + token.group(1) + "\"}")),
          200,
          "the confirmation of the application of " + code);
      return applicationOf(code, email)
          .orElseThrow(() -> new IllegalStateException("The confirmed application is not listed"));
    }

    private Optional<String> applicationOf(String code, String email) {
      Answer list =
          require(
              send(
                  "GET",
                  "/api/v1/tenants/"
                      + TENANT
                      + "/applications?status=SUBMITTED,APPROVED,REJECTED&limit=500",
                  tokens.get(MatrixCaller.ADMIN),
                  null,
                  null),
              200,
              "applications");
      JsonArray all = Json.createReader(new StringReader(list.body())).readArray();
      return all.stream()
          .map(JsonValue::asJsonObject)
          .filter(a -> a.getString("code").equals(code) && email.equals(a.getString("email", null)))
          .map(a -> a.getString("id"))
          .findFirst();
    }

    private Map<String, String> decidedThings() {
      String admin = tokens.get(MatrixCaller.ADMIN);
      String api = "/api/v1/tenants/" + TENANT;
      String application =
          confirmedApplication(REJECTED, "Jana Matice", "matice.zamitnuta@example.org");
      require(
          send(
              "POST",
              api + "/applications/" + application + "/rejection",
              admin,
              JSON,
              utf8("{\"reason\":\"endpoint matrix\"}")),
          200,
          "the rejection of the second application");
      String payment =
          json(require(
                  send(
                      "POST",
                      api + "/dues/" + YEAR + "/payments",
                      admin,
                      JSON,
                      utf8("{\"code\":\"" + MEMBER + "\",\"amount\":1,\"paidOn\":\"2026-01-15\"}")),
                  201,
                  "a second payment"))
              .getString("id");
      require(
          send(
              "POST",
              api + "/dues/" + YEAR + "/payments/" + payment + "/cancellation",
              admin,
              JSON,
              utf8("{}")),
          200,
          "the cancellation of the second payment");
      String seminar = seminar("Zrušený seminář matice");
      require(
          send(
              "POST",
              api + "/seminars/" + seminar + "/cancellation",
              admin,
              JSON,
              utf8("{\"reason\":\"endpoint matrix\"}")),
          200,
          "the cancellation of the second event");
      return Map.of(
          "applications/{id}", application, "payments/{id}", payment, "seminars/{id}", seminar);
    }

    private void goodBodies() {
      String tenantApi = "/api/v1/tenants/{tenant}";
      goodBodies.put(
          "POST /api/v1/platform/municipalities/imports",
          new RequestBody(
              "text/csv",
              utf8(
                  "code,name,district,region,population,lat,lon\n"
                      + MEMBER
                      + ",Chrást,Plzeň-město,Plzeňský kraj,1,49.793305,13.493690\n")));
      good(
          "POST /api/v1/platform/associations",
          "{\"slug\":\"matice-refused\",\"nameCs\":\"Odmítnuté\",\"nameEn\":\"Refused\","
              + "\"kind\":\"ASSOCIATION\",\"parent\":\"smocr\","
              + "\"adminEmail\":\"matice-refused@example.org\"}");
      good(
          "PUT /api/v1/platform/associations/{slug}/status",
          "{\"status\":\"SUSPENDED\",\"reason\":\"refused\"}");
      good("PUT /api/v1/platform/associations/{slug}/domain", "{\"domain\":\"refused.example\"}");
      goodBodies.put(
          "PUT " + tenantApi + "/site/logo", new RequestBody("image/png", onePixelPng()));
      good(
          "POST " + tenantApi + "/personal-data/erasure",
          "{\"email\":\"" + PERSON_EMAIL + "\",\"confirm\":true}");
      good(
          "POST " + tenantApi + "/members",
          "{\"code\":\"" + NON_MEMBER + "\",\"since\":\"2026-01-01\"}");
      good(
          "PUT " + tenantApi + "/members/{code}/status",
          "{\"status\":\"SUSPENDED\",\"reason\":\"refused\"}");
      good(
          "POST " + tenantApi + "/members/{code}/officials",
          "{\"role\":\"CONTACT\",\"name\":\"Refused\"}");
      good("PUT " + tenantApi + "/officials/{id}", "{\"role\":\"MAYOR\",\"name\":\"Refused\"}");
      good("POST " + tenantApi + "/applications/{id}/approval", "{\"since\":\"2026-01-01\"}");
      good("POST " + tenantApi + "/applications/{id}/rejection", "{\"reason\":\"refused\"}");
      good(
          "PUT " + tenantApi + "/dues/{year}/rate",
          "{\"ratePerInhabitant\":9.99,\"minimum\":1,\"maximum\":2}");
      good(
          "POST " + tenantApi + "/dues/{year}/payments",
          "{\"code\":\""
              + MEMBER
              + "\",\"amount\":500,\"paidOn\":\"2026-03-15\",\"note\":\"refused\"}");
      good(
          "POST " + tenantApi + "/dues/{year}/payments/{id}/cancellation",
          "{\"reason\":\"refused\"}");
      good("POST " + tenantApi + "/seminars", SEMINAR.replace("TITLE", "Refused"));
      good("PUT " + tenantApi + "/seminars/{id}", SEMINAR.replace("TITLE", "Refused"));
      good("POST " + tenantApi + "/seminars/{id}/cancellation", "{\"reason\":\"refused\"}");
      good(
          "POST " + tenantApi + "/seminars/{id}/registrations/{registration}/move",
          "{\"to\":\"CANCEL\",\"reason\":\"refused\"}");
      good(
          "POST " + tenantApi + "/seminars/{id}/checkins",
          "{\"participant\":\"" + values.fill("{participant}") + "\"}");

      String magazine = tenantApi + "/magazine";
      good(
          "POST " + magazine + "/articles",
          "{\"title\":\"Refused\",\"perex\":\"Refused\",\"topics\":[\"SMART\"],"
              + "\"audience\":\"PUBLIC\"}");
      good(
          "PUT " + magazine + "/articles/{slug}",
          "{\"title\":\"Refused\",\"perex\":\"Refused\",\"topics\":[\"SMART\"],"
              + "\"audience\":\"PUBLIC\",\"version\":1}");
      good("POST " + magazine + "/articles/{slug}/status", "{\"status\":\"ARCHIVED\"}");
      good("POST " + magazine + "/issues", "{\"number\":\"2036/9\",\"title\":\"Refused\"}");
      good("PUT " + magazine + "/issues/{year}/{number}", "{\"title\":\"Refused\"}");

      fuzz(
          "PUT " + tenantApi + "/officials/{id}",
          "{\"role\":\"CONTACT\",\"name\":\"Kontakt matice\"}");
      fuzz(
          "POST " + tenantApi + "/members/{code}/officials",
          "{\"role\":\"CONTACT\",\"name\":\"Kontakt matice\"}");
      fuzz(
          "PUT " + tenantApi + "/dues/{year}/rate",
          "{\"ratePerInhabitant\":1.00,\"minimum\":0,\"maximum\":1000}");
      fuzz(
          "POST " + tenantApi + "/dues/{year}/payments",
          "{\"code\":\""
              + MEMBER
              + "\",\"amount\":100,\"paidOn\":\"2026-01-15\",\"note\":\"endpoint matrix\"}");
      fuzz(
          "POST " + tenantApi + "/personal-data/erasure",
          "{\"email\":\"nikdo@example.org\",\"confirm\":true}");
      fuzz(
          "POST " + tenantApi + "/applications",
          "{\"code\":\""
              + NON_MEMBER
              + "\",\"applicantName\":\"Jan"
              + " Matice\",\"email\":\"matice@example.org\",\"consent\":true,\"language\":\"cs\"}");
    }

    /** A real PNG, so a refused upload is refused for its caller, not its bytes. */
    private static byte[] onePixelPng() {
      try {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
            new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "png",
            out);
        return out.toByteArray();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private void good(String key, String json) {
      goodBodies.put(key, RequestBody.json(json));
    }

    private void fuzz(String key, String json) {
      fuzzBases.put(key, Json.createReader(new StringReader(json)).readObject());
    }

    private static Answer require(Answer a, int status, String what) {
      boolean ok = status < 10 ? a.status() / 100 == status : a.status() == status;
      if (!ok) {
        throw new IllegalStateException(
            "The matrix could not set up " + what + ": " + a.describe());
      }
      return a;
    }

    private static JsonObject json(Answer a) {
      String body = a.body().trim();
      return body.startsWith("[")
          ? Json.createReader(new StringReader(body)).readArray().getJsonObject(0)
          : Json.createReader(new StringReader(body)).readObject();
    }

    private static byte[] utf8(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }
}
