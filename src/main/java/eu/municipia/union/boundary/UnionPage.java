package eu.municipia.union.boundary;

import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.union.control.UnionFigures;
import eu.municipia.union.control.UnionTable;
import eu.municipia.union.entity.YearRange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The union's dashboard (/{union}/union?from=&amp;to=): each table of figures per child association
 * and in total, per year, with its spreadsheet; a chart beside each table draws the same numbers
 * (static/union-charts.js). A GET form, so every view is a link; years that are not years are
 * refused beside their field and the default years are shown instead.
 */
@Named
@RequestScoped
public class UnionPage {

  @Inject UnionFigures figures;
  @Inject TenantContext tenants;
  @Inject HttpServletRequest request;

  private List<UnionFigures.Table> tables;
  private Map<String, String> errors;
  private YearRange years;

  /** One table with the names of its associations. */
  public record Shown(UnionFigures.Table data, Map<String, String> names) {
    /** The figure the table's chart draws. */
    public String chartFigure() {
      return UnionTable.byId(data.table()).chartFigure();
    }

    public String name(UnionFigures.Row row) {
      return row.total() ? null : names.getOrDefault(row.association(), row.association());
    }
  }

  public String getFrom() {
    String v = request.getParameter("from");
    return v == null ? String.valueOf(years().first()) : v;
  }

  public String getTo() {
    String v = request.getParameter("to");
    return v == null ? String.valueOf(years().last()) : v;
  }

  /** Field name to message key. */
  public Map<String, String> getErrors() {
    years();
    return errors;
  }

  public List<Shown> getTables() {
    if (tables == null) {
      tables = Arrays.stream(UnionTable.values()).map(t -> figures.table(t, years())).toList();
    }
    boolean english = "en".equals(request.getLocale().getLanguage());
    Map<String, String> names =
        figures.associations().stream()
            .collect(
                Collectors.toMap(
                    UnionFigures.Association::slug, a -> english ? a.nameEn() : a.nameCs()));
    return tables.stream().map(t -> new Shown(t, names)).toList();
  }

  /** Where the spreadsheet of a table is, for the years shown. */
  public String csvUrl(String table) {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + tenants.current().id()
        + "/union/"
        + table
        + ".csv?from="
        + years().first()
        + "&to="
        + years().last();
  }

  private YearRange years() {
    if (years == null) {
      errors = new java.util.LinkedHashMap<>();
      YearRange asked = new YearRange(year("from"), year("to")).or(figures.defaultYears());
      errors.putAll(asked.errors());
      years = errors.isEmpty() ? asked : figures.defaultYears();
    }
    return years;
  }

  private Integer year(String field) {
    String v = request.getParameter(field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
