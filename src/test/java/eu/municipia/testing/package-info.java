/** What the integration tests share: the test stack, the deployment, tokens and HTTP calls. */
package eu.municipia.testing;
