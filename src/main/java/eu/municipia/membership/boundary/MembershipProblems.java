package eu.municipia.membership.boundary;

import eu.municipia.membership.control.ApplicationRefusedException;
import eu.municipia.membership.control.OfficialNotInvitableException;
import eu.municipia.membership.entity.ApplicationDecidedException;
import eu.municipia.membership.entity.MembershipDateException;
import eu.municipia.membership.entity.MembershipTransitionException;
import eu.municipia.platform.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Membership rules broken by a request, as problem+json. */
public final class MembershipProblems {

  private MembershipProblems() {}

  /** A status change that the membership's status does not allow is a conflict (409). */
  @Provider
  public static class Transition implements ExceptionMapper<MembershipTransitionException> {
    @Override
    public Response toResponse(MembershipTransitionException e) {
      return problem(409, "Conflict", "status", e.getMessage());
    }
  }

  /** A date that does not fit the membership is a bad request naming the date (400). */
  @Provider
  public static class Date implements ExceptionMapper<MembershipDateException> {
    @Override
    public Response toResponse(MembershipDateException e) {
      return problem(400, "Bad Request", "date", e.getMessage());
    }
  }

  /** An application the state of things refuses: 409 if already member/applied, else 400. */
  @Provider
  public static class Refused implements ExceptionMapper<ApplicationRefusedException> {
    @Override
    public Response toResponse(ApplicationRefusedException e) {
      return e.reason().conflict()
          ? problem(409, "Conflict", "code", e.getMessage())
          : problem(400, "Bad Request", "code", e.getMessage());
    }
  }

  /** A second decision on an application is a conflict (409). */
  @Provider
  public static class Decided implements ExceptionMapper<ApplicationDecidedException> {
    @Override
    public Response toResponse(ApplicationDecidedException e) {
      return problem(409, "Conflict", "status", e.getMessage());
    }
  }

  /** An official without an e-mail address cannot be invited (409). */
  @Provider
  public static class NotInvitable implements ExceptionMapper<OfficialNotInvitableException> {
    @Override
    public Response toResponse(OfficialNotInvitableException e) {
      return problem(409, "Conflict", "email", e.getMessage());
    }
  }

  private static Response problem(int status, String title, String field, String message) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                "about:blank",
                title,
                status,
                message,
                List.of(new Problem.FieldError(field, message))))
        .build();
  }
}
