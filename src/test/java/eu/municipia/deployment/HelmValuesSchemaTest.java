package eu.municipia.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad values fail at install time with a message that names the value, not in a crashing pod. */
class HelmValuesSchemaTest {

  @TempDir Path temp;

  @Test
  void replicaCountMustBeANumber() {
    assertThatThrownBy(() -> renderWithValues("replicaCount: three\n"))
        .hasMessageContaining("replicaCount")
        .hasMessageContaining("integer");
  }

  @Test
  void replicaCountMustBeAtLeastOne() {
    assertThatThrownBy(() -> renderWithValues("replicaCount: 0\n"))
        .hasMessageContaining("replicaCount");
  }

  @Test
  void unknownTopLevelKeyIsATypo() {
    assertThatThrownBy(() -> renderWithValues("replicaCont: 3\n"))
        .hasMessageContaining("replicaCont");
  }

  @Test
  void imageTagMustNotBeEmpty() {
    assertThatThrownBy(() -> renderWithValues("image:\n  tag: \"\"\n"))
        .hasMessageContaining("image")
        .hasMessageContaining("tag");
  }

  @Test
  void ingressHostMustBeAHostname() {
    assertThatThrownBy(
            () ->
                renderWithValues("ingress:\n  enabled: true\n  host: https://portal.example.org\n"))
        .hasMessageContaining("ingress")
        .hasMessageContaining("host");
  }

  @Test
  void probeNumbersMustBePositive() {
    assertThatThrownBy(() -> renderWithValues("probes:\n  startup:\n    periodSeconds: 0\n"))
        .hasMessageContaining("probes")
        .hasMessageContaining("periodSeconds");
  }

  @Test
  void resourceQuantitiesMustBeKubernetesQuantities() {
    assertThatThrownBy(() -> renderWithValues("resources:\n  limits:\n    memory: one gigabyte\n"))
        .hasMessageContaining("resources")
        .hasMessageContaining("memory");
  }

  @Test
  void containerMayNotRunAsRoot() {
    assertThatThrownBy(() -> renderWithValues("podSecurityContext:\n  runAsNonRoot: false\n"))
        .hasMessageContaining("runAsNonRoot");
  }

  @Test
  void graceMustOutlastPreStopPauseAndPayaraShutdown() {
    assertThatThrownBy(() -> HelmRender.with(Map.of("terminationGracePeriodSeconds", 30)))
        .hasMessageContaining("terminationGracePeriodSeconds (30)")
        .hasMessageContaining("preStopSleepSeconds + payara.shutdownSeconds (40)");
  }

  @Test
  void passwordIsRequiredWhenNoExistingSecretIsNamed() {
    assertThatThrownBy(() -> HelmRender.with(Map.of("database.app.existingSecret", "")))
        .hasMessageContaining("database.app.password is required");
  }

  @Test
  void disruptionBudgetTakesOneOfMinAvailableAndMaxUnavailable() {
    assertThatThrownBy(() -> HelmRender.with(Map.of("podDisruptionBudget.minAvailable", 1)))
        .hasMessageContaining("exactly one of minAvailable and maxUnavailable");
  }

  @Test
  void productionExampleSatisfiesTheSchema() {
    assertThat(
            HelmRender.template(template -> template.withValuesFile(HelmRender.PRODUCTION_VALUES)))
        .contains("kind: HorizontalPodAutoscaler");
  }

  // A values file, not --set: --set would turn "three" and "0" into strings and numbers by guess.
  private String renderWithValues(String yaml) throws Exception {
    Path values = Files.writeString(temp.resolve("values.yaml"), yaml);
    return HelmRender.template(template -> template.withValuesFile(values));
  }
}
