package eu.municipia.magazine.boundary;

import eu.municipia.magazine.control.Archive;
import eu.municipia.magazine.control.Reader;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the magazine's pages share: dates in the reader's language, the addresses of articles and of
 * their images, the name of the association an article comes from. Named, so views call it as
 * {@code magazinePages}.
 */
@Named
@ApplicationScoped
public class MagazinePages {

  @Inject TenantDirectory tenants;

  /** The reader of this request (roles in this association, an article's preview link). */
  static Reader reader(HttpServletRequest request) {
    return Reader.of(request::isUserInRole, request.getParameter("preview"));
  }

  public String date(Instant instant, Locale locale) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .format(instant.atZone(Archive.ZONE));
  }

  /** The ISO date for a {@code <time datetime>}. */
  public String isoDate(Instant instant) {
    return instant == null ? "" : instant.atZone(Archive.ZONE).toLocalDate().toString();
  }

  /** The image of a file in a width (480 for cards, 1200 for the article). */
  public String image(String tenant, UUID file, int width) {
    return file == null ? null : ArticleViews.fileUrl(tenant, file) + "?w=" + width;
  }

  /** The page of an article in the archive: the association's own, or a shared one. */
  public String articleUrl(Shell shell, Archive.Item item) {
    return shell.url(
        "/magazine/article?slug=" + item.slug() + (item.shared() ? "&from=" + item.source() : ""));
  }

  /** The name of the association (by slug) in the reader's language. */
  public String associationName(String slug, Locale locale) {
    return tenants.bySlug(slug).map(t -> t.name(locale)).orElse(slug);
  }

  public String title(Archive.Item item, Locale locale) {
    return "en".equals(locale.getLanguage()) && item.titleEn() != null
        ? item.titleEn()
        : item.title();
  }

  static Map<String, String> none() {
    return Map.of();
  }

  static boolean isUnion(Tenant tenant) {
    return tenant.kind() == Tenant.Kind.UNION;
  }
}
