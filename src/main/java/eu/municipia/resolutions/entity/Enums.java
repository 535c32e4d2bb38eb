package eu.municipia.resolutions.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reading an enum's constant from what a person or a program sent, without exceptions. */
public final class Enums {

  private Enums() {}

  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String wanted = value.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst();
  }
}
