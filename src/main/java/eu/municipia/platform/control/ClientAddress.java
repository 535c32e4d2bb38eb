package eu.municipia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request. A proxy in front of the app (the ingress) names the
 * client in X-Forwarded-For; that header is believed only from the proxies listed in {@code
 * app.trusted-proxies} (addresses or CIDR ranges; loopback by default), since anyone else can write
 * it. Walking the header from the right, the first address that is not a trusted proxy is the
 * client.
 */
@ApplicationScoped
public class ClientAddress {

  @Inject
  @ConfigProperty(name = "app.trusted-proxies", defaultValue = "127.0.0.0/8,::1/128")
  List<String> trustedProxies;

  private volatile List<Range> ranges;

  public String of(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    if (!isTrusted(remote)) {
      return remote;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !isTrusted(hop)) {
        return hop;
      }
    }
    return remote;
  }

  /** Whether the address is one of the trusted proxies. */
  public boolean isTrusted(String address) {
    return ranges().stream().anyMatch(r -> r.contains(address));
  }

  private List<Range> ranges() {
    List<Range> known = ranges;
    if (known == null) {
      known =
          trustedProxies.stream()
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .map(Range::parse)
              .toList();
      ranges = known;
    }
    return known;
  }

  /** An address range in CIDR notation ("10.0.0.0/8"), or one address. */
  record Range(byte[] network, int prefix) {

    static Range parse(String cidr) {
      int slash = cidr.indexOf('/');
      byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
      }
      int prefix =
          slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1).trim());
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("Bad prefix length in " + cidr);
      }
      return new Range(network, prefix);
    }

    boolean contains(String address) {
      byte[] candidate = literal(address);
      if (candidate == null || candidate.length != network.length) {
        return false;
      }
      int shift = network.length * 8 - prefix;
      BigInteger mask = BigInteger.ONE.shiftLeft(network.length * 8).subtract(BigInteger.ONE);
      mask = mask.shiftRight(shift).shiftLeft(shift);
      return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    /** The bytes of an IP literal; null for anything else (never a DNS lookup). */
    private static byte[] literal(String text) {
      String s = text.trim();
      if (s.startsWith("[") && s.endsWith("]")) {
        s = s.substring(1, s.length() - 1);
      }
      boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
      boolean v6 = s.contains(":") && s.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
      if (!v4 && !v6) {
        return null;
      }
      if (v4 && Arrays.stream(s.split("\\.")).anyMatch(p -> Integer.parseInt(p) > 255)) {
        return null;
      }
      try {
        return InetAddress.getByName(s).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }
}
