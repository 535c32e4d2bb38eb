package eu.municipia.seminars.boundary;

import eu.municipia.seminars.entity.RegistrationForm;
import java.util.ArrayList;
import java.util.List;

/** One person's line of a registration form, as the page binds it. */
public class PersonRow {

  private String name;
  private String email;
  private String role;

  public static List<PersonRow> blank(int count) {
    List<PersonRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(new PersonRow());
    }
    return rows;
  }

  static List<RegistrationForm.PersonLine> lines(List<PersonRow> rows) {
    return rows.stream()
        .map(r -> new RegistrationForm.PersonLine(r.name, r.email, r.role))
        .toList();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
