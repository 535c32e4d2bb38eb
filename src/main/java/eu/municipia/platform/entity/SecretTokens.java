package eu.municipia.platform.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets in links that work without a login (confirmation links, personal links to a
 * registration): 256 random bits, URL-safe, of which the database keeps only the SHA-256, so that a
 * copy of the table holds no working link.
 */
public final class SecretTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /** A new token: 43 characters of URL-safe Base64. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text has the shape of a token (checked before anything is looked up). */
  public static boolean isWellFormed(String token) {
    return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]{43}");
  }

  /** What the database keeps of a token. */
  public static String hash(String token) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
