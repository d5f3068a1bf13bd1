package org.vedetta.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.vedetta.model.Json;

/**
 * Scores the metadata extraction reads — title, author, language, publication date — against pages whose
 * {@code NAME.metadata.json} states them as readability's {@code expected-metadata.json} does ({@code title},
 * {@code byline}, {@code lang}, {@code publishedTime}). Each field counts over the pages whose reference states it: a
 * title or an author is right when either contains the other (case and spacing aside: "X" and "X - Medium" are one
 * title with and without the site's name), a language when the primary codes match, a date when the day matches.
 */
public final class MetadataScore {

  /** Right out of stated, per field. */
  public record Field(String name, int right, int stated) {
    public double share() {
      return stated == 0 ? 0 : (double) right / stated;
    }
  }

  private MetadataScore() {}

  public static List<Field> score(Path dir) throws IOException {
    List<Path> references;
    try (Stream<Path> files = Files.list(dir)) {
      references = files.filter(f -> f.getFileName().toString().endsWith(".metadata.json")).sorted().toList();
    }
    if (references.isEmpty()) {
      throw new IOException("no *.metadata.json in " + dir.toAbsolutePath());
    }
    int[][] counts = new int[4][2];
    for (Path reference : references) {
      String name = reference.getFileName().toString().replace(".metadata.json", "");
      JsonNode want = Json.mapper().readTree(Files.readString(reference));
      Pages.Page page = Pages.read(Files.readAllBytes(reference.resolveSibling(name + ".html")), "text/html",
          URI.create("https://corpus.example/" + name + ".html"), null);
      count(counts[0], text(want, "title"), t -> !page.title().isBlank() && overlaps(t, page.title()));
      count(counts[1], text(want, "byline"), b -> page.author() != null && overlaps(b, page.author()));
      count(counts[2], text(want, "lang"), l -> page.language() != null && primary(l).equals(primary(page.language())));
      count(counts[3], text(want, "publishedTime"), d -> page.publishedAt() != null
          && day(d) != null && day(d).equals(LocalDate.ofInstant(page.publishedAt(), ZoneOffset.UTC)));
    }
    return List.of(new Field("title", counts[0][0], counts[0][1]), new Field("author", counts[1][0], counts[1][1]),
        new Field("language", counts[2][0], counts[2][1]), new Field("date", counts[3][0], counts[3][1]));
  }

  public static void print(List<Field> fields, PrintWriter out) {
    for (Field f : fields) {
      out.printf(Locale.ROOT, "%-9s %3d of %3d right (%.3f)%n", f.name(), f.right(), f.stated(), f.share());
    }
  }

  private static void count(int[] count, String expected, java.util.function.Predicate<String> right) {
    if (expected != null) {
      count[1]++;
      if (right.test(expected)) {
        count[0]++;
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static String normal(String s) {
    return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  private static boolean overlaps(String a, String b) {
    String x = normal(a);
    String y = normal(b);
    return x.contains(y) || y.contains(x);
  }

  private static String primary(String language) {
    return language.toLowerCase(Locale.ROOT).split("[-_]")[0];
  }

  private static LocalDate day(String timestamp) {
    try {
      return OffsetDateTime.parse(timestamp).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(timestamp.substring(0, Math.min(10, timestamp.length())));
      } catch (DateTimeParseException | StringIndexOutOfBoundsException again) {
        return null;
      }
    }
  }
}
