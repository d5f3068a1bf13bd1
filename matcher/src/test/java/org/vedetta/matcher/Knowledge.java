package org.vedetta.matcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Article;

/** Test fixtures: the project's real knowledge set and a matcher on a fresh in-memory database. */
final class Knowledge {

  static final Path DIR = Path.of("..", "config", "knowledge");
  static final KnowledgeSet SET = KnowledgeSet.load(DIR, "config/knowledge");

  private Knowledge() {}

  static Matcher matcher() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return Matcher.builder().knowledge(SET).dataSource(ds)
        .clock(Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC)).build();
  }

  static Article article(String source, String url, String title, String text, String published) {
    return article(source, url, title, text, null, published);
  }

  /** An article in a stated language ({@code null}: the matcher reads it in every language). */
  static Article article(String source, String url, String title, String text, String language, String published) {
    return Article.of(source, url, title, text, language, Instant.parse(published),
        Instant.parse("2026-11-24T09:00:00Z"));
  }
}
