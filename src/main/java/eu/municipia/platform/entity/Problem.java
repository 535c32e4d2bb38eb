package eu.municipia.platform.entity;

import java.util.List;

/** An RFC 9457 problem detail, with the fields that failed validation where there are any. */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, List.of());
  }

  /** One field and what is wrong with it, in words a person can act on. */
  public record FieldError(String field, String message) {}
}
