package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which forms are too large for the pages to read. */
class RequestGuardTest {

  @Test
  void theLimitIsTheFacesServletsOwn() throws Exception {
    String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
    Matcher m = Pattern.compile("<max-request-size>(\\d+)</max-request-size>").matcher(webXml);
    assertThat(m.find()).as("web.xml names the Faces servlet's max-request-size").isTrue();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(RequestGuard.MAX_FORM_BYTES);
  }

  @Test
  void aMultipartFormPastTheLimitIsTooLarge() {
    long limit = RequestGuard.MAX_FORM_BYTES;
    assertThat(RequestGuard.formTooLarge("multipart/form-data; boundary=x", limit + 1)).isTrue();
    assertThat(RequestGuard.formTooLarge("Multipart/Form-Data; boundary=x", limit + 1)).isTrue();
    assertThat(RequestGuard.formTooLarge("multipart/form-data; boundary=x", limit)).isFalse();
    // Without a length the container finds out while reading (WebWall answers that case).
    assertThat(RequestGuard.formTooLarge("multipart/form-data; boundary=x", -1)).isFalse();
    // The API's uploads are bodies of their own type, with their own limits.
    assertThat(RequestGuard.formTooLarge("application/octet-stream", limit + 1)).isFalse();
    assertThat(RequestGuard.formTooLarge(null, limit + 1)).isFalse();
  }
}
