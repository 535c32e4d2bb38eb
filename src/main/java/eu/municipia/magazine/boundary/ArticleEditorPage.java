package eu.municipia.magazine.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.magazine.control.Articles;
import eu.municipia.magazine.control.MagazineFiles;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.ArticleForm;
import eu.municipia.magazine.entity.ArticleStatus;
import eu.municipia.magazine.entity.Audience;
import eu.municipia.magazine.entity.MagazineFile;
import eu.municipia.magazine.entity.Topic;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An editor's page of one article (/{tenant}/editor/article?slug=…; without slug, a new one): the
 * text in the rich-text editor (a plain text area without script), topics, audience, the
 * municipalities it is about, the contact for the solution, sharing with the union; its lead image,
 * images and attachments; its workflow. Every problem shows beside its field and nothing typed is
 * lost.
 */
@Named
@ViewScoped
public class ArticleEditorPage implements Serializable {

  static final String FORM = "article";
  static final String FILES = "files";
  static final String WORKFLOW = "workflow";

  @Inject Articles articles;
  @Inject MagazineFiles files;
  @Inject CurrentCaller caller;
  @Inject Shell shell;
  @Inject TenantContext tenants;
  @Inject Links links;

  private String slug;
  private int version;
  private String title;
  private String titleEn;
  private String perex;
  private String body;
  private List<String> topics = new ArrayList<>();
  private String audience = Audience.PUBLIC.name();
  private String municipalities;
  private String contact;
  private boolean sharedWithUnion;
  private String leadImageAlt;
  private String scheduledFor;

  @PostConstruct
  void init() {
    Map<String, String> params =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    String asked = params.get("slug");
    if (asked != null && !asked.isBlank()) {
      articles.find(asked.trim()).ifPresent(this::fill);
    }
    if (slug != null && params.containsKey("stored")) {
      // static/article-files.js came back from the upload.
      FormMessages.info("file.stored");
    }
  }

  private void fill(Article a) {
    slug = a.slug();
    version = a.version();
    title = a.title();
    titleEn = a.titleEn().orElse(null);
    perex = a.perex();
    body = a.body();
    topics = new ArrayList<>(a.topicNames());
    audience = a.audience().name();
    municipalities = String.join(", ", a.municipalities());
    contact =
        a.contactCode().isPresent() && a.contactOfficialId().isPresent()
            ? a.contactCode().get() + "|" + a.contactOfficialId().get()
            : "";
    sharedWithUnion = a.sharedWithUnion();
    leadImageAlt = a.leadImageAlt();
  }

  /** The article shown, read afresh (its status, files and preview link change under us). */
  public Article getArticle() {
    return slug == null ? null : articles.find(slug).orElse(null);
  }

  public boolean isNew() {
    return slug == null;
  }

  public String save() {
    ArticleForm form;
    try {
      form = form();
    } catch (Refusal e) {
      FormMessages.show(FORM, e);
      return null;
    }
    FormMessages.show(FORM, form.errors());
    if (FormMessages.hasErrors()) {
      return null;
    }
    try {
      if (slug == null) {
        Article created = articles.create(form, caller.get());
        FormMessages.info("article.created");
        FormMessages.keepForRedirect();
        return redirectTo(created.slug());
      }
      Article saved = articles.update(slug, form, version, caller.get());
      fill(saved);
      FormMessages.info("article.saved");
    } catch (Refusal e) {
      FormMessages.show(FORM, e);
    }
    return null;
  }

  public String submitForReview() {
    return move(ArticleStatus.IN_REVIEW, null, "article.moved.IN_REVIEW");
  }

  public String returnToDraft() {
    return move(ArticleStatus.DRAFT, null, "article.moved.DRAFT");
  }

  public String publish() {
    return move(ArticleStatus.PUBLISHED, null, "article.moved.PUBLISHED");
  }

  public String archive() {
    return move(ArticleStatus.ARCHIVED, null, "article.moved.ARCHIVED");
  }

  public String schedule() {
    Instant at;
    try {
      at =
          LocalDateTime.parse(scheduledFor == null ? "" : scheduledFor.trim())
              .atZone(eu.municipia.magazine.control.Archive.ZONE)
              .toInstant();
    } catch (DateTimeParseException e) {
      FormMessages.fieldError(WORKFLOW, "scheduledFor", "article.error.schedule");
      return null;
    }
    return move(ArticleStatus.SCHEDULED, at, "article.moved.SCHEDULED");
  }

