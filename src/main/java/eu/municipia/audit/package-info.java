/** The audit log: every change to an association's data, with who, when, before and after. */
package eu.municipia.audit;
