/**
 * The newsletter: its subscribers (the member officials by default, the public with double opt-in),
 * the sending of an issue to all of them through the outbox with unsubscribe links that need no
 * login (RFC 8058 one-click included), and the bounces that suppress an address.
 */
package eu.municipia.newsletter;
