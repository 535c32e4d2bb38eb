package eu.municipia.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The figures of one benchmark run, as Markdown tables in target/bench/results.md (rewritten whole
 * after each new row, so an interrupted run keeps what it measured) and on the console. The
 * benchmarks of one run share this file: failsafe runs them in one JVM.
 */
final class BenchResults {

  private static final Logger LOG = Logger.getLogger(BenchResults.class.getName());
  private static final Path FILE =
      Path.of(System.getProperty("bench.output", "target/bench"), "results.md");
  private static final Map<String, Table> TABLES = new LinkedHashMap<>();
  private static final List<String> NOTES = new ArrayList<>();
  private static final Instant STARTED = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final double LOAD_AT_START = loadAverage();

  private BenchResults() {}

  /** A table of the report, made on first use with these column names. */
  static synchronized Table table(String title, String... columns) {
    return TABLES.computeIfAbsent(title, t -> new Table(t, List.of(columns)));
  }

  static synchronized void note(String text) {
    NOTES.add(text);
    LOG.info(text);
    write();
  }

  static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** One table: a title, its columns, its rows. */
  static final class Table {
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(String title, List<String> columns) {
      this.title = title;
      this.columns = columns;
    }

    void row(String... cells) {
      synchronized (BenchResults.class) {
        rows.add(List.of(cells));
        LOG.info(() -> title + ": " + String.join(" | ", cells));
        write();
      }
    }

    private String markdown() {
      StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
      md.append("| ").append(String.join(" | ", columns)).append(" |\n");
      md.append("|").append("---|".repeat(columns.size())).append("\n");
      for (List<String> row : rows) {
        md.append("| ").append(String.join(" | ", row)).append(" |\n");
      }
      return md.append("\n").toString();
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void write() {
    StringBuilder md = new StringBuilder("# Benchmarks (./mvnw verify -Pbench)\n\n");
    md.append("Run started ")
        .append(STARTED)
        .append(" on ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(Runtime.version())
        .append("; the clients, Payara Micro, PostgreSQL and Keycloak share this machine.")
        .append(" Times are wall times in milliseconds, as a client sees them. The machine's load")
        .append(" average (1 min) was ")
        .append(number(LOAD_AT_START, 1))
        .append(" at the start and ")
        .append(number(loadAverage(), 1))
        .append(" at the last row: other work on the machine shows in the figures.\n\n");
    TABLES.values().forEach(t -> md.append(t.markdown()));
    NOTES.forEach(n -> md.append("- ").append(n).append("\n"));
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, md.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("The results could not be written to " + FILE, e);
    }
  }

  /** The whole report, for the console at the end of a benchmark class. */
  static synchronized void print() {
    try {
      String report = Files.readString(FILE);
      LOG.info(() -> "Benchmark results (" + FILE.toAbsolutePath() + "):\n" + report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
