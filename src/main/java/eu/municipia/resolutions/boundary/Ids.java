package eu.municipia.resolutions.boundary;

import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/** Ids in paths: anything that is no uuid names nothing here (404, never 500). */
final class Ids {

  private Ids() {}

  static UUID of(String id) {
    try {
      return UUID.fromString(id == null ? "" : id.trim());
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Nothing here is called " + id + ".");
    }
  }

  /** An optional id of a query parameter or a form (null where none or malformed). */
  static UUID orNull(String id) {
    try {
      return id == null || id.isBlank() ? null : UUID.fromString(id.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
