/** Who the caller is (Keycloak, OIDC) and which roles they hold in the current association. */
package eu.municipia.identity;
