package eu.municipia.seminars.boundary;

/** One line of the programme in the admin's form, as the page binds it. */
public class ProgrammeRow {

  private String startsAt;
  private String endsAt;
  private String title;
  private String lecturer;

  public ProgrammeRow() {}

  ProgrammeRow(String startsAt, String endsAt, String title, String lecturer) {
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.title = title;
    this.lecturer = lecturer;
  }

  public String getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(String startsAt) {
    this.startsAt = startsAt;
  }

  public String getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(String endsAt) {
    this.endsAt = endsAt;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getLecturer() {
    return lecturer;
  }

  public void setLecturer(String lecturer) {
    this.lecturer = lecturer;
  }
}
