/**
 * Governing bodies (assembly, executive committee, chambers, committees), their seats and meetings,
 * and the register of resolutions: numbered per body and year, adopted or rejected as computed from
 * the votes, the attendance at the moment of the vote and the body's rules, published publicly or
 * to members, corrected only by visible revisions, searchable in Czech.
 */
package eu.municipia.resolutions;
