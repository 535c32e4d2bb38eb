package eu.municipia.testing.refused;

/** A superclass that DeploymentRetryIT leaves out of its WAR on purpose. */
public class MissingBase {}
