package eu.municipia.resolutions.boundary;

import eu.municipia.platform.control.Csv;
import eu.municipia.platform.control.Links;
import eu.municipia.resolutions.control.Register;
import java.util.Map;

/** The register as a spreadsheet (open data), one resolution per row. */
final class ResolutionCsv {

  static final String[] HEADER = {
    "number",
    "body",
    "meeting",
    "voted_at",
    "type",
    "title",
    "text",
    "outcome",
    "votes_for",
    "votes_against",
    "abstained",
    "present",
    "basis",
    "majority",
    "visibility",
    "tasks",
    "amends_or_annuls",
    "annulled",
    "url"
  };

  private ResolutionCsv() {}

  static void row(Csv.Spreadsheet sheet, Register.Detail r, Links.Site site) {
    sheet.row(
        r.number(),
        r.bodyCs(),
        r.meetingNumber(),
        r.votedAt(),
        r.type(),
        r.title(),
        r.text(),
        r.outcome(),
        r.votesFor(),
        r.votesAgainst(),
        r.abstained(),
        r.present(),
        r.basis(),
        r.majority(),
        r.visibility(),
        r.tasks().size(),
        r.changes() == null ? "" : r.changes().kind() + " " + r.changes().number(),
        r.annulled(),
        site.page("/resolutions/resolution", Map.of("number", r.number())));
  }
}
