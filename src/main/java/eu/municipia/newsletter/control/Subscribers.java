package eu.municipia.newsletter.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.mail.control.Outbox;
import eu.municipia.membership.entity.MembershipStatus;
import eu.municipia.newsletter.entity.Subscriber;
import eu.municipia.newsletter.entity.SubscriptionForm;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.Page;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.SecretTokens;
import eu.municipia.publicforms.control.Confirmations;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The newsletter's list: the public signs up with double opt-in (a link to confirm, valid 48 hours;
 * the answer is the same whether or not the address is known), member officials are on it from the
 * first send, anyone leaves with the link in every mail (no login, no cookie, at once: what waits
 * to be sent to them is given up too).
 */
@ApplicationScoped
@Transactional
public class Subscribers {

  static final String CONFIRMATION = "newsletter";
  static final Duration CONFIRMATION_VALID = Duration.ofHours(48);
  static final String MAIL_TEXTS = "eu.municipia.newsletter.control.mail";

  /** The public, as the audit log names it. */
  static final Caller PUBLIC =
      new Caller("public", "public", "public", "Newsletter subscription", null, Set.of(), false);

  @Inject EntityManager em;
  @Inject Confirmations confirmations;
  @Inject Outbox outbox;
  @Inject Links links;
  @Inject TenantContext tenants;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A public sign-up: the owner of the address gets a link to confirm (unless already on). */
  public void signUp(SubscriptionForm form) {
    form.requireValid();
    Instant now = Instant.now(clock);
    EmailAddress address = form.address();
    Subscriber subscriber = find(address.normalized()).orElse(null);
    if (subscriber == null) {
      subscriber = Subscriber.signUp(address, form.name(), form.language(), now);
      em.persist(subscriber);
    } else if (subscriber.isActive() || subscriber.status() == Subscriber.Status.SUPPRESSED) {
      return; // nothing to confirm, and the answer says nothing about the address
    } else {
      subscriber.signUpAgain(form.language(), now);
    }
    String token = confirmations.issue(CONFIRMATION, subscriber.id(), CONFIRMATION_VALID);
    Tenant tenant = tenants.current();
    ResourceBundle texts =
        ResourceBundle.getBundle(MAIL_TEXTS, Locale.forLanguageTag(subscriber.language()));
    outbox.queue(
        subscriber.email(),
        texts,
        "confirm",
        tenant.name(Locale.forLanguageTag(subscriber.language())),
        links.of(tenant).page("/newsletter/confirm", Map.of("token", token)));
  }

  /**
   * Someone who consented and confirmed their address elsewhere (the demo's readers): on the list
   * at once, without a confirmation mail. An address known already stays as it is.
   */
  public void addConsented(SubscriptionForm form) {
    EmailAddress address = form.address();
    if (find(address.normalized()).isEmpty()) {
      Instant now = Instant.now(clock);
      Subscriber subscriber = Subscriber.signUp(address, form.name(), form.language(), now);
      subscriber.confirm(now);
      em.persist(subscriber);
    }
  }

  /** The owner opened the link: the address is on the list. */
  public Subscriber confirm(String token) {
    Subscriber subscriber = em.find(Subscriber.class, confirmations.redeem(CONFIRMATION, token));
    if (subscriber == null) {
      throw Refusal.notFound("No such subscription.");
    }
    var before = subscriber.auditState();
    subscriber.confirm(Instant.now(clock));
    audit.record(
        PUBLIC,
        "subscriber.confirmed",
        "subscriber",
        subscriber.id().toString(),
        before,
        subscriber.auditState());
    return subscriber;
  }

  /**
   * Takes the address off the list at once, by the token of its unsubscribe links; what waits to be
   * sent to it is given up. Unknown tokens are refused as not found.
   */
  public Subscriber unsubscribe(String token) {
    Subscriber subscriber = byToken(token).orElseThrow(Subscribers::unknownToken);
    var before = subscriber.auditState();
    if (subscriber.unsubscribe(Instant.now(clock))) {
      outbox.cancelBatchMail(subscriber.email(), "unsubscribed");
      audit.record(
          PUBLIC,
          "subscriber.unsubscribed",
          "subscriber",
          subscriber.id().toString(),
          before,
          subscriber.auditState());
    }
    return subscriber;
  }

  public Optional<Subscriber> byToken(String token) {
    if (!SecretTokens.isWellFormed(token)) {
      return Optional.empty();
    }
    return em.createNamedQuery(Subscriber.BY_TOKEN, Subscriber.class)
        .setParameter("token", token)
        .getResultStream()
        .findFirst();
  }

