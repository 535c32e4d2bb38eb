package eu.municipia.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chart as Helm renders it, with its defaults and with the production example values. */
class HelmChartTest {

  private static final String FULLNAME = HelmRender.RELEASE;

  private static HelmRender defaults;
  private static HelmRender production;

  @BeforeAll
  static void render() {
    // Rendering is pure: both renderings are shared by the tests and never changed by them.
    defaults = HelmRender.defaults();
    production = HelmRender.production();
  }

  @Test
  void chartPassesStrictLint() {
    LintResult lint = new Helm(HelmRender.CHART).lint().strict().call();

    assertThat(lint.isFailed()).as("lint messages: %s", lint.getMessages()).isFalse();
  }

  @Test
  void payaraStartsInKubernetesClusterModeOnTheHeadlessService() {
    Container app = appContainer(defaults);

    assertThat(app.getArgs())
        .containsSubsequence(
            "--clustermode", "kubernetes:" + HelmRender.NAMESPACE + "," + FULLNAME + "-hazelcast")
        .containsSubsequence("--contextroot", "/")
        .containsSubsequence("--deploy", "/opt/payara/deployments/municipia.war");
    // The image's entrypoint (java -jar payara-micro.jar) is kept unless the operator sets one.
    assertThat(app.getCommand()).isEmpty();
    assertThat(app.getPorts())
        .extracting(port -> port.getName() + ":" + port.getContainerPort())
        .containsExactly("http:8080", "hazelcast:6900");
  }

