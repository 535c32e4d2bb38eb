package eu.municipia.dues.boundary;

import eu.municipia.dues.control.Dues;
import eu.municipia.dues.entity.DuesYear;
import jakarta.faces.context.FacesContext;

/** What the two dues pages share: the year a page shows. */
final class DuesPages {

  private DuesPages() {}

  /** The year asked for with ?year=, or this year where none (or no sensible one) is asked. */
  static int year(Dues dues) {
    String asked =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("year");
    if (asked != null) {
      try {
        int year = Integer.parseInt(asked.trim());
        if (year >= DuesYear.FIRST && year <= DuesYear.LAST) {
          return year;
        }
      } catch (NumberFormatException e) {
        // Not a year: show this year's dues instead.
      }
    }
    return dues.today().getYear();
  }
}
