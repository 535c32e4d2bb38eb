package eu.municipia.devstack;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) on loopback that accepts every message: the app's outbox sends to
 * it in the run command and in the tests, which read what arrived.
 */
public final class MailServer implements AutoCloseable {

  /**
   * A message as received: the first recipient, subject, plain-text body, Message-ID, the HTML part
   * (if any), the first value of each header, and its attached files by name.
   */
  public record Mail(
      String to,
      String subject,
      String body,
      String messageId,
      String html,
      java.util.Map<String, String> headers,
      java.util.Map<String, byte[]> attachments) {

    static Mail of(MimeMessage message) {
      try {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        java.util.Enumeration<jakarta.mail.Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
          jakarta.mail.Header h = all.nextElement();
          headers.putIfAbsent(h.getName(), h.getValue());
        }
        Object content = message.getContent();
        return new Mail(
            message.getAllRecipients()[0].toString(),
            message.getSubject(),
            text(content).replace("\r\n", "\n"),
            message.getMessageID(),
            htmlOf(content),
            headers,
            MailServer.attachments(content));
      } catch (MessagingException | java.io.IOException e) {
        throw new IllegalStateException("Unreadable message", e);
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(java.util.Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    /** The attachment of that name, as text (a calendar file). */
    public String attachmentText(String name) {
      byte[] bytes = attachments.get(name);
      if (bytes == null) {
        throw new AssertionError("No attachment " + name + " in " + attachments.keySet());
      }
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The HTML part of a multipart message (alternatives, or mixed with files), or null. */
  private static String htmlOf(Object content) throws MessagingException, java.io.IOException {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/html") && part.getFileName() == null) {
          return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
          String nested = htmlOf(part.getContent());
          if (nested != null) {
            return nested;
          }
        }
      }
    }
    return null;
  }

  private static java.util.Map<String, byte[]> attachments(Object content)
      throws MessagingException, java.io.IOException {
    java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
        if (part.getFileName() != null) {
          try (java.io.InputStream in = part.getInputStream()) {
            files.put(part.getFileName(), in.readAllBytes());
          }
        }
      }
    }
    return files;
  }

  /** The plain text of a message, or of the first text part of a multipart one (Keycloak's). */
  private static String text(Object content) throws MessagingException, java.io.IOException {
    if (content instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        jakarta.mail.BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
          return text(part.getContent());
        }
      }
      return text(multipart.getBodyPart(0).getContent());
    }
    return content.toString();
  }

  private final int port;
  private GreenMail greenMail;

  /**
   * Each received message as read once: GreenMail hands out the same message objects on every look,
   * and waiting tests look every 200 ms at everything the run has received (hundreds of messages by
   * the newsletter tests), which parsed anew each time kept a core busy.
   */
  private final java.util.Map<MimeMessage, Mail> read = new java.util.WeakHashMap<>();

  public MailServer(int port) {
    this.port = port;
  }

  public synchronized MailServer start() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
    return this;
  }

  /** Stops accepting mail (an SMTP outage); what arrived so far is forgotten. */
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  /**
   * Stops accepting mail and answers everything received until the stop. Reading first and stopping
   * after would miss what a sender delivered in between: accepted by this server, so recorded as
   * sent and never sent again, yet forgotten by the stop.
   */
  public synchronized List<Mail> stopAndTake() {
    if (greenMail == null) {
      return List.of();
    }
    // stop() gives the server new, empty stores; the old ones keep what was received.
    Managers stores = greenMail.getManagers();
    stop();
    return stores.getImapHostManager().getAllMessages().stream()
        .map(m -> Mail.of(m.getMimeMessage()))
        .toList();
  }

  public int port() {
    return port;
  }

  public synchronized List<Mail> received() {
    return greenMail == null
        ? List.of()
        : Arrays.stream(greenMail.getReceivedMessages())
            .map(m -> read.computeIfAbsent(m, Mail::of))
            .toList();
  }

  /** How many messages arrived (cheap: nothing is parsed). */
  public synchronized int count() {
    return greenMail == null ? 0 : greenMail.getReceivedMessages().length;
  }

  public List<Mail> receivedBy(String address) {
    return received().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
  }

  /** Waits for a message that matches, or fails with what did arrive. */
  public Mail await(Predicate<Mail> wanted, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<Mail> found = received().stream().filter(wanted).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      sleep(200);
    }
    throw new AssertionError("No matching e-mail within " + timeout + "; received: " + received());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
