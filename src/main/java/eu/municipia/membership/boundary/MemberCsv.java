package eu.municipia.membership.boundary;

import eu.municipia.membership.control.MemberContacts;
import eu.municipia.membership.control.MemberDirectory;
import eu.municipia.platform.control.Csv;
import java.util.stream.Collectors;

/** The members with their contacts as a spreadsheet, one member per row. */
final class MemberCsv {

  static final String[] HEADER = {
    "code", "name", "district", "population", "status", "since", "until", "contacts"
  };

  private MemberCsv() {}

  static void row(Csv.Spreadsheet sheet, MemberContacts.Entry entry) {
    MemberDirectory.Member m = entry.member();
    sheet.row(
        m.code(),
        m.name(),
        m.district(),
        m.population(),
        m.status(),
        m.since(),
        m.until(),
        entry.contacts().stream().map(MemberCsv::contact).collect(Collectors.joining(" | ")));
  }

  private static String contact(MemberContacts.Contact c) {
    StringBuilder s = new StringBuilder(c.role()).append(": ").append(c.name());
    if (c.email() != null) {
      s.append(" <").append(c.email()).append('>');
    }
    if (c.phone() != null) {
      s.append(' ').append(c.phone());
    }
    return s.toString();
  }
}
