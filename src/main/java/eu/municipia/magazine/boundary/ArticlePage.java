package eu.municipia.magazine.boundary;

import eu.municipia.magazine.control.Archive;
import eu.municipia.magazine.control.Articles;
import eu.municipia.magazine.control.MagazineFiles;
import eu.municipia.magazine.control.Reader;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.Audience;
import eu.municipia.magazine.entity.MagazineFile;
import eu.municipia.magazine.entity.Topic;
import eu.municipia.membership.entity.Official;
import eu.municipia.municipalities.control.Register;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An article's page (/{tenant}/magazine/article?slug=…, with {@code from=} for one an association
 * shared with this union, {@code preview=} for an editor's private preview): its text, images and
 * attachments, Open Graph tags for sharing, and the contact for the solution (the person for
 * members, "contact us" for everyone else). An article the reader may not read does not exist
 * (404), whether members-only, unpublished or another association's.
 */
@Named
@RequestScoped
public class ArticlePage {

  @Inject Articles articles;
  @Inject Archive archive;
  @Inject MagazineFiles files;
  @Inject Register register;
  @Inject SiteProfiles profiles;
  @Inject TenantContext tenants;
  @Inject Links links;
  @Inject Shell shell;
  @Inject HttpServletRequest request;

  private Article article;
  private Archive.SharedArticle shared;
  private Reader reader;

  /** Runs before the page renders (f:viewAction): unknown or unreadable articles answer 404. */
  public void load() throws IOException {
    reader = MagazinePages.reader(request);
    String slug = request.getParameter("slug");
    String from = request.getParameter("from");
    if (from != null && !from.isBlank()) {
      shared = archive.shared(from.trim(), slug).orElse(null);
    } else {
      article = articles.find(slug).filter(reader::mayRead).orElse(null);
    }
    if (article == null && shared == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      ExternalContext external = faces.getExternalContext();
      external.responseSendError(404, "No such article here.");
      faces.responseComplete();
    }
  }

  public boolean isShared() {
    return shared != null;
  }

  /** The association the article belongs to (this one, or the one that shared it). */
  public String getSource() {
    return shared != null ? shared.source() : tenants.current().id();
  }

  public String getTitle() {
    if (shared != null) {
      return "en".equals(shell.getLanguage()) && shared.titleEn() != null
          ? shared.titleEn()
          : shared.title();
    }
    return article.title(shell.getLocale());
  }

  public String getPerex() {
    return shared != null ? shared.perex() : article.perex();
  }

  /** The text: sanitized on every save, so it is shown as HTML. */
  public String getBody() {
    return shared != null ? shared.body() : article.body();
  }

  public Set<Topic> getTopics() {
    return shared != null ? shared.topics() : article.topics();
  }

  public Instant getPublishedAt() {
    return shared != null ? shared.publishedAt() : article.publishedAt().orElse(null);
  }

  public Instant getRevisedAt() {
    return shared != null ? shared.revisedAt() : article.revisedAt().orElse(null);
  }

  public boolean isMembersOnly() {
    return article != null && article.audience() == Audience.MEMBERS;
  }

  /** Shown to editors and preview readers: the article is not (yet) public. */
  public boolean isNotPublished() {
    return article != null && !article.isReadableBy(true);
  }

  public String getStatusKey() {
    return article == null ? "" : article.status().key();
  }

  public boolean isPreview() {
    return article != null && reader.previews(article);
  }

  public UUID getLeadImage() {
    return shared != null ? shared.leadImageId() : article.leadImageId().orElse(null);
  }

  public String getLeadImageAlt() {
    return shared != null ? shared.leadImageAlt() : article.leadImageAlt();
  }

  /** An image's address, with the preview link where the reader came with one. */
  public String image(int width) {
    UUID id = getLeadImage();
    if (id == null) {
      return null;
    }
    String url = ArticleViews.fileUrl(getSource(), id) + "?w=" + width;
    return isPreview() ? url + "&preview=" + article.previewToken() : url;
  }

  public List<MagazineFile> getAttachments() {
    return article == null
        ? List.of()
        : files.of(article).stream().filter(MagazineFile::isAttachment).toList();
  }

  public String fileUrl(MagazineFile file) {
    String url = ArticleViews.fileUrl(getSource(), file.id());
    return isPreview() ? url + "?preview=" + article.previewToken() : url;
  }

  /** The member municipalities the article is about, by name. */
  public List<String> getMunicipalities() {
    return article == null
        ? List.of()
        : article.municipalities().stream()
            .map(code -> register.entry("CZ", code).map(Register.Entry::name).orElse(code))
            .toList();
  }

  public String getMunicipalitiesText() {
    return String.join(", ", getMunicipalities());
  }

  /** "PDF, 120 kB" */
  public String fileFacts(MagazineFile file) {
    return file.fileType().extension().toUpperCase(java.util.Locale.ROOT)
        + ", "
        + Math.max(1, file.size() / 1024)
        + " kB";
  }

  public boolean isHasContact() {
    return article != null && article.contactCode().isPresent();
  }

  /** The contact person, for the association's members only. */
  public Optional<Official> getContact() {
    return article != null && reader.member() ? articles.contact(article) : Optional.empty();
  }

  public String getContactMunicipality() {
    return article == null
        ? ""
        : article
            .contactCode()
            .flatMap(code -> register.entry("CZ", code).map(Register.Entry::name))
            .orElse("");
  }

  /** Where the public writes about the solution: the association's e-mail, else its home page. */
  public String getContactUsUrl() {
    return profiles
        .current()
        .contactEmail()
        .map(email -> "mailto:" + email)
        .orElseGet(() -> shell.url("/accessibility"));
  }

  /** The absolute address of this page and its image, for Open Graph. */
  public String getCanonicalUrl() {
    Links.Site site = links.of(tenants.current());
    return shared != null
        ? site.page("/magazine/article", Map.of("slug", shared.slug(), "from", shared.source()))
            .toString()
        : site.page("/magazine/article", Map.of("slug", article.slug())).toString();
  }

  public String getOgImage() {
    UUID id = getLeadImage();
    return id == null || isNotPublished()
        ? null
        // A shared article's image is the source association's: on this one's custom domain an
        // API path naming another association finds nothing, so it comes from the platform.
        : (shared == null ? links.apiOf(tenants.current()) : links.platform()).root()
            + ArticleViews.fileUrl(getSource(), id)
            + "?w=1200";
  }

  public String getSourceName() {
    return shared == null
        ? shell.getTenantName()
        : "en".equals(shell.getLanguage()) ? shared.sourceNameEn() : shared.sourceNameCs();
  }
}
