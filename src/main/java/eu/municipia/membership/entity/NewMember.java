package eu.municipia.membership.entity;

import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.entity.Dates;
import eu.municipia.platform.entity.Validated;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A member an admin adds, as the member page's form and the API both take it: a municipality by its
 * {@code code}, or an organization (micro-region, company…) by its {@code ico} with its {@code
 * name} and {@code kind}; and the day the membership began. Whether the code is in the register is
 * for the register to say ({@code Memberships.add}).
 */
public record NewMember(String code, String ico, String name, String kind, LocalDate since)
    implements Validated {

  /** An organization is meant where an IČO is given and no municipality code. */
  public boolean isOrganization() {
    return blank(code) && !blank(ico);
  }

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (isOrganization()) {
      if (!Ico.isValid(ico.trim())) {
        errors.put("ico", "member.error.key");
      }
      if (blank(name) || name.trim().length() > 200) {
        errors.put("name", "member.error.name");
      }
      if (organizationKind() == null) {
        errors.put("kind", "member.error.kind");
      }
    } else if (blank(code) || !MunicipalityCode.isValid("CZ", code.trim())) {
      errors.put("code", "member.error.key");
    }
    if (since == null) {
      errors.put("since", "member.error.date");
    } else if (!Dates.plausible(since)) {
      errors.put("since", "date.error.range");
    }
    return errors;
  }

  public MunicipalityCode municipality() {
    return new MunicipalityCode("CZ", code.trim());
  }

  public Ico organization() {
    return new Ico(ico.trim());
  }

  public OrganizationKind organizationKind() {
    String wanted = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(OrganizationKind.values())
        .filter(k -> k.name().equals(wanted))
        .findFirst()
        .orElse(null);
  }

  /** The member's key in paths and in the register: the municipality's code or the IČO. */
  public String key() {
    return isOrganization() ? ico.trim() : code.trim();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
