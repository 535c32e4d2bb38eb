package eu.municipia.membership.entity;

import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.Validated;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the "Join us" form and the API take from an applicant, and what is wrong with it: each
 * field's problem is a message key, so the page shows it in the reader's language beside the field.
 */
public record ApplicationForm(
    String applicantName,
    String applicantRole,
    String email,
    String phone,
    String message,
    boolean consent)
    implements Validated {

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()/-]{6,25}");

  /** Field name to message key; empty when the form can be taken. */
  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (blank(applicantName)) {
      errors.put("applicantName", "join.error.name");
    } else if (applicantName.trim().length() > 200) {
      errors.put("applicantName", "join.error.tooLong");
    }
    if (!blank(applicantRole) && applicantRole.trim().length() > 100) {
      errors.put("applicantRole", "join.error.tooLong");
    }
    if (!EmailAddress.isValid(email)) {
      errors.put("email", "join.error.email");
    }
    if (!blank(phone) && !PHONE.matcher(phone.trim()).matches()) {
      errors.put("phone", "join.error.phone");
    }
    if (!blank(message) && message.length() > 4000) {
      errors.put("message", "join.error.tooLong");
    }
    if (!consent) {
      errors.put("consent", "join.error.consent");
    }
    return errors;
  }

  public MembershipApplication.Applicant applicant() {
    return new MembershipApplication.Applicant(
        trimmed(applicantName),
        trimmed(applicantRole),
        trimmed(email),
        trimmed(phone),
        trimmed(message));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String trimmed(String value) {
    return blank(value) ? null : value.trim();
  }
}
