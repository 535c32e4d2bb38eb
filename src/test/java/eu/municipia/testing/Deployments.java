package eu.municipia.testing;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that the build made, deployed as it is: tests see what production runs. */
public final class Deployments {

  private Deployments() {}

  /** The archives handed out unchanged; one changed by a method below is taken out. */
  private static final java.util.Set<Object> UNCHANGED =
      java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

  /**
   * The changed archives that several classes deploy alike, by the name of their variant; by
   * identity, because ShrinkWrap archives are equal when their names and paths are, whatever the
   * content (a map by equality put PublicFormsIT's WAR, a settings jar added, on the variant of
   * DatabaseFaultsIT, whose WAR has a settings jar added too). Few: one per class that uses one.
   */
  private static final java.util.Map<Object, String> SHARED_VARIANTS =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** The variant name of the built WAR as it is, in {@link #sharedAs}. */
  static final String AS_BUILT = "";

  /**
   * The built WAR. A class that deploys it unchanged and tests from outside shares one running app
   * with the other such classes ({@link AppDeployment}); change it only through the methods here.
   */
  public static WebArchive war() {
    File war = new File(System.getProperty("municipia.war", "target/municipia.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the tests with ./mvnw verify");
    }
    WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
    UNCHANGED.add(archive);
    return archive;
  }

  /**
   * Which running app the archive is for, if it is one that several classes share: {@link
   * #AS_BUILT} for the built WAR as {@link #war()} gave it, else the name of a shared variant made
   * below; empty for a class's own deployment.
   */
  static java.util.Optional<String> sharedAs(org.jboss.shrinkwrap.api.Archive<?> archive) {
    if (UNCHANGED.contains(archive)) {
      return java.util.Optional.of(AS_BUILT);
    }
    return java.util.Optional.ofNullable(SHARED_VARIANTS.get(archive));
  }

  private static WebArchive changed(WebArchive archive) {
    UNCHANGED.remove(archive);
    return archive;
  }

  /**
   * Marks a changed WAR as a variant that several classes deploy alike: they share one running app
   * of it ({@link SharedApp}), which stays up until the test run ends, like the shared app of the
   * built WAR. Only for variants that more than one class uses.
   */
  private static WebArchive shared(String variant, WebArchive archive) {
    SHARED_VARIANTS.put(archive, variant);
    return archive;
  }

  /** The platform's public address (app.base-url) in the tests about absolute links. */
  public static final String PLATFORM_ADDRESS = "https://portal.municipia.example";

  /**
   * The built WAR at the platform's configured address {@link #PLATFORM_ADDRESS}: the classes about
   * absolute links (BrandingIT, LinksIT) share one app of it.
   */
  public static WebArchive warAtPlatformAddress() {
    return shared(
        "platform-address",
        warWithConfig(java.util.Map.of("app.base-url", PLATFORM_ADDRESS + "/")));
  }

  /** The lock timeout of {@link #warWithPoolOfTwo()}'s app (db.lock-timeout-ms). */
  public static final java.time.Duration POOL_OF_TWO_LOCK_TIMEOUT = java.time.Duration.ofSeconds(5);

  /**
   * The built WAR with a pool of two connections and a lock timeout of {@link
   * #POOL_OF_TWO_LOCK_TIMEOUT}: the classes about the pool under load and failure
   * (DatabaseConnectionsIT, DatabaseFaultsIT) share one app of it. With two connections every
   * connection serves both associations over and over, and requests that hold the connections
   * longer than the pool lets the next one wait are easy to make. The read cache is off: these
   * classes ask for the member list to make the database work, not to be answered from memory.
   */
  public static WebArchive warWithPoolOfTwo() {
    return shared(
        "pool-of-two",
        warWithPoolOf(
            2,
            java.util.Map.of(
                "db.lock-timeout-ms",
                Long.toString(POOL_OF_TWO_LOCK_TIMEOUT.toMillis()),
                "read-cache.entries",
                "0")));
  }

  /**
   * The built WAR with its connection pool cut to the given size: the pool-reuse test wants every
   * connection to serve both tenants over and over.
   */
  /** The {@code application_name} of the connections of {@link #warWithPoolOf}'s app. */
  public static final String POOL_TEST_APPLICATION = "municipia-pool-test";

  public static WebArchive warWithPoolOf(int connections) {
    return poolOf(changed(war()), connections);
  }

  /**
   * A small pool and some settings changed: the fault tests want requests that hold every
   * connection longer than the pool lets the next one wait.
   */
  public static WebArchive warWithPoolOf(int connections, java.util.Map<String, String> settings) {
    return withSettings(warWithPoolOf(connections), settings);
  }

  private static WebArchive poolOf(WebArchive war, int connections) {
    String path = "WEB-INF/web.xml";
    String descriptor =
        new String(
            readAll(war.get(path).getAsset().openStream()),
            java.nio.charset.StandardCharsets.UTF_8);
    String shrunk =
        descriptor.replaceFirst(
            "<max-pool-size>\\d+</max-pool-size>",
            "<max-pool-size>" + connections + "</max-pool-size>");
    if (shrunk.equals(descriptor)) {
      throw new IllegalStateException("No max-pool-size in " + path);
    }
    // Named, so that a test counts this app's connections and not the shared app's beside it.
    shrunk =
        shrunk.replaceFirst(
            "<property>",
            "<property><name>ApplicationName</name><value>"
                + POOL_TEST_APPLICATION
                + "</value></property><property>");
    war.delete(path);
    war.addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset(shrunk), "web.xml");
    return war;
  }

