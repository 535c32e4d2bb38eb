/**
 * Which association a request belongs to, decided in one place and enforced in JPA and in
 * PostgreSQL.
 */
package eu.municipia.tenancy;
