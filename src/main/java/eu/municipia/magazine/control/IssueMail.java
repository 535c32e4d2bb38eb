package eu.municipia.magazine.control;

import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.Issue;
import eu.municipia.newsletter.control.NewsletterMail;
import eu.municipia.platform.control.Links;
import eu.municipia.tenancy.entity.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An issue as the newsletter's e-mail: the association's logo and name on its colour, each
 * article's title (linked to its page), perex and image, a link to the issue on the web, and each
 * subscriber's unsubscribe link ({@link NewsletterMail#UNSUBSCRIBE}). Plain text and HTML say the
 * same; e-mail clients ignore style sheets, so the HTML carries its styles inline.
 */
final class IssueMail {

  private IssueMail() {}

  static NewsletterMail render(
      Issue issue,
      List<Article> articles,
      Tenant tenant,
      String color,
      Optional<String> logoTag,
      Links links) {
    Links.Site site = links.of(tenant);
    Links.Site api = links.apiOf(tenant);
    String files = "/api/v1/tenants/" + tenant.id();
    String name = tenant.nameCs();
    String web =
        site.page(
                "/magazine/issue",
                Map.of(
                    "year", Integer.toString(issue.number().year()),
                    "number", Integer.toString(issue.number().number())))
            .toString();
    String subject = name + " – Magazín " + issue.number() + ": " + issue.title();
    StringBuilder text = new StringBuilder();
    text.append(name)
        .append("\nMagazín ")
        .append(issue.number())
        .append(": ")
        .append(issue.title());
    text.append("\n\nWebová verze: ").append(web).append("\n");
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html><html lang=\"cs\"><head><meta charset=\"UTF-8\"><title>")
        .append(escape(subject))
        .append(
            "</title></head><body style=\"margin:0;background:#f4f6f8;font-family:Arial,sans-serif;color:#1b1f23\">")
        .append(
            "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td align=\"center\">")
        .append(
            "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;background:#ffffff\">")
        .append("<tr><td style=\"background:")
        .append(color)
        .append(";color:#ffffff;padding:20px\">");
    // The logo sits on a white tile: it was drawn for the pages' light header, not the colour.
    logoTag.ifPresent(
        tag ->
            html.append(
                    "<p style=\"margin:0 0 12px\"><span style=\"display:inline-block;background:#ffffff;padding:6px\"><img src=\"")
                .append(
                    escape(
                        api.page(files + "/site/logo", Map.of("v", tag.replace("\"", "")))
                            .toString()))
                .append("\" alt=\"")
                .append(escape(name))
                .append(
                    "\" height=\"48\" style=\"display:block;height:48px;width:auto;border:0\"></span></p>"));
    html.append("<p style=\"margin:0;font-size:20px;font-weight:bold\">")
        .append(escape(name))
        .append("</p><p style=\"margin:4px 0 0\">Magazín ")
        .append(escape(issue.number().toString()))
        .append(": ")
        .append(escape(issue.title()))
        .append("</p></td></tr>")
        .append("<tr><td style=\"padding:8px 20px;font-size:13px\"><a href=\"")
        .append(escape(web))
        .append("\" style=\"color:" + color + "\">Zobrazit na webu</a></td></tr>");
    for (Article article : articles) {
      String url = site.page("/magazine/article", Map.of("slug", article.slug())).toString();
      text.append("\n")
          .append(article.title())
          .append("\n")
          .append(article.perex())
          .append("\n")
          .append(url)
          .append("\n");
      html.append("<tr><td style=\"padding:16px 20px;border-top:1px solid #dde3ea\">");
      article
          .leadImageId()
          .ifPresent(
              image ->
                  html.append("<img src=\"")
                      .append(
                          escape(
                              api.page(files + "/magazine/files/" + image, Map.of("w", "1200"))
                                  .toString()))
                      .append("\" alt=\"")
                      .append(escape(article.leadImageAlt()))
                      .append(
                          "\" width=\"560\" style=\"max-width:100%;height:auto;display:block\">"));
      html.append("<h2 style=\"font-size:18px;margin:12px 0 6px\"><a href=\"")
          .append(escape(url))
          .append("\" style=\"color:#1b1f23\">")
          .append(escape(article.title()))
          .append("</a></h2><p style=\"margin:0 0 8px\">")
          .append(escape(article.perex()))
          .append("</p><p style=\"margin:0\"><a href=\"")
          .append(escape(url))
          .append("\" style=\"color:" + color + "\">Číst celý článek</a></p></td></tr>");
    }
    text.append("\n--\nZpravodaj vám posílá ")
        .append(name)
        .append(". Odběr zrušíte zde: ")
        .append(NewsletterMail.UNSUBSCRIBE)
        .append("\n");
    html.append(
            "<tr><td style=\"padding:16px 20px;font-size:13px;color:#4a5058;border-top:1px solid #dde3ea\">")
        .append("Zpravodaj vám posílá ")
        .append(escape(name))
        .append(". <a href=\"")
        .append(NewsletterMail.UNSUBSCRIBE)
        .append(
            "\" style=\"color:"
                + color
                + "\">Zrušit odběr</a></td></tr></table></td></tr></table></body></html>");
    return new NewsletterMail(subject, text.toString(), html.toString());
  }

  static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
