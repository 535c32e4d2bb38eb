package eu.municipia.platform.entity;

import java.util.List;

/**
 * An RFC 9457 problem detail, with the fields that failed validation where there are any. Every
 * error of the API leaves as one of these, built in one place ({@code Problems}), whether a JAX-RS
 * resource or a servlet filter answers.
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, List.of());
  }

  /** A problem with the standard title of its status. */
  public static Problem of(int status, String detail) {
    return of(status, detail, List.of());
  }

  public static Problem of(int status, String detail, List<FieldError> errors) {
    return new Problem("about:blank", title(status), status, detail, errors);
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }

  /** One field and what is wrong with it, in words a person can act on. */
  public record FieldError(String field, String message) {}

  /**
   * The JSON text, for the places that answer before JAX-RS runs (filters, the authentication
   * mechanism). Written by hand so that it needs no JSON provider lookup on the request path.
   */
  public String toJson() {
    StringBuilder json = new StringBuilder(128).append('{');
    member(json, "type", type).append(',');
    member(json, "title", title).append(",\"status\":").append(status);
    if (detail != null) {
      member(json.append(','), "detail", detail);
    }
    json.append(",\"errors\":[");
    for (int i = 0; i < errors.size(); i++) {
      FieldError e = errors.get(i);
      json.append(i == 0 ? "{" : ",{");
      member(json, "field", e.field()).append(',');
      member(json, "message", e.message()).append('}');
    }
    return json.append("]}").toString();
  }

  private static StringBuilder member(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":");
    if (value == null) {
      return json.append("null");
    }
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
