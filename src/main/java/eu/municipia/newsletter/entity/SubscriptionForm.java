package eu.municipia.newsletter.entity;

import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.Validated;
import java.util.LinkedHashMap;
import java.util.Map;

/** The public subscription form, on the page and in the API: an address, a name, consent. */
public record SubscriptionForm(String email, String name, String language, boolean consent)
    implements Validated {

  public SubscriptionForm {
    email = email == null ? null : email.trim();
    name = name == null || name.isBlank() ? null : name.trim();
    language = "en".equals(language) ? "en" : "cs";
  }

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!EmailAddress.isValid(email)) {
      errors.put("email", "newsletter.error.email");
    }
    if (name != null && name.length() > 200) {
      errors.put("name", "newsletter.error.name");
    }
    if (!consent) {
      errors.put("consent", "newsletter.error.consent");
    }
    return errors;
  }

  public EmailAddress address() {
    return new EmailAddress(email);
  }
}
