package org.vedetta.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.vedetta.ingest.Pages;

/**
 * How fast main-text extraction reads real pages on one thread: every {@code .html} page of a folder (by default the
 * readability benchmark's pages committed with the ingest tests, and the project's labelled pages), held in memory,
 * read with {@link Pages#read} (parse, boilerplate, main text, metadata, language) round after round on a warm JVM.
 *
 * <pre>{@code mvn -B -q -pl bench compile exec:java@extraction [-Dexec.args="--pages DIR --rounds 20"]}</pre>
 */
public final class ExtractionBenchmark {

  private static final String USAGE = "usage: ExtractionBenchmark [--pages DIR] [--rounds N]";

  private ExtractionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Arguments a = Arguments.parseOrExit(s -> Arguments.parse(Set.of("--pages", "--rounds"), s), USAGE, args);
    int rounds = a.number("--rounds", 20, 1, 10_000);
    List<Path> dirs = a.value("--pages") != null ? List.of(Path.of(a.value("--pages")))
        : List.of(corpus("readability"), corpus("pages"));
    a.check();

    List<byte[]> pages = new ArrayList<>();
    long bytes = 0;
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
          byte[] page = Files.readAllBytes(f);
          pages.add(page);
          bytes += page.length;
        }
      }
    }
    URI url = URI.create("https://bench.vedetta.invalid/page.html");
    for (int warm = 0; warm < Math.max(3, rounds / 4); warm++) {
      pages.forEach(p -> Pages.read(p, "text/html", url, null));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long chars = 0;
    for (int round = 0; round < rounds; round++) {
      for (byte[] page : pages) {
        chars += Pages.read(page, "text/html", url, null).text().length();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long read = (long) pages.size() * rounds;
    System.out.printf("%d pages (%.1f MB, %.0f KB each on average), %d rounds on one thread: %.0f pages/s, %.1f MB/s,"
        + " %.2f ms per page; %.0f pages per CPU second of the thread (%,d characters of main text per round)%n",
        pages.size(), bytes / 1e6, bytes / 1e3 / pages.size(), rounds, read / seconds, bytes * rounds / 1e6 / seconds,
        1000 * seconds / read, read / cpuSeconds, chars / rounds);
  }

  private static Path corpus(String name) {
    String benchDir = System.getProperty("vedetta.bench.dir");
    Path base = benchDir != null ? Path.of(benchDir).resolve("..") : Path.of("..");
    Path dir = base.resolve("ingest/src/test/resources/corpus").resolve(name).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = Path.of("ingest/src/test/resources/corpus", name).toAbsolutePath();
    }
    return dir;
  }
}
