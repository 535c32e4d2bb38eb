package eu.municipia.magazine.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.platform.entity.Refusal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MagazineFileTest {

  @Test
  void aTextAlternativeWithANulCharacterIsRefusedBesideItsField() {
    // The page's upload form reaches this unchecked (the NUL filter cannot read multipart forms).
    assertThatThrownBy(() -> image("Stezka\0 u potoka"))
        .isInstanceOfSatisfying(
            Refusal.class,
            e -> assertThat(e.fields()).containsEntry("description", "file.error.alt"));
    assertThat(image("Stezka u potoka").description()).isEqualTo("Stezka u potoka");
  }

  private static MagazineFile image(String description) {
    return new MagazineFile(
        UUID.randomUUID(),
        FileType.PNG,
        "stezka.png",
        10,
        "sha",
        10,
        10,
        description,
        false,
        ArticleTest.EDITOR,
        Instant.now());
  }
}
