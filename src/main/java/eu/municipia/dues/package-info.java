/**
 * Membership dues: the association's yearly rate per inhabitant, each member's dues from its
 * population in the register, and the payments the admin records (and cancels, never deletes).
 */
package eu.municipia.dues;
