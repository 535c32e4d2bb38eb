package eu.municipia.municipalities.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With demo data on, fills an empty register through the same import as the real table, so the
 * local stack works offline: with the whole country's table (ČSÚ's 6,258 municipalities) where
 * {@code app.demo-register-file} names one that is there (default {@code
 * ../shared/data/cz-municipalities.csv}, the shared reference data beside the project, read where
 * it lies and never copied into the WAR), else with the small table the WAR ships (three districts
 * of the Plzeň region, Plzeň-město, Plzeň-sever and Rokycany: 181 municipalities from Plzeň to
 * Čilá). Source: ČSÚ, "Počet obyvatel v obcích České republiky k 1. 1. 2025" (table 1300722503);
 * coordinates from the community data set 33bcdd/souradnice-mest.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class DemoRegister {

  static final String DEMO_TABLE = "/demo/cz-municipalities-demo.csv";
  static final int DEMO_YEAR = 2025;
  private static final Logger LOG = Logger.getLogger(DemoRegister.class.getName());

  @Inject
  @ConfigProperty(name = "app.demo-data", defaultValue = "false")
  boolean demoData;

  @Inject
  @ConfigProperty(
      name = "app.demo-register-file",
      defaultValue = "../shared/data/cz-municipalities.csv")
  String fullTable;

  @Inject Register register;
  @Inject RegisterImport registerImport;

  @PostConstruct
  void fillIfEmpty() {
    if (!demoData || !register.isEmpty("CZ")) {
      return;
    }
    Path full = Path.of(fullTable).toAbsolutePath().normalize();
    boolean whole = Files.isRegularFile(full) && Files.isReadable(full);
    if (!whole) {
      LOG.info(
          () ->
              "Demo register: "
                  + full
                  + " is absent, so the small demo register (181 municipalities of three districts"
                  + " of the Plzeň region) is loaded instead of the whole country");
    }
    String source = whole ? full.toString() : DEMO_TABLE;
    try (Reader in = whole ? Files.newBufferedReader(full, StandardCharsets.UTF_8) : shipped()) {
      var rows = PopulationTable.read(in, "CZ");
      var report = registerImport.run("CZ", DEMO_YEAR, source, rows, "demo-data");
      LOG.info(
          () -> "Demo register: " + report.created() + " municipalities imported from " + source);
    } catch (IOException | MalformedTableException | RuntimeException e) {
      // The app works without the demo register; say why it is missing.
      LOG.warning("Demo register not loaded from " + source + ": " + e);
    }
  }

  private static Reader shipped() {
    InputStream in = DemoRegister.class.getResourceAsStream(DEMO_TABLE);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
