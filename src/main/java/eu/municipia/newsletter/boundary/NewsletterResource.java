package eu.municipia.newsletter.boundary;

import eu.municipia.identity.entity.Role;
import eu.municipia.newsletter.control.Bounces;
import eu.municipia.newsletter.control.Subscribers;
import eu.municipia.newsletter.entity.Bounce;
import eu.municipia.newsletter.entity.Subscriber;
import eu.municipia.newsletter.entity.SubscriptionForm;
import eu.municipia.platform.entity.Page;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.publicforms.control.PublicForms;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The newsletter's list for programs: the public signs up (double opt-in) and confirms; anyone
 * unsubscribes with the token of their links, by one POST without login or cookie (RFC 8058: the
 * {@code List-Unsubscribe} header's address); the editors read the list with why an address is
 * suppressed; the mail provider reports bounces to a webhook guarded by a shared token.
 */
@Path("tenants/{tenant}/newsletter")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class NewsletterResource {

  /** The public sign-up form's name for the budgets of public forms. */
  public static final String FORM = "newsletter";

  @Inject Subscribers subscribers;
  @Inject Bounces bounces;
  @Inject PublicForms publicForms;

  @Inject
  @ConfigProperty(name = "newsletter.bounce-webhook-token")
  Optional<String> webhookToken;

  public record SignUp(
      String email, String name, String language, Boolean consent, String website) {}

  public record Confirmation(String token) {}

  public record Status(String status) {}

  public record SubscriberView(
      String email,
      String name,
      String source,
      String status,
      Instant since,
      Instant suppressedAt,
      String suppressionReason) {
    static SubscriberView of(Subscriber s) {
      return new SubscriberView(
          s.email(),
          s.name(),
          s.source().name(),
          s.status().name(),
          s.createdAt(),
          s.suppressedAt(),
          s.suppressionReason());
    }
  }

  /** What a provider's webhook reports: the address, hard/soft/complaint, why, which message. */
  public record BounceReport(String email, String type, String reason, String messageId) {}

  /**
   * A public sign-up: 202 and a confirmation link by e-mail, the same answer whether or not the
   * address is known. Limited per client and association (429 beyond); {@code website} is the
   * honeypot.
   */
  @POST
  @Path("subscriptions")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signUp(SignUp body, @Context HttpServletRequest request) {
    SignUp given = body == null ? new SignUp(null, null, null, null, null) : body;
    if (publicForms.admit(FORM, request, given.website()) == PublicForms.Admission.ADMITTED) {
      subscribers.signUp(
          new SubscriptionForm(
              given.email(), given.name(), given.language(), Boolean.TRUE.equals(given.consent())));
    }
    return Response.accepted(new Status("PENDING")).build();
  }

  @POST
  @Path("subscriptions/confirmation")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Status confirm(Confirmation body) {
    return new Status(subscribers.confirm(body == null ? null : body.token()).status().name());
  }

  /**
   * One-click unsubscribe (RFC 8058): a POST to the address of the mail's List-Unsubscribe header,
   * whatever its body ("List-Unsubscribe=One-Click"); no login, no cookie; honoured at once.
   */
  @POST
  @Path("unsubscribe")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  public Status unsubscribe(@QueryParam("token") String token) {
    return new Status(subscribers.unsubscribe(token).status().name());
  }

  @GET
  @Path("subscribers")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  public Page<SubscriberView> list(
      @QueryParam("status") String status,
      @QueryParam("q") String query,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    Page.check(offset, limit);
    Subscriber.Status chosen = null;
    if (status != null && !status.isBlank()) {
      try {
        chosen = Subscriber.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("status", "newsletter.error.status");
      }
    }
    return subscribers.list(chosen, query, offset, limit).map(SubscriberView::of);
  }

  /**
   * A bounce or complaint from the mail provider, authenticated by the token set in {@code
   * newsletter.bounce-webhook-token} (header {@code X-Webhook-Token}); without that setting the
   * webhook does not exist (404).
   */
  @POST
  @Path("bounces")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response bounce(@HeaderParam("X-Webhook-Token") String token, BounceReport report) {
    String expected = webhookToken.map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
    if (expected == null) {
      throw Refusal.notFound("No bounce webhook here.");
    }
    if (token == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      return Response.status(Response.Status.UNAUTHORIZED)
          .type("application/problem+json")
          .entity(eu.municipia.platform.boundary.Problems.of(401, "The webhook token is wrong."))
          .build();
    }
    BounceReport r = report == null ? new BounceReport(null, null, null, null) : report;
    Bounce.Kind kind;
    try {
      kind = Bounce.Kind.valueOf(r.type() == null ? "" : r.type().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("type", "newsletter.error.bounceType");
    }
    UUID message = Bounces.OurMessage.parse(r.messageId()).map(Bounces.OurMessage::id).orElse(null);
    bounces.record(r.email(), kind, r.reason(), message, Bounce.Source.WEBHOOK);
    return Response.noContent().build();
  }
}
