package eu.municipia.municipalities.entity;

import java.math.BigDecimal;
import java.util.Objects;

/** One municipality as the statistics office's yearly population table lists it. */
public record RegisterRow(
    MunicipalityCode code,
    String name,
    String district,
    String region,
    int population,
    BigDecimal lat,
    BigDecimal lon) {

  public RegisterRow {
    Objects.requireNonNull(code, "code is required");
    Objects.requireNonNull(name, "name is required");
    Objects.requireNonNull(district, "district is required");
    Objects.requireNonNull(region, "region is required");
    if (population < 0) {
      throw new IllegalArgumentException("population cannot be negative");
    }
  }
}
