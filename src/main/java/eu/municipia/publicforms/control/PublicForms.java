package eu.municipia.publicforms.control;

import eu.municipia.platform.control.TrustedProxies;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gate every public form passes before its input is looked at: the honeypot (a field people
 * never see and programs fill in) and two budgets per form and association in a window, one per
 * client address and one for everyone together (so that a spread-out attack cannot flood an
 * association's office either). A page and its API call the same gate with the same form name.
 */
@ApplicationScoped
public class PublicForms {

  /** The name of the honeypot field, on the page and in the API's body alike. */
  public static final String HONEYPOT = "website";

  /** What the gate decided. */
  public enum Admission {
    /** Go on with the submission. */
    ADMITTED,
    /**
     * A program filled in the honeypot: answer as if the submission were taken (so that it learns
     * nothing) but take nothing.
     */
    TRAPPED
  }

  @Inject
  @ConfigProperty(name = "public-forms.per-client", defaultValue = "10")
  int perClient;

  @Inject
  @ConfigProperty(name = "public-forms.per-association", defaultValue = "200")
  int perAssociation;

  @Inject
  @ConfigProperty(name = "public-forms.window-minutes", defaultValue = "60")
  int windowMinutes;

  @Inject RequestBudgets budgets;
  @Inject TrustedProxies proxies;
  @Inject TenantContext tenants;

  /**
   * Decides whether a submission of the form goes on; throws {@link TooManySubmissionsException}
   * when a budget is spent.
   */
  public Admission admit(String form, HttpServletRequest request, String honeypot) {
    if (honeypot != null && !honeypot.isBlank()) {
      return Admission.TRAPPED;
    }
    String prefix = form + "|" + tenants.current().id() + "|";
    Duration window = Duration.ofMinutes(windowMinutes);
    boolean clientWithin =
        budgets.spend(prefix + "client:" + hash(proxies.clientAddress(request)), perClient, window);
    boolean associationWithin = budgets.spend(prefix + "all", perAssociation, window);
    if (!clientWithin || !associationWithin) {
      throw new TooManySubmissionsException(form);
    }
    return Admission.ADMITTED;
  }

  /** Client addresses are personal data: only a hash of one is kept, and only for a day. */
  private static String hash(String address) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
