/**
 * The national union's view over its regional associations: counts and sums per child association
 * and in total, computed by the database's union functions (the only cross-tenant reads), never an
 * association's personal data.
 */
package eu.municipia.union;
