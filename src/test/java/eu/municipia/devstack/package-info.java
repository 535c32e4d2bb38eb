/**
 * The local stack (PostgreSQL, Keycloak, Payara Micro) that the run command and the tests start.
 */
package eu.municipia.devstack;
