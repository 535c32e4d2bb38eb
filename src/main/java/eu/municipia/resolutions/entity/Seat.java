package eu.municipia.resolutions.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A seat on a body for a term: who holds it, for which member municipality, in which role. */
@Entity
@Table(name = "body_seat")
@NamedQuery(
    name = Seat.OF_BODY,
    query = "SELECT s FROM Seat s WHERE s.bodyId = :body ORDER BY s.role, s.name, s.termFrom")
public class Seat extends TenantOwned {

  public static final String OF_BODY = "Seat.ofBody";

  @Id private UUID id;

  @Column(name = "body_id", nullable = false)
  private UUID bodyId;

  @Column(nullable = false)
  private String name;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SeatRole role;

  @Column(name = "term_from", nullable = false)
  private LocalDate termFrom;

  @Column(name = "term_to")
  private LocalDate termTo;

  protected Seat() {}

  public Seat(UUID bodyId, SeatForm form) {
    this.id = UUID.randomUUID();
    this.bodyId = Objects.requireNonNull(bodyId, "body is required");
    change(form);
  }

  public void change(SeatForm form) {
    form.requireValid();
    this.name = form.name().trim();
    this.municipalityCode = SeatForm.trimmed(form.municipalityCode());
    this.email = SeatForm.trimmed(form.email());
    this.role = form.seatRole();
    this.termFrom = form.termFrom();
    this.termTo = form.termTo();
  }

  /** Whether the seat is held on that day (its term includes it). */
  public boolean heldOn(LocalDate day) {
    return !day.isBefore(termFrom) && (termTo == null || !day.isAfter(termTo));
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("body", bodyId.toString());
    state.put("name", name);
    state.put("municipality", municipalityCode);
    state.put("role", role.name());
    state.put("termFrom", termFrom.toString());
    state.put("termTo", termTo == null ? null : termTo.toString());
    return state;
  }

  public UUID id() {
    return id;
  }

  public UUID bodyId() {
    return bodyId;
  }

  public String name() {
    return name;
  }

  public String municipalityCode() {
    return municipalityCode;
  }

  public String email() {
    return email;
  }

  public SeatRole role() {
    return role;
  }

  public LocalDate termFrom() {
    return termFrom;
  }

  public LocalDate termTo() {
    return termTo;
  }
}
