package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;

/**
 * Writes each mail to {@code <outbox>/<yyyyMMdd-HHmmss>-<digest id>.eml} (UTC) instead of sending it: through
 * a temporary file in the same directory and an atomic move, so a reader never sees half a mail.
 */
public final class OutboxMailer implements Mailer {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  public OutboxMailer(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public Delivered send(Digest digest, MimeMessage message) throws MessagingException {
    Path file = directory.resolve(STAMP.format(clock.instant()) + "-" + digest.id() + ".eml");
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + digest.id() + "-", ".eml.tmp");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        message.writeTo(out);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return new Delivered(file.toString(), file.toString());
    } catch (IOException e) {
      deleteQuietly(temporary, e);
      throw new MessagingException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The outbox directory exists (or can be created) and is writable. */
  @Override
  public Optional<String> check() {
    try {
      Files.createDirectories(directory);
      return Files.isWritable(directory) ? Optional.empty()
          : Optional.of("the outbox " + directory + " is not writable");
    } catch (IOException e) {
      return Optional.of("cannot create the outbox " + directory + ": " + e.getMessage());
    }
  }

  @Override
  public String describe() {
    return directory.toString();
  }

  private static void deleteQuietly(Path temporary, IOException cause) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
