package eu.municipia.membership.boundary;

import eu.municipia.membership.control.MemberContacts;
import eu.municipia.membership.control.MemberDirectory;
import java.util.List;
import java.util.stream.Collectors;

/** One member per CSV line (RFC 4180 quoting, semicolons), safe to open in a spreadsheet. */
final class MemberCsv {

  static final String HEADER = "code;name;district;population;status;since;until;contacts\r\n";

  private MemberCsv() {}

  static String line(MemberContacts.Entry entry) {
    MemberDirectory.Member m = entry.member();
    String contacts =
        entry.contacts().stream().map(MemberCsv::contact).collect(Collectors.joining(" | "));
    return String.join(
            ";",
            List.of(
                cell(m.code()),
                cell(m.name()),
                cell(m.district()),
                cell(m.population() == null ? "" : m.population().toString()),
                cell(m.status()),
                cell(m.since() == null ? "" : m.since().toString()),
                cell(m.until() == null ? "" : m.until().toString()),
                cell(contacts)))
        + "\r\n";
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

  /**
   * Quotes where needed, and defuses text that a spreadsheet would run as a formula (a cell that
   * begins with =, +, - or @ gets a leading apostrophe).
   */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
