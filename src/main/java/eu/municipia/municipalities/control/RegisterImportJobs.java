package eu.municipia.municipalities.control;

import eu.municipia.municipalities.entity.ImportReport;
import eu.municipia.municipalities.entity.RegisterRow;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports that run in the background, so the platform admin's page can show a progress bar. The
 * job's state lives in the database ({@link ImportJobLedger}), so whichever replica the page's next
 * poll reaches knows it.
 */
@ApplicationScoped
public class RegisterImportJobs {

  private static final Logger LOG = Logger.getLogger(RegisterImportJobs.class.getName());

  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** What the page polls: how far the job is, and its report or error at the end. */
  public record Status(
      UUID id, State state, int done, int total, ImportReport report, String error) {}

  @Resource ManagedExecutorService executor;
  @Inject RegisterImport register;
  @Inject ImportJobLedger ledger;

  public Status start(
      String country, int year, String fileName, List<RegisterRow> rows, String importedBy) {
    UUID id = UUID.randomUUID();
    ledger.open(id, country, year, fileName, importedBy, rows.size());
    executor.execute(
        () -> {
          try {
            register.run(
                country,
                year,
                fileName,
                rows,
                importedBy,
                new RegisterImport.Observer() {
                  @Override
                  public void begun(Connection inTransaction) throws SQLException {
                    ImportJobLedger.running(inTransaction, id);
                  }

                  @Override
                  public void written(int rows) {
                    // From another thread: Payara shares this thread's physical connection with a
                    // REQUIRES_NEW transaction here, whose commit then committed the import's
                    // batches so far too (ImportCrashIT found them after a kill).
                    executor.execute(() -> ledger.progress(id, rows));
                  }

                  @Override
                  public void finished(Connection inTransaction, ImportReport report)
                      throws SQLException {
                    ImportJobLedger.done(inTransaction, id, report);
                  }
                });
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Register import " + id + " failed", e);
            ledger.failed(id, "The import failed and changed nothing: " + e.getMessage());
          }
        });
    return new Status(id, State.RUNNING, 0, rows.size(), null, null);
  }

  public Optional<Status> status(UUID id) {
    return ledger.find(id);
  }
}
