package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vedetta.app.web.SourcesPage;
import org.vedetta.app.web.WebTemplates;

/** The sources page shows a source whose items failed, and one whose feed needed mending, with the reasons. */
class SourcesTemplateTest {

  @Test
  void itemFailuresAndMendedFeedsAreShownWithTheirReasons() {
    SourcesPage.Row failing = new SourcesPage.Row("desk", "rss", "https://desk.example/feed.xml", "15 min", true, 0,
        "2026-12-07 05:00", "2026-12-07 05:00", "2026-12-07 05:15", 10, 9, null, 2,
        "item g1: extraction failed: <StackOverflowError>", "read after mending: undeclared namespace prefixes dc");

    String html = new WebTemplates().render("sources", Locale.ENGLISH,
        Map.of("rows", List.of(failing), "changes", false));

    assertThat(html).contains("2 of 10 items failed in the last poll; last: item g1: extraction failed:"
        + " &lt;StackOverflowError&gt;")
        .contains("read after mending: undeclared namespace prefixes dc");
  }
}
