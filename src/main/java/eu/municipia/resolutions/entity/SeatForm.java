package eu.municipia.resolutions.entity;

import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.entity.Dates;
import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.Validated;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A seat on a body as the admin gives it: the person, the member municipality they stand for (if
 * any), an e-mail address for invitations, the role and the term.
 */
public record SeatForm(
    String name,
    String municipalityCode,
    String email,
    String role,
    LocalDate termFrom,
    LocalDate termTo)
    implements Validated {

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (blank(name) || name.trim().length() > 200) {
      errors.put("name", "seat.error.name");
    }
    if (!blank(municipalityCode) && !MunicipalityCode.isValid("CZ", municipalityCode.trim())) {
      errors.put("municipalityCode", "seat.error.municipality");
    }
    if (!blank(email) && !EmailAddress.isValid(email)) {
      errors.put("email", "seat.error.email");
    }
    if (Enums.parse(SeatRole.class, role).isEmpty()) {
      errors.put("role", "seat.error.role");
    }
    if (termFrom == null) {
      errors.put("termFrom", "seat.error.termFrom");
    } else if (!Dates.plausible(termFrom)) {
      errors.put("termFrom", "date.error.range");
    } else if (!Dates.plausible(termTo)) {
      errors.put("termTo", "date.error.range");
    } else if (termTo != null && termTo.isBefore(termFrom)) {
      errors.put("termTo", "seat.error.termTo");
    }
    return errors;
  }

  public SeatRole seatRole() {
    return Enums.parse(SeatRole.class, role).orElseThrow();
  }

  static String trimmed(String value) {
    return blank(value) ? null : value.trim();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
