package eu.municipia.bench;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The statistics office's full table of Czech municipalities (../shared/data/cz-municipalities.csv,
 * 6,258 rows), which the benchmarks need: they skip, saying why, where it is absent.
 */
final class FullRegister {

  static final int ROWS = 6258;
  static final String IMPORT = "/api/v1/platform/municipalities/imports?year=2025";

  private FullRegister() {}

  /** The table's text; skips the calling benchmark when the file is absent. */
  static String csv() {
    Path table =
        Path.of(System.getProperty("shared.data.dir", "../shared/data"), "cz-municipalities.csv");
    assumeTrue(
        Files.isRegularFile(table),
        "Benchmark skipped: "
            + table.toAbsolutePath()
            + " is absent (the shared reference data lives beside the project, in ../shared/data)");
    try {
      return Files.readString(table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports the table as the platform admin and checks the report; answers the report. */
  static JsonObject importOnce(Load load, String csv, long[] nanos) {
    String token = Tokens.accessToken(PLATFORM_ADMIN);
    Load.Answer answer = load.post(IMPORT, token, "text/csv", csv);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonObject report = json(answer.body());
    assertThat(report.getInt("rowsRead")).isEqualTo(ROWS);
    nanos[0] = answer.nanos();
    return report;
  }

  /** Makes sure the register holds the whole table (imports it once if not). */
  static void ensureImported(Load load) {
    String csv = csv();
    if (municipalities(load) < ROWS) {
      importOnce(load, csv, new long[1]);
    }
    assertThat(municipalities(load)).isGreaterThanOrEqualTo(ROWS);
  }

  static long municipalities(Load load) {
    Load.Answer answer = load.get("/api/v1/municipalities?limit=1");
    assertThat(answer.status()).isEqualTo(200);
    return json(answer.body()).getJsonNumber("total").longValue();
  }

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  static JsonArray jsonArray(String body) {
    return Json.createReader(new StringReader(body)).readArray();
  }
}
