package org.vedetta.app.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.notifier.Notifier;
import org.vedetta.settings.SettingsException;

/**
 * Applies edits of {@code watchlists.yml} and {@code subscribers.yml} to a running notifier. It reads the two
 * (small) files every few seconds; after a change to either it loads and checks the whole config
 * directory again, exactly as at start, and on success hands the new watchlists and subscribers to
 * {@link Notifier#reconfigure}. A config with problems is reported (file, line, what is wrong) and the service
 * keeps running on the last good one.
 */
public final class ConfigReloader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);
  private static final List<String> FILES = List.of("watchlists.yml", "subscribers.yml");

  private final Path dir;
  private final Notifier notifier;
  private final FileWatch watch;

  private ConfigReloader(Path dir, Notifier notifier, Duration interval) {
    this.dir = dir;
    this.notifier = notifier;
    this.watch = FileWatch.start("config", FILES.stream().map(dir::resolve).toList(), interval, this::reload);
  }

  /** Starts watching {@code dir}, checking every {@code interval}. */
  public static ConfigReloader start(Path dir, Notifier notifier, Duration interval) {
    return new ConfigReloader(dir, notifier, interval);
  }

  /**
   * Reloads when a watched file changed since the last look.
   *
   * @return whether new settings were applied
   */
  public boolean check() {
    return watch.check();
  }

  private boolean reload() {
    try {
      VedettaConfig config = VedettaConfig.load(dir);
      notifier.reconfigure(config.watchlists(), config.subscribers());
      LOG.info("Reloaded {}: {} watchlists, {} subscribers", String.join(" and ", FILES), config.watchlists().size(),
          config.subscribers().size());
      return true;
    } catch (SettingsException e) {
      LOG.error("Not reloaded, the service keeps its current watchlists and subscribers:\n{}", e.getMessage());
    } catch (IllegalArgumentException e) {
      LOG.error("Not reloaded, the service keeps its current watchlists and subscribers: {}", e.getMessage());
    }
    return false;
  }

  @Override
  public void close() {
    watch.close();
  }

  @Override
  public String toString() {
    return "ConfigReloader[" + Objects.toString(dir) + "]";
  }
}
