package eu.municipia.newsletter.control;

import eu.municipia.newsletter.entity.Bounce;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the bounce mailbox (IMAP) where the SMTP server returns what it could not deliver, when
 * {@code newsletter.bounce-imap.host} is set: each report about a message of ours is recorded in
 * that message's association (its Message-ID names it), and the report is deleted; anything else is
 * only marked as read.
 */
@ApplicationScoped
public class BounceMailbox {

  private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

  @Resource ManagedScheduledExecutorService executor;
  @Inject TenantDirectory tenants;
  @Inject TenantContext tenantContext;
  @Inject Bounces bounces;
  @Inject BounceMailbox self;

  @Inject
  @ConfigProperty(name = "newsletter.bounce-imap.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "newsletter.bounce-imap.port", defaultValue = "993")
  int port;

  @Inject
  @ConfigProperty(name = "newsletter.bounce-imap.user", defaultValue = "bounces")
  String user;

  @Inject
  @ConfigProperty(name = "newsletter.bounce-imap.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "newsletter.bounce-imap.folder", defaultValue = "INBOX")
  String folderName;

  @Inject
  @ConfigProperty(name = "newsletter.bounce-imap.poll-seconds", defaultValue = "60")
  int pollSeconds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    if (host.isPresent() && !host.get().isBlank() && !"none".equals(host.get())) {
      executor.scheduleWithFixedDelay(this::readSafely, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }
  }

  private void readSafely() {
    try {
      self.read();
    } catch (RuntimeException | MessagingException | IOException e) {
      LOG.log(Level.WARNING, "The bounce mailbox could not be read", e);
    }
  }

  /** Reads the unread messages once; answers how many reports it recorded. */
  @ActivateRequestContext
  public int read() throws MessagingException, IOException {
    Properties props = new Properties();
    boolean ssl = port == 993;
    props.put("mail.store.protocol", ssl ? "imaps" : "imap");
    props.put("mail.imap.connectiontimeout", "10000");
    props.put("mail.imap.timeout", "10000");
    Store store = Session.getInstance(props).getStore(ssl ? "imaps" : "imap");
    store.connect(host.get(), port, user, password.orElse(""));
    int recorded = 0;
    try {
      Folder folder = store.getFolder(folderName);
      folder.open(Folder.READ_WRITE);
      try {
        for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          ByteArrayOutputStream raw = new ByteArrayOutputStream();
          message.writeTo(raw);
          Optional<BounceReport> report = BounceReport.parse(raw.toString(StandardCharsets.UTF_8));
          message.setFlag(Flags.Flag.SEEN, true);
          if (report.isPresent() && record(report.get())) {
            message.setFlag(Flags.Flag.DELETED, true);
            recorded++;
          }
        }
      } finally {
        folder.close(true);
      }
    } finally {
      store.close();
    }
    return recorded;
  }

  private boolean record(BounceReport report) {
    return tenants
        .bySlug(report.message().tenant())
        .map(
            tenant ->
                tenantContext.runAs(
                    tenant,
                    () -> {
                      bounces.record(
                          report.recipient(),
                          report.kind(),
                          report.reason(),
                          report.message().id(),
                          Bounce.Source.MAILBOX);
                      return true;
                    }))
        .orElse(false);
  }
}
