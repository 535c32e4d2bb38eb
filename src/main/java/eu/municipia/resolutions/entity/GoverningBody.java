package eu.municipia.resolutions.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A governing body of the association and its rules: how its resolutions are numbered, what its
 * quorum counts, and the majority a resolution needs (per type where the body says so). It decides
 * a vote ({@link #decide}): a body that is not quorate decides nothing.
 */
@Entity
@Table(name = "governing_body")
@NamedQuery(
    name = GoverningBody.ALL,
    query = "SELECT b FROM GoverningBody b ORDER BY b.position, b.createdAt")
public class GoverningBody extends TenantOwned {

  public static final String ALL = "GoverningBody.all";

  @Id private UUID id;

  @Column(name = "name_cs", nullable = false)
  private String nameCs;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BodyKind kind;

  @Column(name = "number_pattern", nullable = false)
  private String numberPattern;

  @Enumerated(EnumType.STRING)
  @Column(name = "quorum_basis", nullable = false)
  private QuorumBasis quorumBasis;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Majority majority;

  @Column(name = "majority_overrides", nullable = false)
  private String majorityOverrides;

  @Column(name = "votes_by_name", nullable = false)
  private boolean votesByName;

  @Column(nullable = false)
  private int position;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected GoverningBody() {}

  public GoverningBody(BodyForm form, int position, Instant now) {
    this.id = UUID.randomUUID();
    this.position = position;
    this.createdAt = Objects.requireNonNull(now, "now is required");
    change(form);
  }

  /** New rules apply to votes recorded from now on; recorded resolutions keep theirs. */
  public void change(BodyForm form) {
    form.requireValid();
    this.nameCs = form.czechName();
    this.nameEn = form.englishName();
    this.kind = form.bodyKind();
    this.numberPattern = form.pattern().value();
    this.quorumBasis = form.basis();
    this.majority = form.defaultMajority();
    this.majorityOverrides =
        form.overrides().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    this.votesByName = form.byName();
  }

  /** The majority a resolution of this type needs here. */
  public Majority majorityFor(ResolutionType type) {
    return overrides().getOrDefault(type, majority);
  }

  public Map<ResolutionType, Majority> overrides() {
    Map<ResolutionType, Majority> overrides = new EnumMap<>(ResolutionType.class);
    if (!majorityOverrides.isBlank()) {
      for (String entry : majorityOverrides.split(",")) {
        String[] pair = entry.split("=", 2);
        overrides.put(ResolutionType.valueOf(pair[0]), Majority.valueOf(pair[1]));
      }
    }
    return overrides;
  }

  /**
   * Decides a vote: refused without quorum (more than half of the basis present at that moment);
   * otherwise adopted where the votes for reach the majority this type needs, else rejected.
   */
  public Decision decide(ResolutionType type, Tally tally) {
    if (tally.basis() == 0) {
      throw new NoQuorumException(tally.present(), 0, 1);
    }
    int quorum = QuorumBasis.quorum(tally.basis());
    if (tally.present() < quorum) {
      throw new NoQuorumException(tally.present(), tally.basis(), quorum);
    }
    Majority needed = majorityFor(type);
    int votes = needed.needed(tally.present(), tally.basis());
    return new Decision(
        tally.votesFor() >= votes ? Outcome.ADOPTED : Outcome.REJECTED, needed, quorum, votes);
  }

  /** The number of the n-th resolution of a year. */
  public String numberOf(int year, int n) {
    return new NumberPattern(numberPattern).format(year, n);
  }

  public BodyForm form() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides().forEach((t, m) -> overrides.put(t.name(), m.name()));
    return new BodyForm(
        nameCs,
        nameEn,
        kind.name(),
        numberPattern,
        quorumBasis.name(),
        majority.name(),
        overrides,
        votesByName);
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("nameCs", nameCs);
    state.put("nameEn", nameEn);
    state.put("kind", kind.name());
    state.put("numberPattern", numberPattern);
    state.put("quorumBasis", quorumBasis.name());
    state.put("majority", majority.name());
    state.put("majorityOverrides", majorityOverrides);
    state.put("votesByName", votesByName);
    return state;
  }

  public UUID id() {
    return id;
  }

  public String name(Locale locale) {
    return "en".equals(locale.getLanguage()) ? nameEn : nameCs;
  }

  public String nameCs() {
    return nameCs;
  }

  public String nameEn() {
    return nameEn;
  }

  public BodyKind kind() {
    return kind;
  }

  public String numberPattern() {
    return numberPattern;
  }

  public QuorumBasis quorumBasis() {
    return quorumBasis;
  }

  public Majority majority() {
    return majority;
  }

  public boolean votesByName() {
    return votesByName;
  }
}
