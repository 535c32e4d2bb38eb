package eu.municipia.magazine.boundary;

import eu.municipia.magazine.control.Archive;
import eu.municipia.magazine.control.Reader;
import eu.municipia.magazine.entity.Topic;
import eu.municipia.municipalities.control.Register;
import eu.municipia.platform.boundary.Pager;
import eu.municipia.platform.entity.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public archive (/{tenant}/magazine?q=&topic=&municipality=&year=&page=): a GET form, so each
 * search is a link to share; the reader sees what they may read (members-only articles once they
 * are logged in as a member).
 */
@Named
@RequestScoped
public class ArchivePage {

  static final int PAGE_SIZE = 12;

  @Inject Archive archive;
  @Inject Register register;
  @Inject HttpServletRequest request;

  private Pager<Archive.Item> pager;
  private Reader reader;

  @PostConstruct
  void init() {
    pager = Pager.of(request, PAGE_SIZE, "q", "topic", "municipality", "year");
    reader = MagazinePages.reader(request);
  }

  public Page<Archive.Item> getResult() {
    Archive.Filter filter =
        new Archive.Filter(
            getQuery(), Topic.parse(getTopic()).orElse(null), getMunicipality(), year());
    return pager.load((offset, limit) -> archive.search(filter, reader, offset, limit));
  }

  public Pager<Archive.Item> getPager() {
    getResult();
    return pager;
  }

  public String getQuery() {
    return param("q");
  }

  public String getTopic() {
    return param("topic");
  }

  public String getMunicipality() {
    return param("municipality");
  }

  public String getYear() {
    return param("year");
  }

  private Integer year() {
    String year = getYear();
    return year.matches("20[0-9]{2}") ? Integer.valueOf(year) : null;
  }

  public List<Topic> getTopics() {
    return Arrays.asList(Topic.values());
  }

  public List<Integer> getYears() {
    return archive.years(reader);
  }

  /** The member municipalities the articles are about: code to name, sorted by name. */
  public Map<String, String> getMunicipalities() {
    Map<String, String> byName = new TreeMap<>();
    for (String code : archive.municipalities(reader)) {
      register.entry("CZ", code).ifPresent(e -> byName.put(e.name() + "\u0000" + code, code));
    }
    Map<String, String> result = new java.util.LinkedHashMap<>();
    byName.forEach((key, code) -> result.put(code, key.substring(0, key.indexOf('\u0000'))));
    return result;
  }

  public boolean isFiltered() {
    return !getQuery().isEmpty()
        || !getTopic().isEmpty()
        || !getMunicipality().isEmpty()
        || year() != null;
  }

  private String param(String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value.trim();
  }
}
