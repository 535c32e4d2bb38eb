package eu.municipia.union.control;

import eu.municipia.platform.entity.Refusal;
import java.util.List;

/**
 * The union's tables of figures: each is one database function {@code union_<name>(first_year,
 * last_year)} that answers rows of (association, year, figures…), the association NULL for the
 * total. A figure of another feature (events held, participants, articles published and shared) is
 * one more function in that feature's migration (see V100__union_figures.sql) and one more constant
 * here (the API, its spreadsheet and the dashboard's table and chart follow from it) naming the
 * figure its chart draws and its columns in the function's order.
 */
public enum UnionTable {
  MEMBERS(
      "union_members",
      "sharePercent",
      "municipalities",
      "organizations",
      "population",
      "regionPopulation",
      "sharePercent",
      "joined",
      "left"),
  COVERAGE(
      "union_coverage",
      "municipalitiesCovered",
      "municipalitiesCovered",
      "municipalitiesNotCovered",
      "districtsFully",
      "districtsPartly",
      "districtsNot"),
  DUES("union_dues", "paid", "billed", "paid", "membersWithoutPopulation"),
  /** Events held, people who came (checked in, else who held a place), municipalities reached. */
  EVENTS("union_events", "participants", "events", "participants", "municipalitiesReached"),
  /** Articles published, and of them shared with the union (members-only ones as numbers only). */
  ARTICLES("union_articles", "published", "published", "shared"),
  RESOLUTIONS("union_resolutions", "adopted", "adopted", "rejected");

  private final String function;
  private final String chartFigure;
  private final List<String> figures;

  UnionTable(String function, String chartFigure, String... figures) {
    this.function = function;
    this.chartFigure = chartFigure;
    this.figures = List.of(figures);
  }

  /** The table of this name ("members"); refuses an unknown name as not found. */
  public static UnionTable byId(String id) {
    return java.util.Arrays.stream(values())
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("The union has no table " + id + "."));
  }

  /** The figure the dashboard's chart of this table draws over the years. */
  public String chartFigure() {
    return chartFigure;
  }

  /** The table's name in the API and in file names: "members". */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The names of the figures after association and year, in the function's order. */
  public List<String> figures() {
    return figures;
  }

  String query() {
    // The function name is a constant of this enum, never input.
    return "SELECT * FROM " + function + "(?1, ?2)";
  }
}
