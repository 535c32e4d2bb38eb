/** What every feature stands on: configuration, schema, errors, health and the web shell. */
package eu.municipia.platform;
