package eu.municipia.testing;

import jakarta.json.Json;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls of the app's HTTP API as a program makes them, with or without a bearer token, and with
 * whatever headers a test adds ({@link #withHeader}). The Host header too: failsafe runs the tests
 * with {@code jdk.httpclient.allowRestrictedHeaders=host}, so a test can forge it as an attacker
 * would.
 */
public final class Api {

  /**
   * HTTP/1.1, as browsers' and reverse proxies' requests reach the app. The client's default is an
   * upgrade of the cleartext connection to HTTP/2, and a PUT on such a connection that the server
   * had closed failed once with "EOF reached while reading" (BrowserDuesIT, a full run).
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * One reader factory for every answer: {@code Json.createReader} looks the JSON provider up anew
   * on each call (measured here: 100-800 µs against 2-5 µs), and some tests read ten thousand
   * answers.
   */
  private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

  private final URI base;
  private final Map<String, String> headers;

  public Api(URI base) {
    this(base, Map.of());
  }

  private Api(URI base, Map<String, String> headers) {
    this.base = base;
    this.headers = Map.copyOf(headers);
  }

  /** The same API with one more header on every request, e.g. a forged {@code Host}. */
  public Api withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Api(base, more);
  }

  /**
   * Requests as if from another client address, which the app learns from X-Forwarded-For because
   * the test's loopback is a trusted proxy: each test's public-form budget is its own.
   */
  public Api asClient(String address) {
    return withHeader("X-Forwarded-For", address);
  }

  /** A random private client address (10.x.y.z), most likely used by no other test. */
  public static String someClientAddress() {
    int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24);
    return "10." + (n >> 16) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
  }

  public Response get(String path, String token) {
    return send("GET", path, token);
  }

  public Response put(String path, String token) {
    return send("PUT", path, token);
  }

  public Response delete(String path, String token) {
    return send("DELETE", path, token);
  }

  public Response post(String path, String token, String contentType, String body) {
    return send("POST", path, token, contentType, body);
  }

  public Response put(String path, String token, String contentType, String body) {
    return send("PUT", path, token, contentType, body);
  }

  /** A request with a binary body, such as an image upload. */
  public Response put(String path, String token, String contentType, byte[] body) {
    return send("PUT", path, token, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  public Response send(String method, String path, String token) {
    return send(method, path, token, null, (String) null);
  }

  private Response send(String method, String path, String token, String contentType, String body) {
    return send(
        method,
        path,
        token,
        contentType,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
  }

  private Response send(
      String method,
      String path,
      String token,
      String contentType,
      HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(120))
            .method(method, body);
    headers.forEach(request::header);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), r);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends one request over a plain socket, exactly as written: for what {@code java.net.http} will
   * not send, such as a request target in absolute form ({@code POST http://evil.example/... }),
   * which names a host the way a Host header does. Answers the status line and headers.
   */
  public String raw(String requestLineAndHeaders) {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              (requestLineAndHeaders.strip() + "\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      return end < 0 ? answer : answer.substring(0, end);
    } catch (IOException e) {
      throw new IllegalStateException("raw request failed", e);
    }
  }

  /** Status, body and content type of one answer. */
  public record Response(int status, String body, String contentType, HttpResponse<String> raw) {

    public JsonStructure json() {
      return JSON.createReader(new StringReader(body)).read();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }
}
