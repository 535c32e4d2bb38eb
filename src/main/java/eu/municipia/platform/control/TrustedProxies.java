package eu.municipia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the client's connection really was, behind a reverse proxy (the ingress) that terminates
 * TLS. {@code X-Forwarded-Proto} and {@code X-Forwarded-For} are believed only from the proxies
 * that {@code app.trusted-proxies} lists (addresses or CIDR ranges, comma-separated; "none" trusts
 * nobody). The default trusts the loopback interface only (a proxy on the same host or in the same
 * pod); anyone else could send the headers themselves.
 */
@ApplicationScoped
public class TrustedProxies {

  public static final String DEFAULT = "127.0.0.0/8,::1";

  @Inject
  @ConfigProperty(name = "app.trusted-proxies", defaultValue = DEFAULT)
  String configured;

  private volatile List<AddressRange> ranges;

  public TrustedProxies() {}

  /** For unit tests and callers outside CDI. */
  public TrustedProxies(String configured) {
    this.configured = configured;
  }

  /**
   * Whether the client reached us over HTTPS: directly, or through a trusted proxy that says so.
   */
  public boolean isHttps(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    if (!isTrusted(request.getRemoteAddr())) {
      return false;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    if (proto == null) {
      return false;
    }
    // A chain of proxies appends; the first value is what the client used.
    String first = proto.split(",", -1)[0].trim();
    return "https".equals(first.toLowerCase(Locale.ROOT));
  }

  /**
   * The host name the client asked for, lower case and without port: the request's Host, or, from a
   * trusted proxy that says so, the first of {@code X-Forwarded-Host} (an ingress that rewrites
   * Host passes the original there). Only used to find an association by its custom domain among
   * the known ones, never to build a link.
   */
  public String host(HttpServletRequest request) {
    // The Host header as sent, else the container's server name (Payara #2614: over HTTP/2 the
    // server name did not come from the request).
    String given = request.getHeader("Host");
    String host = given == null || given.isBlank() ? request.getServerName() : withoutPort(given);
    String forwarded = request.getHeader("X-Forwarded-Host");
    if (forwarded != null && !forwarded.isBlank() && isTrusted(request.getRemoteAddr())) {
      host = withoutPort(forwarded.split(",", -1)[0].trim());
    }
    return host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
  }

  private static String withoutPort(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /**
   * The client's address: the connection's peer, or, when that is a trusted proxy, the last address
   * in {@code X-Forwarded-For} that is not itself a trusted proxy (earlier entries are whatever the
   * client chose to send).
   */
  public String clientAddress(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (!isTrusted(peer)) {
      return peer;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    List<String> hops = Arrays.stream(forwarded.split(",")).map(String::trim).toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      Optional<InetAddress> address = AddressRange.literal(hop);
      if (address.isEmpty()) {
        // Garbage in the header: stop at the last proxy we trust.
        return peer;
      }
      if (!isTrusted(hop)) {
        return address.get().getHostAddress();
      }
    }
    return peer;
  }

  boolean isTrusted(String address) {
    Optional<InetAddress> peer = AddressRange.literal(address);
    return peer.isPresent() && ranges().stream().anyMatch(r -> r.contains(peer.get()));
  }

  private List<AddressRange> ranges() {
    List<AddressRange> known = ranges;
    if (known == null) {
      known = parse(configured);
      ranges = known;
    }
    return known;
  }

  static List<AddressRange> parse(String configured) {
    List<AddressRange> parsed = new ArrayList<>();
    if (configured == null || configured.isBlank() || "none".equalsIgnoreCase(configured.trim())) {
      return parsed;
    }
    for (String entry : configured.split(",")) {
      if (!entry.isBlank()) {
        parsed.add(AddressRange.parse(entry.trim()));
      }
    }
    return List.copyOf(parsed);
  }

  /** An address with a prefix length: "10.0.0.0/8", "::1" (one address), "192.0.2.7". */
  record AddressRange(byte[] network, int prefix) {

    static AddressRange parse(String text) {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      InetAddress address =
          literal(host)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "app.trusted-proxies: not an IP address or CIDR range: " + text));
      byte[] bytes = address.getAddress();
      int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("app.trusted-proxies: bad prefix length in " + text);
      }
      return new AddressRange(bytes, prefix);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    /**
     * The address if the text is an IP literal; never a DNS lookup (InetAddress.getByName would
     * resolve a host name, so names are refused before it is called).
     */
    static Optional<InetAddress> literal(String text) {
      if (text == null || text.isEmpty() || text.length() > 45) {
        return Optional.empty();
      }
      String host =
          text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
      boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      boolean ipv6 = host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.%]+");
      if (!ipv4 && !ipv6) {
        return Optional.empty();
      }
      try {
        return Optional.of(InetAddress.getByName(host));
      } catch (UnknownHostException | SecurityException e) {
        return Optional.empty();
      }
    }
  }
}
