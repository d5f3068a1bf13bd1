package org.vedetta.matcher.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.knowledge.KnowledgeSet;

/**
 * The matcher on the labelled set in {@code config/knowledge/eval}: the figures must not drop below those
 * the README states. Raise them here and there together when the matcher gets better.
 */
class EvaluationTest {

  private static final Path KNOWLEDGE = Path.of("..", "config", "knowledge");

  @Test
  void theLabelledSetScoresAtLeastTheStatedFigures() {
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:eval-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Matcher matcher = Matcher.builder().knowledge(KnowledgeSet.load(KNOWLEDGE, "config/knowledge"))
        .dataSource(memory).build();

    Evaluation.Report report = new Evaluation(matcher, LabelledIds.read(KNOWLEDGE.resolve("eval").resolve("real")))
        .run(LabelledCase.readSet(KNOWLEDGE.resolve("eval")));

    assertThat(report.articles()).isGreaterThanOrEqualTo(60);
    assertThat(report.byLanguage()).hasSizeGreaterThanOrEqualTo(4);
    String misses = String.join("\n", report.misses());
    assertThat(report.total().mentions().precision()).as(misses).isGreaterThanOrEqualTo(0.98);
    assertThat(report.total().mentions().recall()).as(misses).isGreaterThanOrEqualTo(0.98);
    assertThat(report.total().claims().precision()).as(misses).isGreaterThanOrEqualTo(0.94);
    assertThat(report.total().claims().recall()).as(misses).isGreaterThanOrEqualTo(0.85);
    assertThat(report.total().developments().precision()).as(misses).isGreaterThanOrEqualTo(0.93);
    assertThat(report.total().developments().recall()).as(misses).isGreaterThanOrEqualTo(0.83);
    assertThat(report.verdicts()).as(misses).isGreaterThanOrEqualTo(0.93);
  }
}