  public Optional<Subscriber> find(String email) {
    return email == null
        ? Optional.empty()
        : em.createNamedQuery(Subscriber.BY_EMAIL, Subscriber.class)
            .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
            .getResultStream()
            .findFirst();
  }

  /**
   * A logged-in member's own choice: on the list (no confirmation: their login proved the address)
   * or off it.
   */
  public Subscriber choose(Caller member, boolean subscribed) {
    if (member.email() == null || !EmailAddress.isValid(member.email())) {
      throw Refusal.invalid("email", "newsletter.error.noEmail");
    }
    Instant now = Instant.now(clock);
    Subscriber subscriber =
        find(member.email())
            .orElseGet(
                () -> {
                  Subscriber made =
                      Subscriber.official(
                          new EmailAddress(member.email()), member.displayName(), now);
                  made.unsubscribe(now);
                  em.persist(made);
                  return made;
                });
    var before = subscriber.auditState();
    if (subscribed) {
      subscriber.confirm(now);
    } else if (subscriber.unsubscribe(now)) {
      outbox.cancelBatchMail(subscriber.email(), "unsubscribed");
    }
    audit.record(
        member,
        subscribed ? "subscriber.subscribed" : "subscriber.unsubscribed",
        "subscriber",
        subscriber.id().toString(),
        before,
        subscriber.auditState());
    return subscriber;
  }

  /**
   * Puts an address on the list whose owner gave consent elsewhere (a paper form at a seminar),
   * recorded as the editor's doing; an address already known is left as it is.
   */
  public Subscriber addConsented(EmailAddress address, String name, Caller editor) {
    return find(address.normalized())
        .orElseGet(
            () -> {
              Instant now = Instant.now(clock);
              Subscriber added = Subscriber.signUp(address, name, "cs", now);
              added.confirm(now);
              em.persist(added);
              audit.record(
                  editor,
                  "subscriber.added",
                  "subscriber",
                  added.id().toString(),
                  null,
                  added.auditState());
              return added;
            });
  }

  /**
   * Puts the member officials with an address on the list, those not on it or off it already:
   * officials are subscribed by default, and one who left stays off. Answers how many it added.
   */
  public int enrolOfficials() {
    List<Object[]> officials =
        em.createQuery(
                "SELECT o.email, o.name FROM Official o, Membership m"
                    + " WHERE o.membershipId = m.id AND m.status = :active"
                    + " AND o.email IS NOT NULL AND o.erasedAt IS NULL",
                Object[].class)
            .setParameter("active", MembershipStatus.ACTIVE)
            .getResultList();
    Set<String> known =
        new HashSet<>(
            em.createQuery("SELECT s.email FROM Subscriber s", String.class).getResultList());
    Instant now = Instant.now(clock);
    int added = 0;
    for (Object[] official : officials) {
      String email = ((String) official[0]).trim();
      if (!EmailAddress.isValid(email) || !known.add(email.toLowerCase(Locale.ROOT))) {
        continue;
      }
      em.persist(Subscriber.official(new EmailAddress(email), (String) official[1], now));
      added++;
    }
    return added;
  }

  public List<Subscriber> active() {
    return em.createNamedQuery(Subscriber.ACTIVE, Subscriber.class)
        .setParameter("status", Subscriber.Status.ACTIVE)
        .getResultList();
  }

  /**
   * The list for its editors, a page at a time, optionally of one status and of addresses that
   * contain the query.
   */
  public Page<Subscriber> list(Subscriber.Status status, String query, int offset, int limit) {
    String like =
        query == null || query.isBlank()
            ? null
            : "%" + query.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
    String where =
        " WHERE s.id IS NOT NULL"
            + (status == null ? "" : " AND s.status = :status")
            + (like == null ? "" : " AND s.email LIKE :query");
    var items =
        em.createQuery(
            "SELECT s FROM Subscriber s" + where + " ORDER BY s.email", Subscriber.class);
    var count = em.createQuery("SELECT COUNT(s) FROM Subscriber s" + where, Long.class);
    if (status != null) {
      items.setParameter("status", status);
      count.setParameter("status", status);
    }
    if (like != null) {
      items.setParameter("query", like);
      count.setParameter("query", like);
    }
    return new Page<>(
        count.getSingleResult(),
        offset,
        limit,
        items.setFirstResult(offset).setMaxResults(limit).getResultList());
  }

  private static Refusal unknownToken() {
    return Refusal.notFound("No such subscription.");
  }
}
