package eu.municipia.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: request targets exactly
 * as written (encoded letters, dot segments, backslashes, bytes that are not UTF-8), any header
 * (X-Forwarded-Proto from the address the test chooses). Java's HttpClient would refuse or
 * normalise most of them.
 */
public final class RawHttp {

  private final String host;
  private final int port;

  public RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** GET of the request target, byte for byte, with the given extra header lines. */
  public Response get(byte[] target, Map<String, String> headers) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET ".getBytes(StandardCharsets.US_ASCII));
      out.write(target);
      StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("Connection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return Response.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + new String(target, StandardCharsets.ISO_8859_1), e);
    }
  }

  public Response get(String target, Map<String, String> headers) {
    return get(target.getBytes(StandardCharsets.ISO_8859_1), headers);
  }

  public Response get(String target) {
    return get(target, Map.of());
  }

  /** Status, headers (names in lower case, every value) and body (chunked or not) of an answer. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
      List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> headers(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    static Response read(InputStream in) throws IOException {
      String statusLine = line(in);
      if (statusLine.isEmpty()) {
        throw new IOException("The server closed the connection without an answer");
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        headers
            .computeIfAbsent(
                line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
      boolean chunked =
          headers.getOrDefault("transfer-encoding", List.of()).stream()
              .anyMatch(v -> v.equalsIgnoreCase("chunked"));
      byte[] body = chunked ? dechunk(in) : in.readAllBytes();
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line(in);
        int semicolon = size.indexOf(';');
        int length =
            Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (length == 0) {
          return body.toByteArray();
        }
        body.write(in.readNBytes(length));
        line(in);
      }
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
