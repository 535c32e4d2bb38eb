package eu.municipia.newsletter.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.newsletter.control.Subscribers;
import eu.municipia.newsletter.entity.Subscriber;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * A member's own newsletter subscription (/{tenant}/members/newsletter), by the address of their
 * login: member officials are subscribed by default and may leave, and come back.
 */
@Named
@RequestScoped
public class MySubscriptionPage {

  @Inject Subscribers subscribers;
  @Inject CurrentCaller caller;

  public String getEmail() {
    return caller.get().email();
  }

  public Optional<Subscriber> getSubscriber() {
    return subscribers.find(getEmail());
  }

  /** Subscribed, or (without a row yet) an official who will be on the next send. */
  public boolean isSubscribed() {
    return getSubscriber().map(Subscriber::isActive).orElse(true);
  }

  public boolean isSuppressed() {
    return getSubscriber().map(s -> s.status() == Subscriber.Status.SUPPRESSED).orElse(false);
  }

  public String subscribe() {
    return choose(true, "newsletter.my.subscribed");
  }

  public String unsubscribe() {
    return choose(false, "newsletter.my.unsubscribed");
  }

  private String choose(boolean subscribed, String done) {
    try {
      subscribers.choose(caller.get(), subscribed);
      FormMessages.info(done);
    } catch (Refusal e) {
      FormMessages.error(e.fields().values().stream().findFirst().orElse(e.getMessage()));
    }
    return null;
  }
}
