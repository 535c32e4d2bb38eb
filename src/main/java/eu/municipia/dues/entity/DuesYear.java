package eu.municipia.dues.entity;

import eu.municipia.membership.entity.MembershipStatus;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The year dues are for. A membership owes the dues of a year if it was a member at any time in
 * that year: active or suspended then, or ended during it (a member that leaves in June pays the
 * whole year, as one that joins in June does; dues are not split by months).
 */
public record DuesYear(int value) implements Serializable {

  public static final int FIRST = 2000;
  public static final int LAST = 2100;

  public DuesYear {
    if (value < FIRST || value > LAST) {
      throw new InvalidDuesException("year", "dues.error.year");
    }
  }

  public LocalDate firstDay() {
    return LocalDate.of(value, 1, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(value, 12, 31);
  }

  /** Whether a membership in this status and with these dates owes this year's dues. */
  public boolean owedBy(MembershipStatus status, LocalDate since, LocalDate until) {
    boolean member =
        status == MembershipStatus.ACTIVE
            || status == MembershipStatus.SUSPENDED
            || status == MembershipStatus.LEFT;
    return member
        && (since == null || !since.isAfter(lastDay()))
        && (until == null || !until.isBefore(firstDay()));
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
