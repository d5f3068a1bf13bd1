package org.vedetta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passages a page's main text must hold, and furniture it must not, counted as trafilatura's benchmark counts. */
class SnippetScoreTest {

  @Test
  void passagesFoundAndFurnitureFoundAreCountedOverThePages(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("desk.html"), """
        <html><head><title>Treaty ratified</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><p>The parliament in Minsk ratified the security treaty with Russia on Tuesday.</p>
        <p>The treaty enters into force once the instruments of ratification are exchanged.</p></article>
        <footer><p>Subscribe to our newsletter for the day's news from the region.</p></footer>
        </body></html>""");
    Path list = dir.resolve("pages.json");
    Files.writeString(list, """
        [{"file": "desk.html", "url": "https://desk.example/treaty",
          "with": ["ratified the security treaty", "instruments of ratification", "a sentence it does not have"],
          "without": ["Subscribe to our newsletter", "Home World"]}]""");

    SnippetScore.Result result = SnippetScore.score(list, dir);

    assertThat(result.found()).isEqualTo(2);
    assertThat(result.missed()).isEqualTo(1);
    assertThat(result.furniture()).isZero();
    assertThat(result.furnitureTotal()).isEqualTo(2);
    assertThat(result.precision()).isEqualTo(1.0);
    assertThat(result.recall()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(result.worst()).containsExactly("desk.html: 1 missing, 0 of furniture");
  }
}
