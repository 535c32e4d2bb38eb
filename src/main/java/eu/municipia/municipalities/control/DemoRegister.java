package eu.municipia.municipalities.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With demo data on, fills an empty register with the municipalities of three districts of the
 * Plzeň region (Plzeň-město, Plzeň-sever, Rokycany: 181 municipalities from Plzeň to Čilá), through
 * the same import as the real table, so the local stack works offline. Source: ČSÚ, "Počet obyvatel
 * v obcích České republiky k 1. 1. 2025" (table 1300722503); coordinates from the community data
 * set 33bcdd/souradnice-mest.
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

  @Inject Register register;
  @Inject RegisterImport registerImport;

  @PostConstruct
  void fillIfEmpty() {
    if (!demoData || !register.isEmpty("CZ")) {
      return;
    }
    try (InputStream in = DemoRegister.class.getResourceAsStream(DEMO_TABLE)) {
      var rows = PopulationTable.read(new InputStreamReader(in, StandardCharsets.UTF_8), "CZ");
      var report = registerImport.run("CZ", DEMO_YEAR, DEMO_TABLE, rows, "demo-data");
      LOG.info(() -> "Demo register: " + report.created() + " municipalities imported");
    } catch (IOException | MalformedTableException | RuntimeException e) {
      // The app works without the demo register; say why it is missing.
      LOG.warning("Demo register not loaded: " + e);
    }
  }
}
