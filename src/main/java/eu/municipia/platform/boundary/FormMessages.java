package eu.municipia.platform.boundary;

import eu.municipia.platform.control.Texts;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.Terms;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What a page tells the reader about a form, in the reader's language: each field's problem beside
 * the field (client id {@code form:field}, which the page's {@code h:message} and {@code
 * aria-invalid} use), and notices above the form. The checks themselves live in the input's record
 * ({@link eu.municipia.platform.entity.Validated}) or in the entity, so the page and the API refuse
 * the same things.
 */
public final class FormMessages {

  private FormMessages() {}

  /** The text of a key of the platform's texts (or the key itself if it is none). */
  public static String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException notAKey) {
      pattern = key;
    }
    Locale locale = faces.getViewRoot().getLocale();
    if (Terms.names(pattern)) {
      // The words of the page's country ("okres", "powiat"): the texts name them by token.
      return Texts.of(locale).text(key, arguments);
    }
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  public static void fieldError(String form, String field, String key, Object... arguments) {
    FacesContext.getCurrentInstance()
        .addMessage(
            form + ":" + field,
            new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
  }

  /** Every field's problem (field name to message key) beside its field. */
  public static void show(String form, Map<String, String> fieldKeys) {
    fieldKeys.forEach((field, key) -> fieldError(form, field, key));
  }

  /** A refusal beside its fields, or above the form where it names none. */
  public static void show(String form, Refusal refusal) {
    if (refusal.fields().isEmpty()) {
      error(refusal.getMessage());
    } else {
      Object[] arguments = refusal.arguments();
      refusal.fields().forEach((field, key) -> fieldError(form, field, key, arguments));
    }
  }

  public static void info(String key, Object... arguments) {
    notice(FacesMessage.SEVERITY_INFO, key, arguments);
  }

  public static void error(String key, Object... arguments) {
    notice(FacesMessage.SEVERITY_ERROR, key, arguments);
  }

  /** Keeps the notices for the page after a redirect (post, redirect, get). */
  public static void keepForRedirect() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  public static boolean hasErrors() {
    return FacesContext.getCurrentInstance().getMessageList().stream()
        .anyMatch(m -> m.getSeverity() == FacesMessage.SEVERITY_ERROR);
  }

  /**
   * A parameter of the request ("" when absent), such as the token of a link from an e-mail that
   * the page's form carries on to its button.
   */
  public static String parameter(String name) {
    String value =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    return value == null ? "" : value;
  }

  /** Whether a field has a problem, for {@code aria-invalid}. */
  public static boolean invalid(String form, String field) {
    return FacesContext.getCurrentInstance().getMessages(form + ":" + field).hasNext();
  }

  private static void notice(FacesMessage.Severity severity, String key, Object... arguments) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(severity, text(key, arguments), null));
  }
}
