package eu.municipia.platform.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request that the rules refuse, raised by entities and control classes (which never throw JAX-RS
 * exceptions): the kind of refusal, an English detail for the API and the log, and the fields at
 * fault, each with a message key of the platform's texts (or, where no key exists, an English
 * text). The API answers it as problem+json in English; a page shows each message beside its field
 * in the reader's language ({@code FormMessages}). Features subclass it where a page needs to tell
 * one refusal from another.
 */
public class Refusal extends RuntimeException {

  /** What kind of refusal, and the HTTP status the API answers it with. */
  public enum Kind {
    /** The input is wrong: 400. */
    INVALID(400, "Bad Request"),
    /** Nothing of that name here (or not for this caller): 404. */
    NOT_FOUND(404, "Not Found"),
    /** The input is fine but the state of things refuses it: 409. */
    CONFLICT(409, "Conflict"),
    /** It existed but is no more, such as an expired link: 410. */
    GONE(410, "Gone"),
    /** An upload larger than the app takes: 413. */
    TOO_LARGE(413, "Content Too Large"),
    /** Too many attempts in a short time: 429. */
    TOO_MANY(429, "Too Many Requests");

    private final int status;
    private final String title;

    Kind(int status, String title) {
      this.status = status;
      this.title = title;
    }

    public int status() {
      return status;
    }

    public String title() {
      return title;
    }
  }

  private final Kind kind;
  private final Map<String, String> fields;
  private final transient Object[] arguments;

  /**
   * @param fields field name to message key, in the order a form shows them (may be empty)
   * @param arguments what the messages' placeholders ({0}, {1}…) stand for
   */
  public Refusal(Kind kind, String detail, Map<String, String> fields, Object... arguments) {
    super(Objects.requireNonNull(detail, "detail is required"));
    this.kind = Objects.requireNonNull(kind, "kind is required");
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.arguments = arguments == null ? new Object[0] : arguments.clone();
  }

  /** Input that fails its checks: every field at fault at once. */
  public static Refusal invalid(Map<String, String> fields) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("An invalid input names at least one field.");
    }
    return new Refusal(
        Kind.INVALID,
        fields.size() == 1
            ? "The field " + fields.keySet().iterator().next() + " is invalid."
            : "The request has " + fields.size() + " invalid fields.",
        fields);
  }

  public static Refusal invalid(String field, String messageKey, Object... arguments) {
    return new Refusal(
        Kind.INVALID, "The field " + field + " is invalid.", Map.of(field, messageKey), arguments);
  }

  public static Refusal notFound(String detail) {
    return new Refusal(Kind.NOT_FOUND, detail, Map.of());
  }

  public static Refusal conflict(String detail, String field, String messageKey) {
    return new Refusal(Kind.CONFLICT, detail, Map.of(field, messageKey));
  }

  public Kind kind() {
    return kind;
  }

  /** Field name to message key (or English text). */
  public Map<String, String> fields() {
    return fields;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
