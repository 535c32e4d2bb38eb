package eu.municipia.resolutions.entity;

import eu.municipia.platform.entity.Validated;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A body as the admin's form and the API give it: names, kind, how its resolutions are numbered,
 * what its quorum counts, the majority it needs and, per resolution type, another majority.
 */
public record BodyForm(
    String nameCs,
    String nameEn,
    String kind,
    String numberPattern,
    String quorumBasis,
    String majority,
    Map<String, String> majorityOverrides,
    Boolean votesByName)
    implements Validated {

  public static final int NAME_LENGTH = 200;

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (blank(nameCs) || nameCs.trim().length() > NAME_LENGTH) {
      errors.put("nameCs", "body.error.name");
    }
    if (!blank(nameEn) && nameEn.trim().length() > NAME_LENGTH) {
      errors.put("nameEn", "body.error.name");
    }
    if (Enums.parse(BodyKind.class, kind).isEmpty()) {
      errors.put("kind", "body.error.kind");
    }
    if (!NumberPattern.isValid(numberPattern)) {
      errors.put("numberPattern", "body.error.numberPattern");
    }
    if (Enums.parse(QuorumBasis.class, quorumBasis).isEmpty()) {
      errors.put("quorumBasis", "body.error.quorumBasis");
    }
    if (Enums.parse(Majority.class, majority).isEmpty()) {
      errors.put("majority", "body.error.majority");
    }
    if (majorityOverrides != null) {
      for (var e : majorityOverrides.entrySet()) {
        boolean unset = blank(e.getValue());
        if (Enums.parse(ResolutionType.class, e.getKey()).isEmpty()
            || (!unset && Enums.parse(Majority.class, e.getValue()).isEmpty())) {
          errors.put("majorityOverrides", "body.error.majority");
        }
      }
    }
    return errors;
  }

  public String czechName() {
    return nameCs.trim();
  }

  /** The English name, or the Czech one where none is given. */
  public String englishName() {
    return blank(nameEn) ? nameCs.trim() : nameEn.trim();
  }

  public BodyKind bodyKind() {
    return Enums.parse(BodyKind.class, kind).orElseThrow();
  }

  public NumberPattern pattern() {
    return new NumberPattern(numberPattern);
  }

  public QuorumBasis basis() {
    return Enums.parse(QuorumBasis.class, quorumBasis).orElseThrow();
  }

  public Majority defaultMajority() {
    return Enums.parse(Majority.class, majority).orElseThrow();
  }

  /** The types that need another majority than the body's own. */
  public Map<ResolutionType, Majority> overrides() {
    Map<ResolutionType, Majority> overrides = new EnumMap<>(ResolutionType.class);
    if (majorityOverrides != null) {
      majorityOverrides.forEach(
          (type, majority) ->
              Enums.parse(Majority.class, majority)
                  .ifPresent(
                      m ->
                          overrides.put(Enums.parse(ResolutionType.class, type).orElseThrow(), m)));
    }
    return overrides;
  }

  public boolean byName() {
    return Boolean.TRUE.equals(votesByName);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
