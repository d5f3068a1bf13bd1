package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The corpus of {@code corpus/}: feeds and pages written after real sites (see {@code corpus/README.md}), with
 * what ingest must read from each in {@code feeds.tsv} and {@code pages.tsv}.
 */
class CorpusTest {

  /** A row of a manifest: the file and its expected values, {@code null} where the manifest says {@code -}. */
  record Row(String file, List<String> values) {
    String get(int i) {
      return values.get(i);
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static List<Row> feeds() {
    return manifest("feeds.tsv");
  }

  static List<Row> pages() {
    return manifest("pages.tsv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void everyFeedReadsAsExpected(Row row) throws Exception {
    byte[] body = bytes("feeds/" + row.file());
    String contentType = row.get(0);
    URI base = URI.create("https://corpus.example/feeds/" + row.file());
    assertThat(FeedParser.isFeed(body, contentType)).isTrue();
    if (row.get(1).equals("error")) {
      assertThatThrownBy(() -> new FeedParser().parse(body, contentType, base))
          .isInstanceOf(DocumentException.class)
          .hasMessageStartingWith("not a valid RSS or Atom feed: ")
          .hasMessageContaining("line");
      return;
    }
    List<FeedItem> items = new FeedParser().parse(body, contentType, base);

    assertThat(items).hasSize(Integer.parseInt(row.get(1)));
    assertThat(items).extracting(FeedItem::language).containsOnly(row.get(2));
    assertThat(items.get(0).title()).isEqualTo(row.get(3));
    for (FeedItem item : items) {
      // No mojibake, no entity or tag left undecoded.
      assertThat(item.title()).isNotBlank().doesNotContain("\uFFFD", "Ã", "Ð", "<").doesNotContainPattern("&#?\\w+;");
      assertThat(item.text()).doesNotContain("\uFFFD", "Ã", "Ð", "<p>").doesNotContainPattern("&#?\\w+;");
      assertThat(item.link()).startsWith("https://");
      assertThat(item.key()).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyPageExtractsItsTitleAuthorDateLanguageAndText(Row row) {
    byte[] body = bytes("pages/" + row.file() + ".html");
    Fetched page = Fetched.of(URI.create("https://corpus.example/" + row.file() + ".html"), "text/html", body);

    ExtractedPage extracted = new PageExtractor(null).extract(page, null);

    assertThat(FeedParser.isFeed(body, "text/html")).isFalse();
    assertThat(extracted.title()).isEqualTo(row.get(3));
    assertThat(extracted.text()).isNotBlank().doesNotContain("\uFFFD", "Ã", "cookie");
    assertThat(extracted.language()).isEqualTo(row.get(0));
    assertThat(extracted.author()).isEqualTo(row.get(1));
    assertThat(extracted.publishedAt()).isEqualTo(row.get(2) == null ? null : Instant.parse(row.get(2)));
  }

  @Test
  void theManifestsListEveryFileAndTheCorpusIsBigEnough() throws Exception {
    Path root = TestCorpus.pages().getParent();
    try (Stream<Path> feeds = Files.list(root.resolve("feeds")); Stream<Path> pages = Files.list(root.resolve("pages"))) {
      assertThat(feeds.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(feeds().stream().map(Row::file).toList());
      assertThat(pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")))
          .containsExactlyInAnyOrderElementsOf(pages().stream().map(r -> r.file() + ".html").toList());
    }
    assertThat(feeds()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(pages()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(pages()).extracting(r -> r.get(0)).contains("it", "en", "ru", "uk", "fr", "de", "es");
  }

  private static List<Row> manifest(String name) {
    List<Row> rows = new ArrayList<>();
    for (String line : new String(bytes(name), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      List<String> values = new ArrayList<>();
      for (int i = 1; i < cells.length; i++) {
        values.add(cells[i].equals("-") ? null : cells[i]);
      }
      rows.add(new Row(cells[0], values));
    }
    return rows;
  }

  private static byte[] bytes(String name) {
    try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
