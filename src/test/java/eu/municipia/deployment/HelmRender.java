package eu.municipia.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * Renders the chart with Helm itself and reads the manifests into typed Kubernetes objects, hooks
 * included.
 */
final class HelmRender {

  static final Path CHART = Path.of("helm", "municipia");
  static final Path PRODUCTION_VALUES = CHART.resolve("values-production.example.yaml");
  static final String RELEASE = "municipia";
  static final String NAMESPACE = "portal";
  // Without it Helm assumes an old default (v1.20) that the chart's kubeVersion refuses.
  static final String KUBERNETES_VERSION = "1.31.0";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /**
   * helm-java's template returns the release's manifest only, never its hooks (the helm CLI prints
   * both). Rendered from a copy whose hook annotations carry another key, the hooks come out as
   * plain objects; the key is put back after parsing, so the tests see what Helm would apply.
   */
  private static final String HOOK = "helm.sh/hook";

  private static final String HIDDEN_HOOK = "rendered.test/helm.sh-hook";
  private static final Path RENDERED_CHART = copyWithVisibleHooks();

  private final List<HasMetadata> objects;

  private HelmRender(List<HasMetadata> objects) {
    this.objects = objects;
  }

  static HelmRender defaults() {
    return render(UnaryOperator.identity());
  }

  static HelmRender production() {
    return render(template -> template.withValuesFile(PRODUCTION_VALUES));
  }

  static HelmRender with(Map<String, Object> values) {
    return render(
        template -> {
          values.forEach(template::set);
          return template;
        });
  }

  /** Runs `helm template`; throws IllegalStateException with Helm's message when it fails. */
  static String template(UnaryOperator<TemplateCommand> options) {
    return options
        .apply(
            new Helm(RENDERED_CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES_VERSION))
        .call();
  }

  private static HelmRender render(UnaryOperator<TemplateCommand> options) {
    String manifests = template(options);
    // Helm separates documents with "---" lines and prefixes each with a "# Source:" comment.
    List<HasMetadata> objects =
        Arrays.stream(manifests.split("(?m)^---\\s*$"))
            .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
            .map(document -> (HasMetadata) SERIALIZATION.unmarshal(document))
            .toList();
    objects.forEach(HelmRender::restoreHookAnnotations);
    return new HelmRender(objects);
  }

  private static void restoreHookAnnotations(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    if (annotations == null) {
      return;
    }
    Map<String, String> restored = new java.util.LinkedHashMap<>();
    annotations.forEach(
        (key, value) ->
            restored.put(
                key.startsWith(HIDDEN_HOOK) ? HOOK + key.substring(HIDDEN_HOOK.length()) : key,
                value));
    object.getMetadata().setAnnotations(restored);
  }

  private static Path copyWithVisibleHooks() {
    Path copy = Path.of("target", "helm-rendered", CHART.getFileName().toString());
    try {
      if (java.nio.file.Files.exists(copy)) {
        try (var old = java.nio.file.Files.walk(copy)) {
          for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
            java.nio.file.Files.delete(p);
          }
        }
      }
      try (var files = java.nio.file.Files.walk(CHART)) {
        for (Path source : files.toList()) {
          Path target = copy.resolve(CHART.relativize(source).toString());
          if (java.nio.file.Files.isDirectory(source)) {
            java.nio.file.Files.createDirectories(target);
          } else {
            String text = java.nio.file.Files.readString(source);
            java.nio.file.Files.writeString(
                target,
                source.getParent().endsWith("templates") ? text.replace(HOOK, HIDDEN_HOOK) : text);
          }
        }
      }
      return copy;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not copy the chart to render it", e);
    }
  }

  List<HasMetadata> all() {
    return objects;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    if (found.size() != 1) {
      throw new NoSuchElementException(
          "expected one " + type.getSimpleName() + ", rendered " + found.size());
    }
    return found.get(0);
  }

  <T extends HasMetadata> T named(Class<T> type, String name) {
    return all(type).stream()
        .filter(object -> object.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(type.getSimpleName() + " " + name));
  }
}
