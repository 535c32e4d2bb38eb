package eu.municipia.magazine.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.magazine.control.Issues;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.Issue;
import eu.municipia.newsletter.control.Newsletters;
import eu.municipia.platform.entity.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * Numbered issues: published ones for everyone; for the editors, making and arranging them, the
 * recipient count and a test send first, then publishing, which sends the newsletter, and its
 * progress.
 */
@Path("tenants/{tenant}/magazine/issues")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class IssuesResource {

  @Inject Issues issues;
  @Inject CurrentCaller caller;

  public record IssueBody(String number, String title, List<String> articles) {}

  public record IssueView(
      String number, String title, String status, Instant publishedAt, List<String> articles) {}

  public record Recipients(long count) {}

  public record SendView(String send, int recipients) {}

  @GET
  @PermitAll
  public List<IssueView> published() {
    return issues.published().stream().map(this::view).toList();
  }

  @GET
  @Path("{year}/{number}")
  @PermitAll
  public IssueView get(@PathParam("year") int year, @PathParam("number") int number) {
    Issue issue = issues.require(number(year, number));
    if (!issue.isPublished()) {
      throw Refusal.notFound("No issue " + year + "/" + number + " here.");
    }
    return view(issue);
  }

  @POST
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(IssueBody body) {
    IssueBody b = body == null ? new IssueBody(null, null, null) : body;
    Issue issue = issues.create(Issue.Number.parse(b.number()), b.title(), caller.get());
    if (b.articles() != null && !b.articles().isEmpty()) {
      issue = issues.arrange(issue.number(), b.title(), b.articles(), caller.get());
    }
    return Response.status(Response.Status.CREATED).entity(view(issue)).build();
  }

  @PUT
  @Path("{year}/{number}")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public IssueView arrange(
      @PathParam("year") int year, @PathParam("number") int number, IssueBody body) {
    IssueBody b = body == null ? new IssueBody(null, null, null) : body;
    return view(
        issues.arrange(
            number(year, number),
            b.title(),
            b.articles() == null ? List.of() : b.articles(),
            caller.get()));
  }

  @GET
  @Path("{year}/{number}/recipients")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  public Recipients recipients(@PathParam("year") int year, @PathParam("number") int number) {
    issues.require(number(year, number));
    return new Recipients(issues.recipientCount());
  }

  /** Sends the issue's e-mail to the caller only (their address in the token). */
  @POST
  @Path("{year}/{number}/test")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  public Response test(@PathParam("year") int year, @PathParam("number") int number) {
    var send = issues.test(number(year, number), caller.get());
    return Response.accepted(new SendView(send.id().toString(), send.recipients())).build();
  }

  /** Publishes the issue and sends it to every subscriber (once): 202, then watch /send. */
  @POST
  @Path("{year}/{number}/publication")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  public Response publish(@PathParam("year") int year, @PathParam("number") int number) {
    var send = issues.publish(number(year, number), caller.get());
    return Response.accepted(new SendView(send.id().toString(), send.recipients())).build();
  }

  @GET
  @Path("{year}/{number}/send")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  public Newsletters.Progress progress(
      @PathParam("year") int year, @PathParam("number") int number) {
    return issues
        .progress(number(year, number))
        .orElseThrow(() -> Refusal.notFound("Issue " + year + "/" + number + " was not sent."));
  }

  private IssueView view(Issue issue) {
    return new IssueView(
        issue.number().toString(),
        issue.title(),
        issue.isPublished() ? "PUBLISHED" : "DRAFT",
        issue.publishedAt(),
        issues.articlesOf(issue).stream().map(Article::slug).toList());
  }

  private static Issue.Number number(int year, int number) {
    try {
      return new Issue.Number(year, number);
    } catch (Refusal e) {
      throw Refusal.notFound("No issue " + year + "/" + number + " here.");
    }
  }
}
