package org.vedetta.app.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.settings.SettingsException;

/**
 * Applies edits of the knowledge set to a running matcher: reads its four files every few seconds and, after a
 * change, loads and checks them exactly as at start and puts a matcher on the new set in place of the old (learned
 * facts stay: they live in the database). A set with problems is reported (file, line, what is wrong) and the
 * matcher keeps the last good one.
 */
final class KnowledgeReloader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeReloader.class);
  private static final List<String> FILES = List.of("entities.yml", "events.yml", "treaties.yml", "facts.yml");

  private final Path dir;
  private final String displayDir;
  private final AtomicReference<Matcher> matcher;
  private final Function<KnowledgeSet, Matcher> build;
  private final FileWatch watch;

  private KnowledgeReloader(Path dir, String displayDir, AtomicReference<Matcher> matcher,
      Function<KnowledgeSet, Matcher> build, Duration interval) {
    this.dir = dir;
    this.displayDir = displayDir;
    this.matcher = matcher;
    this.build = build;
    this.watch = FileWatch.start("knowledge", FILES.stream().map(dir::resolve).toList(), interval, this::reload);
  }

  /** Starts watching {@code dir}; a change puts {@code build}'s matcher on the new set into {@code matcher}. */
  static KnowledgeReloader start(Path dir, String displayDir, AtomicReference<Matcher> matcher,
      Function<KnowledgeSet, Matcher> build, Duration interval) {
    return new KnowledgeReloader(dir, displayDir, matcher, build, interval);
  }

  private boolean reload() {
    try {
      KnowledgeSet knowledge = KnowledgeSet.load(dir, displayDir);
      matcher.set(build.apply(knowledge));
      LOG.info("Reloaded the knowledge set: {} entities, {} facts", knowledge.entities().size(),
          knowledge.facts().size());
      return true;
    } catch (SettingsException e) {
      LOG.error("Knowledge set not reloaded, the matcher keeps its current one:\n{}", e.getMessage());
    }
    return false;
  }

  @Override
  public void close() {
    watch.close();
  }
}
