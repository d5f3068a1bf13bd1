package org.vedetta.app.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final ScheduledExecutorService timer;
  private List<Object> stamps;

  private KnowledgeReloader(Path dir, String displayDir, AtomicReference<Matcher> matcher,
      Function<KnowledgeSet, Matcher> build) {
    this.dir = dir;
    this.displayDir = displayDir;
    this.matcher = matcher;
    this.build = build;
    this.stamps = stamps();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vedetta-knowledge-reload");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts watching {@code dir}; a change puts {@code build}'s matcher on the new set into {@code matcher}. */
  static KnowledgeReloader start(Path dir, String displayDir, AtomicReference<Matcher> matcher,
      Function<KnowledgeSet, Matcher> build, Duration interval) {
    KnowledgeReloader reloader = new KnowledgeReloader(dir, displayDir, matcher, build);
    reloader.timer.scheduleWithFixedDelay(reloader::checkQuietly, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return reloader;
  }

  /** Reloads when a file changed since the last look; returns whether a new set is in use. */
  synchronized boolean check() {
    List<Object> now = stamps();
    if (now.equals(stamps)) {
      return false;
    }
    stamps = now;
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

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.error("Knowledge reload failed: {}", e.toString(), e);
    }
  }

  private List<Object> stamps() {
    return FileStamps.of(FILES.stream().map(dir::resolve).toList());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
