package org.vedetta.app.analyze;

import java.nio.file.Path;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.knowledge.KnowledgeSet;

/** A matcher over the baseline knowledge alone, on a throwaway in-memory database: it changes nothing. */
public final class Baseline {

  private Baseline() {}

  public static Matcher matcher(Path knowledgeDir) {
    KnowledgeSet knowledge = KnowledgeSet.load(knowledgeDir, knowledgeDir.toString().replace('\\', '/'));
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:baseline-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return Matcher.builder().knowledge(knowledge).dataSource(memory).build();
  }
}
