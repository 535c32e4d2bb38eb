package eu.municipia.identity.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Listens on one connection of its own (not from the pool: it is held for the replica's life) to
 * the {@code role_grants} notifications that the trigger of V95 sends on every change of a role
 * grant, and evicts those roles from the {@link RoleCache}. When the connection fails the cache is
 * switched off and emptied until the listener is back.
 */
@ApplicationScoped
public class RoleChangeListener {

  static final String CHANNEL = "role_grants";
  private static final Logger LOG = Logger.getLogger(RoleChangeListener.class.getName());
  private static final int WAIT_MILLIS = 5_000;

  @Inject RoleCache cache;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "db.url")
  String url;

  @Inject
  @ConfigProperty(name = "db.user")
  String user;

  @Inject
  @ConfigProperty(name = "db.password")
  String password;

  private volatile boolean running = true;
  private volatile Connection connection;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    threads.newThread(this::listen).start();
  }

  @PreDestroy
  void stop() {
    running = false;
    close();
  }

  private void listen() {
    while (running) {
      try {
        connect();
        cache.listening(true);
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              evict(n.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        cache.listening(false);
        close();
        if (running) {
          LOG.log(Level.FINE, "Role change listener lost its connection; retrying", e);
          pause();
        }
      }
    }
    cache.listening(false);
  }

  /** {@code tenant subject}, or {@code *} after a TRUNCATE: forget everything. */
  private void evict(String payload) {
    int space = payload.indexOf(' ');
    if (space < 0) {
      cache.listening(true);
    } else {
      cache.evict(payload.substring(0, space), payload.substring(space + 1));
    }
  }

  private void connect() throws SQLException {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    source.setApplicationName("municipia-role-listener");
    source.setTcpKeepAlive(true);
    connection = source.getConnection();
    try (Statement s = connection.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    }
  }

  private void close() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "Closing the listener's connection", e);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
