/**
 * What protects the forms that anyone may send (join us, seminar registrations, newsletter
 * subscriptions): a honeypot field, budgets of submissions per client and per association shared by
 * every replica, e-mail addresses checked as one address, and confirmation links that prove the
 * sender reads the address before a submission counts.
 */
package eu.municipia.publicforms;
