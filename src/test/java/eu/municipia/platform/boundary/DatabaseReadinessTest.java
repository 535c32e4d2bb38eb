package eu.municipia.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** What readiness tells the world when the database fails: that it does, not how. */
class DatabaseReadinessTest {

  private static final String DRIVER_MESSAGE =
      "Connection to db.internal.example:5432 refused. FATAL: password authentication failed for"
          + " user \"municipia_app\"";

  @Test
  void anUnreachableDatabaseIsDownWithoutTheDriversMessage() {
    DataSource failing =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  throw new SQLException(DRIVER_MESSAGE, "08001");
                });

    HealthCheckResponse answer = DatabaseReadiness.answer(failing);

    assertThat(answer.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(answer.getData()).isPresent();
    assertThat(answer.getData().get().values().toString())
        .doesNotContain("db.internal.example", "5432", "municipia_app", "password", "FATAL")
        .contains("see the log");
  }
}
