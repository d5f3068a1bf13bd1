package org.vedetta.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vedetta.model.Json;

/**
 * Scores main-text extraction the way trafilatura's benchmark does: each page comes with passages its main text
 * must hold ({@code with}) and passages of page furniture it must not ({@code without}), in a JSON list of
 * {@code {"file": "NAME.html", "url": ..., "with": [...], "without": [...]}}. A passage found is a true positive
 * ({@code with}) or a false positive ({@code without}); precision, recall and F1 count passages over all pages.
 * {@code vedetta score-extraction DIR --snippets FILE} prints them.
 */
public final class SnippetScore {

  /**
   * The outcome.
   *
   * @param pages          pages read
   * @param found          {@code with} passages found
   * @param missed         {@code with} passages missing
   * @param furniture      {@code without} passages found
   * @param furnitureTotal {@code without} passages in all
   * @param worst          the pages with most passages wrong, for people
   */
  public record Result(int pages, int found, int missed, int furniture, int furnitureTotal, List<String> worst) {
    public double precision() {
      return found + furniture == 0 ? 0 : (double) found / (found + furniture);
    }

    public double recall() {
      return found + missed == 0 ? 0 : (double) found / (found + missed);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private SnippetScore() {}

  /** Reads the pages of {@code list} from {@code dir} as ingest does and counts their passages. */
  public static Result score(Path list, Path dir) throws IOException {
    JsonNode pages = Json.mapper().readTree(Files.readString(list));
    int found = 0;
    int missed = 0;
    int furniture = 0;
    int furnitureTotal = 0;
    List<String> wrong = new ArrayList<>();
    for (JsonNode page : pages) {
      String name = page.path("file").asText();
      String url = page.path("url").asText("https://corpus.example/" + name);
      String text = flat(Pages.read(Files.readAllBytes(dir.resolve(name)), "text/html",
          URI.create(url.replace(" ", "%20")), null).text());
      int pageMissed = 0;
      int pageFurniture = 0;
      for (JsonNode passage : page.path("with")) {
        if (text.contains(flat(passage.asText()))) {
          found++;
        } else {
          missed++;
          pageMissed++;
        }
      }
      for (JsonNode passage : page.path("without")) {
        furnitureTotal++;
        if (text.contains(flat(passage.asText()))) {
          furniture++;
          pageFurniture++;
        }
      }
      if (pageMissed + pageFurniture > 0) {
        wrong.add(String.format(Locale.ROOT, "%s: %d missing, %d of furniture", name, pageMissed, pageFurniture));
      }
    }
    return new Result(pages.size(), found, missed, furniture, furnitureTotal, List.copyOf(wrong));
  }

  /** The pages with a passage wrong, then the totals. */
  public static void print(Result result, PrintWriter out) {
    result.worst().forEach(out::println);
    out.printf(Locale.ROOT, "%d pages: precision %.3f, recall %.3f, F1 %.3f (%d passages found, %d missing; %d of %d"
        + " furniture passages found)%n", result.pages(), result.precision(), result.recall(), result.f1(),
        result.found(), result.missed(), result.furniture(), result.furnitureTotal());
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
