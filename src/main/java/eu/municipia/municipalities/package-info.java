/** The register of municipalities: shared reference data, imported from the statistics office. */
package eu.municipia.municipalities;
