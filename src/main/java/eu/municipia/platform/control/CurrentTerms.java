package eu.municipia.platform.control;

import eu.municipia.platform.entity.Country;
import eu.municipia.platform.entity.Terms;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The words of the country the request is about, for texts that speak of its units ({@code
 * {district.many}} in the bundle): an association's page takes its association's country; a
 * platform page the country it was asked for ({@code ?country=SK}, the register import); anything
 * else the platform's home country. Pages write {@code #{terms.text('coverage.byDistrict')}}; Java
 * goes through {@link Texts}, which asks this bean.
 */
@Named("terms")
@RequestScoped
public class CurrentTerms {

  @Inject TenantContext tenants;
  @Inject Countries countries;
  @Inject HttpServletRequest request;

  /** The country whose words a page speaks when it is about none (PLATFORM_COUNTRY). */
  @Inject
  @ConfigProperty(name = "platform.country", defaultValue = "CZ")
  String home;

  private Optional<Country> country;

  /** The country of this request, if the platform knows it. */
  public Optional<Country> country() {
    if (country == null) {
      String code =
          tenants
              .find()
              .map(Tenant::country)
              .orElseGet(
                  () -> {
                    String asked = request.getParameter("country");
                    return asked != null && countries.find(asked).isPresent() ? asked : home;
                  });
      country = countries.find(code);
    }
    return country;
  }

  /** The country's code for a page's form ("" when none is known). */
  public String getCode() {
    return country().map(Country::code).orElse("");
  }

  /** Every country the platform knows, for the register import page. */
  public List<Country> getCountries() {
    return countries.all();
  }

  public Terms in(Locale locale) {
    return country().map(c -> c.terms(locale)).orElseGet(() -> Terms.neutral(locale));
  }

  /** A text of the bundle with this country's terms, in the page's language. */
  public String text(String key) {
    return Texts.of(locale(), in(locale())).text(key);
  }

  /** The same with one argument of the text ({0}). */
  public String text(String key, Object argument) {
    return Texts.of(locale(), in(locale())).text(key, argument);
  }

  private Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces != null && faces.getViewRoot() != null
        ? faces.getViewRoot().getLocale()
        : Locale.forLanguageTag(Languages.of(request));
  }

  /**
   * The terms of the request in progress, for code without injection (static texts); neutral words
   * outside a request.
   */
  static Terms of(Locale locale) {
    try {
      return CDI.current().select(CurrentTerms.class).get().in(locale);
    } catch (ContextNotActiveException | IllegalStateException noRequest) {
      return Terms.neutral(locale);
    }
  }
}
