package eu.municipia.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

/** The container's refusal of a form past its limits, told apart from other failures. */
class WebWallTest {

  @Test
  void theContainersSizeRefusalIsFoundAmongTheCauses() {
    // As Payara's file upload words it, wrapped as the Faces servlet passes it on.
    ServletException payara =
        new ServletException(
            "the request was rejected because its size (29360339) exceeds the configured"
                + " maximum (27262976)");
    assertThat(WebWall.isFormTooLarge(payara)).isTrue();
    assertThat(WebWall.isFormTooLarge(new ServletException("Faces failed", payara))).isTrue();
    assertThat(
            WebWall.isFormTooLarge(
                new ServletException(new IllegalStateException("GRIZZLY0205: Post too large"))))
        .isTrue();
    assertThat(WebWall.isFormTooLarge(new ServletException("other", new IllegalStateException())))
        .isFalse();
    assertThat(WebWall.isFormTooLarge(new RuntimeException((String) null))).isFalse();
  }
}
