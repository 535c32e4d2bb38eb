package eu.municipia.magazine.boundary;

import eu.municipia.magazine.control.Archive;
import eu.municipia.magazine.control.Issues;
import eu.municipia.magazine.entity.Issue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/** The magazine on an association's home page: its latest articles and its current issue. */
@Named
@RequestScoped
public class HomeMagazine {

  static final int LATEST = 3;

  @Inject Archive archive;
  @Inject Issues issues;
  @Inject HttpServletRequest request;

  private List<Archive.Item> latest;
  private Optional<Issue> currentIssue;

  public List<Archive.Item> getLatest() {
    if (latest == null) {
      latest =
          archive.search(Archive.Filter.NONE, MagazinePages.reader(request), 0, LATEST).items();
    }
    return latest;
  }

  /** Read once per page: the page asks for it six times (it read every issue each time). */
  public Optional<Issue> getCurrentIssue() {
    if (currentIssue == null) {
      currentIssue = issues.latestPublished();
    }
    return currentIssue;
  }
}
