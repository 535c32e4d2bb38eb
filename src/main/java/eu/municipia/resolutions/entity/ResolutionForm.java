package eu.municipia.resolutions.entity;

import eu.municipia.platform.entity.Dates;
import eu.municipia.platform.entity.Validated;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A resolution as the admin records it after the vote: the meeting and agenda item, what it
 * decides, when it was voted (local time), the votes (counts, or by seat where the body votes by
 * name), who may read it, and an earlier resolution it amends or annuls. The outcome is not here:
 * it is computed.
 */
public record ResolutionForm(
    UUID meetingId,
    UUID agendaItemId,
    String type,
    String title,
    String text,
    LocalDateTime votedAt,
    Integer votesFor,
    Integer votesAgainst,
    Integer abstained,
    Map<String, String> votes,
    String visibility,
    UUID changesId,
    String changeKind)
    implements Validated {

  public static final int TITLE_LENGTH = 500;
  public static final int TEXT_LENGTH = 50_000;
  private static final int MOST_VOTES = 100_000;

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (meetingId == null) {
      errors.put("meetingId", "resolution.error.meeting");
    }
    if (Enums.parse(ResolutionType.class, type).isEmpty()) {
      errors.put("type", "resolution.error.type");
    }
    errors.putAll(textErrors(title, text));
    if (votedAt == null) {
      errors.put("votedAt", "resolution.error.votedAt");
    } else if (!Dates.plausible(votedAt.toLocalDate())) {
      errors.put("votedAt", "date.error.range");
    }
    if (byName()) {
      for (var vote : votes.entrySet()) {
        if (!isUuid(vote.getKey()) || Enums.parse(VoteChoice.class, vote.getValue()).isEmpty()) {
          errors.put("votes", "resolution.error.votes");
        }
      }
    } else {
      count("votesFor", votesFor, errors);
      count("votesAgainst", votesAgainst, errors);
      count("abstained", abstained, errors);
    }
    if (Enums.parse(Visibility.class, visibility).isEmpty()) {
      errors.put("visibility", "resolution.error.visibility");
    }
    if ((changesId == null) != (changeKind == null || changeKind.isBlank())
        || (changeKind != null
            && !changeKind.isBlank()
            && Enums.parse(ChangeKind.class, changeKind).isEmpty())) {
      errors.put("changeKind", "resolution.error.change");
    }
    return errors;
  }

  /** The checks of a title and a text, also for a later correction. */
  public static Map<String, String> textErrors(String title, String text) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (title == null || title.isBlank() || title.trim().length() > TITLE_LENGTH) {
      errors.put("title", "resolution.error.title");
    }
    if (text == null || text.isBlank() || text.trim().length() > TEXT_LENGTH) {
      errors.put("text", "resolution.error.text");
    }
    return errors;
  }

  /** Whether the votes are given by seat (a body that votes by name) rather than as counts. */
  public boolean byName() {
    return votes != null && !votes.isEmpty();
  }

  public ResolutionType resolutionType() {
    return Enums.parse(ResolutionType.class, type).orElseThrow();
  }

  public Visibility readers() {
    return Enums.parse(Visibility.class, visibility).orElseThrow();
  }

  public ChangeKind change() {
    return changesId == null ? null : Enums.parse(ChangeKind.class, changeKind).orElseThrow();
  }

  /** The votes by seat. */
  public Map<UUID, VoteChoice> votesBySeat() {
    Map<UUID, VoteChoice> bySeat = new LinkedHashMap<>();
    if (votes != null) {
      votes.forEach(
          (seat, choice) ->
              bySeat.put(
                  UUID.fromString(seat.trim()),
                  Enums.parse(VoteChoice.class, choice).orElseThrow()));
    }
    return bySeat;
  }

  private static void count(String field, Integer value, Map<String, String> errors) {
    if (value == null || value < 0 || value > MOST_VOTES) {
      errors.put(field, "resolution.error.count");
    }
  }

  private static boolean isUuid(String value) {
    try {
      UUID.fromString(value == null ? "" : value.trim());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
