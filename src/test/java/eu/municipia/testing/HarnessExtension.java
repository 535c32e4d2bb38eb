package eu.municipia.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Our changes to the Arquillian harness, loaded through META-INF/services: Payara Micro's container
 * with one retry of a refused deployment ({@link RetryingPayaraMicroContainer}).
 */
public class HarnessExtension implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.override(
        DeployableContainer.class,
        PayaraMicroDeployableContainer.class,
        RetryingPayaraMicroContainer.class);
  }
}
