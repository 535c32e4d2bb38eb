package eu.municipia.mail.control;

import eu.municipia.mail.entity.OutboxAttachment;
import eu.municipia.mail.entity.OutboxMessage;
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
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hands a message to the SMTP server that configuration names (smtp.host, smtp.port, ...). */
@ApplicationScoped
public class MailTransport {

  /** The SMTP server refused the message or could not be reached. */
  public static class SendFailedException extends Exception {
    SendFailedException(String message, Throwable cause) {
      super(message, cause);
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

  public void send(OutboxMessage message) throws SendFailedException {
    send(message, List.of());
  }

  /** Sends the message, as plain text, or as multipart/mixed with the files attached. */
  public void send(OutboxMessage message, List<OutboxAttachment.File> files)
      throws SendFailedException {
    if (host.isEmpty() || host.get().isBlank()) {
      throw new SendFailedException("smtp.host is not set: e-mail waits in the outbox", null);
    }
    try {
      Session session = session();
      MimeMessage mime =
          new MimeMessage(session) {
            // The outbox id as Message-ID: should a send be repeated after a crash between the
            // SMTP server's answer and our commit, mail clients recognise the duplicate.
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", "<" + message.id() + "@municipia>");
            }
          };
      mime.setFrom(new InternetAddress(from, true));
      mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipient()));
      mime.setSubject(message.subject(), "UTF-8");
      if (files.isEmpty()) {
        mime.setText(message.body(), "UTF-8");
      } else {
        MimeMultipart parts = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.body(), "UTF-8");
        parts.addBodyPart(text);
        for (OutboxAttachment.File file : files) {
          MimeBodyPart part = new MimeBodyPart();
          part.setDataHandler(
              new jakarta.activation.DataHandler(
                  new ByteArrayDataSource(file.content(), file.contentType())));
          part.setFileName(file.name());
          parts.addBodyPart(part);
        }
        mime.setContent(parts);
      }
      mime.setSentDate(new Date());
      if (user.isPresent() && !user.get().isBlank()) {
        Transport.send(mime, user.get(), password.orElse(""));
      } else {
        Transport.send(mime);
      }
    } catch (MessagingException e) {
      throw new SendFailedException(e.getMessage(), e);
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
}
