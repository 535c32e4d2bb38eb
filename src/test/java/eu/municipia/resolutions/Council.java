package eu.municipia.resolutions;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A body of SMOPK of one test's own, made through the admin's API: its seats, meetings, attendance
 * and resolutions. Each has its own number pattern (a random prefix), so tests never share numbers.
 */
final class Council {

  static final String BASE = "/api/v1/tenants/smopk";

  final Api api;
  final String admin;
  final String id;
  final String prefix;

  private Council(Api api, String admin, String id, String prefix) {
    this.api = api;
    this.admin = admin;
    this.id = id;
    this.prefix = prefix;
  }

  /** An existing body (of another kind than create makes). */
  static Council of(Api api, String admin, String id, String prefix) {
    return new Council(api, admin, id, prefix);
  }

  /** A new body with a random prefix; overrides e.g. Map.of("STATUTES", "TWO_THIRDS_OF_ALL"). */
  static Council create(
      Api api, String admin, String majority, Map<String, String> overrides, boolean byName) {
    String prefix =
        "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    JsonObjectBuilder o = Json.createObjectBuilder();
    overrides.forEach(o::add);
    JsonObject body =
        Json.createObjectBuilder()
            .add("nameCs", "Výbor " + prefix)
            .add("nameEn", "Committee " + prefix)
            .add("kind", "COMMITTEE")
            .add("numberPattern", prefix + "/{year}/{n}")
            .add("quorumBasis", "MEMBERS")
            .add("majority", majority)
            .add("majorityOverrides", o)
            .add("votesByName", byName)
            .build();
    Api.Response created = api.post(BASE + "/bodies", admin, "application/json", body.toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new Council(api, admin, created.json().asJsonObject().getString("id"), prefix);
  }

  /** n seats with terms from 2020 on, named Člen 1…n. */
  List<String> seats(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(seat("Člen " + i + " " + prefix, null, "2020-01-01", null));
    }
    return ids;
  }

  /**
   * A meeting of {@code seats} new seat holders who are all present from its start (the admin's
   * "everyone present" action); answers the meeting's id.
   */
  String sitting(int seats, int number, String startsAt) {
    seats(seats);
    String meeting = meeting(number, startsAt);
    Api.Response everyone =
        api.post(BASE + "/meetings/" + meeting + "/attendance/everyone", admin, null, null);
    assertThat(everyone.status()).as(everyone.body()).isEqualTo(200);
    assertThat(everyone.body()).contains("\"added\":" + seats);
    return meeting;
  }

  String seat(String name, String municipality, String from, String to) {
    JsonObjectBuilder seat =
        Json.createObjectBuilder().add("name", name).add("role", "MEMBER").add("termFrom", from);
    if (municipality != null) {
      seat.add("municipalityCode", municipality);
    }
    if (to != null) {
      seat.add("termTo", to);
    }
    Api.Response created =
        api.post(
            BASE + "/bodies/" + id + "/seats", admin, "application/json", seat.build().toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().asJsonObject().getString("id");
  }

  String meeting(int number, String startsAt) {
    JsonObject meeting =
        Json.createObjectBuilder()
            .add("bodyId", id)
            .add("number", number)
            .add("startsAt", startsAt)
            .add("place", "Plzeň, Škroupova 18")
            .build();
    Api.Response created =
        api.post(BASE + "/meetings", admin, "application/json", meeting.toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().asJsonObject().getString("id");
  }

  String arrive(String meeting, String seat, String from, String to) {
    JsonObjectBuilder stay = Json.createObjectBuilder().add("seatId", seat).add("arrivedAt", from);
    if (to != null) {
      stay.add("leftAt", to);
    }
    Api.Response created =
        api.post(
            BASE + "/meetings/" + meeting + "/attendance",
            admin,
            "application/json",
            stay.build().toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().asJsonObject().getString("id");
  }

  void leave(String meeting, String attendance, String at) {
    Api.Response left =
        api.put(
            BASE + "/meetings/" + meeting + "/attendance/" + attendance,
            admin,
            "application/json",
            "{\"leftAt\":\"" + at + "\"}");
    assertThat(left.status()).as(left.body()).isEqualTo(200);
  }

  /** A resolution's JSON with counts of votes. */
  static JsonObjectBuilder resolution(
      String meeting,
      String type,
      String title,
      String text,
      String votedAt,
      int yes,
      int no,
      int abstained) {
    return Json.createObjectBuilder()
        .add("meetingId", meeting)
        .add("type", type)
        .add("title", title)
        .add("text", text)
        .add("votedAt", votedAt)
        .add("votesFor", yes)
        .add("votesAgainst", no)
        .add("abstained", abstained)
        .add("visibility", "PUBLIC");
  }

  Api.Response record(JsonObjectBuilder resolution) {
    return api.post(
        BASE + "/resolutions", admin, "application/json", resolution.build().toString());
  }

  /** Records and asserts it was recorded; answers the recorded resolution. */
  JsonObject recorded(JsonObjectBuilder resolution) {
    Api.Response r = record(resolution);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().asJsonObject();
  }

  JsonObject publish(String resolution) {
    Api.Response published =
        api.post(BASE + "/resolutions/" + resolution + "/publication", admin, null, null);
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    return published.json().asJsonObject();
  }

  /** Records and publishes a resolution, answering it as recorded. */
  JsonObject published(JsonObjectBuilder resolution) {
    JsonObject recorded = recorded(resolution);
    return publish(recorded.getString("id"));
  }
}
