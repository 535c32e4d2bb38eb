package eu.municipia.mail.control;

import eu.municipia.mail.entity.OutboxAttachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands messages to the SMTP server that configuration names (smtp.host, smtp.port, ...), over a
 * {@link Connection} that a worker keeps open for many messages: one connection (and TLS handshake,
 * and login) per batch, not per message.
 */
@ApplicationScoped
public class MailTransport {

  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,60}");

  /** The SMTP server refused the message or could not be reached. */
  public static class SendFailedException extends Exception {
    private final boolean connectionLost;

    SendFailedException(String message, Throwable cause, boolean connectionLost) {
      super(message, cause);
      this.connectionLost = connectionLost;
    }

    /**
     * Whether the connection failed (the server is down or went away), rather than the server
     * refusing this one message: then the messages after it will not go either.
     */
    public boolean connectionLost() {
      return connectionLost;
    }
  }

  /**
   * One message ready to leave: its outbox id (the stable Message-ID, with the association, so a
   * bounce finds its way back), the recipient, the texts, extra headers and attached files.
   */
  public record Envelope(
      UUID id,
      String tenant,
      String recipient,
      String subject,
      String text,
      String html,
      Map<String, String> headers,
      String fromName,
      List<OutboxAttachment.File> attachments) {

    public Envelope {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Envelope(
        UUID id,
        String tenant,
        String recipient,
        String subject,
        String text,
        String html,
        Map<String, String> headers,
        String fromName) {
      this(id, tenant, recipient, subject, text, html, headers, fromName, List.of());
    }

    /** The Message-ID: the same at every attempt, so a repeated message is seen as one. */
    public String messageId() {
      return "<" + id + "." + tenant + "@municipia>";
    }
  }

  @Inject
  @ConfigProperty(name = "smtp.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "smtp.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "smtp.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "smtp.from", defaultValue = "Municipia <noreply@municipia.localhost>")
  String from;

  /** A connection to the SMTP server, opened at the first message, reused for the following. */
  public Connection connect() {
    return new Connection();
  }

  /** An open SMTP conversation; not thread-safe: one per worker. */
  public final class Connection implements AutoCloseable {

    private Session session;
    private Transport transport;

    private Connection() {}

    /** Sends the message; answers once the server has accepted it. */
    public void send(Envelope envelope) throws SendFailedException {
      if (host.isEmpty() || host.get().isBlank()) {
        throw new SendFailedException(
            "smtp.host is not set: e-mail waits in the outbox", null, true);
      }
      MimeMessage mime;
      try {
        mime = message(envelope);
      } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
        throw new SendFailedException("The message could not be made: " + e, e, false);
      }
      try {
        open();
        transport.sendMessage(mime, mime.getAllRecipients());
      } catch (jakarta.mail.SendFailedException e) {
        // The server refused this message (a recipient, the content); the connection stays.
        throw new SendFailedException(e.getMessage(), e, !transport.isConnected());
      } catch (MessagingException | IllegalStateException e) {
        close();
        throw new SendFailedException(String.valueOf(e.getMessage()), e, true);
      }
    }

    private void open() throws MessagingException {
      if (transport != null && transport.isConnected()) {
        return;
      }
      if (session == null) {
        session = session();
      }
      transport = session.getTransport("smtp");
      if (user.isPresent() && !user.get().isBlank()) {
        transport.connect(host.get(), port, user.get(), password.orElse(""));
      } else {
        transport.connect();
      }
    }

    private MimeMessage message(Envelope envelope)
        throws MessagingException, UnsupportedEncodingException {
      if (session == null) {
        session = session();
      }
      MimeMessage mime =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", envelope.messageId());
            }
          };
      InternetAddress sender = new InternetAddress(from, true);
      if (envelope.fromName() != null && !envelope.fromName().isBlank()) {
        sender = new InternetAddress(sender.getAddress(), envelope.fromName(), "UTF-8");
      }
      mime.setFrom(sender);
      mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(envelope.recipient()));
      mime.setSubject(envelope.subject(), "UTF-8");
      if (envelope.attachments().isEmpty()) {
        body(mime, envelope);
      } else {
        // multipart/mixed: the text (or its alternatives) first, then the files.
        MimeBodyPart content = new MimeBodyPart();
        body(content, envelope);
        MimeMultipart parts = new MimeMultipart("mixed", content);
        for (OutboxAttachment.File file : envelope.attachments()) {
          MimeBodyPart part = new MimeBodyPart();
          part.setDataHandler(
              new jakarta.activation.DataHandler(
                  new ByteArrayDataSource(file.content(), file.contentType())));
          part.setFileName(file.name());
          parts.addBodyPart(part);
        }
        mime.setContent(parts);
      }
      for (Map.Entry<String, String> header : envelope.headers().entrySet()) {
        if (!HEADER_NAME.matcher(header.getKey()).matches()) {
          throw new IllegalArgumentException("Not a header name: " + header.getKey());
        }
        mime.setHeader(header.getKey(), header.getValue().replaceAll("[\\r\\n]+", " "));
      }
      mime.setSentDate(new Date());
      return mime;
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException ignored) {
          // Closing a connection that failed already: nothing more to do.
        }
        transport = null;
      }
    }
  }

  private Session session() {
    Properties props = new Properties();
    props.put("mail.smtp.host", host.get());
    props.put("mail.smtp.port", String.valueOf(port));
    props.put("mail.smtp.auth", String.valueOf(user.isPresent() && !user.get().isBlank()));
    // Encrypt when the server offers it; port 465 (implicit TLS) speaks TLS from the start.
    props.put("mail.smtp.starttls.enable", "true");
    props.put("mail.smtp.ssl.enable", String.valueOf(port == 465));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    return Session.getInstance(props);
  }

  /** The text alone, or text and HTML as alternatives. */
  private static void body(MimePart part, Envelope envelope) throws MessagingException {
    if (envelope.html() == null) {
      part.setText(envelope.text(), "UTF-8");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(envelope.text(), "UTF-8");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(envelope.html(), "UTF-8", "html");
      part.setContent(new MimeMultipart("alternative", text, html));
    }
  }
}
