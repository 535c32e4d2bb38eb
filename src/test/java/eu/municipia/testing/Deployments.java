package eu.municipia.testing;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that the build made, deployed as it is: tests see what production runs. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive war() {
    File war = new File(System.getProperty("municipia.war", "target/municipia.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the tests with ./mvnw verify");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * The built WAR with its connection pool cut to the given size: the pool-reuse test wants every
   * connection to serve both tenants over and over.
   */
  public static WebArchive warWithPoolOf(int connections) {
    WebArchive war = war();
    String path = "WEB-INF/glassfish-resources.xml";
    String resources =
        new String(
            readAll(war.get(path).getAsset().openStream()),
            java.nio.charset.StandardCharsets.UTF_8);
    String shrunk =
        resources.replaceFirst("max-pool-size=\"\\d+\"", "max-pool-size=\"" + connections + "\"");
    if (shrunk.equals(resources)) {
      throw new IllegalStateException("No max-pool-size in " + path);
    }
    war.delete(path);
    war.addAsWebInfResource(
        new org.jboss.shrinkwrap.api.asset.StringAsset(shrunk), "glassfish-resources.xml");
    return war;
  }

  /**
   * The built WAR with settings added to its {@code microprofile-config.properties}, for a test
   * that needs this deployment configured otherwise (a base URL, short session intervals). The
   * environment that failsafe gives Payara still wins over these (MicroProfile Config ordinals), so
   * only keys it does not set can be given here.
   */
  public static WebArchive warWithConfig(java.util.Map<String, String> settings) {
    WebArchive war = war();
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