  @Test
  void headlessServiceListsStartingPodsForHazelcastDiscovery() {
    Service headless = defaults.named(Service.class, FULLNAME + "-hazelcast");

    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(headless.getSpec().getPorts()).extracting("port").containsExactly(6900);
    assertThat(headless.getSpec().getSelector())
        .isEqualTo(deployment(defaults).getSpec().getSelector().getMatchLabels());

    Service http = defaults.named(Service.class, FULLNAME);
    assertThat(http.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(http.getSpec().getPorts())
        .extracting(port -> port.getTargetPort().getStrVal())
        .containsExactly("http");
  }

  @Test
  void probesUseMicroProfileHealthAndAllowFiveMinutesForMigrations() {
    Container app = appContainer(defaults);

    assertThat(app.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
    for (Probe probe :
        List.of(app.getStartupProbe(), app.getReadinessProbe(), app.getLivenessProbe())) {
      assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
    }
    Probe startup = app.getStartupProbe();
    assertThat(startup.getFailureThreshold() * startup.getPeriodSeconds())
        .isGreaterThanOrEqualTo(300);
  }

  @Test
  void podOutlastsPreStopPauseAndPayaraShutdown() {
    Container app = appContainer(defaults);

    assertThat(app.getLifecycle().getPreStop().getExec().getCommand())
        .containsExactly("sleep", "10");
    assertThat(podSpec(defaults).getTerminationGracePeriodSeconds()).isEqualTo(45L);
  }

  @Test
  void containerRunsAsNonRootOnReadOnlyRootWithoutCapabilities() {
    PodSpec pod = podSpec(defaults);
    Container app = appContainer(defaults);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(app.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(app.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    // Payara Micro unpacks its runtime into /tmp: a writable emptyDir there.
    assertThat(app.getVolumeMounts())
        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes()).anySatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
  }

  @Test
  void containerHasRequestsAndLimitsAndJvmSizedFromTheLimit() {
    Container app = appContainer(defaults);

    assertThat(app.getResources().getRequests())
        .containsEntry("cpu", new Quantity("500m"))
        .containsEntry("memory", new Quantity("1Gi"));
    assertThat(app.getResources().getLimits())
        .containsEntry("cpu", new Quantity("2"))
        .containsEntry("memory", new Quantity("1Gi"));
    assertThat(env(app, "JAVA_TOOL_OPTIONS").getValue()).contains("-XX:MaxRAMPercentage=75");
  }

  @Test
  void settingsComeFromTheConfigMapAndCredentialsFromSecrets() {
    Container app = appContainer(defaults);
    ConfigMap config = defaults.one(ConfigMap.class);

    assertThat(app.getEnvFrom())
        .map(source -> source.getConfigMapRef() == null ? null : source.getConfigMapRef().getName())
        .contains(config.getMetadata().getName());
    assertThat(config.getData())
        .containsKeys("DB_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_AUDIENCE")
        .containsEntry("KEYCLOAK_PROVISIONING_CLIENT_ID", "municipia-provisioning")
        .containsEntry("APP_DEMO_DATA", "false")
        .containsEntry("APP_TRUSTED_PROXIES", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7")
        .containsEntry("DB_MIGRATE", "false")
        .doesNotContainKeys("DB_PASSWORD", "DB_OWNER_PASSWORD", "OIDC_CLIENT_SECRET");
    assertThat(secretName(app, "DB_USER")).isEqualTo("municipia-db-app");
    assertThat(secretName(app, "DB_PASSWORD")).isEqualTo("municipia-db-app");
    assertThat(secretName(app, "OIDC_CLIENT_SECRET")).isEqualTo("municipia-oidc");
    assertThat(secretName(app, "KEYCLOAK_PROVISIONING_CLIENT_SECRET")).isEqualTo("municipia-oidc");
    // Existing Secrets are used as they are: the chart makes none of its own then.
    assertThat(defaults.all(Secret.class)).isEmpty();
  }

  @Test
  void servingPodsGetNoOwnerSecretAndDoNotMigrate() {
    for (HelmRender rendered : List.of(defaults, production, withChartMadeDatabaseSecrets())) {
      String owner =
          rendered
              .one(Job.class)
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0)
              .getEnv()
              .stream()
              .filter(variable -> variable.getName().equals("DB_OWNER_PASSWORD"))
              .findFirst()
              .orElseThrow()
              .getValueFrom()
              .getSecretKeyRef()
              .getName();
      PodSpec pod = podSpec(rendered);

      assertThat(secretsReferencedBy(pod)).doesNotContain(owner).isNotEmpty();
      assertThat(pod.getContainers())
          .flatExtracting(Container::getEnv)
          .extracting(EnvVar::getName)
          .doesNotContain("DB_OWNER_USER", "DB_OWNER_PASSWORD")
          .doesNotContain("DB_MIGRATE");
      assertThat(rendered.one(ConfigMap.class).getData()).containsEntry("DB_MIGRATE", "false");
    }
  }

  @Test
  void aHookJobMigratesWithTheOwnerSecretBeforeInstallAndUpgrade() {
    Job job = defaults.one(Job.class);
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    Container migrate = pod.getContainers().get(0);

    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
        .containsKey("helm.sh/hook-delete-policy");
    assertThat(migrate.getCommand())
        .containsExactly(
            "java", "-cp", "/opt/payara/migrate/*", "eu.municipia.platform.control.MigrateCommand");
    assertThat(migrate.getImage()).isEqualTo(appContainer(defaults).getImage());
    assertThat(secretName(migrate, "DB_OWNER_USER")).isEqualTo("municipia-db-owner");
    assertThat(secretName(migrate, "DB_OWNER_PASSWORD")).isEqualTo("municipia-db-owner");
    assertThat(secretName(migrate, "DB_USER")).isEqualTo("municipia-db-app");
    assertThat(env(migrate, "DB_URL").getValue()).startsWith("jdbc:postgresql://");
    assertThat(secretsReferencedBy(pod))
        .containsExactlyInAnyOrder("municipia-db-owner", "municipia-db-app");
    // Locked down as the serving pods are.
    assertThat(pod.getSecurityContext()).isEqualTo(podSpec(defaults).getSecurityContext());
    assertThat(migrate.getSecurityContext()).isEqualTo(appContainer(defaults).getSecurityContext());
    assertThat(migrate.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(migrate.getResources().getLimits()).containsKeys("cpu", "memory");
    // No selector of the serving pods counts it: no traffic, no disruption budget.
    Map<String, String> podLabels = job.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(
            podLabels
                .entrySet()
                .containsAll(
                    deployment(defaults).getSpec().getSelector().getMatchLabels().entrySet()))
        .isFalse();
    NetworkPolicy jobPolicy = defaults.named(NetworkPolicy.class, FULLNAME + "-migrate");
    assertThat(podLabels)
        .containsAllEntriesOf(jobPolicy.getSpec().getPodSelector().getMatchLabels());
    assertThat(jobPolicy.getSpec().getIngress()).isEmpty();
    assertThat(jobPolicy.getMetadata().getAnnotations())
        .containsEntry("helm.sh/hook-weight", "-10");
  }

  @Test
  void chartMadeDatabaseSecretsExistBeforeTheMigrationJob() {
    HelmRender rendered = withChartMadeDatabaseSecrets();
    int jobWeight =
        Integer.parseInt(
            rendered.one(Job.class).getMetadata().getAnnotations().get("helm.sh/hook-weight"));

    for (String name : List.of(FULLNAME + "-db-app", FULLNAME + "-db-owner")) {
      Map<String, String> annotations =
          rendered.named(Secret.class, name).getMetadata().getAnnotations();
      assertThat(annotations).as(name).containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
      assertThat(Integer.parseInt(annotations.get("helm.sh/hook-weight"))).isLessThan(jobWeight);
    }
    assertThat(
            secretName(
                rendered.one(Job.class).getSpec().getTemplate().getSpec().getContainers().get(0),
                "DB_OWNER_PASSWORD"))
        .isEqualTo(FULLNAME + "-db-owner");
  }

  @Test
  void chartMakesTheSecretsWhenNoExistingOnesAreNamed() {
    HelmRender rendered =
        HelmRender.with(
            Map.ofEntries(
                Map.entry("database.app.existingSecret", ""),
                Map.entry("database.app.password", "app-secret"),
                Map.entry("database.owner.existingSecret", ""),
                Map.entry("database.owner.password", "owner-secret"),
                Map.entry("oidc.existingSecret", ""),
                Map.entry("oidc.clientSecret", "client-secret"),
                Map.entry("smtp.enabled", true),
                Map.entry("smtp.host", "smtp.example.org"),
                Map.entry("smtp.from", "portal@example.org")));
    Container app = appContainer(rendered);

    assertThat(rendered.all(Secret.class))
        .extracting(secret -> secret.getMetadata().getName())
        .containsExactlyInAnyOrder(
            FULLNAME + "-db-app", FULLNAME + "-db-owner", FULLNAME + "-oidc", FULLNAME + "-smtp");
    assertThat(rendered.named(Secret.class, FULLNAME + "-db-app").getStringData())
        .containsEntry("username", "municipia_app")
        .containsEntry("password", "app-secret");
    assertThat(rendered.named(Secret.class, FULLNAME + "-smtp").getStringData())
        .containsEntry("SMTP_HOST", "smtp.example.org")
        .containsEntry("SMTP_PORT", "587")
        .containsKeys("SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM");
    assertThat(secretName(app, "DB_PASSWORD")).isEqualTo(FULLNAME + "-db-app");
    assertThat(app.getEnvFrom())
        .map(source -> source.getSecretRef() == null ? null : source.getSecretRef().getName())
        .contains(FULLNAME + "-smtp");
  }

  @Test
  void podTemplateCarriesChecksumsSoChangedSettingsRollThePods() {
    Map<String, String> annotations =
        deployment(defaults).getSpec().getTemplate().getMetadata().getAnnotations();
    String changedIssuer =
        deployment(HelmRender.with(Map.of("oidc.issuer", "https://login.example.org/realms/x")))
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations()
            .get("checksum/config");

    assertThat(annotations.get("checksum/config")).matches("[0-9a-f]{64}");
    assertThat(annotations).containsKey("checksum/secret");
    assertThat(changedIssuer).isNotEqualTo(annotations.get("checksum/config"));
  }

  @Test
  void hazelcastMayReadPodsEndpointsAndServicesOfItsNamespaceOnly() {
    Role role = defaults.one(Role.class);
    RoleBinding binding = defaults.one(RoleBinding.class);
    String serviceAccount = podSpec(defaults).getServiceAccountName();

    assertThat(role.getRules())
        .anySatisfy(
            rule -> {
              assertThat(rule.getApiGroups()).containsExactly("");
              assertThat(rule.getResources()).contains("pods", "endpoints", "services");
            })
        .anySatisfy(
            rule -> {
              assertThat(rule.getApiGroups()).containsExactly("discovery.k8s.io");
              assertThat(rule.getResources()).containsExactly("endpointslices");
            })
        .allSatisfy(
            rule -> assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch"));
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            subject -> {
              assertThat(subject.getKind()).isEqualTo("ServiceAccount");
              assertThat(subject.getName()).isEqualTo(serviceAccount);
              assertThat(subject.getNamespace()).isEqualTo(HelmRender.NAMESPACE);
            });
    assertThat(defaults.one(ServiceAccount.class).getMetadata().getName())
        .isEqualTo(serviceAccount);
  }

  @Test
  void disruptionBudgetKeepsReplicasThroughNodeDrains() {
    assertThat(defaults.one(PodDisruptionBudget.class).getSpec().getMaxUnavailable())
        .isEqualTo(new IntOrString(1));
    PodDisruptionBudget budget = production.one(PodDisruptionBudget.class);
    assertThat(budget.getSpec().getMinAvailable()).isEqualTo(new IntOrString(2));
    assertThat(budget.getSpec().getMaxUnavailable()).isNull();
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment(production).getSpec().getSelector().getMatchLabels());
  }

  @Test
  void replicasSpreadOverNodes() {
    assertThat(deployment(defaults).getSpec().getReplicas()).isEqualTo(2);
    assertThat(
            podSpec(defaults)
                .getAffinity()
                .getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution())
        .singleElement()
        .satisfies(
            term ->
                assertThat(term.getPodAffinityTerm().getTopologyKey())
                    .isEqualTo("kubernetes.io/hostname"));
  }

  @Test
  void autoscalerOwnsTheReplicaCountInProduction() {
    HorizontalPodAutoscaler autoscaler = production.one(HorizontalPodAutoscaler.class);

    assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(8);
    assertThat(autoscaler.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment(production).getMetadata().getName());
    assertThat(autoscaler.getSpec().getMetrics())
        .singleElement()
        .satisfies(
            metric -> {
              assertThat(metric.getResource().getName()).isEqualTo("cpu");
              assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
            });
    // A replicas field would fight the autoscaler on every upgrade.
    assertThat(deployment(production).getSpec().getReplicas()).isNull();
    assertThat(defaults.all(HorizontalPodAutoscaler.class)).isEmpty();
  }

  @Test
  void theAssociationsCustomDomainsAreRoutedAndGetACertificateOfTheirOwn() {
    Ingress ingress =
        HelmRender.with(
                Map.of(
                    "ingress.enabled", true,
                    "ingress.host", "portal.municipia.eu",
                    "ingress.customDomains[0]", "obce.smopk.cz",
                    "ingress.customDomains[1]", "www.smocr.cz"))
            .one(Ingress.class);

    assertThat(ingress.getSpec().getRules())
        .extracting(rule -> rule.getHost())
        .containsExactly("portal.municipia.eu", "obce.smopk.cz", "www.smocr.cz");
    assertThat(ingress.getSpec().getRules())
        .allSatisfy(
            rule ->
                assertThat(rule.getHttp().getPaths().get(0).getBackend().getService().getName())
                    .isEqualTo(FULLNAME));
    assertThat(ingress.getSpec().getTls())
        .extracting(tls -> tls.getHosts())
        .containsExactly(List.of("portal.municipia.eu"), List.of("obce.smopk.cz", "www.smocr.cz"));
    assertThat(ingress.getSpec().getTls().get(1).getSecretName())
        .isEqualTo("municipia-tls-domains");
    assertThatThrownBy(
            () ->
                HelmRender.with(
                    Map.of("ingress.enabled", true, "ingress.customDomains[0]", "https://x.cz")))
        .as("a domain that is not a host name")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void productionIngressTerminatesTlsForItsHostAndSetsTheBaseUrl() {
    Ingress ingress = production.one(Ingress.class);

    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getTls())
        .singleElement()
        .satisfies(
            tls -> {
              assertThat(tls.getHosts()).containsExactly("portal.municipia.eu");
              assertThat(tls.getSecretName()).isEqualTo("municipia-portal-tls");
            });
    assertThat(ingress.getSpec().getRules())
        .singleElement()
        .satisfies(rule -> assertThat(rule.getHost()).isEqualTo("portal.municipia.eu"));
    assertThat(production.one(ConfigMap.class).getData())
        .containsEntry("APP_BASE_URL", "https://portal.municipia.eu")
        .containsEntry("OIDC_ISSUER", "https://login.municipia.eu/realms/municipia");
    assertThat(defaults.all(Ingress.class)).isEmpty();
  }

  @Test
  void networkPolicyAdmitsHttpFromIngressControllerAndHazelcastOnlyBetweenReplicas() {
    NetworkPolicy policy = defaults.named(NetworkPolicy.class, FULLNAME);
    Map<String, String> replicas = deployment(defaults).getSpec().getSelector().getMatchLabels();

    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    NetworkPolicyIngressRule http = ingressRuleFor(policy, "http");
    assertThat(http.getFrom())
        .map(
            peer ->
                peer.getNamespaceSelector() == null
                    ? null
                    : peer.getNamespaceSelector().getMatchLabels())
        .contains(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
    assertThat(http.getFrom())
        .map(peer -> peer.getPodSelector() == null ? null : peer.getPodSelector().getMatchLabels())
        .contains(replicas);
    NetworkPolicyIngressRule hazelcast = ingressRuleFor(policy, "hazelcast");
    assertThat(hazelcast.getFrom())
        .singleElement()
        .satisfies(
            peer -> {
              assertThat(peer.getNamespaceSelector()).isNull();
              assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(replicas);
            });
  }

  @Test
  void networkPolicyLetsOutDnsDatabaseKeycloakAndMail() {
    List<String> egressPorts =
        defaults.named(NetworkPolicy.class, FULLNAME).getSpec().getEgress().stream()
            .flatMap(rule -> rule.getPorts().stream())
            .map(port -> port.getProtocol() + "/" + port.getPort().getIntVal())
            .toList();

    assertThat(egressPorts)
        .contains("UDP/53", "TCP/53", "TCP/5432", "TCP/443", "TCP/587", "TCP/6900");
    // Production narrows the database to the CloudNativePG cluster's pods.
    assertThat(production.named(NetworkPolicy.class, FULLNAME).getSpec().getEgress())
        .anySatisfy(
            rule -> {
              assertThat(rule.getPorts()).extracting("port").containsExactly(new IntOrString(5432));
              assertThat(rule.getTo())
                  .singleElement()
                  .satisfies(
                      peer ->
                          assertThat(peer.getPodSelector().getMatchLabels())
                              .containsEntry("cnpg.io/cluster", "municipia-db"));
            });
  }

  @Test
  void everyObjectCarriesTheStandardLabelsAndNoFixedNamespace() {
    assertThat(production.all())
        .isNotEmpty()
        .allSatisfy(
            object -> {
              assertThat(object.getMetadata().getLabels())
                  .containsEntry("app.kubernetes.io/name", "municipia")
                  .containsEntry("app.kubernetes.io/instance", HelmRender.RELEASE)
                  .containsEntry("app.kubernetes.io/managed-by", "Helm")
                  .containsKey("helm.sh/chart");
              // helm install -n decides where everything goes.
              assertThat(object.getMetadata().getNamespace()).isNull();
            });
  }

  /** The chart makes both database Secrets from passwords in the values. */
  private static HelmRender withChartMadeDatabaseSecrets() {
    return HelmRender.with(
        Map.of(
            "database.app.existingSecret", "",
            "database.app.password", "app-secret",
            "database.owner.existingSecret", "",
            "database.owner.password", "owner-secret"));
  }

  /** Every Secret a pod reads: env, envFrom and volumes. */
  private static java.util.Set<String> secretsReferencedBy(PodSpec pod) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Container container : pod.getContainers()) {
      for (EnvVar variable : container.getEnv()) {
        if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
          names.add(variable.getValueFrom().getSecretKeyRef().getName());
        }
      }
      container.getEnvFrom().stream()
          .filter(source -> source.getSecretRef() != null)
          .forEach(source -> names.add(source.getSecretRef().getName()));
    }
    pod.getVolumes().stream()
        .filter(volume -> volume.getSecret() != null)
        .forEach(volume -> names.add(volume.getSecret().getSecretName()));
    return names;
  }

  private static NetworkPolicyIngressRule ingressRuleFor(NetworkPolicy policy, String portName) {
    return policy.getSpec().getIngress().stream()
        .filter(
            rule ->
                rule.getPorts().stream()
                    .map(NetworkPolicyPort::getPort)
                    .anyMatch(port -> portName.equals(port.getStrVal())))
        .findFirst()
        .orElseThrow();
  }

  private static Deployment deployment(HelmRender rendered) {
    return rendered.one(Deployment.class);
  }

  private static PodSpec podSpec(HelmRender rendered) {
    return deployment(rendered).getSpec().getTemplate().getSpec();
  }

  private static Container appContainer(HelmRender rendered) {
    return podSpec(rendered).getContainers().stream()
        .filter(container -> container.getName().equals("municipia"))
        .findFirst()
        .orElseThrow();
  }

  private static EnvVar env(Container container, String name) {
    return container.getEnv().stream()
        .filter(variable -> variable.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  private static String secretName(Container container, String name) {
    return Objects.requireNonNull(
            env(container, name).getValueFrom().getSecretKeyRef(), name + " is not from a Secret")
        .getName();
  }
}
