package eu.municipia.membership.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.municipia.municipalities.control.PopulationTable;
import eu.municipia.municipalities.control.Register;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who the demo members are, on the small demo register the WAR ships and on the whole country's
 * table (../shared/data, where it lies beside the project).
 */
class DemoMembersTest {

  @Test
  void onTheSmallRegisterTheMembersAreTheTownsOfAtLeast300AndCila() throws Exception {
    List<Register.Entry> region;
    try (Reader in =
        new InputStreamReader(
            DemoMembersTest.class.getResourceAsStream("/demo/cz-municipalities-demo.csv"),
            StandardCharsets.UTF_8)) {
      region = entries(in, DemoMembers.REGION);
    }
    List<Register.Entry> members = DemoMembers.choose(region);

    assertThat(members).hasSize(95);
    assertThat(members)
        .allMatch(m -> m.population() >= 300 || m.name().equals("Čilá"))
        .extracting(Register.Entry::code)
        .contains("554791", "540927");
  }

  @Test
  void onTheWholeRegisterSmopkHas190MembersHolding83PercentOfTheRegion() throws Exception {
    Path table =
        Path.of(System.getProperty("shared.data.dir", "../shared/data"), "cz-municipalities.csv");
    assumeTrue(Files.isRegularFile(table), "Skipped: " + table + " is absent");
    List<Register.Entry> region;
    try (Reader in = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
      region = entries(in, DemoMembers.REGION);
    }
    List<Register.Entry> members = DemoMembers.choose(region);

    assertThat(region).hasSize(501);
    assertThat(members).hasSize(190).doesNotHaveDuplicates();
    assertThat(members).extracting(Register.Entry::code).contains("554791", "540927");
    long all = region.stream().mapToLong(Register.Entry::population).sum();
    long covered = members.stream().mapToLong(Register.Entry::population).sum();
    assertThat(all).isEqualTo(614_640L);
    assertThat(covered * 1000 / all).as("per mille of the region").isBetween(830L, 840L);
    assertThat(members)
        .as("the three first districts exactly as on the small register")
        .filteredOn(m -> DemoMembers.FIRST_DISTRICTS.contains(m.district()))
        .hasSize(95)
        .allMatch(m -> m.population() >= 300 || m.name().equals("Čilá"));
    assertThat(members.stream().map(Register.Entry::district).distinct()).hasSize(7);
    assertThat(DemoMembers.choose(region)).as("deterministic").isEqualTo(members);
  }

  @Test
  void theOtherDemoAssociationsTakeTheirLargestTownsAndAShareOfTheRest() throws Exception {
    Path table =
        Path.of(System.getProperty("shared.data.dir", "../shared/data"), "cz-municipalities.csv");
    assumeTrue(Files.isRegularFile(table), "Skipped: " + table + " is absent");
    List<Register.Entry> region;
    try (Reader in = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
      region = entries(in, "Karlovarský kraj");
    }
    List<Register.Entry> members = DemoRegionalMembers.choose(region, 65);

    assertThat(members)
        .extracting(Register.Entry::name)
        .contains("Karlovy Vary", "Cheb", "Sokolov");
    assertThat(members.size()).isBetween(region.size() / 2, region.size() - 1);
  }

  private static List<Register.Entry> entries(Reader in, String region) throws Exception {
    return PopulationTable.read(in, "CZ").stream()
        .filter(r -> r.region().equals(region))
        .map(
            r ->
                new Register.Entry(
                    r.code().code(),
                    r.name(),
                    r.district(),
                    r.region(),
                    r.population(),
                    2025,
                    r.lat(),
                    r.lon()))
        .toList();
  }
}
