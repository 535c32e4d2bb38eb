package eu.municipia.privacy.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.control.Invitations;
import eu.municipia.identity.control.RoleGrants;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Invitation;
import eu.municipia.identity.entity.Person;
import eu.municipia.identity.entity.RoleGrant;
import eu.municipia.mail.entity.OutboxAttachment;
import eu.municipia.mail.entity.OutboxMessage;
import eu.municipia.membership.entity.Membership;
import eu.municipia.membership.entity.MembershipApplication;
import eu.municipia.membership.entity.Official;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything this association holds about one e-mail address: the person as an official or contact
 * of a member, as an applicant, as a recipient of our mail, as a login with roles, and in the
 * features that add their own share ({@link PersonalDataSource}: seminar registrations…). Erasure
 * forgets the person in all of them and keeps what is the association's own record (which
 * municipality had a mayor when, which application was decided how). The audit log records that an
 * export or erasure happened, with counts only.
 */
@ApplicationScoped
@Transactional
public class PersonalData {

  @Inject EntityManager em;
  @Inject RoleGrants roles;
  @Inject Invitations invitations;
  @Inject eu.municipia.membership.control.Memberships memberships;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject @jakarta.enterprise.inject.Any
  jakarta.enterprise.inject.Instance<PersonalDataSource> sources;

  /** A feature's records about the address ({@link PersonalDataSource}). */
  public record Section(String name, List<?> items) {}

  /** How many of a feature's records the erasure changed. */
  public record Erased(String name, int count) {}

  public record OfficialData(
      String municipality,
      String role,
      String name,
      String email,
      String phone,
      LocalDate termFrom,
      LocalDate termTo,
      Instant invitedAt) {}

  public record ApplicationData(
      String municipality,
      String name,
      String role,
      String email,
      String phone,
      String message,
      Instant submittedAt,
      String status,
      String decisionReason) {}

  public record MessageData(String subject, String body, Instant createdAt, Instant sentAt) {}

  public record LoginData(
      String issuer,
      String subject,
      String username,
      String name,
      String email,
      List<String> roles) {}

  public record Export(
      String email,
      Instant exportedAt,
      List<OfficialData> officials,
      List<ApplicationData> applications,
      List<MessageData> messages,
      List<LoginData> logins,
      List<Section> features) {

    public boolean isEmpty() {
      return officials.isEmpty()
          && applications.isEmpty()
          && messages.isEmpty()
          && logins.isEmpty()
          && features.stream().allMatch(f -> f.items().isEmpty());
    }
  }

  /** What the erasure changed, in numbers. */
  public record Erasure(
      int officials, int applications, int messages, int logins, List<Erased> features) {
    public int total() {
      return officials
          + applications
          + messages
          + logins
          + features.stream().mapToInt(Erased::count).sum();
    }
  }

  public Export export(String email, Caller admin) {
    String key = normalize(email);
    List<OfficialData> officials =
        officials(key).stream()
            .map(
                o ->
                    new OfficialData(
                        municipalityOf(o),
                        o.getRole().name(),
                        o.getName(),
                        o.getEmail(),
                        o.getPhone(),
                        o.getTermFrom(),
                        o.getTermTo(),
                        o.getInvitedAt()))
            .toList();
    List<ApplicationData> applications =
        applications(key).stream()
            .map(
                a ->
                    new ApplicationData(
                        a.getCode(),
                        a.getApplicantName(),
                        a.getApplicantRole(),
                        a.getApplicantEmail(),
                        a.getApplicantPhone(),
                        a.getMessage(),
                        a.getSubmittedAt(),
                        a.getStatus().name(),
                        a.getDecisionReason()))
            .toList();
    List<MessageData> messages =
        messages(key).stream()
            .map(m -> new MessageData(m.subject(), m.body(), m.createdAt(), m.sentAt()))
            .toList();
    List<LoginData> logins =
        people(key).stream()
            .map(
                p ->
                    new LoginData(
                        p.issuer(),
                        p.subject(),
                        p.username(),
                        p.displayName(),
                        p.email(),
                        grantsOf(p).stream().map(g -> g.role().roleName()).toList()))
            .toList();
    List<Section> features =
        sources.stream().map(source -> new Section(source.section(), source.export(key))).toList();
    Export export =
        new Export(key, Instant.now(clock), officials, applications, messages, logins, features);
    Map<String, Object> counts =
        counts(officials.size(), applications.size(), messages.size(), logins.size());
    features.forEach(f -> counts.put(f.name(), f.items().size()));
    audit.record(admin, "personal-data.exported", "person", "-", null, counts);
    return export;
  }

  public Erasure erase(String email, Caller admin) {
    String key = normalize(email);
    Instant now = Instant.now(clock);
    List<Official> officials = officials(key);
    officials.forEach(o -> o.erase(now));
    List<MembershipApplication> applications = applications(key);
    applications.forEach(MembershipApplication::eraseApplicant);
    List<OutboxMessage> messages = messages(key);
    messages.forEach(m -> m.erase(now));
    if (!messages.isEmpty()) {
      em.createNamedQuery(OutboxAttachment.DELETE_OF_MESSAGES)
          .setParameter("messages", messages.stream().map(OutboxMessage::id).toList())
          .executeUpdate();
    }
    List<Erased> features =
        sources.stream()
            .map(source -> new Erased(source.section(), source.erase(key, now)))
            .toList();
    // Invitations to the address: withdrawn if still open, and the address forgotten.
    for (Invitation invitation : invitations.to(key)) {
      invitation.withdraw(now);
      invitation.erase();
    }
    List<Person> people = people(key);
    for (Person p : people) {
      for (RoleGrant g : grantsOf(p)) {
        roles.revoke(p.id(), g.role(), admin);
      }
      p.erase();
    }
    Erasure erasure =
        new Erasure(
            officials.size(), applications.size(), messages.size(), people.size(), features);
    Map<String, Object> counts =
        counts(erasure.officials(), erasure.applications(), erasure.messages(), erasure.logins());
    features.forEach(f -> counts.put(f.name(), f.count()));
    audit.record(admin, "personal-data.erased", "person", "-", null, counts);
    return erasure;
  }

  private List<Official> officials(String email) {
    return em.createNamedQuery(Official.BY_EMAIL, Official.class)
        .setParameter("email", email)
        .getResultList();
  }

  private List<MembershipApplication> applications(String email) {
    return em.createNamedQuery(MembershipApplication.BY_EMAIL, MembershipApplication.class)
        .setParameter("email", email)
        .getResultList();
  }

  private List<OutboxMessage> messages(String email) {
    return em.createNamedQuery(OutboxMessage.TO, OutboxMessage.class)
        .setParameter("email", email)
        .getResultList();
  }

  private List<Person> people(String email) {
    return em.createNamedQuery(Person.BY_EMAIL, Person.class)
        .setParameter("email", email)
        .getResultList();
  }

  private List<RoleGrant> grantsOf(Person p) {
    return roles.grants().stream()
        .filter(g -> g.issuer().equals(p.issuer()) && g.subject().equals(p.subject()))
        .toList();
  }

  private String municipalityOf(Official o) {
    Membership m = em.find(Membership.class, o.getMembershipId());
    return m == null ? null : memberships.keyOf(m);
  }

  private static Map<String, Object> counts(
      int officials, int applications, int messages, int logins) {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("officials", officials);
    counts.put("applications", applications);
    counts.put("messages", messages);
    counts.put("logins", logins);
    return counts;
  }

  private static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
