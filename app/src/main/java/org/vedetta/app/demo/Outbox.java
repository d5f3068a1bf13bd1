package org.vedetta.app.demo;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reading the file outbox: waiting for a new digest and reading its subject. */
public final class Outbox {

  private Outbox() {}

  /** Waits until a {@code .eml} file written after {@code since} appears in {@code dir}; null at the deadline. */
  public static Path awaitNew(Path dir, Instant since, Instant deadline) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (true) {
        Optional<Path> found = newest(dir, since);
        if (found.isPresent()) {
          return found.get();
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          return null;
        }
        WatchKey key = watch.poll(Math.min(left, 1000), TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }

  private static Optional<Path> newest(Path dir, Instant since) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".eml"))
          .filter(p -> modified(p).toInstant().isAfter(since))
          .max((a, b) -> modified(a).compareTo(modified(b)));
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decoded subject of an {@code .eml} file. */
  public static String subject(Path eml) throws IOException, MessagingException {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in).getSubject();
    }
  }
}
