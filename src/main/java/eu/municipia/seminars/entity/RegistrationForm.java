package eu.municipia.seminars.entity;

import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.Validated;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A registration as the registration page and the API take it: the people (lines left wholly blank
 * are no one), who is told about it, and consent. A member official registers up to {@link
 * Registration#MAX_PEOPLE} people and names the contact; the public registers one person, who is
 * the contact. Field names of people are {@code people[0].email} and so on.
 */
public record RegistrationForm(
    List<PersonLine> people,
    String contactName,
    String contactEmail,
    String organisation,
    boolean consent,
    boolean publicForm)
    implements Validated {

  /** One person as typed. */
  public record PersonLine(String name, String email, String role) {
    boolean isBlank() {
      return EventForm.blank(name) && EventForm.blank(email) && EventForm.blank(role);
    }
  }

  public RegistrationForm {
    people = people == null ? List.of() : new ArrayList<>(people);
    people = java.util.Collections.unmodifiableList(people);
  }

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    int given = 0;
    Set<String> emails = new HashSet<>();
    for (int i = 0; i < people.size(); i++) {
      PersonLine line = people.get(i);
      if (line == null || line.isBlank()) {
        continue;
      }
      given++;
      String field = "people[" + i + "].";
      if (EventForm.blank(line.name())) {
        errors.put(field + "name", "seminar.error.name");
      } else if (line.name().trim().length() > 200) {
        errors.put(field + "name", "seminar.error.tooLong");
      }
      if (!EmailAddress.isValid(line.email())) {
        errors.put(field + "email", "seminar.error.email");
      } else if (!emails.add(line.email().trim().toLowerCase(Locale.ROOT))) {
        errors.put(field + "email", "seminar.error.sameEmailTwice");
      }
      if (!EventForm.blank(line.role()) && line.role().trim().length() > 100) {
        errors.put(field + "role", "seminar.error.tooLong");
      }
    }
    if (given == 0) {
      errors.put(publicForm ? "people[0].name" : "people", "seminar.error.noPeople");
    } else if (publicForm && given > 1) {
      errors.put("people", "seminar.error.onePerson");
    } else if (given > Registration.MAX_PEOPLE) {
      errors.put("people", "seminar.error.tooMany");
    }
    if (!publicForm) {
      if (EventForm.blank(contactName)) {
        errors.put("contactName", "seminar.error.name");
      } else if (contactName.trim().length() > 200) {
        errors.put("contactName", "seminar.error.tooLong");
      }
      if (!EmailAddress.isValid(contactEmail)) {
        errors.put("contactEmail", "seminar.error.email");
      }
    }
    if (!EventForm.blank(organisation) && organisation.trim().length() > 200) {
      errors.put("organisation", "seminar.error.tooLong");
    }
    if (!consent) {
      errors.put("consent", "seminar.error.consent");
    }
    return errors;
  }

  /** The people, checked; call only when {@link #errors()} is empty. */
  public List<Participant.Person> persons() {
    requireValid();
    return people.stream()
        .filter(line -> line != null && !line.isBlank())
        .map(line -> new Participant.Person(line.name(), line.email(), line.role()))
        .toList();
  }

  /** Who is told: the contact named, or the one person of a public registration. */
  public Registration.Contact contact(String language) {
    List<Participant.Person> persons = persons();
    if (publicForm) {
      return new Registration.Contact(persons.get(0).name(), persons.get(0).email(), language);
    }
    return new Registration.Contact(
        contactName.trim(), contactEmail.trim().toLowerCase(Locale.ROOT), language);
  }

  public String organisationOrNull() {
    return EventForm.blank(organisation) ? null : organisation.trim();
  }
}
