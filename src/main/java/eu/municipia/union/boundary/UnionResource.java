package eu.municipia.union.boundary;

import eu.municipia.identity.entity.Role;
import eu.municipia.platform.control.Csv;
import eu.municipia.union.control.UnionFigures;
import eu.municipia.union.control.UnionMap;
import eu.municipia.union.control.UnionTable;
import eu.municipia.union.entity.YearRange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The union's figures over its child associations, for union analysts and the union's admins:
 * counts and sums per association and in total (the row whose association is null), per year, as
 * JSON and as spreadsheets. Only a union has them; any other association answers 404.
 */
@Path("tenants/{union}/union")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed({Role.UNION_ANALYST_NAME, Role.ADMIN})
public class UnionResource {

  private static final String CSV = "text/csv; charset=UTF-8";
  private static final String YEARS =
      "Figures per year from `from` to `to` (default: the last five years up to this one, at most"
          + " 30 years); the row whose association is null is the total, where a municipality"
          + " that is a member of two associations counts once.";

  @Inject UnionFigures figures;
  @Inject UnionMap map;

  /** The union, its child associations and the tables of figures it has. */
  public record Overview(
      String union,
      String nameCs,
      String nameEn,
      List<UnionFigures.Association> associations,
      List<String> tables,
      int defaultFrom,
      int defaultTo) {}

  @GET
  @Operation(summary = "The union, its child associations and the tables of its figures")
  public Overview overview() {
    var union = figures.union();
    YearRange years = figures.defaultYears();
    return new Overview(
        union.id(),
        union.nameCs(),
        union.nameEn(),
        figures.associations(),
        java.util.Arrays.stream(UnionTable.values()).map(UnionTable::id).toList(),
        years.first(),
        years.last());
  }

  @GET
  @Path("{table}")
  @Operation(
      summary =
          "A table of figures: members (member municipalities and organisations, population"
              + " covered and its share of the region, joined, left), coverage (municipalities"
              + " covered or not, districts covered fully, partly or not), dues (billed at each"
              + " association's rate and paid, CZK) or resolutions (adopted and rejected)",
      description = YEARS)
  public UnionFigures.Table table(
      @PathParam("table") @Parameter(description = "members, coverage, dues or resolutions")
          String table,
      @QueryParam("from") @Parameter(description = "first year") Integer from,
      @QueryParam("to") @Parameter(description = "last year") Integer to) {
    return figures.table(UnionTable.byId(table), new YearRange(from, to));
  }

  @GET
  @Path("map")
  @Operation(
      summary =
          "The map: every municipality of the union's country (code, name, district, region,"
              + " population, map point) with the child associations it is a member of today",
      description =
          "Public register data and association slugs only. With `association`, only that"
              + " association's member municipalities.")
  public UnionMap.Country map(
      @QueryParam("association") @Parameter(description = "a child association's slug")
          String association) {
    return map.country(association);
  }

  @GET
  @Path("districts")
  @Operation(
      summary =
          "Every district of the union's country: its municipalities, how many are members today"
              + " (of the association asked for, or of any child association) and their"
              + " population")
  public List<UnionMap.District> districts(
      @QueryParam("association") @Parameter(description = "a child association's slug")
          String association) {
    return map.districts(association);
  }

  @GET
  @Path("districts.csv")
  @Produces(CSV)
  @Operation(summary = "The districts as a spreadsheet")
  public Response districtsCsv(@QueryParam("association") String association) {
    List<UnionMap.District> rows = map.districts(association);
    StreamingOutput out =
        stream -> {
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          Csv.Spreadsheet sheet =
              Csv.spreadsheet(
                  writer,
                  "region",
                  "district",
                  "municipalities",
                  "members",
                  "population",
                  "memberPopulation");
          rows.forEach(
              d ->
                  sheet.row(
                      d.region(),
                      d.district(),
                      d.municipalities(),
                      d.members(),
                      d.population(),
                      d.memberPopulation()));
          sheet.flush();
        };
    return Response.ok(out)
        .header(
            "Content-Disposition",
            "attachment; filename=\"union-districts-" + figures.union().id() + ".csv\"")
        .build();
  }

  @GET
  @Path("districts/members")
  @Operation(
      summary =
          "The member municipalities of a district today (of the association asked for, or of"
              + " any child association): code, name, population, map point and associations")
  public List<UnionMap.Municipality> districtMembers(
      @QueryParam("district") @Parameter(description = "the district's name, e.g. Rokycany")
          String district,
      @QueryParam("association") @Parameter(description = "a child association's slug")
          String association) {
    return map.members(district, association);
  }

  /** "members.csv": JAX-RS prefers this template to "{table}" for having more literal text. */
  @GET
  @Path("{table}.csv")
  @Produces(CSV)
  @Operation(summary = "A table of figures as a spreadsheet", description = YEARS)
  public Response csv(
      @PathParam("table") String table,
      @QueryParam("from") Integer from,
      @QueryParam("to") Integer to) {
    return csv(UnionTable.byId(table), from, to);
  }

  /**
   * A table as a spreadsheet (semicolons, UTF-8 with a byte order mark): association's slug and
   * name ("total" on the total's row), year, the figures. Read before the answer starts, so a
   * refusal is still a clean problem.
   */
  private Response csv(UnionTable table, Integer from, Integer to) {
    UnionFigures.Table data = figures.table(table, new YearRange(from, to));
    Map<String, String> names =
        figures.associations().stream()
            .collect(
                Collectors.toMap(UnionFigures.Association::slug, UnionFigures.Association::nameCs));
    List<String> header = new ArrayList<>(List.of("association", "name", "year"));
    header.addAll(data.figures());
    Function<UnionFigures.Row, List<Object>> cells =
        row -> {
          List<Object> c = new ArrayList<>();
          c.add(row.total() ? "" : row.association());
          c.add(row.total() ? "total" : names.getOrDefault(row.association(), ""));
          c.add(row.year());
          c.addAll(row.figures().values());
          return c;
        };
    StreamingOutput out =
        stream -> {
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          Csv.Spreadsheet sheet = Csv.spreadsheet(writer, header.toArray(String[]::new));
          data.rows().forEach(r -> sheet.row(cells.apply(r).toArray()));
          sheet.flush();
        };
    String file =
        "union-"
            + table.id()
            + "-"
            + figures.union().id()
            + "-"
            + data.from()
            + "-"
            + data.to()
            + ".csv";
    return Response.ok(out)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }
}
