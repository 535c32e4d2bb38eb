package eu.municipia.dues.control;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.dues.entity.DuesRate;
import eu.municipia.dues.entity.DuesYear;
import eu.municipia.dues.entity.RateTerms;
import eu.municipia.identity.entity.Caller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin's dues page is view-scoped: its statement and payments live in the web session, which
 * another replica may read back (see SessionAttributesTest), so they must survive serialization.
 */
class StatementSerializationTest {

  private static final Caller ANNA =
      new Caller("issuer", "subject", "spravce.smopk", "Anna Nováková", null, Set.of(), false);

  @Test
  void aStatementAndItsPaymentsSurviveSerialization() throws Exception {
    DuesRate rate =
        new DuesRate(
            new DuesYear(2032),
            new RateTerms(new BigDecimal("2.00"), 500, 100_000),
            ANNA,
            Instant.parse("2032-01-10T09:00:00Z"));
    DuesLedger.MemberDues cila =
        new DuesLedger.MemberDues(
            "540927",
            "Čilá",
            "Rokycany",
            "ACTIVE",
            19,
            2025,
            500L,
            new BigDecimal("500.00"),
            BigDecimal.ZERO);
    DuesLedger.Statement statement =
        new DuesLedger.Statement(
            rate,
            List.of(cila),
            new DuesLedger.Totals(1, 19, 500, new BigDecimal("500.00"), BigDecimal.ZERO, 0));
    DuesLedger.Payment payment =
        new DuesLedger.Payment(
            UUID.randomUUID(),
            "540927",
            "Čilá",
            2032,
            new BigDecimal("500.00"),
            LocalDate.of(2032, 3, 15),
            null,
            Instant.parse("2032-03-16T08:00:00Z"),
            "Anna Nováková",
            null,
            null,
            null);

    DuesLedger.Statement copy = roundTrip(statement);
    assertThat(copy.members()).containsExactly(cila);
    assertThat(copy.rate().duesOf(187_928)).isEqualTo(100_000);
    assertThat(copy.rate().setByName()).isEqualTo("Anna Nováková");
    assertThat(roundTrip(payment)).isEqualTo(payment);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
