package eu.municipia.seminars.entity;

import eu.municipia.platform.entity.Validated;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An event as the admin's form and the API give it: every value as typed (times in Europe/Prague,
 * "2026-03-28T09:00"; decimals with a dot or a comma), and what is wrong with it, field by field
 * ({@code programme[2].title} for a line of the programme). {@link #details(Instant)} is the
 * checked event.
 */
public record EventForm(
    String kind,
    String title,
    String description,
    String topic,
    String lecturers,
    String startsAt,
    String endsAt,
    String venue,
    String address,
    String latitude,
    String longitude,
    String onlineUrl,
    String capacity,
    String registrationOpensAt,
    String registrationClosesAt,
    String audience,
    String fee,
    String offerHours,
    List<ProgrammeLine> programme)
    implements Validated {

  /** The most places an event may have; more is a typing mistake, not a seminar. */
  public static final int MAX_CAPACITY = 10_000;

  public static final int MAX_PROGRAMME = 30;

  /** One line of the programme as typed; a line left wholly blank is no item. */
  public record ProgrammeLine(String startsAt, String endsAt, String title, String lecturer) {
    boolean isBlank() {
      return blank(startsAt) && blank(endsAt) && blank(title) && blank(lecturer);
    }
  }

  public EventForm {
    programme = programme == null ? List.of() : List.copyOf(programme);
  }

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    check(errors);
    return errors;
  }

  /** The event, checked; call only when {@link #errors()} is empty. */
  public Seminar.Details details(Instant now) {
    requireValid();
    Instant starts = time(startsAt).orElseThrow();
    Instant ends = time(endsAt).orElseThrow();
    List<Seminar.Item> items = new ArrayList<>();
    for (ProgrammeLine line : programme) {
      if (!line.isBlank()) {
        items.add(
            new Seminar.Item(
                time(line.startsAt()).orElseThrow(),
                time(line.endsAt()).orElse(null),
                line.title().trim(),
                trimmed(line.lecturer())));
      }
    }
    Optional<Double> lat = decimal(latitude).map(BigDecimal::doubleValue);
    return new Seminar.Details(
        EventKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)),
        title.trim(),
        trimmed(description),
        trimmed(topic),
        trimmed(lecturers),
        starts,
        ends,
        trimmed(venue),
        trimmed(address),
        lat.orElse(null),
        decimal(longitude).map(BigDecimal::doubleValue).orElse(null),
        trimmed(onlineUrl),
        Integer.parseInt(capacity.trim()),
        time(registrationOpensAt).orElse(now),
        time(registrationClosesAt).orElse(starts),
        Audience.valueOf(audience.trim().toUpperCase(Locale.ROOT)),
        decimal(fee).orElse(null),
        Integer.parseInt(offerHours.trim()),
        items);
  }

  private void check(Map<String, String> errors) {
    if (!isOneOf(kind, EventKind.values())) {
      errors.put("kind", "seminar.error.kind");
    }
    text(errors, "title", title, true, 200);
    text(errors, "description", description, false, 10_000);
    text(errors, "topic", topic, false, 100);
    text(errors, "lecturers", lecturers, false, 1000);
    Optional<Instant> starts = requiredTime(errors, "startsAt", startsAt);
    Optional<Instant> ends = requiredTime(errors, "endsAt", endsAt);
    if (starts.isPresent() && ends.isPresent() && ends.get().isBefore(starts.get())) {
      errors.put("endsAt", "seminar.error.endsBeforeStart");
    }
    text(errors, "venue", venue, false, 200);
    text(errors, "address", address, false, 300);
    coordinates(errors);
    if (!blank(onlineUrl) && !isWebAddress(onlineUrl.trim())) {
      errors.put("onlineUrl", "seminar.error.onlineUrl");
    }
    if (blank(venue) && blank(onlineUrl)) {
      errors.put("venue", "seminar.error.where");
    }
    Optional<Integer> places = whole(capacity);
    if (places.isEmpty() || places.get() < 1 || places.get() > MAX_CAPACITY) {
      errors.put("capacity", "seminar.error.capacity");
    }
    window(errors, starts, ends);
    if (!isOneOf(audience, Audience.values())) {
      errors.put("audience", "seminar.error.audience");
    }
    if (!blank(fee)) {
      Optional<BigDecimal> amount = decimal(fee);
      if (amount.isEmpty() || amount.get().signum() < 0 || amount.get().scale() > 2) {
        errors.put("fee", "seminar.error.fee");
      }
    }
    Optional<Integer> hours = whole(offerHours);
    if (hours.isEmpty() || hours.get() < 1 || hours.get() > 336) {
      errors.put("offerHours", "seminar.error.offerHours");
    }
    programme(errors, starts, ends);
  }

  private void window(
      Map<String, String> errors, Optional<Instant> starts, Optional<Instant> ends) {
    Optional<Instant> opens = optionalTime(errors, "registrationOpensAt", registrationOpensAt);
    Optional<Instant> closes = optionalTime(errors, "registrationClosesAt", registrationClosesAt);
    if (opens.isPresent() && closes.isPresent() && !closes.get().isAfter(opens.get())) {
      errors.put("registrationClosesAt", "seminar.error.closesBeforeOpens");
    } else if (closes.isPresent() && ends.isPresent() && closes.get().isAfter(ends.get())) {
      errors.put("registrationClosesAt", "seminar.error.closesAfterEnd");
    } else if (opens.isPresent() && starts.isPresent() && !opens.get().isBefore(starts.get())) {
      errors.put("registrationOpensAt", "seminar.error.opensAfterStart");
    }
  }

  private void coordinates(Map<String, String> errors) {
    if (blank(latitude) != blank(longitude)) {
      errors.put(blank(latitude) ? "latitude" : "longitude", "seminar.error.point");
      return;
    }
    Optional<BigDecimal> lat = decimal(latitude);
    if (!blank(latitude)
        && (lat.isEmpty() || lat.get().abs().compareTo(BigDecimal.valueOf(90)) > 0)) {
      errors.put("latitude", "seminar.error.latitude");
    }
    Optional<BigDecimal> lon = decimal(longitude);
    if (!blank(longitude)
        && (lon.isEmpty() || lon.get().abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
      errors.put("longitude", "seminar.error.longitude");
    }
  }

  private void programme(
      Map<String, String> errors, Optional<Instant> starts, Optional<Instant> ends) {
    if (programme.size() > MAX_PROGRAMME) {
      errors.put("programme", "seminar.error.programmeTooLong");
      return;
    }
    for (int i = 0; i < programme.size(); i++) {
      ProgrammeLine line = programme.get(i);
      if (line == null || line.isBlank()) {
        continue;
      }
      String field = "programme[" + i + "].";
      Optional<Instant> from = requiredTime(errors, field + "startsAt", line.startsAt());
      Optional<Instant> to = optionalTime(errors, field + "endsAt", line.endsAt());
      if (from.isPresent()
          && starts.isPresent()
          && ends.isPresent()
          && (from.get().isBefore(starts.get()) || from.get().isAfter(ends.get()))) {
        errors.put(field + "startsAt", "seminar.error.itemOutside");
      }
      if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
        errors.put(field + "endsAt", "seminar.error.endsBeforeStart");
      }
      text(errors, field + "title", line.title(), true, 300);
      text(errors, field + "lecturer", line.lecturer(), false, 200);
    }
  }

  private static void text(
      Map<String, String> errors, String field, String value, boolean required, int max) {
    if (blank(value)) {
      if (required) {
        errors.put(field, "seminar.error.required");
      }
    } else if (value.trim().length() > max) {
      errors.put(field, "seminar.error.tooLong");
    }
  }

  private static Optional<Instant> requiredTime(
      Map<String, String> errors, String field, String value) {
    if (blank(value)) {
      errors.put(field, "seminar.error.required");
      return Optional.empty();
    }
    return optionalTime(errors, field, value);
  }

  private static Optional<Instant> optionalTime(
      Map<String, String> errors, String field, String value) {
    Optional<Instant> parsed = time(value);
    if (!blank(value) && parsed.isEmpty()) {
      errors.put(field, "seminar.error.time");
    }
    return parsed;
  }

  /** A local date and time in Europe/Prague ("2026-03-28T09:00"), as an instant. */
  static Optional<Instant> time(String value) {
    if (blank(value) || value.trim().length() > 25) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDateTime.parse(value.trim().replace(' ', 'T')).atZone(Seminar.ZONE).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> whole(String value) {
    if (blank(value) || !value.trim().matches("[0-9]{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(value.trim()));
  }

  private static Optional<BigDecimal> decimal(String value) {
    if (blank(value)) {
      return Optional.empty();
    }
    String plain = value.trim().replace(" ", "").replace('\u00a0', ' ').replace(" ", "");
    if (!plain.matches("-?[0-9]{1,9}([.,][0-9]{1,12})?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(plain.replace(',', '.')));
  }

  private static boolean isWebAddress(String value) {
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme();
      return value.length() <= 500
          && uri.getHost() != null
          && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static <E extends Enum<E>> boolean isOneOf(String value, E[] values) {
    if (blank(value)) {
      return false;
    }
    String name = value.trim().toUpperCase(Locale.ROOT);
    for (E e : values) {
      if (e.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String trimmed(String value) {
    return blank(value) ? null : value.trim();
  }
}
