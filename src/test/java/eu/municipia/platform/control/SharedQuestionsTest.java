package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedQuestionsTest {

  @Test
  void aRequestAloneAsksEachTime() {
    AtomicInteger asked = new AtomicInteger();
    SharedQuestions<String> questions = new SharedQuestions<>(k -> asked.incrementAndGet());
    assertThat(questions.get("smopk")).isEqualTo(1);
    assertThat(questions.get("smopk")).isEqualTo(2);
    assertThat(questions.get("smocr")).isEqualTo(3);
  }

  /**
   * Requests that come while a question is out get the answer of one question sent after they came:
   * never the answer of the question that was already out (it may predate a write they must see).
   */
  @Test
  void requestsThatComeWhileOneIsOutShareTheNextQuestionNotTheOneOut() throws Exception {
    CountDownLatch firstSent = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicLong database = new AtomicLong(10);
    AtomicInteger asked = new AtomicInteger();
    SharedQuestions<String> questions =
        new SharedQuestions<>(
            k -> {
              long answer = database.get();
              if (asked.incrementAndGet() == 1) {
                firstSent.countDown();
                await(releaseFirst);
              }
              return answer;
            });

    // Threads of its own: the common pool has one worker on a two-core machine.
    ExecutorService threads = Executors.newFixedThreadPool(6);
    CompletableFuture<Long> first =
        CompletableFuture.supplyAsync(() -> questions.get("smopk"), threads);
    assertThat(firstSent.await(10, TimeUnit.SECONDS)).isTrue();
    database.set(11); // a write that commits while the first question is out
    List<CompletableFuture<Long>> later = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      later.add(CompletableFuture.supplyAsync(() -> questions.get("smopk"), threads));
    }
    Thread.sleep(200); // the five are waiting (none may finish before the first is answered)
    assertThat(later).noneMatch(CompletableFuture::isDone);
    releaseFirst.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
    for (CompletableFuture<Long> f : later) {
      assertThat(f.get(10, TimeUnit.SECONDS)).as("sent after the write").isEqualTo(11);
    }
    assertThat(asked.get()).as("one question for the five").isEqualTo(2);
    threads.shutdownNow();
  }

  @Test
  void aFailedQuestionFailsItsRequestsAndTheNextOneIsAskedAgain() {
    AtomicInteger asked = new AtomicInteger();
    SharedQuestions<String> questions =
        new SharedQuestions<>(
            k -> {
              if (asked.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
              return 7;
            });
    assertThatThrownBy(() -> questions.get("smopk"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("database down");
    assertThat(questions.get("smopk")).isEqualTo(7);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
