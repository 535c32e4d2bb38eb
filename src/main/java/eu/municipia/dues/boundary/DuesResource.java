package eu.municipia.dues.boundary;

import eu.municipia.dues.control.Dues;
import eu.municipia.dues.control.DuesLedger;
import eu.municipia.dues.entity.DuesPayment;
import eu.municipia.dues.entity.DuesRate;
import eu.municipia.dues.entity.DuesYear;
import eu.municipia.dues.entity.RateTerms;
import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.platform.entity.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Membership dues. Members of the association see every year's rate and every member's dues, paid
 * and balance; its admins set the rate of a year, record payments and cancel one recorded by
 * mistake, each change audited.
 */
@Path("tenants/{tenant}/dues")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DuesResource {

  @Inject Dues dues;
  @Inject DuesLedger ledger;
  @Inject CurrentCaller caller;

  /** The rate of a year: CZK per inhabitant (two decimals), minimum and maximum in whole CZK. */
  public record RateBody(BigDecimal ratePerInhabitant, BigDecimal minimum, BigDecimal maximum) {}

  public record RateView(
      int year,
      BigDecimal ratePerInhabitant,
      int minimum,
      int maximum,
      String setBy,
      Instant setAt) {
    static RateView of(DuesRate rate) {
      return new RateView(
          rate.year().value(),
          rate.ratePerInhabitant(),
          rate.minimum(),
          rate.maximum(),
          rate.setByName(),
          rate.setAt());
    }
  }

  public record StatementView(
      int year, RateView rate, List<DuesLedger.MemberDues> members, DuesLedger.Totals totals) {}

  /** A payment: the member's code, the amount in CZK, the day it was paid (ISO), a note. */
  public record PaymentBody(String code, BigDecimal amount, String paidOn, String note) {}

  /** Why the payment is cancelled; the body is optional. */
  public record CancellationBody(String reason) {}

  @GET
  @RolesAllowed(Role.MEMBER)
  public List<RateView> rates() {
    return dues.rates().stream().map(RateView::of).toList();
  }

  @GET
  @Path("{year}")
  @RolesAllowed(Role.MEMBER)
  public StatementView statement(@PathParam("year") int year, @QueryParam("q") String query) {
    DuesLedger.Statement statement = ledger.statement(new DuesYear(year), query);
    return new StatementView(
        year, RateView.of(statement.rate()), statement.members(), statement.totals());
  }

  @GET
  @Path("{year}/rate")
  @RolesAllowed(Role.MEMBER)
  public RateView rate(@PathParam("year") int year) {
    return RateView.of(dues.requireRate(new DuesYear(year)));
  }

  @PUT
  @Path("{year}/rate")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response setRate(@PathParam("year") int year, RateBody body) {
    DuesYear duesYear = new DuesYear(year);
    RateBody given = body == null ? new RateBody(null, null, null) : body;
    RateTerms terms = RateTerms.of(given.ratePerInhabitant(), given.minimum(), given.maximum());
    Dues.RateChange change = dues.setRate(duesYear, terms, caller.get());
    return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(RateView.of(change.rate()))
        .build();
  }

  @GET
  @Path("{year}/payments")
  @RolesAllowed(Role.ADMIN)
  public List<DuesLedger.Payment> payments(@PathParam("year") int year) {
    DuesYear duesYear = new DuesYear(year);
    dues.requireRate(duesYear);
    return ledger.payments(duesYear);
  }

  @POST
  @Path("{year}/payments")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recordPayment(@PathParam("year") int year, PaymentBody body) {
    DuesYear duesYear = new DuesYear(year);
    PaymentBody given = body == null ? new PaymentBody(null, null, null, null) : body;
    List<Problem.FieldError> errors = new ArrayList<>();
    if (!MunicipalityCode.isValid("CZ", given.code())) {
      errors.add(
          new Problem.FieldError("code", "code must be the 6-digit code of a municipality."));
    }
    LocalDate paidOn = null;
    if (given.paidOn() != null) {
      try {
        paidOn = LocalDate.parse(given.paidOn());
      } catch (DateTimeParseException e) {
        errors.add(new Problem.FieldError("paidOn", "paidOn must be a date such as 2031-03-15."));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationProblem(errors);
    }
    DuesPayment payment =
        dues.recordPayment(
            duesYear,
            new MunicipalityCode("CZ", given.code()),
            given.amount(),
            paidOn,
            given.note(),
            caller.get());
    return Response.status(Response.Status.CREATED).entity(view(payment.id())).build();
  }

  @POST
  @Path("{year}/payments/{id}/cancellation")
  @RolesAllowed(Role.ADMIN)
  public DuesLedger.Payment cancelPayment(
      @PathParam("year") int year, @PathParam("id") String id, CancellationBody body) {
    UUID payment = paymentId(id);
    dues.cancelPayment(
        new DuesYear(year), payment, body == null ? null : body.reason(), caller.get());
    return view(payment);
  }

  private DuesLedger.Payment view(UUID id) {
    return ledger
        .payment(id)
        .orElseThrow(() -> new IllegalStateException("Payment " + id + " vanished."));
  }

  private static UUID paymentId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No payment " + id + " here.");
    }
  }
}
