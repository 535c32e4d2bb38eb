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
    war.delete(path);
    war.addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset(shrunk), "web.xml");
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
