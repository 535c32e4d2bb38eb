package eu.municipia.magazine.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.magazine.control.Archive;
import eu.municipia.magazine.control.Articles;
import eu.municipia.magazine.control.Issues;
import eu.municipia.magazine.control.Reader;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.ArticleStatus;
import eu.municipia.magazine.entity.Audience;
import eu.municipia.magazine.entity.Issue;
import eu.municipia.newsletter.control.Newsletters;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Page;
import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pages of numbered issues: the public list (/{tenant}/magazine/issues) and one issue
 * (/magazine/issue?year=&number=); for the editors, the list with a form for a new issue
 * (/editor/issues) and one issue (/editor/issue?year=&number=): its articles in order, the
 * recipient count, the test send, publishing (which sends it) and the send's progress.
 */
@Named
@RequestScoped
public class IssuePages {

  static final String NEW = "newIssue";
  static final String EDIT = "issue";

  @Inject Issues issues;
  @Inject Articles articles;
  @Inject Archive archive;
  @Inject CurrentCaller caller;
  @Inject HttpServletRequest request;
  @Inject eu.municipia.platform.boundary.Shell shell;

  private String newNumber;
  private String newTitle;
  private String title;
  private List<String> chosen;
  private Issue issue;
  private boolean looked;

  public List<Issue> getPublished() {
    return issues.published();
  }

  public List<Issue> getAll() {
    return issues.all();
  }

  /** The issue the address names (?year=&number=), if there is one. */
  public Issue getIssue() {
    if (!looked) {
      looked = true;
      try {
        issue =
            issues
                .find(
                    new Issue.Number(
                        Integer.parseInt(param("year")), Integer.parseInt(param("number"))))
                .orElse(null);
      } catch (NumberFormatException | Refusal e) {
        issue = null;
      }
    }
    return issue;
  }

  /** The public issue page: an issue not yet published does not exist (404). */
  public void loadPublished() throws IOException {
    if (getIssue() == null || !getIssue().isPublished()) {
      notFound();
    }
  }

  /** The editor's issue page: 404 for an unknown number. */
  public void loadAny() throws IOException {
    if (getIssue() == null) {
      notFound();
    }
  }

  public List<Article> getArticles() {
    return getIssue() == null ? List.of() : issues.articlesOf(getIssue());
  }

  /** The published public articles an issue may take, newest first, for the editor's choice. */
  public List<Archive.Item> getCandidates() {
    Page<Archive.Item> page =
        archive.search(Archive.Filter.NONE, new Reader(false, false, null), 0, 200);
    return page.items().stream().filter(i -> !i.shared()).toList();
  }

  public long getRecipients() {
    return issues.recipientCount();
  }

  public Optional<Newsletters.Progress> getProgress() {
    return getIssue() == null ? Optional.empty() : issues.progress(getIssue().number());
  }

  public String create() {
    try {
      Issue made = issues.create(Issue.Number.parse(newNumber), newTitle, caller.get());
      FormMessages.info("issue.created", made.number().toString());
      FormMessages.keepForRedirect();
      return redirect(made.number());
    } catch (Refusal e) {
      FormMessages.show(NEW, e);
      return null;
    }
  }

  public String save() {
    try {
      issues.arrange(getIssue().number(), title(), chosen(), caller.get());
      // The answer shows the issue as saved: read it again (this request read it before).
      looked = false;
      FormMessages.info("issue.saved");
    } catch (Refusal e) {
      FormMessages.show(EDIT, e);
    }
    return null;
  }

  public String test() {
    try {
      issues.test(getIssue().number(), caller.get());
      FormMessages.info("issue.tested", caller.get().email());
    } catch (Refusal e) {
      FormMessages.error(e.fields().values().stream().findFirst().orElse(e.getMessage()));
    }
    return null;
  }

  public String publish() {
    try {
      var send = issues.publish(getIssue().number(), caller.get());
      FormMessages.info("issue.sending", send.recipients());
      FormMessages.keepForRedirect();
      return redirect(getIssue().number());
    } catch (Refusal e) {
      FormMessages.error(e.fields().values().stream().findFirst().orElse(e.getMessage()));
      return null;
    }
  }

  public boolean invalid(String form, String field) {
    return FormMessages.invalid(form, field);
  }

  /** The editor's choice: the issue's articles first, in order; posted values when there are. */
  public List<String> getChosen() {
    if (chosen == null) {
      chosen = new ArrayList<>(getArticles().stream().map(Article::slug).toList());
    }
    return chosen;
  }

  public void setChosen(List<String> chosen) {
    this.chosen = chosen == null ? new ArrayList<>() : new ArrayList<>(chosen);
  }

  private List<String> chosen() {
    return getChosen();
  }

  private String title() {
    return title != null ? title : getIssue().title();
  }

  public String getTitle() {
    return title != null ? title : getIssue() == null ? "" : getIssue().title();
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getNewNumber() {
    return newNumber;
  }

  public void setNewNumber(String newNumber) {
    this.newNumber = newNumber;
  }

  public String getNewTitle() {
    return newTitle;
  }

  public void setNewTitle(String newTitle) {
    this.newTitle = newTitle;
  }

  public boolean isPublic(Article article) {
    return article.audience() == Audience.PUBLIC && article.status() == ArticleStatus.PUBLISHED;
  }

  /** After a change, the issue's page by GET (post, redirect, get), its notices kept. */
  private String redirect(Issue.Number number) {
    try {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(
              shell.url("/editor/issue?year=" + number.year() + "&number=" + number.number()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return null;
  }

  private String param(String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value.trim();
  }

  private static void notFound() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().responseSendError(404, "No such issue here.");
    faces.responseComplete();
  }
}
