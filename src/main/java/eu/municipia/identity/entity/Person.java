package eu.municipia.identity.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who has logged in to this association through Keycloak: the people an association admin
 * can grant roles to. Identified by issuer + subject, as Keycloak knows them.
 */
@Entity
@Table(name = "person")
@NamedQuery(
    name = Person.BY_IDENTITY,
    query = "SELECT p FROM Person p WHERE p.issuer = :issuer AND p.subject = :subject")
@NamedQuery(name = Person.BY_EMAIL, query = "SELECT p FROM Person p WHERE LOWER(p.email) = :email")
@NamedQuery(name = Person.ALL, query = "SELECT p FROM Person p ORDER BY p.displayName, p.id")
public class Person extends TenantOwned {

  public static final String BY_IDENTITY = "Person.byIdentity";
  public static final String ALL = "Person.all";
  public static final String BY_EMAIL = "Person.byEmail";

  @Id private UUID id;

  @Column(nullable = false)
  private String issuer;

  @Column(nullable = false)
  private String subject;

  private String username;

  @Column(name = "display_name")
  private String displayName;

  private String email;

  @Column(name = "first_seen", nullable = false)
  private Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  private Instant lastSeen;

  protected Person() {}

  public Person(Caller caller, Instant now) {
    Objects.requireNonNull(caller, "caller is required");
    this.id = UUID.randomUUID();
    this.issuer = caller.issuer();
    this.subject = caller.subject();
    this.firstSeen = now;
    seen(caller, now);
  }

  /** Keycloak is the source of names and e-mails: each login refreshes them. */
  public void seen(Caller caller, Instant now) {
    this.username = caller.username();
    this.displayName = caller.displayName();
    this.email = caller.email();
    this.lastSeen = now;
  }

  /** Forgets the person's name and address (GDPR); issuer and subject stay as a pseudonym. */
  public void erase() {
    this.username = null;
    this.displayName = null;
    this.email = null;
  }

  public UUID id() {
    return id;
  }

  public String issuer() {
    return issuer;
  }

  public String subject() {
    return subject;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public Instant lastSeen() {
    return lastSeen;
  }
}