  /** The built WAR with test classes added (a benchmark's yardstick endpoint). */
  public static WebArchive warWithClasses(Class<?>... classes) {
    WebArchive war = changed(war());
    war.addClasses(classes);
    return war;
  }

  /**
   * The built WAR with some settings changed, for the test that is about them: a small library in
   * the WAR holds them in its own microprofile-config.properties, at an ordinal above the
   * environment (300) and the app's own file (100).
   */
  public static WebArchive warWithSettings(java.util.Map<String, String> settings) {
    return withSettings(changed(war()), settings);
  }

  private static WebArchive withSettings(WebArchive war, java.util.Map<String, String> settings) {
    StringBuilder properties = new StringBuilder("config_ordinal=500\n");
    settings.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
    war.addAsLibrary(
        ShrinkWrap.create(org.jboss.shrinkwrap.api.spec.JavaArchive.class, "test-settings.jar")
            .addAsManifestResource(
                new org.jboss.shrinkwrap.api.asset.StringAsset(properties.toString()),
                "microprofile-config.properties"));
    return war;
  }

  /**
   * The built WAR with settings added to its {@code microprofile-config.properties}, for a test
   * that needs this deployment configured otherwise (a base URL, short session intervals). The
   * environment that failsafe gives Payara still wins over these (MicroProfile Config ordinals), so
   * only keys it does not set can be given here.
   */
  public static WebArchive warWithConfig(java.util.Map<String, String> settings) {
    WebArchive war = changed(war());
    String path = "WEB-INF/classes/META-INF/microprofile-config.properties";
    String config =
        new String(
            readAll(war.get(path).getAsset().openStream()),
            java.nio.charset.StandardCharsets.UTF_8);
    StringBuilder more = new StringBuilder(config).append("\n# Added by the test\n");
    settings.forEach((key, value) -> more.append(key).append('=').append(value).append('\n'));
    war.delete(path);
    war.add(new org.jboss.shrinkwrap.api.asset.StringAsset(more.toString()), path);
    return war;
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The app's base address on localhost (Payara reports its host name; the browser tests and the
   * demo realm's redirect rules use localhost).
   */
  public static URI base(URL deployed) {
    return URI.create("http://localhost:" + deployed.getPort());
  }
}
