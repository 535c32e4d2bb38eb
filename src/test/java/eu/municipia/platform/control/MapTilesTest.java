package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which tile server the maps use, and how an operator turns the tiles off. */
class MapTilesTest {

  @Test
  void aUrlTemplateIsUsedAsGiven() {
    assertThat(MapTiles.tileUrl(" http://tiles.example/{z}/{x}/{y}.png "))
        .contains("http://tiles.example/{z}/{x}/{y}.png");
  }

  @Test
  void noneOrNothingMeansNoTiles() {
    assertThat(MapTiles.tileUrl("none")).isEmpty();
    assertThat(MapTiles.tileUrl("NONE")).isEmpty();
    assertThat(MapTiles.tileUrl("")).isEmpty();
    assertThat(MapTiles.tileUrl(null)).isEmpty();
  }

  @Test
  void withoutTilesThereIsNothingToAttribute() {
    MapTiles tiles = new MapTiles();
    tiles.url = "none";
    tiles.attribution = MapTiles.OSM_ATTRIBUTION;
    assertThat(tiles.attribution()).isEmpty();

    tiles.url = MapTiles.OSM_URL;
    assertThat(tiles.url()).contains(MapTiles.OSM_URL);
    assertThat(tiles.attribution()).contains("OpenStreetMap");
  }
}
