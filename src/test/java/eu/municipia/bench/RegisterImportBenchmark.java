package eu.municipia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.bench.Load.Stats;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The platform admin's import of the full register (6,258 rows) through the API: the first import
 * (cold: a fresh Payara, and in a benchmark-only run a register holding just the demo districts),
 * then repeated imports of the same table, which are idempotent upserts that change nothing.
 */
@MunicipiaIT
class RegisterImportBenchmark {

  private static final int REPEATS = 5;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  @Test
  void theFullRegisterImportsOnceColdAndThenRepeatedlyWithoutChanges() {
    String csv = FullRegister.csv();
    Load load = new Load(Deployments.base(deployed));
    BenchResults.Table table =
        BenchResults.table(
            "Register import (POST " + FullRegister.IMPORT + ", 6,258 rows, platform admin)",
            "import",
            "runs",
            "min s",
            "median s",
            "max s",
            "rows/s (median)",
            "what it changed");

    long[] nanos = new long[1];
    JsonObject first = FullRegister.importOnce(load, csv, nanos);
    row(table, "first (cold)", Stats.of(List.of(nanos[0]), nanos[0]), changes(first));

    List<Long> times = new ArrayList<>();
    long total = 0;
    JsonObject last = first;
    for (int i = 0; i < REPEATS; i++) {
      last = FullRegister.importOnce(load, csv, nanos);
      assertThat(last.getInt("created")).isZero();
      assertThat(last.getInt("renamed")).isZero();
      assertThat(last.getInt("moved")).isZero();
      assertThat(last.getInt("populationChanged")).isZero();
      times.add(nanos[0]);
      total += nanos[0];
    }
    row(table, "repeated (same table)", Stats.of(times, total), changes(last));
    assertThat(FullRegister.municipalities(load)).isGreaterThanOrEqualTo(FullRegister.ROWS);
    PayaraMemory.describe()
        .ifPresent(memory -> BenchResults.note("Payara after the imports: " + memory + "."));
    BenchResults.print();
  }

  private static void row(BenchResults.Table table, String name, Stats s, String changes) {
    table.row(
        name,
        String.valueOf(s.count()),
        seconds(s.min()),
        seconds(s.median()),
        seconds(s.max()),
        BenchResults.number(FullRegister.ROWS / (s.median() / 1000), 0),
        changes);
  }

  private static String seconds(double millis) {
    return BenchResults.number(millis / 1000, 2);
  }

  private static String changes(JsonObject report) {
    return "created "
        + report.getInt("created")
        + ", renamed "
        + report.getInt("renamed")
        + ", moved "
        + report.getInt("moved")
        + ", population changed "
        + report.getInt("populationChanged");
  }
}
