package eu.municipia.seminars.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** What the seminars' pages share: reading ids from the request, answering 404. */
final class Pages {

  private Pages() {}

  /** A request parameter (of the link, or of the form that carries it as a hidden field). */
  static String parameter(String name) {
    String value =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    return value == null ? "" : value.trim();
  }

  static Optional<UUID> id(String name) {
    String value = parameter(name);
    try {
      return value.length() == 36 ? Optional.of(UUID.fromString(value)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Answers the page with 404 (the error page), for a link to something that is not here. */
  static void notFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    try {
      if (!external.isResponseCommitted()) {
        external.responseSendError(404, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /**
   * A refusal on a page: beside the field it names where the form has that field (the people's
   * lines and the inputs listed), above the form otherwise.
   */
  static void show(String form, eu.municipia.platform.entity.Refusal refusal, String... inputs) {
    if (refusal.fields().isEmpty()) {
      eu.municipia.platform.boundary.FormMessages.error(refusal.getMessage());
    }
    show(form, refusal.fields(), refusal.arguments(), inputs);
  }

  /** Problems of a form's input (field to message key), the same way. */
  static void show(
      String form, java.util.Map<String, String> errors, Object[] arguments, String... inputs) {
    java.util.List<String> fields = java.util.List.of(inputs);
    errors.forEach(
        (field, key) -> {
          if (field.contains("[") || fields.contains(field)) {
            eu.municipia.platform.boundary.FormMessages.fieldError(
                form, clientId(field), key, arguments);
          } else {
            eu.municipia.platform.boundary.FormMessages.error(key, arguments);
          }
        });
  }

  /**
   * A refusal's field of a line of a list ("people[2].email") as the page's client id
   * ("people:2:email", the ui:repeat's row).
   */
  static String clientId(String field) {
    return field.replaceAll("(\\w+)\\[(\\d+)\\]\\.", "$1:$2:");
  }
}
