package eu.municipia.magazine.control;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import eu.municipia.magazine.entity.Article;
import eu.municipia.platform.control.Links;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The archive's RSS 2.0 and Atom 1.0 feeds, made by Rome: the latest public articles with their
 * full text (members-only articles never appear, whoever asks). Links are absolute ({@link Links},
 * never the Host header), images in the text too.
 */
@ApplicationScoped
@Transactional
public class Feeds {

  /** How many articles a feed carries. */
  static final int SIZE = 20;

  public enum Format {
    RSS("rss_2.0", "application/rss+xml"),
    ATOM("atom_1.0", "application/atom+xml");

    private final String romeType;
    private final String mediaType;

    Format(String romeType, String mediaType) {
      this.romeType = romeType;
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  @Inject Archive archive;
  @Inject Articles articles;
  @Inject TenantContext tenants;
  @Inject Links links;

  public String feed(Format format) {
    Tenant tenant = tenants.current();
    Links.Site site = links.of(tenant);
    String root = links.platform().root().toString();
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(format.romeType);
    feed.setTitle(tenant.nameCs() + " – Magazín");
    feed.setLink(site.page("/magazine").toString());
    feed.setUri(site.page("/magazine").toString());
    feed.setDescription("Magazín dobré praxe: " + tenant.nameCs());
    feed.setLanguage("cs");
    List<SyndEntry> entries = new ArrayList<>();
    Date newest = null;
    for (Archive.Item item :
        archive.search(Archive.Filter.NONE, Reader.ANONYMOUS, 0, SIZE).items()) {
      String body = body(item);
      if (body == null) {
        continue;
      }
      SyndEntry entry = new SyndEntryImpl();
      entry.setTitle(item.title());
      String link =
          item.shared()
              ? site.page("/magazine/article", Map.of("slug", item.slug(), "from", item.source()))
                  .toString()
              : site.page("/magazine/article", Map.of("slug", item.slug())).toString();
      entry.setLink(link);
      entry.setUri(link);
      Date published = Date.from(item.publishedAt());
      entry.setPublishedDate(published);
      entry.setUpdatedDate(item.revisedAt() == null ? published : Date.from(item.revisedAt()));
      SyndContent description = new SyndContentImpl();
      description.setType("text/plain");
      description.setValue(item.perex());
      entry.setDescription(description);
      SyndContent content = new SyndContentImpl();
      content.setType("text/html");
      content.setValue(absolute(body, root));
      entry.setContents(List.of(content));
      entry.setCategories(
          item.topics().stream()
              .map(
                  t -> {
                    var category = new com.rometools.rome.feed.synd.SyndCategoryImpl();
                    category.setName(t.name().toLowerCase(Locale.ROOT));
                    return (com.rometools.rome.feed.synd.SyndCategory) category;
                  })
              .toList());
      entries.add(entry);
      if (newest == null || entry.getUpdatedDate().after(newest)) {
        newest = entry.getUpdatedDate();
      }
    }
    feed.setEntries(entries);
    feed.setPublishedDate(newest == null ? new Date(0) : newest);
    try {
      return new SyndFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("The feed could not be written", e);
    }
  }

  private String body(Archive.Item item) {
    if (item.shared()) {
      return archive
          .shared(item.source(), item.slug())
          .map(Archive.SharedArticle::body)
          .orElse(null);
    }
    return articles.find(item.slug()).map(Article::body).orElse(null);
  }

  /** The text with the addresses of its images made absolute, for readers outside the site. */
  static String absolute(String html, String root) {
    return html.replace("src=\"/api/", "src=\"" + root + "/api/");
  }
}
