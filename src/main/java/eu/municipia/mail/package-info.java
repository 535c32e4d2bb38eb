/**
 * E-mail through a transactional outbox: a message is a row written with the change that causes it,
 * and a worker sends it after commit, retrying with backoff until the SMTP server takes it.
 */
package eu.municipia.mail;
