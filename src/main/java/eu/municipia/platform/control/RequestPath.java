package eu.municipia.platform.control;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one path every rule of the web layer decides on: the request's path within the app, decoded
 * and normalised, exactly as the container mapped it (servlet path + path info). A request whose
 * raw path could mean something else than what the container serves is refused, never guessed at:
 * path parameters ({@code ;}), encoded slashes or backslashes, escaped letters, digits and dots (a
 * second spelling of the same path, which the container's own constraints see differently), dot
 * segments, doubled slashes, encoded percent signs (double encoding), control characters, and
 * anything the container decodes differently from UTF-8 (measured with a plain WAR on Payara Micro
 * 6.2025.10: Grizzly kept only the low byte of each decoded character, so {@code /%C5%B0latform/}
 * was mapped to the platform's page).
 */
public final class RequestPath {

  private static final String ATTRIBUTE = RequestPath.class.getName();
  private static final String REFUSED = "";
  private static final String WELCOME_FILE = "index.xhtml";

  private RequestPath() {}

  /**
   * The canonical path of the request ("/smopk/members"), or empty when the request is refused.
   * Decided once, on the original request, and kept: a forward changes the servlet path, not this.
   */
  public static Optional<String> of(HttpServletRequest request) {
    Object known = request.getAttribute(ATTRIBUTE);
    String path;
    if (known instanceof String decided) {
      path = decided;
    } else {
      path =
          canonical(
                  request.getRequestURI(),
                  request.getContextPath(),
                  request.getServletPath(),
                  request.getPathInfo())
              .orElse(REFUSED);
      request.setAttribute(ATTRIBUTE, path);
    }
    return path.isEmpty() ? Optional.empty() : Optional.of(path);
  }

  /**
   * The canonical path, when the raw URI, strictly decoded, names exactly what the container mapped
   * (or the directory whose welcome file it mapped).
   */
  static Optional<String> canonical(
      String requestUri, String contextPath, String servletPath, String pathInfo) {
    if (requestUri == null || contextPath == null || !requestUri.startsWith(contextPath)) {
      return Optional.empty();
    }
    String raw = requestUri.substring(contextPath.length());
    if (raw.isEmpty()) {
      raw = "/";
    }
    Optional<String> decoded = strictlyDecoded(raw);
    if (decoded.isEmpty() || !isNormal(decoded.get())) {
      return Optional.empty();
    }
    String mapped = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    String path = decoded.get();
    boolean same = path.equals(mapped);
    boolean welcome = path.endsWith("/") && mapped.equals(path + WELCOME_FILE);
    return same || welcome ? Optional.of(path) : Optional.empty();
  }

  /**
   * Percent-decodes as UTF-8, refusing what a path of ours never needs to encode: "/" "\" "%" ";"
   * and control characters; refuses malformed escapes and malformed UTF-8 too.
   */
  static Optional<String> strictlyDecoded(String raw) {
    if (raw.indexOf(';') >= 0 || raw.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        int b = high * 16 + low;
        if (b == '/' || b == '\\' || b == '%' || b == ';' || isUnreserved(b)) {
          return Optional.empty();
        }
        bytes.put((byte) b);
        i += 2;
      } else if (c < 0x80) {
        bytes.put((byte) c);
      } else {
        // Raw non-ASCII in a request line is not HTTP; a browser always encodes it.
        return Optional.empty();
      }
    }
    bytes.flip();
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = utf8.decode(bytes);
      String path = chars.toString();
      return path.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)
          ? Optional.empty()
          : Optional.of(path);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Letters, digits and "-._~" never need encoding (RFC 3986), and no browser encodes them: an
   * escaped one is someone trying a second spelling of a path ({@code /%70latform/}).
   */
  private static boolean isUnreserved(int b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '-'
        || b == '.'
        || b == '_'
        || b == '~';
  }

  /** Starts with "/", has no empty, "." or ".." segment (a trailing "/" is fine). */
  static boolean isNormal(String path) {
    if (!path.startsWith("/")) {
      return false;
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if ((segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
