package eu.municipia.testing.refused;

import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * An EJB whose superclass is missing from its WAR: Payara's sniffer sees the annotation in the
 * bytecode, its annotation processing cannot load the class, and the deployment is refused with
 * "DeploymentContext does not contain any EJB", the message of the flaky deployments.
 */
@Singleton
@Startup
public class SingletonWithoutItsBase extends MissingBase {}
