package eu.municipia.newsletter.boundary;

import eu.municipia.newsletter.control.Subscribers;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The pages the links in the newsletter's mail open: confirming a sign-up
 * (/{tenant}/newsletter/confirm?token=…) and unsubscribing
 * (/{tenant}/newsletter/unsubscribe?token=…). Opening them changes nothing (mail scanners open
 * links too); their button does.
 */
@Named
@RequestScoped
public class SubscriptionLinkPage {

  @Inject Subscribers subscribers;

  private boolean done;

  public String getToken() {
    return FormMessages.parameter("token");
  }

  public String confirm() {
    try {
      subscribers.confirm(getToken());
      done = true;
    } catch (Refusal e) {
      FormMessages.error(e.fields().getOrDefault("token", "newsletter.error.link"));
    }
    return null;
  }

  public String unsubscribe() {
    try {
      subscribers.unsubscribe(getToken());
      done = true;
    } catch (Refusal e) {
      FormMessages.error("newsletter.error.link");
    }
    return null;
  }

  public boolean isDone() {
    return done;
  }
}
