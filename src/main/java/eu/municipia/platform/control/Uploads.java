package eu.municipia.platform.control;

import eu.municipia.platform.entity.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Uploads are read as streams with a cap, never whole into memory first: past the cap the reading
 * stops with a refusal (413) that names the limit. The container does not bound a request body that
 * a resource takes as a stream, so every upload goes through here.
 */
public final class Uploads {

  private Uploads() {}

  /** The stream, refusing to give more than {@code maxBytes}. */
  public static InputStream capped(InputStream in, long maxBytes) {
    return new FilterInputStream(in) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) {
        read += n;
        if (read > maxBytes) {
          throw tooLarge(maxBytes);
        }
      }
    };
  }

  public static Refusal tooLarge(long maxBytes) {
    return new Refusal(
        Refusal.Kind.TOO_LARGE,
        "The file is larger than the " + maxBytes / (1024 * 1024) + " MiB this upload takes.",
        Map.of("file", "upload.error.tooLarge"),
        maxBytes / (1024 * 1024));
  }
}