  private String move(ArticleStatus target, Instant at, String done) {
    try {
      Article moved = articles.move(slug, target, at, caller.get());
      version = moved.version();
      FormMessages.info(done);
    } catch (Refusal e) {
      FormMessages.show(WORKFLOW, e);
    }
    return null;
  }

  public String renewPreview() {
    articles.renewPreview(slug, caller.get());
    FormMessages.info("article.preview.renewed");
    return null;
  }

  public String removeFile(String fileId) {
    try {
      files.remove(slug, UUID.fromString(fileId), caller.get());
      Article now = articles.require(slug);
      version = now.version();
      leadImageAlt = now.leadImageAlt();
      FormMessages.info("file.removed");
    } catch (Refusal | IllegalArgumentException e) {
      FormMessages.error("file.error.remove");
    }
    return null;
  }

  public List<MagazineFile> getFiles() {
    Article article = getArticle();
    return article == null ? List.of() : files.of(article);
  }

  /** Where static/article-files.js sends this article's uploads. */
  public String getFilesApi() {
    return slug == null
        ? null
        : FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
            + "/api/v1/tenants/"
            + tenants.current().id()
            + "/magazine/articles/"
            + URLEncoder.encode(slug, StandardCharsets.UTF_8)
            + "/files";
  }

  public String fileUrl(MagazineFile file) {
    return ArticleViews.fileUrl(tenants.current().id(), file.id());
  }

  /** The image's address as the text uses it (width for the text column). */
  public String imageSrc(MagazineFile file) {
    return fileUrl(file) + "?w=" + MagazineFile.LARGE;
  }

  public String getPreviewUrl() {
    Article article = getArticle();
    return article == null
        ? null
        : links
            .of(tenants.current())
            .page(
                "/magazine/article",
                Map.of("slug", article.slug(), "preview", article.previewToken()))
            .toString();
  }

  public boolean may(String status) {
    Article article = getArticle();
    return article != null && article.status().mayMoveTo(ArticleStatus.valueOf(status));
  }

  public List<Topic> getAllTopics() {
    return Arrays.asList(Topic.values());
  }

  public List<Articles.ContactChoice> getContactChoices() {
    return articles.contactChoices();
  }

  public boolean isUnionMember() {
    return tenants.current().parent().isPresent();
  }

  public boolean invalid(String form, String field) {
    return FormMessages.invalid(form, field);
  }

  private ArticleForm form() {
    Set<Topic> chosen = EnumSet.noneOf(Topic.class);
    topics.forEach(t -> Topic.parse(t).ifPresent(chosen::add));
    Audience who = null;
    try {
      who = audience == null ? null : Audience.valueOf(audience);
    } catch (IllegalArgumentException e) {
      // left null: the form says the audience is required
    }
    String code = null;
    UUID official = null;
    if (contact != null && contact.contains("|")) {
      code = contact.substring(0, contact.indexOf('|'));
      try {
        official = UUID.fromString(contact.substring(contact.indexOf('|') + 1));
      } catch (IllegalArgumentException e) {
        code = null;
      }
    }
    List<String> codes =
        articles.municipalityCodes(municipalities, tenants.current().region().orElse(null));
    return new ArticleForm(
        title,
        titleEn,
        perex,
        body,
        chosen,
        who,
        codes,
        code,
        official,
        sharedWithUnion,
        leadImageAlt);
  }

  private String redirectTo(String newSlug) {
    try {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(shell.url("/editor/article?slug=" + newSlug));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  public String getSlug() {
    return slug;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getTitleEn() {
    return titleEn;
  }

  public void setTitleEn(String titleEn) {
    this.titleEn = titleEn;
  }

  public String getPerex() {
    return perex;
  }

  public void setPerex(String perex) {
    this.perex = perex;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public List<String> getTopics() {
    return topics;
  }

  public void setTopics(List<String> topics) {
    this.topics = topics == null ? new ArrayList<>() : new ArrayList<>(topics);
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public String getMunicipalities() {
    return municipalities;
  }

  public void setMunicipalities(String municipalities) {
    this.municipalities = municipalities;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }

  public boolean isSharedWithUnion() {
    return sharedWithUnion;
  }

  public void setSharedWithUnion(boolean sharedWithUnion) {
    this.sharedWithUnion = sharedWithUnion;
  }

  public String getLeadImageAlt() {
    return leadImageAlt;
  }

  public void setLeadImageAlt(String leadImageAlt) {
    this.leadImageAlt = leadImageAlt;
  }

  public String getScheduledFor() {
    return scheduledFor;
  }

  public void setScheduledFor(String scheduledFor) {
    this.scheduledFor = scheduledFor;
  }
}
