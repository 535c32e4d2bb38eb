package eu.municipia.seminars.boundary;

import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.PersonalLinks;
import eu.municipia.seminars.control.Registrations;
import jakarta.inject.Inject;

/**
 * A page that a personal link opens without a login (the whole registration, or one person's
 * ticket): the token comes with the link and with the page's forms; a link that opens nothing (or
 * not this kind of page) is 404. What it shows is read in one transaction, again after each change.
 */
public abstract class PersonalLinkPage {

  @Inject Registrations registrations;
  @Inject InTransaction tx;

  private boolean read;
  private boolean unknown;

  public String getToken() {
    return Pages.parameter("token");
  }

  /** Before the page is rendered: a link that opens nothing is 404. */
  public void load() {
    read();
    if (unknown) {
      Pages.notFound();
    }
  }

  /**
   * Takes what the link opened (inside the transaction); answers false when this page does not show
   * that kind of link.
   */
  protected abstract boolean show(PersonalLinks.Opened opened);

  protected void read() {
    if (read) {
      return;
    }
    read = true;
    try {
      unknown = !tx.get(() -> show(registrations.open(getToken())));
    } catch (Refusal e) {
      unknown = true;
    }
  }

  /** Reads again after a change. */
  protected void reread() {
    read = false;
    unknown = false;
    read();
  }

  public boolean isUnknown() {
    read();
    return unknown;
  }
}
