/**
 * A person's rights under the GDPR, exercised by the association's admin on the person's request:
 * export of everything the association holds about an e-mail address, and its erasure.
 */
package eu.municipia.privacy;
