package eu.municipia.membership.boundary;

import eu.municipia.membership.control.KeptMemberReads;
import eu.municipia.membership.control.MemberDirectory;
import eu.municipia.platform.control.MapTiles;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public coverage page (/{tenant}/coverage): figures and a table by district, and a map of the
 * members that the page's script draws from the members' map data (without the script, the page is
 * the figures and the table).
 */
@Named
@RequestScoped
public class CoveragePage {

  @Inject KeptMemberReads directory;
  @Inject MapTiles tiles;
  @Inject TenantContext tenants;
  @Inject HttpServletRequest request;

  private MemberDirectory.Coverage coverage;

  public MemberDirectory.Coverage getCoverage() {
    if (coverage == null) {
      coverage = directory.coverage();
    }
    return coverage;
  }

  /**
   * Where the map's script reads the members' points (GET /api/v1/tenants/{tenant}/members/map).
   */
  public String getMapDataUrl() {
    return request.getContextPath() + "/api/v1/tenants/" + tenants.current().id() + "/members/map";
  }

  /** The tile URL template, or "" for a map without tiles. */
  public String getTilesUrl() {
    return tiles.url().orElse("");
  }

  public String getTilesAttribution() {
    return tiles.attribution();
  }
}
