/** Memberships of municipalities in an association: lifecycle, history, directory and coverage. */
package eu.municipia.membership;
