package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.seminars.control.CertificateIssuer;
import eu.municipia.seminars.control.EventTimes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * The verification page a certificate's link and QR code open (/{tenant}/seminars/certificate?code=
 * …): anyone may check that a certificate is genuine, and for whom and what it was issued.
 */
@Named
@RequestScoped
public class CertificateCheckPage {

  @Inject CertificateIssuer certificates;
  @Inject Shell shell;

  /** A genuine certificate as the page shows it. */
  public record Genuine(String code, String name, String kind, String title, String when) {}

  private Optional<Genuine> found;

  public String getCode() {
    return Pages.parameter("code");
  }

  public Optional<Genuine> getFound() {
    if (found == null) {
      found =
          certificates
              .check(getCode())
              .map(
                  c ->
                      new Genuine(
                          c.code(),
                          c.name(),
                          FormMessages.text("seminar.kind." + c.kind()),
                          c.title(),
                          EventTimes.days(c.startsAt(), c.endsAt(), shell.getLocale())));
    }
    return found;
  }

  public boolean isGenuine() {
    return getFound().isPresent();
  }
}
