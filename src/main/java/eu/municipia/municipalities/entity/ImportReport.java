package eu.municipia.municipalities.entity;

import java.util.List;

/**
 * What one import of the population table changed: new municipalities, renamed ones, ones moved to
 * another district, and population changes against the latest earlier figure.
 */
public record ImportReport(
    String country,
    int year,
    int rowsRead,
    int created,
    int renamed,
    int moved,
    int populationChanged,
    long population,
    long populationDelta,
    List<String> examples) {

  public ImportReport {
    examples = List.copyOf(examples);
  }

  public boolean changedNothing() {
    return created == 0 && renamed == 0 && moved == 0 && populationChanged == 0;
  }
}
