package eu.municipia.union.boundary;

import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.control.MapTiles;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.union.control.UnionFigures;
import eu.municipia.union.control.UnionMap;
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
 *
 * <p>The map of the country (?association=&amp;district=): every district with its members (of one
 * association, or of any), and a district's member municipalities; static/union-map.js draws the
 * same on a map (each municipality coloured by its association) and lists a district's members in
 * place when one is clicked. An unknown association is named beside its field and all are shown.
 */
@Named
@RequestScoped
public class UnionPage {

  @Inject UnionFigures figures;
  @Inject UnionMap map;
  @Inject MapTiles tiles;
  @Inject TenantContext tenants;
  @Inject HttpServletRequest request;
  @Inject Shell shell;

  /** Colours of the associations on the map, in the legend's order (site.css: .swatch-0 …). */
  static final List<String> COLOURS =
      List.of(
          "#0b4f8a", "#c0392b", "#1e8449", "#8e44ad", "#d35400", "#117a65", "#b7950b", "#5d6d7e");

  private List<Legend> legend;
  private String association;
  private Map<String, String> mapErrors;
  private List<UnionMap.District> districts;
  private List<UnionMap.Municipality> districtMembers;

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
    boolean english = english();
    Map<String, String> names =
        figures.associations().stream()
            .collect(
                Collectors.toMap(
                    UnionFigures.Association::slug, a -> english ? a.nameEn() : a.nameCs()));
    return tables.stream().map(t -> new Shown(t, names)).toList();
  }

  /** An association on the map: its colour (none beyond the palette's repeats) and name. */
  public record Legend(String slug, String name, int index, String colour) {}

  /** The child associations with their colours, by slug. */
  public List<Legend> getLegend() {
    if (legend == null) {
      boolean english = english();
      List<UnionFigures.Association> all =
          figures.associations().stream()
              .sorted(java.util.Comparator.comparing(UnionFigures.Association::slug))
              .toList();
      legend = new java.util.ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        UnionFigures.Association a = all.get(i);
        legend.add(
            new Legend(
                a.slug(),
                english ? a.nameEn() : a.nameCs(),
                i % COLOURS.size(),
                COLOURS.get(i % COLOURS.size())));
      }
    }
    return legend;
  }

  /** The association the map is filtered to ("" for all); an unknown one is refused. */
  public String getAssociation() {
    if (association == null) {
      mapErrors = new java.util.LinkedHashMap<>();
      String v = request.getParameter("association");
      String asked = v == null ? "" : v.trim();
      if (!asked.isEmpty() && getLegend().stream().noneMatch(l -> l.slug().equals(asked))) {
        mapErrors.put("association", "union.map.error.association");
        association = "";
      } else {
        association = asked;
      }
    }
    return association;
  }

  /** Field name to message key, for the map's filter. */
  public Map<String, String> getMapErrors() {
    getAssociation();
    return mapErrors;
  }

  public List<UnionMap.District> getDistricts() {
    if (districts == null) {
      districts = map.districts(getAssociation());
    }
    return districts;
  }

  /** The district whose members are listed ("" for none). */
  public String getDistrict() {
    String v = request.getParameter("district");
    return v == null ? "" : v.trim();
  }

  /** The listed district's member municipalities (none when no district is asked for). */
  public List<UnionMap.Municipality> getDistrictMembers() {
    if (districtMembers == null) {
      districtMembers =
          getDistrict().isEmpty() ? List.of() : map.members(getDistrict(), getAssociation());
    }
    return districtMembers;
  }

  /** The names of the associations a municipality belongs to, in the page's language. */
  public String associationNames(List<String> slugs) {
    Map<String, String> names =
        getLegend().stream().collect(Collectors.toMap(Legend::slug, Legend::name));
    return slugs.stream().map(s -> names.getOrDefault(s, s)).collect(Collectors.joining(", "));
  }

  /** The page listing a district's members under the current filter. */
  public String districtUrl(String district) {
    return request.getContextPath()
        + "/"
        + tenants.current().id()
        + "/union?association="
        + java.net.URLEncoder.encode(getAssociation(), java.nio.charset.StandardCharsets.UTF_8)
        + "&district="
        + java.net.URLEncoder.encode(district, java.nio.charset.StandardCharsets.UTF_8)
        + "#district-members";
  }

  /** Where the map's script reads every municipality with its associations. */
  public String getMapDataUrl() {
    return request.getContextPath() + "/api/v1/tenants/" + tenants.current().id() + "/union/map";
  }

  /** The districts as a spreadsheet, under the current filter. */
  public String getDistrictsCsvUrl() {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + tenants.current().id()
        + "/union/districts.csv"
        + (getAssociation().isEmpty() ? "" : "?association=" + getAssociation());
  }

  public String getTilesUrl() {
    return tiles.url().orElse("");
  }

  public String getTilesAttribution() {
    return tiles.attribution();
  }

  /**
   * Whether the page is in English: the language the page chose (?lang=, its cookie), not the
   * browser's Accept-Language, which named the associations in English on a Czech page.
   */
  private boolean english() {
    return "en".equals(shell.getLanguage());
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
