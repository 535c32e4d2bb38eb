package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read cache's keeping, once the association's version is known (KeptReadsIT asks PostgreSQL
 * for real versions): an answer is read again when the version differs, keys never share across
 * associations or parameters, and the bounds drop the least recently used answers first.
 */
class ReadCacheTest {

  private ReadCache cache;
  private final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void cache() {
    cache = new ReadCache();
    cache.capacity = 3;
    cache.jsonCapacity = 100;
  }

  private Supplier<String> reading(String answer) {
    return () -> {
      reads.incrementAndGet();
      return answer;
    };
  }

  private static ReadCache.Key key(String tenant, Object... parameters) {
    return new ReadCache.Key(tenant, "members", java.util.Arrays.asList(parameters));
  }

  @Test
  void theSameVersionIsAnsweredFromMemoryAndANewOneIsReadAgain() {
    assertThat(cache.get(key("smopk", "cila"), 7, reading("a"))).isEqualTo("a");
    assertThat(cache.get(key("smopk", "cila"), 7, reading("b"))).isEqualTo("a");
    assertThat(reads).hasValue(1);
    assertThat(cache.get(key("smopk", "cila"), 8, reading("c"))).isEqualTo("c");
    assertThat(reads).hasValue(2);
  }

  @Test
  void anotherAssociationOrAnotherParameterIsAnotherAnswer() {
    cache.get(key("smopk", "cila", null), 1, reading("smopk"));
    assertThat(cache.get(key("smocr", "cila", null), 1, reading("smocr"))).isEqualTo("smocr");
    assertThat(cache.get(key("smopk", null, "cila"), 1, reading("other"))).isEqualTo("other");
    assertThat(cache.get(key("smopk", List.of("ACTIVE")), 1, reading("active")))
        .isEqualTo("active");
    assertThat(cache.get(key("smopk", List.of("ACTIVE", "LEFT")), 1, reading("all")))
        .isEqualTo("all");
    assertThat(reads).hasValue(5);
  }

  @Test
  void theLeastRecentlyUsedGoesFirstWhenThereAreTooMany() {
    cache.get(key("smopk", 1), 1, reading("1"));
    cache.get(key("smopk", 2), 1, reading("2"));
    cache.get(key("smopk", 3), 1, reading("3"));
    cache.get(key("smopk", 1), 1, reading("x")); // used again: 2 is now the eldest
    cache.get(key("smopk", 4), 1, reading("4"));

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.get(key("smopk", 1), 1, reading("again"))).isEqualTo("1");
    assertThat(cache.get(key("smopk", 2), 1, reading("read again"))).isEqualTo("read again");
  }

  @Test
  void keptJsonCountsAgainstItsBoundAndGoesWithItsAnswer() {
    String first = cache.get(key("smopk", 1), 1, reading(new String("first")));
    String second = cache.get(key("smopk", 2), 1, reading(new String("second")));
    cache.keepWritten(first, new byte[60]);
    assertThat(cache.writtenOf(first)).hasSize(60);
    assertThat(cache.isKept(first)).isTrue();

    cache.keepWritten(second, new byte[60]); // 120 bytes over the bound of 100: the eldest goes
    assertThat(cache.isKept(first)).isFalse();
    assertThat(cache.writtenOf(first)).isNull();
    assertThat(cache.writtenOf(second)).hasSize(60);
    assertThat(cache.isKept("not kept")).isFalse();
  }

  @Test
  void noAnswerIsKeptWhenTheReadFindsNothing() {
    assertThat(cache.<String>get(key("smopk", 1), 1, () -> null)).isNull();
    assertThat(cache.size()).isZero();
  }
}
