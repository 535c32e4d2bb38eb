package eu.municipia.municipalities.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.municipalities.control.MalformedTableException;
import eu.municipia.municipalities.control.PopulationTable;
import eu.municipia.municipalities.control.RegisterImport;
import eu.municipia.municipalities.control.RegisterImportJobs;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.platform.control.Countries;
import eu.municipia.platform.control.Uploads;
import eu.municipia.platform.entity.CountryForm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Platform admins import the statistics office's yearly population table (CSV, UTF-8) into the
 * shared register: {@code POST /api/v1/platform/municipalities/imports?year=2025} with the file as
 * the body. A malformed file is refused with the line and column of its first problem. The country
 * ({@code country=SK}) may be one the platform does not know yet: then its names and terms come
 * with the import ({@link CountryTerms}), as they may for a known one to change them.
 */
@Path("platform/municipalities/imports")
@RequestScoped
@RolesAllowed(Role.PLATFORM_ADMIN)
public class RegisterImportsResource {

  @Inject RegisterImport register;
  @Inject RegisterImportJobs jobs;
  @Inject eu.municipia.platform.control.Links links;
  @Inject CurrentCaller caller;

  @Inject Countries countries;

  /** The largest table taken (the whole country's is about 0.5 MiB). */
  @Inject
  @ConfigProperty(name = "register.import.max-bytes", defaultValue = "10485760")
  long maxBytes;

  /**
   * Imports the table; with {@code async=true} answers 202 at once with a job to poll (the import
   * page's progress bar), after the file was read and checked, so a malformed file is still refused
   * with its line and column.
   */
  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  public Response importTable(
      InputStream file,
      @QueryParam("year") Integer year,
      @QueryParam("country") @DefaultValue("CZ") String country,
      @QueryParam("async") @DefaultValue("false") boolean async,
      @BeanParam CountryTerms terms,
      @HeaderParam("X-File-Name") String fileName,
      @HeaderParam("Content-Length") String length) {
    // Said too large before a byte is read: a client that waits for "100 Continue" sends nothing.
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
      throw Uploads.tooLarge(maxBytes);
    }
    if (year == null || year < 1990 || year > Year.now().getValue() + 1) {
      throw new ValidationProblem("year", "year is required: the year the population is for.");
    }
    if (country == null || !country.matches("[A-Z]{2}")) {
      throw new ValidationProblem(
          "country", "country is a two-letter ISO 3166 code in capitals, such as CZ or SK.");
    }
    // A country the platform does not know yet needs its terms; a known one may have them changed.
    CountryForm form = terms.form();
    if (countries.find(country).isEmpty() || !form.blank()) {
      form.requireValid();
    }
    try {
      var rows =
          PopulationTable.read(
              new InputStreamReader(Uploads.capped(file, maxBytes), StandardCharsets.UTF_8),
              country);
      if (!form.blank()) {
        countries.save(form.country(country), caller.get().subject());
      }
      if (async) {
        RegisterImportJobs.Status job =
            jobs.start(country, year, fileName, rows, caller.get().subject());
        return Response.accepted(job)
            .location(
                links.platform().page("/api/v1/platform/municipalities/imports/jobs/" + job.id()))
            .build();
      }
      return Response.ok(register.run(country, year, fileName, rows, caller.get().subject()))
          .build();
    } catch (MalformedTableException e) {
      throw new ValidationProblem(
          e.columnName().isEmpty() ? "file" : e.columnName(), e.getMessage());
    }
  }

  /**
   * A country's names and own terms, as query parameters of the import: a unit is its forms
   * separated by commas, five (singular nominative, genitive, locative; plural nominative,
   * genitive: "okres, okresu, okrese, okresy, okresů") or two ("district, districts").
   */
  public static class CountryTerms {
    @QueryParam("nameCs")
    String nameCs;

    @QueryParam("nameEn")
    String nameEn;

    @QueryParam("regionCs")
    String regionCs;

    @QueryParam("regionEn")
    String regionEn;

    @QueryParam("districtCs")
    String districtCs;

    @QueryParam("districtEn")
    String districtEn;

    @QueryParam("authorityCs")
    String authorityCs;

    @QueryParam("authorityEn")
    String authorityEn;

    CountryForm form() {
      return new CountryForm(
          nameCs, nameEn, regionCs, regionEn, districtCs, districtEn, authorityCs, authorityEn);
    }
  }

  @GET
  @Path("jobs/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public RegisterImportJobs.Status job(@PathParam("id") String id) {
    try {
      return jobs.status(UUID.fromString(id))
          .orElseThrow(() -> new NotFoundException("No import job " + id + "."));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No import job " + id + ".");
    }
  }
}
