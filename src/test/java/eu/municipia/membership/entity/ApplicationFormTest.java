package eu.municipia.membership.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationFormTest {

  @Test
  void aCompleteFormHasNoErrorsAndIsTrimmed() {
    ApplicationForm form =
        new ApplicationForm(
            " Jana Nováková ", "starostka", " jana@obec.example ", "+420 377 123 456", "", true);
    assertThat(form.errors()).isEmpty();
    assertThat(form.applicant().name()).isEqualTo("Jana Nováková");
    assertThat(form.applicant().email()).isEqualTo("jana@obec.example");
    assertThat(form.applicant().message()).isNull();
  }

  @Test
  void everyMissingOrMalformedFieldIsNamedAtOnce() {
    ApplicationForm form =
        new ApplicationForm(" ", "x".repeat(101), "jana@obec", "abc", null, false);
    assertThat(form.errors())
        .containsEntry("applicantName", "join.error.name")
        .containsEntry("applicantRole", "join.error.tooLong")
        .containsEntry("email", "join.error.email")
        .containsEntry("phone", "join.error.phone")
        .containsEntry("consent", "join.error.consent")
        .hasSize(5);
  }
}
