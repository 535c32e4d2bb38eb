package eu.municipia.platform.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an association tells about itself: the contact the public writes to (articles' "contact us",
 * feedback on accessibility), its colour (the newsletter's header), and the day it last reviewed
 * its accessibility statement. One per association; {@link #defaults} stands in until an admin
 * saves one.
 */
@Entity
@Table(name = "site_profile")
public class SiteProfile extends TenantOwned {

  public static final String DEFAULT_COLOR = "#0b4f8a";
  private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");

  /** WCAG 2.1 AA for normal text (success criterion 1.4.3). */
  public static final double MINIMUM_CONTRAST = 4.5;

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()/-]{6,25}");

  /** What an admin types; checked once here for the page and the API. */
  public record Form(String contactEmail, String contactPhone, String accentColor)
      implements Validated {

    public Form {
      contactEmail = blankToNull(contactEmail);
      contactPhone = blankToNull(contactPhone);
      accentColor =
          accentColor == null || accentColor.isBlank()
              ? DEFAULT_COLOR
              : accentColor.trim().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Map<String, String> errors() {
      Map<String, String> errors = new LinkedHashMap<>();
      if (contactEmail != null && !EmailAddress.isValid(contactEmail)) {
        errors.put("contactEmail", "site.error.email");
      }
      if (contactPhone != null && !PHONE.matcher(contactPhone).matches()) {
        errors.put("contactPhone", "site.error.phone");
      }
      colorError(accentColor).ifPresent(e -> errors.put("accentColor", e));
      return errors;
    }
  }

  /**
   * Why a colour (lower-case #rrggbb) cannot be the association's, or empty when it can. White text
   * sits on it (buttons, the newsletter's header) and it colours links on white, so it must reach
   * WCAG 2.1 AA's 4.5:1 against white, which Czech law 99/2019 asks of public bodies' sites.
   */
  public static Optional<String> colorError(String color) {
    if (color == null || !COLOR.matcher(color).matches()) {
      return Optional.of("site.error.color");
    }
    return contrastWithWhite(color) < MINIMUM_CONTRAST
        ? Optional.of("site.error.contrast")
        : Optional.empty();
  }

  /** WCAG's contrast ratio of the colour with white: (1.05) / (its relative luminance + 0.05). */
  public static double contrastWithWhite(String color) {
    int rgb = Integer.parseInt(color.substring(1), 16);
    double luminance =
        0.2126 * linear((rgb >> 16) & 0xFF)
            + 0.7152 * linear((rgb >> 8) & 0xFF)
            + 0.0722 * linear(rgb & 0xFF);
    return 1.05 / (luminance + 0.05);
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  @Id private UUID id;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "accent_color", nullable = false)
  private String accentColor;

  @Column(name = "statement_reviewed_on", nullable = false)
  private LocalDate statementReviewedOn;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SiteProfile() {}

  /** The profile of an association that has saved none: no contact, the platform's colour. */
  public static SiteProfile defaults(LocalDate today) {
    SiteProfile profile = new SiteProfile();
    profile.id = UUID.randomUUID();
    profile.accentColor = DEFAULT_COLOR;
    profile.statementReviewedOn = today;
    profile.updatedAt = Instant.EPOCH;
    return profile;
  }

  /** Takes the admin's form (valid, or refused with every field at fault). */
  public void change(Form form, LocalDate today, Instant now) {
    form.requireValid();
    contactEmail = form.contactEmail();
    contactPhone = form.contactPhone();
    accentColor = form.accentColor();
    statementReviewedOn = today;
    updatedAt = now;
  }

  /**
   * Takes the colour a platform admin chose for a new association, without touching what its own
   * admin says on the site page (contact, the statement's review).
   */
  public void brand(String color, Instant now) {
    colorError(color)
        .ifPresent(
            e -> {
              throw Refusal.invalid("accentColor", e);
            });
    accentColor = color;
    updatedAt = now;
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("contactEmail", contactEmail);
    state.put("contactPhone", contactPhone);
    state.put("accentColor", accentColor);
    state.put("statementReviewedOn", statementReviewedOn.toString());
    return state;
  }

  public Optional<String> contactEmail() {
    return Optional.ofNullable(contactEmail);
  }

  public Optional<String> contactPhone() {
    return Optional.ofNullable(contactPhone);
  }

  public String accentColor() {
    return accentColor;
  }

  public LocalDate statementReviewedOn() {
    return statementReviewedOn;
  }

  public boolean isSaved() {
    return !Instant.EPOCH.equals(updatedAt);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
