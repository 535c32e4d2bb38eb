package eu.municipia.platform.entity;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Tokens that stand for a capability in a link (confirm an address, read a preview, unsubscribe):
 * 256 random bits, URL-safe Base64 without padding (43 characters), unguessable.
 */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What every token looks like, for refusing anything else before a lookup. */
  public static final String FORMAT = "[A-Za-z0-9_-]{43}";

  private RandomTokens() {}

  public static String next() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
