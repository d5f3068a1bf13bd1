package org.vedetta.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vedetta.ingest.Pages;
import org.vedetta.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vedetta extract FILE|URL}: what ingest reads from one page (title, author, publication date,
 * language, main text) or one feed (its items), without publishing anything. A document is a feed when its
 * root element is {@code <rss>}, {@code <rdf:RDF>} or {@code <feed>}, whatever its name or Content-Type says.
 */
@Command(name = "extract", description = "Show what ingest reads from a page (title, author, date, language, "
    + "main text) or a feed (its items): a file or an http(s) URL.")
final class ExtractCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE|URL", description = "An HTML page or an RSS/Atom feed: a file or an http(s) URL.")
  String target;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(names = "--allow-private", description = "Allow fetching from loopback and private addresses.")
  boolean allowPrivate;

  @Override
  public Integer call() throws Exception {
    Pages.Document document = read();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.writeString(asJson(document)));
    } else if (document instanceof Pages.Page page) {
      print(page, out);
    } else {
      print((Pages.Feed) document, out);
    }
    out.flush();
    return 0;
  }

  private Pages.Document read() throws IOException {
    if (target.startsWith("http://") || target.startsWith("https://")) {
      return Pages.fetchDocument(URI.create(target), allowPrivate);
    }
    Path file = Path.of(target);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file: " + target + " (give a file or an http(s) URL)");
    }
    return Pages.readDocument(Files.readAllBytes(file), null, file.toAbsolutePath().toUri());
  }

  private static void print(Pages.Page page, PrintWriter out) {
    out.printf("Title:      %s%n", page.title());
    out.printf("Author:     %s%n", orUnknown(page.author()));
    out.printf("Published:  %s%n", orUnknown(page.publishedAt()));
    out.printf("Language:   %s%n", orUnknown(page.language()));
    out.printf("URL:        %s%n%n", page.url());
    out.println(page.text());
  }

  private static void print(Pages.Feed feed, PrintWriter out) {
    out.printf("Feed:       %s%n", feed.title().isEmpty() ? "(untitled)" : feed.title());
    out.printf("URL:        %s%n", feed.url());
    out.printf("Items:      %d%n", feed.items().size());
    int n = 0;
    for (Pages.FeedEntry item : feed.items()) {
      out.printf("%n%d. %s%n", ++n, item.title().isEmpty() ? "(untitled)" : item.title());
      out.printf("   link:    %s%n", orUnknown(item.link()));
      out.printf("   guid:    %s%n", orUnknown(item.guid()));
      out.printf("   date:    %s%n", orUnknown(item.publishedAt()));
      if (!item.teaser().isEmpty()) {
        out.printf("   %s%n", item.teaser());
      }
    }
  }

  private static Map<String, Object> asJson(Pages.Document document) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (document instanceof Pages.Page page) {
      json.put("type", "page");
      json.put("url", page.url());
      json.put("title", page.title());
      json.put("author", page.author());
      json.put("published_at", page.publishedAt());
      json.put("language", page.language());
      json.put("text", page.text());
      return json;
    }
    Pages.Feed feed = (Pages.Feed) document;
    json.put("type", "feed");
    json.put("url", feed.url());
    json.put("title", feed.title());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Pages.FeedEntry item : feed.items()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("title", item.title());
      entry.put("link", item.link());
      entry.put("guid", item.guid());
      entry.put("published_at", item.publishedAt());
      entry.put("language", item.language());
      entry.put("teaser", item.teaser());
      items.add(entry);
    }
    json.put("items", items);
    return json;
  }

  private static String orUnknown(Object value) {
    return value == null ? "unknown" : value instanceof Instant at ? at.toString() : value.toString();
  }
}
