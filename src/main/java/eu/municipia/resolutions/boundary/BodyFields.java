package eu.municipia.resolutions.boundary;

import eu.municipia.resolutions.entity.BodyForm;
import eu.municipia.resolutions.entity.BodyKind;
import eu.municipia.resolutions.entity.Majority;
import eu.municipia.resolutions.entity.QuorumBasis;
import eu.municipia.resolutions.entity.ResolutionType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of a body's form on the admin pages (create and change), as a person edits them. */
public class BodyFields implements Serializable {

  private String nameCs;
  private String nameEn;
  private String kind = BodyKind.EXECUTIVE_COMMITTEE.name();
  private String numberPattern;
  private String quorumBasis = QuorumBasis.MEMBERS.name();
  private String majority = Majority.HALF_OF_PRESENT.name();
  private final Map<String, String> overrides = new LinkedHashMap<>();
  private boolean votesByName;

  public BodyFields() {
    for (ResolutionType type : ResolutionType.values()) {
      overrides.put(type.name(), "");
    }
  }

  static BodyFields of(BodyForm form) {
    BodyFields fields = new BodyFields();
    fields.nameCs = form.nameCs();
    fields.nameEn = form.nameEn();
    fields.kind = form.kind();
    fields.numberPattern = form.numberPattern();
    fields.quorumBasis = form.quorumBasis();
    fields.majority = form.majority();
    fields.overrides.putAll(form.majorityOverrides());
    fields.votesByName = form.byName();
    return fields;
  }

  BodyForm form() {
    return new BodyForm(
        nameCs,
        nameEn,
        kind,
        numberPattern,
        quorumBasis,
        majority,
        new LinkedHashMap<>(overrides),
        votesByName);
  }

  public List<String> getKinds() {
    return names(BodyKind.values());
  }

  public List<String> getBases() {
    return names(QuorumBasis.values());
  }

  public List<String> getMajorities() {
    return names(Majority.values());
  }

  public List<String> getTypes() {
    return names(ResolutionType.values());
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  public String getNameCs() {
    return nameCs;
  }

  public void setNameCs(String nameCs) {
    this.nameCs = nameCs;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getNumberPattern() {
    return numberPattern;
  }

  public void setNumberPattern(String numberPattern) {
    this.numberPattern = numberPattern;
  }

  public String getQuorumBasis() {
    return quorumBasis;
  }

  public void setQuorumBasis(String quorumBasis) {
    this.quorumBasis = quorumBasis;
  }

  public String getMajority() {
    return majority;
  }

  public void setMajority(String majority) {
    this.majority = majority;
  }

  public Map<String, String> getOverrides() {
    return overrides;
  }

  public boolean isVotesByName() {
    return votesByName;
  }

  public void setVotesByName(boolean votesByName) {
    this.votesByName = votesByName;
  }
}
