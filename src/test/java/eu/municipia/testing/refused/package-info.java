/** A WAR that Payara Micro refuses, for DeploymentRetryIT; never part of the application. */
package eu.municipia.testing.refused;
