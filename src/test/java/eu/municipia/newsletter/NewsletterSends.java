package eu.municipia.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the delivery test and the send benchmark share: many subscribers of SMOPK written straight
 * into the database (as the app role, under row-level security), an issue with one article made
 * through the API by the demo editor, and counting what the SMTP server received per recipient.
 */
public final class NewsletterSends {

  private NewsletterSends() {}

  /** Adds {@code count} active public subscribers "{prefix}{n}@example.org"; answers the prefix. */
  public static String subscribers(int count) throws SQLException {
    String prefix = "bulk" + UUID.randomUUID().toString().substring(0, 6) + ".";
    try (Connection c = TestStack.get().database().app()) {
      try (PreparedStatement tenant =
          c.prepareStatement("SELECT set_config('app.tenant_id', 'smopk', false)")) {
        tenant.execute();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO newsletter_subscriber (id, tenant_id, email, language, source, status,"
                  + " token, created_at, confirmed_at)"
                  + " SELECT gen_random_uuid(), 'smopk', ? || n || '@example.org', 'cs', 'PUBLIC',"
                  + " 'ACTIVE', md5(random()::text || n) || md5(random()::text), now(), now()"
                  + " FROM generate_series(1, ?) AS n")) {
        insert.setString(1, prefix);
        insert.setInt(2, count);
        insert.executeUpdate();
      }
    }
    return prefix;
  }

  /** A new issue "2091/n" with one published public article; answers its number. */
  public static String issue(Api api, String editor) {
    String slug =
        api.post(
                "/api/v1/tenants/smopk/magazine/articles",
                editor,
                "application/json",
                Json.createObjectBuilder()
                    .add("title", "Rozesílka " + UUID.randomUUID().toString().substring(0, 8))
                    .add("perex", "Perex.")
                    .add("body", "<p>Text článku pro všechny odběratele.</p>")
                    .add("topics", Json.createArrayBuilder().add("EVENTS"))
                    .add("audience", "PUBLIC")
                    .build()
                    .toString())
            .json()
            .asJsonObject()
            .getString("slug");
    for (String status : List.of("IN_REVIEW", "PUBLISHED")) {
      Api.Response moved =
          api.post(
              "/api/v1/tenants/smopk/magazine/articles/" + slug + "/status",
              editor,
              "application/json",
              "{\"status\":\"" + status + "\"}");
      assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }
    String number = "2091/" + (1 + (int) (Math.random() * 999));
    Api.Response created =
        api.post(
            "/api/v1/tenants/smopk/magazine/issues",
            editor,
            "application/json",
            Json.createObjectBuilder()
                .add("number", number)
                .add("title", "Hromadné číslo")
                .add("articles", Json.createArrayBuilder().add(slug))
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return number;
  }

  /** Publishes (and so sends) the issue; answers the count of recipients. */
  public static int publish(Api api, String editor, String number) {
    Api.Response sent =
        api.post(
            "/api/v1/tenants/smopk/magazine/issues/" + number + "/publication",
            editor,
            "application/json",
            "");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    return sent.json().asJsonObject().getInt("recipients");
  }

  /** How many messages of the issue each bulk recipient got. */
  public static Map<String, Integer> perRecipient(
      Collection<MailServer.Mail> received, String prefix, String number) {
    Map<String, Integer> counts = new HashMap<>();
    received.stream()
        .filter(m -> m.to().startsWith(prefix) && m.subject().contains(number))
        .forEach(m -> counts.merge(m.to(), 1, Integer::sum));
    return counts;
  }

  /** Recipients that got more than one message. */
  public static List<String> duplicated(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .sorted()
        .collect(Collectors.toList());
  }

  public static String editorToken() {
    return Tokens.accessToken(eu.municipia.testing.DemoUsers.TWO_ASSOCIATIONS);
  }
}
