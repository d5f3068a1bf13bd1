package org.vedetta.app.analyze;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.vedetta.ingest.Pages;
import org.vedetta.ingest.SourceFetchException;
import org.vedetta.model.Article;

/**
 * Turns what an analyst points at into an article: an http(s) URL (fetched and extracted as ingest would),
 * an HTML file, an {@code .eml} mail (its text part, or its HTML part extracted), or a plain-text file.
 */
public final class ArticleSource {

  private ArticleSource() {}

  public static Article read(String target, boolean allowPrivate, Instant now)
      throws IOException, MessagingException, SourceFetchException {
    if (target.startsWith("http://") || target.startsWith("https://")) {
      return article("url", Pages.fetch(URI.create(target), allowPrivate), now);
    }
    Path file = Path.of(target);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file: " + target + " (give a file or an http(s) URL)");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    byte[] bytes = Files.readAllBytes(file);
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return article("file", Pages.read(bytes, "text/html", file.toUri(), null), now);
    }
    if (name.endsWith(".eml")) {
      return mail(file, now);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return Article.of("file", file.toUri().toString(), file.getFileName().toString(), text, Pages.language(text),
        null, now);
  }

  private static Article article(String source, Pages.Page page, Instant now) {
    return Article.of(source, page.url(), page.title(), page.text(), page.language(), page.publishedAt(), now);
  }

  private static Article mail(Path file, Instant now) throws IOException, MessagingException {
    try (InputStream in = Files.newInputStream(file)) {
      MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), in);
      Instant sent = mail.getSentDate() == null ? null : mail.getSentDate().toInstant();
      String subject = mail.getSubject() == null ? "" : mail.getSubject();
      String text = textOf(mail);
      if (text == null) {
        String html = htmlOf(mail);
        text = html == null ? "" : Pages.read(html.getBytes(StandardCharsets.UTF_8), "text/html", file.toUri(), null)
            .text();
      }
      return Article.of("mail", file.toUri().toString(), subject, text, Pages.language(subject + "\n\n" + text),
        sent, now);
    }
  }

  private static String textOf(Part part) throws MessagingException, IOException {
    return find(part, "text/plain");
  }

  private static String htmlOf(Part part) throws MessagingException, IOException {
    return find(part, "text/html");
  }

  private static String find(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type)) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = find(body, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
