package eu.municipia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tile server under the maps ({@code map.tiles.url}, {@code map.tiles.attribution}). {@code
 * none} (or an empty value, where a configuration source passes one on) means no tiles: the map
 * then shows its points on a plain background. Payara's MicroProfile Config takes an empty
 * environment variable for an unset one, so {@code none} is the value to give there.
 */
@ApplicationScoped
public class MapTiles {

  public static final String OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  public static final String OSM_ATTRIBUTION =
      "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

  @Inject
  @ConfigProperty(name = "map.tiles.url", defaultValue = OSM_URL)
  String url;

  @Inject
  @ConfigProperty(name = "map.tiles.attribution", defaultValue = OSM_ATTRIBUTION)
  String attribution;

  /** The URL template of the tiles ({z}, {x}, {y}), or empty for a map without tiles. */
  public Optional<String> url() {
    return tileUrl(url);
  }

  /** The attribution the tile server asks for (HTML, as the operator configured it). */
  public String attribution() {
    return url().isPresent() && attribution != null ? attribution : "";
  }

  static Optional<String> tileUrl(String configured) {
    if (configured == null || configured.isBlank() || "none".equalsIgnoreCase(configured.trim())) {
      return Optional.empty();
    }
    return Optional.of(configured.trim());
  }
}
