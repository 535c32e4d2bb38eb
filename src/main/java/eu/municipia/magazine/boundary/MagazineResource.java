package eu.municipia.magazine.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.magazine.control.Archive;
import eu.municipia.magazine.control.Articles;
import eu.municipia.magazine.control.Feeds;
import eu.municipia.magazine.control.MagazineFiles;
import eu.municipia.magazine.control.Reader;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.ArticleForm;
import eu.municipia.magazine.entity.ArticleStatus;
import eu.municipia.magazine.entity.Audience;
import eu.municipia.magazine.entity.Topic;
import eu.municipia.platform.control.Uploads;
import eu.municipia.platform.entity.Page;
import eu.municipia.platform.entity.Refusal;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The magazine for programs: the archive (what the caller may read: the public, members-only
 * articles for the association's members), the feeds, the files; and for its editors and admins,
 * writing articles, moving them through the workflow and uploading their files.
 */
@Path("tenants/{tenant}/magazine")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class MagazineResource {

  @Inject Archive archive;
  @Inject Articles articles;
  @Inject MagazineFiles files;
  @Inject Feeds feeds;
  @Inject CurrentCaller caller;
  @Context HttpServletRequest request;

  /** An article as an editor sends it; {@code version} is the one they read (for changes). */
  public record ArticleBody(
      String title,
      String titleEn,
      String perex,
      String body,
      List<String> topics,
      String audience,
      List<String> municipalities,
      String contactCode,
      String contactOfficialId,
      Boolean sharedWithUnion,
      String leadImageAlt,
      Integer version) {}

  /** A move in the workflow: the status to go to, and when (ISO instant) for SCHEDULED. */
  public record StatusBody(String status, String at) {}

  @GET
  @Path("articles")
  @PermitAll
  public Page<ArticleViews.Summary> list(
      @QueryParam("q") String query,
      @QueryParam("topic") String topic,
      @QueryParam("municipality") String municipality,
      @QueryParam("year") Integer year,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    Page.check(offset, limit);
    Topic chosen = null;
    if (topic != null && !topic.isBlank()) {
      chosen =
          Topic.parse(topic).orElseThrow(() -> Refusal.invalid("topic", "article.error.topics"));
    }
    if (year != null && (year < 2000 || year > 2100)) {
      throw Refusal.invalid("year", "archive.error.year");
    }
    return archive
        .search(new Archive.Filter(query, chosen, municipality, year), reader(null), offset, limit)
        .map(ArticleViews.Summary::of);
  }

  @GET
  @Path("articles/{slug}")
  @PermitAll
  public ArticleViews.Full get(
      @PathParam("slug") String slug, @QueryParam("preview") String preview) {
    Reader reader = reader(preview);
    Article article = articles.find(slug).filter(reader::mayRead).orElseThrow(() -> notFound(slug));
    return full(article);
  }

  @POST
  @Path("articles")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(ArticleBody body) {
    Article article = articles.create(form(body), caller.get());
    return Response.status(Response.Status.CREATED).entity(full(article)).build();
  }

  @PUT
  @Path("articles/{slug}")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public ArticleViews.Full update(@PathParam("slug") String slug, ArticleBody body) {
    if (body == null || body.version() == null) {
      throw Refusal.invalid("version", "article.error.version");
    }
    return full(articles.update(slug, form(body), body.version(), caller.get()));
  }

  @POST
  @Path("articles/{slug}/status")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  public ArticleViews.Full move(@PathParam("slug") String slug, StatusBody body) {
    ArticleStatus target;
    try {
      target = ArticleStatus.valueOf(body == null || body.status() == null ? "" : body.status());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("status", "article.error.status");
    }
    Instant at = null;
    if (body.at() != null && !body.at().isBlank()) {
      try {
        at = Instant.parse(body.at().trim());
      } catch (DateTimeParseException e) {
        throw Refusal.invalid("scheduledFor", "article.error.schedule");
      }
    }
    return full(articles.move(slug, target, at, caller.get()));
  }

  /**
   * Uploads a file of the article as the request body: {@code use} is LEAD_IMAGE, IMAGE or
   * ATTACHMENT, {@code name} the file's name, {@code description} the image's text alternative or
   * the attachment's title. The type is decided from the bytes, not the name or Content-Type.
   */
  @POST
  @Path("articles/{slug}/files")
  @RolesAllowed({Role.EDITOR_NAME, Role.ADMIN})
  @Consumes(MediaType.WILDCARD)
  public Response upload(
      @PathParam("slug") String slug,
      @QueryParam("use") @DefaultValue("ATTACHMENT") String use,
      @QueryParam("name") String name,
      @QueryParam("description") String description,
      @HeaderParam("Content-Length") Long length,
      InputStream content) {
    MagazineFiles.Use chosen;
    try {
      chosen = MagazineFiles.Use.valueOf(use);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("use", "file.error.use");
    }
    long max = files.maxUploadBytes();
    if (length != null && length > max) {
      throw Uploads.tooLarge(max);
    }
    byte[] bytes;
    try (InputStream in = Uploads.capped(content, max)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var file = files.store(slug, bytes, name, description, chosen, caller.get());
    return Response.status(Response.Status.CREATED)
        .entity(ArticleViews.FileView.of(tenant(), file))
        .build();
  }

  /**
   * A file of an article, for whoever may read the article (members-only ones only for members,
   * drafts only for editors or with the preview link): 404 for everyone else. Public files may be
   * cached anywhere; the others only by the reader's browser.
   */
  @GET
  @Path("files/{id}")
  @PermitAll
  @Produces(MediaType.WILDCARD)
  public Response file(
      @PathParam("id") String id,
      @QueryParam("w") @DefaultValue("0") int width,
      @QueryParam("preview") String preview,
      @Context Request http,
      @Context jakarta.servlet.http.HttpServletResponse servletResponse) {
    UUID fileId;
    try {
      fileId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw Refusal.notFound("No such file here.");
    }
    MagazineFiles.Content content = files.read(fileId, width, reader(preview));
    // Bytes have no character set: the app's default (UTF-8, for pages) is not added to them.
    servletResponse.setCharacterEncoding(null);
    EntityTag etag = EntityTag.valueOf(content.data().etag());
    CacheControl cache = new CacheControl();
    if (content.isPublic()) {
      cache.setMaxAge(86_400);
    } else {
      cache.setPrivate(true);
      cache.setMaxAge(300);
    }
    Response.ResponseBuilder notModified = http.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.cacheControl(cache).build();
    }
    String disposition =
        (content.file().isImage() || content.file().mediaType().equals("application/pdf")
                ? "inline"
                : "attachment")
            + "; filename*=UTF-8''"
            + URLEncoder.encode(content.file().filename(), StandardCharsets.UTF_8)
                .replace("+", "%20");
    return Response.ok(content.data().content(), content.data().mediaType())
        .tag(etag)
        .cacheControl(cache)
        .header("Content-Disposition", disposition)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .build();
  }

  @GET
  @Path("feed/rss")
  @PermitAll
  @Produces("application/rss+xml")
  public Response rss() {
    return feed(Feeds.Format.RSS);
  }

  @GET
  @Path("feed/atom")
  @PermitAll
  @Produces("application/atom+xml")
  public Response atom() {
    return feed(Feeds.Format.ATOM);
  }

  private Response feed(Feeds.Format format) {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(feeds.feed(format), format.mediaType() + "; charset=UTF-8")
        .cacheControl(cache)
        .build();
  }

  private ArticleViews.Full full(Article article) {
    return ArticleViews.Full.of(tenant(), article, files.of(article));
  }

  private Reader reader(String preview) {
    return Reader.of(request::isUserInRole, preview);
  }

  private String tenant() {
    return eu.municipia.tenancy.control.TenantResolver.resolved(request)
        .flatMap(r -> r.tenant())
        .map(t -> t.id())
        .orElseThrow();
  }

  private static Refusal notFound(String slug) {
    return Refusal.notFound("No article " + slug + " here.");
  }

  static ArticleForm form(ArticleBody body) {
    ArticleBody b =
        body == null
            ? new ArticleBody(
                null, null, null, null, null, null, null, null, null, null, null, null)
            : body;
    Map<String, String> errors = new LinkedHashMap<>();
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    for (String name : b.topics() == null ? List.<String>of() : b.topics()) {
      Topic.parse(name)
          .ifPresentOrElse(topics::add, () -> errors.put("topics", "article.error.topics"));
    }
    Audience audience = null;
    if (b.audience() != null) {
      try {
        audience = Audience.valueOf(b.audience());
      } catch (IllegalArgumentException e) {
        errors.put("audience", "article.error.audience");
      }
    }
    UUID official = null;
    if (b.contactOfficialId() != null && !b.contactOfficialId().isBlank()) {
      try {
        official = UUID.fromString(b.contactOfficialId());
      } catch (IllegalArgumentException e) {
        errors.put("contact", "article.error.contact");
      }
    }
    ArticleForm form =
        new ArticleForm(
            b.title(),
            b.titleEn(),
            b.perex(),
            b.body(),
            topics,
            audience,
            b.municipalities() == null ? List.of() : new ArrayList<>(b.municipalities()),
            b.contactCode(),
            official,
            Boolean.TRUE.equals(b.sharedWithUnion()),
            b.leadImageAlt());
    form.errors().forEach(errors::putIfAbsent);
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    return form;
  }
}
