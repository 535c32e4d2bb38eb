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
   * The app's base address on localhost (Payara reports its host name; the browser tests and the
   * demo realm's redirect rules use localhost).
   */
  public static URI base(URL deployed) {
    return URI.create("http://localhost:" + deployed.getPort());
  }
}
