package eu.municipia.municipalities.control;

import eu.municipia.municipalities.entity.ImportReport;
import eu.municipia.municipalities.entity.RegisterRow;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports that run in the background, so the platform admin's page can show a progress bar. A job
 * is kept in this replica's memory for an hour after it finished (the page polls the replica that
 * took the upload; behind a load balancer, use session affinity for /api/v1/platform).
 */
@ApplicationScoped
public class RegisterImportJobs {

  private static final Logger LOG = Logger.getLogger(RegisterImportJobs.class.getName());
  private static final Duration KEPT = Duration.ofHours(1);

  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** What the page polls: how far the job is, and its report or error at the end. */
  public record Status(
      UUID id, State state, int done, int total, ImportReport report, String error) {}

  private static final class Job {
    final UUID id = UUID.randomUUID();
    final int total;
    final AtomicInteger done = new AtomicInteger();
    volatile State state = State.RUNNING;
    volatile ImportReport report;
    volatile String error;
    volatile Instant finished;

    Job(int total) {
      this.total = total;
    }

    Status status() {
      return new Status(id, state, done.get(), total, report, error);
    }
  }

  @Resource ManagedExecutorService executor;
  @Inject RegisterImport register;

  private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

  public Status start(
      String country, int year, String fileName, List<RegisterRow> rows, String importedBy) {
    forgetOld();
    Job job = new Job(rows.size());
    jobs.put(job.id, job);
    executor.execute(
        () -> {
          try {
            job.report = register.run(country, year, fileName, rows, importedBy, job.done::set);
            job.state = State.DONE;
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Register import " + job.id + " failed", e);
            job.error = "The import failed and changed nothing: " + e.getMessage();
            job.state = State.FAILED;
          } finally {
            job.finished = Instant.now();
          }
        });
    return job.status();
  }

  public Optional<Status> status(UUID id) {
    return Optional.ofNullable(jobs.get(id)).map(Job::status);
  }

  private void forgetOld() {
    Instant limit = Instant.now().minus(KEPT);
    jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(limit));
  }
}
