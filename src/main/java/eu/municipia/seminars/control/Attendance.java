package eu.municipia.seminars.control;

import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.Csv;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The attendance list of an event: every confirmed person with where they come from and whether
 * they were checked in; printable on a page, and exported as CSV (for Excel in a Czech locale) and
 * as XLSX (fastexcel, written as a stream).
 */
@ApplicationScoped
public class Attendance {

  /** One person on the list. */
  public record Row(
      int line,
      UUID participant,
      String name,
      String role,
      String from,
      String email,
      Long registration,
      String checkinCode,
      Instant checkedInAt) {

    public boolean isCheckedIn() {
      return checkedInAt != null;
    }
  }

  static final String[] HEADER = {
    "line", "name", "role", "municipality or organisation", "email", "registration", "checked in"
  };

  @Inject Registrations registrations;
  @Inject Register register;

  @Transactional
  public List<Row> rows(UUID seminarId) {
    List<Participant> people = registrations.attendance(seminarId);
    java.util.concurrent.atomic.AtomicInteger line =
        new java.util.concurrent.atomic.AtomicInteger();
    return people.stream()
        .map(
            p ->
                new Row(
                    line.incrementAndGet(),
                    p.id(),
                    p.name(),
                    p.role(),
                    from(p.registration()),
                    p.email(),
                    p.registration().number(),
                    p.checkinCode(),
                    p.checkedInAt()))
        .toList();
  }

  /** Where the people of a registration come from: the municipality's name, or the organisation. */
  public String from(Registration r) {
    String municipality =
        r.municipality()
            .map(
                (MunicipalityCode m) ->
                    register
                        .entry(m.country(), m.code())
                        .map(Register.Entry::name)
                        .orElse(m.code()))
            .orElse(null);
    if (municipality != null) {
      return municipality;
    }
    return r.organisation() == null ? "" : r.organisation();
  }

  public static void csv(List<Row> rows, OutputStream out) {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    Csv.Spreadsheet sheet = Csv.spreadsheet(writer, HEADER);
    for (Row r : rows) {
      sheet.row(
          r.line(),
          r.name(),
          r.role(),
          r.from(),
          r.email(),
          r.registration(),
          r.checkedInAt() == null ? "" : EventTimes.local(r.checkedInAt()).replace('T', ' '));
    }
    sheet.flush();
  }

  public static void xlsx(List<Row> rows, String title, OutputStream out) {
    try {
      Workbook workbook = new Workbook(out, "Municipia", "1.0");
      Worksheet sheet = workbook.newWorksheet("Attendance");
      sheet.value(0, 0, title);
      sheet.style(0, 0).bold().set();
      for (int c = 0; c < HEADER.length; c++) {
        sheet.value(2, c, HEADER[c]);
        sheet.style(2, c).bold().fillColor("EEF2F6").set();
      }
      int r = 3;
      for (Row row : rows) {
        sheet.value(r, 0, row.line());
        sheet.value(r, 1, row.name());
        sheet.value(r, 2, row.role());
        sheet.value(r, 3, row.from());
        sheet.value(r, 4, row.email());
        sheet.value(r, 5, row.registration());
        if (row.checkedInAt() != null) {
          sheet.value(r, 6, EventTimes.local(row.checkedInAt()).replace('T', ' '));
        }
        r++;
      }
      sheet.width(1, 28);
      sheet.width(3, 28);
      sheet.width(4, 30);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
