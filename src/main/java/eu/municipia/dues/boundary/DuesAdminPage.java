package eu.municipia.dues.boundary;

import eu.municipia.dues.control.Dues;
import eu.municipia.dues.control.DuesLedger;
import eu.municipia.dues.entity.DuesRate;
import eu.municipia.dues.entity.DuesYear;
import eu.municipia.dues.entity.InvalidDuesException;
import eu.municipia.dues.entity.PaymentCancelledException;
import eu.municipia.dues.entity.RateTerms;
import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The association admin's dues page (/{tenant}/admin/dues?year=): set the rate of a year, see every
 * member's dues, record a payment, cancel one recorded by mistake. Problems show beside the field.
 */
@Named
@ViewScoped
public class DuesAdminPage implements Serializable {

  static final String RATE_FORM = "rate";
  static final String PAYMENT_FORM = "payment";

  @Inject Dues dues;
  @Inject DuesLedger ledger;
  @Inject CurrentCaller caller;
  @Inject Shell shell;

  private int year;
  private DuesLedger.Statement statement;
  private List<DuesLedger.Payment> payments;

  private String ratePerInhabitant;
  private String minimum;
  private String maximum;

  private String code;
  private String amount;
  private String paidOn;
  private String note;
  private final Map<UUID, String> cancelReason = new HashMap<>();

  @PostConstruct
  void init() {
    year = DuesPages.year(dues);
    load();
    if (statement != null) {
      fillRateForm(statement.rate());
    }
    paidOn = dues.today().toString();
  }

  private void load() {
    DuesYear duesYear = new DuesYear(year);
    Optional<DuesRate> rate = dues.rate(duesYear);
    statement = rate.isPresent() ? ledger.statement(duesYear, null) : null;
    payments = rate.isPresent() ? ledger.payments(duesYear) : List.of();
  }

  private void fillRateForm(DuesRate rate) {
    ratePerInhabitant = Money.plain(rate.ratePerInhabitant(), shell.getLocale());
    minimum = Integer.toString(rate.minimum());
    maximum = Integer.toString(rate.maximum());
  }

  public void setRate() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Optional<BigDecimal> rate = number(faces, RATE_FORM, "ratePerInhabitant", ratePerInhabitant);
    Optional<BigDecimal> min = number(faces, RATE_FORM, "minimum", minimum);
    Optional<BigDecimal> max = number(faces, RATE_FORM, "maximum", maximum);
    if (!faces.getMessageList().isEmpty()) {
      return;
    }
    try {
      RateTerms terms = RateTerms.of(rate.orElse(null), min.orElse(null), max.orElse(null));
      Dues.RateChange change = dues.setRate(new DuesYear(year), terms, caller.get());
      done(faces, MessageFormat.format(text("dues.rate.saved"), Integer.toString(year)));
      load();
      fillRateForm(change.rate());
    } catch (InvalidDuesException e) {
      fieldErrors(faces, RATE_FORM, e);
    } catch (Refusal e) {
      failed(faces, text(e.fields().values().stream().findFirst().orElse(e.getMessage())));
    }
  }

  public void recordPayment() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (code == null || !MunicipalityCode.isValid("CZ", code)) {
      error(faces, PAYMENT_FORM, "code", text("dues.error.member"));
    }
    Optional<BigDecimal> sum = number(faces, PAYMENT_FORM, "amount", amount);
    LocalDate day = null;
    if (paidOn == null || paidOn.isBlank()) {
      error(faces, PAYMENT_FORM, "paidOn", text("dues.error.required"));
    } else {
      try {
        day = LocalDate.parse(paidOn.trim());
      } catch (DateTimeParseException e) {
        error(faces, PAYMENT_FORM, "paidOn", text("dues.error.date"));
      }
    }
    if (!faces.getMessageList().isEmpty()) {
      return;
    }
    try {
      dues.recordPayment(
          new DuesYear(year),
          new MunicipalityCode("CZ", code),
          sum.orElse(null),
          day,
          note,
          caller.get());
      done(
          faces,
          MessageFormat.format(
              text("dues.payment.recorded"), memberName(code), Money.format(sum.get(), locale())));
      code = null;
      amount = null;
      note = null;
      load();
    } catch (InvalidDuesException e) {
      fieldErrors(faces, PAYMENT_FORM, e);
    } catch (Refusal e) {
      failed(faces, text("dues.noRate.admin"));
    }
  }

  public void cancel(DuesLedger.Payment payment) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      dues.cancelPayment(
          new DuesYear(year), payment.id(), cancelReason.get(payment.id()), caller.get());
      done(
          faces,
          MessageFormat.format(
              text("dues.payment.cancelled"),
              payment.name(),
              Money.format(payment.amount(), locale())));
    } catch (PaymentCancelledException e) {
      failed(faces, text("dues.payment.cancelFailed"));
    } catch (InvalidDuesException e) {
      failed(faces, text(e.errors().values().iterator().next()));
    } catch (Refusal e) {
      failed(faces, text("dues.payment.cancelFailed"));
    }
    cancelReason.clear();
    load();
  }

  /** The members for the payment form's choice: "Name (code)". */
  public List<DuesLedger.MemberDues> getMembers() {
    return statement == null ? List.of() : statement.members();
  }

  private String memberName(String memberCode) {
    return getMembers().stream()
        .filter(m -> m.code().equals(memberCode))
        .map(DuesLedger.MemberDues::name)
        .findFirst()
        .orElse(memberCode);
  }

  /** Whether a field has a problem, for aria-invalid. */
  public boolean invalid(String clientId) {
    return FacesContext.getCurrentInstance().getMessages(clientId).hasNext();
  }

  private Optional<BigDecimal> number(FacesContext faces, String form, String field, String typed) {
    if (typed == null || typed.isBlank()) {
      error(faces, form, field, text("dues.error.required"));
      return Optional.empty();
    }
    Optional<BigDecimal> parsed = Money.parse(typed, locale());
    if (parsed.isEmpty()) {
      error(faces, form, field, text("dues.error.number"));
    }
    return parsed;
  }

  private void fieldErrors(FacesContext faces, String form, InvalidDuesException e) {
    FormMessages.show(form, e);
  }

  private static void error(FacesContext faces, String form, String field, String message) {
    faces.addMessage(
        form + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private static void done(FacesContext faces, String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  private static void failed(FacesContext faces, String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private java.util.Locale locale() {
    return shell.getLocale();
  }

  private static String text(String key) {
    return FormMessages.text(key);
  }

  public int getYear() {
    return year;
  }

  public DuesLedger.Statement getStatement() {
    return statement;
  }

  public List<DuesLedger.Payment> getPayments() {
    return payments;
  }

  public String getRatePerInhabitant() {
    return ratePerInhabitant;
  }

  public void setRatePerInhabitant(String ratePerInhabitant) {
    this.ratePerInhabitant = ratePerInhabitant;
  }

  public String getMinimum() {
    return minimum;
  }

  public void setMinimum(String minimum) {
    this.minimum = minimum;
  }

  public String getMaximum() {
    return maximum;
  }

  public void setMaximum(String maximum) {
    this.maximum = maximum;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getPaidOn() {
    return paidOn;
  }

  public void setPaidOn(String paidOn) {
    this.paidOn = paidOn;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public Map<UUID, String> getCancelReason() {
    return cancelReason;
  }
}
