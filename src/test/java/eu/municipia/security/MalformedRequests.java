package eu.municipia.security;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed requests for one API operation, made from its OpenAPI description so that a new
 * operation gets them by itself: each breaks one thing of an otherwise well-formed call (a path or
 * query parameter of the wrong type, too large, negative, very long, an unknown enum value, not
 * UTF-8; a body that is not JSON, JSON of the wrong shape or with a field of the wrong type, empty,
 * of the wrong content type, not UTF-8).
 */
final class MalformedRequests {

  /** One request: what it breaks, and the request itself (target already percent-encoded). */
  record Case(String breaks, String method, String target, String contentType, byte[] body) {}

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final String LONG_IN_URL = "a".repeat(3_000);
  private static final String LONG_IN_BODY = "a".repeat(200_000);

  /** Invalid UTF-8: a lone continuation byte and a truncated sequence, percent-encoded. */
  private static final String NOT_UTF8_IN_URL = "%C3%28%FF";

  private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};

  private MalformedRequests() {}

  /**
   * @param method the HTTP method
   * @param target the path template with the query a good call has ({@code …/imports?year=2025})
   * @param operation the OpenAPI operation
   * @param schemas the OpenAPI document's component schemas
   * @param values the demo values that make every other part of the call good
   * @param base a good JSON body whose fields the body cases break one at a time, or null for an
   *     empty object (a good body only where accepting it changes nothing but the test's own data)
   */
  static List<Case> of(
      String method,
      String target,
      JsonObject operation,
      JsonObject schemas,
      DemoValues values,
      JsonObject base) {
    List<Case> cases = new ArrayList<>();
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : target.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        query.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    Map<String, String> types = parameterTypes(operation);
    RequestBody body =
        RequestBody.of(operation, schemas, base == null ? JsonValue.EMPTY_JSON_OBJECT : base);
    String goodBody = body == null ? null : body.json() ? body.base().toString() : "";

    Matcher m = PARAMETER.matcher(path);
    while (m.find()) {
      String name = m.group(1);
      for (String bad : badValues(types.getOrDefault("path " + name, "string"))) {
        String broken = path.substring(0, m.start()) + bad + path.substring(m.end());
        cases.add(
            withBody(
                "path parameter " + name + " = " + shorten(bad),
                method,
                values.fill(broken) + queryString(query, values),
                body,
                goodBody));
      }
    }
    for (Map.Entry<String, String> param : types.entrySet()) {
      if (!param.getKey().startsWith("query ")) {
        continue;
      }
      String name = param.getKey().substring("query ".length());
      for (String bad : badValues(param.getValue())) {
        Map<String, String> broken = new LinkedHashMap<>(query);
        broken.put(name, bad);
        cases.add(
            withBody(
                "query parameter " + name + " = " + shorten(bad),
                method,
                values.fill(path) + queryString(broken, values),
                body,
                goodBody));
      }
    }
    if (body != null) {
      String url = values.fill(path) + queryString(query, values);
      body.cases().forEach(c -> cases.add(new Case(c.breaks(), method, url, c.type(), c.bytes())));
    }
    return cases;
  }

  /** Wrong for every type: the wrong type, too large, negative, very long, not UTF-8, blank. */
  static List<String> badValues(String type) {
    List<String> bad = new ArrayList<>();
    switch (type) {
      case "integer", "number" -> {
        bad.add("abc");
        bad.add("-1");
        bad.add("99999999999999999999999");
        bad.add("1.5");
        bad.add("1e400");
      }
      case "boolean" -> bad.add("maybe");
      default -> {
        bad.add("NOT_A_VALUE");
        bad.add("-1");
        bad.add("99999999999999999999999");
      }
    }
    bad.add(LONG_IN_URL);
    bad.add(NOT_UTF8_IN_URL);
    bad.add("%00");
    bad.add("a%00b");
    bad.add("%20");
    bad.add("%E2%80%AE%F0%9F%92%A5");
    return bad;
  }

  private static Case withBody(
      String breaks, String method, String url, RequestBody body, String goodBody) {
    return body == null
        ? new Case(breaks, method, url, null, null)
        : new Case(breaks, method, url, body.type(), goodBody.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> parameterTypes(JsonObject operation) {
    Map<String, String> types = new LinkedHashMap<>();
    if (operation.containsKey("parameters")) {
      for (JsonValue p : operation.getJsonArray("parameters")) {
        JsonObject param = p.asJsonObject();
        String type =
            param.containsKey("schema")
                ? param.getJsonObject("schema").getString("type", "string")
                : "string";
        types.put(param.getString("in") + " " + param.getString("name"), type);
      }
    }
    return types;
  }

  private static String queryString(Map<String, String> query, DemoValues values) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    query.forEach((k, v) -> s.append(s.length() == 0 ? "?" : "&").append(k).append('=').append(v));
    return values.fill(s.toString());
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
  }

  /** The operation's request body: its media type and, for JSON, the properties of its schema. */
  private record RequestBody(String type, Map<String, String> properties, JsonObject base) {

    static RequestBody of(JsonObject operation, JsonObject schemas, JsonObject base) {
      if (!operation.containsKey("requestBody")) {
        return null;
      }
      JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
      if (content == null || content.isEmpty()) {
        return null;
      }
      String type =
          content.containsKey("application/json")
              ? "application/json"
              : content.keySet().iterator().next();
      Map<String, String> properties = new LinkedHashMap<>();
      JsonObject schema = content.getJsonObject(type).getJsonObject("schema");
      if (schema != null && schema.containsKey("$ref")) {
        String ref = ((JsonString) schema.get("$ref")).getString();
        schema = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
      }
      if (schema != null && schema.containsKey("properties")) {
        schema
            .getJsonObject("properties")
            .forEach(
                (name, property) ->
                    properties.put(name, property.asJsonObject().getString("type", "object")));
      }
      return new RequestBody(type, properties, base);
    }

    boolean json() {
      return type.contains("json");
    }

    record BodyCase(String breaks, String type, byte[] bytes) {}

    List<BodyCase> cases() {
      List<BodyCase> cases = new ArrayList<>();
      cases.add(new BodyCase("an empty body", type, new byte[0]));
      cases.add(new BodyCase("a body that is not UTF-8", type, NOT_UTF8));
      cases.add(new BodyCase("a body of binary noise", type, noise()));
      if (!json()) {
        cases.add(new BodyCase("a JSON body", "application/json", utf8("{\"a\":1}")));
        cases.add(new BodyCase("a body of one huge line", type, utf8(LONG_IN_BODY)));
        cases.add(new BodyCase("no content type", null, utf8("a,b\n1,2\n")));
        return cases;
      }
      for (String broken : List.of("{", "{\"a\":", "{\"a\":1}}", "[", "{'a':1}", "nul")) {
        cases.add(new BodyCase("broken JSON " + broken, type, utf8(broken)));
      }
      for (String shape : List.of("[]", "[{}]", "\"text\"", "42", "null", "true")) {
        cases.add(new BodyCase("JSON of the wrong shape: " + shape, type, utf8(shape)));
      }
      cases.add(
          new BodyCase(
              "JSON nested 10000 deep",
              type,
              utf8("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")));
      cases.add(new BodyCase("an unknown field", type, utf8(withField("unknownField", "1"))));
      cases.add(new BodyCase("a text/plain body", "text/plain", utf8("{}")));
      cases.add(new BodyCase("an XML body", "application/xml", utf8("<a/>")));
      cases.add(new BodyCase("a form body", "application/x-www-form-urlencoded", utf8("a=b")));
      cases.add(new BodyCase("no content type", null, utf8("{}")));
      properties.forEach(
          (name, propertyType) -> {
            for (String value : badJsonValues(propertyType)) {
              cases.add(
                  new BodyCase(
                      "field " + name + " = " + shorten(value),
                      type,
                      utf8(withField(name, value))));
            }
            String text = withField(name, "\"\"");
            int at = text.lastIndexOf("\"\"") + 1;
            cases.add(
                new BodyCase(
                    "field " + name + " not UTF-8",
                    type,
                    concat(utf8(text.substring(0, at)), NOT_UTF8, utf8(text.substring(at)))));
          });
      return cases;
    }

    /** The base body with one field's value replaced by raw JSON text. */
    private String withField(String name, String rawValue) {
      StringBuilder json = new StringBuilder("{");
      base.forEach(
          (k, v) -> {
            if (!k.equals(name)) {
              json.append('"').append(k).append("\":").append(v).append(',');
            }
          });
      return json.append('"').append(name).append("\":").append(rawValue).append('}').toString();
    }

    /** JSON values that do not fit a field of this type, and ones that stretch it. */
    private static List<String> badJsonValues(String type) {
      return switch (type) {
        case "string" ->
            List.of(
                "\"" + LONG_IN_BODY + "\"",
                "\"NOT_A_VALUE\"",
                "\"\"",
                "\"\\u0000\"",
                "\"a\\u0000b\"",
                "123",
                "{}",
                "[]",
                "true");
        case "integer", "number" ->
            List.of(
                "\"abc\"",
                "1e400",
                "-1",
                "-1e400",
                "99999999999999999999999999999999",
                "0.000000000000000000001",
                "true",
                "{}");
        case "boolean" -> List.of("\"maybe\"", "1", "{}", "\"\"");
        case "array" -> List.of("{}", "\"x\"", "[null]", "1");
        default ->
            // "object" is how the generator describes dates (LocalDate) and nested objects alike.
            List.of(
                "\"not a date\"",
                "\"2026-13-45\"",
                "\"99999-01-01\"",
                "\"-2026-01-01\"",
                "\"" + LONG_IN_BODY + "\"",
                "123",
                "{}",
                "[]",
                "true");
      };
    }

    private static byte[] noise() {
      byte[] noise = new byte[4096];
      new java.util.Random(42).nextBytes(noise);
      return noise;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
