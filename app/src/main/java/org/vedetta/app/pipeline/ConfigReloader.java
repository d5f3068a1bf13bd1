package org.vedetta.app.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final ScheduledExecutorService timer;
  private List<Object> stamps;

  private ConfigReloader(Path dir, Notifier notifier) {
    this.dir = dir;
    this.notifier = notifier;
    this.stamps = stamps();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vedetta-config-reload");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts watching {@code dir}, checking every {@code interval}. */
  public static ConfigReloader start(Path dir, Notifier notifier, Duration interval) {
    ConfigReloader reloader = new ConfigReloader(dir, notifier);
    reloader.timer.scheduleWithFixedDelay(reloader::checkQuietly, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return reloader;
  }

  /**
   * Reloads when a watched file changed since the last look.
   *
   * @return whether new settings were applied
   */
  public synchronized boolean check() {
    List<Object> now = stamps();
    if (now.equals(stamps)) {
      return false;
    }
    stamps = now;
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

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.error("Config reload failed: {}", e.toString(), e);
    }
  }

  private List<Object> stamps() {
    return FileStamps.of(FILES.stream().map(dir::resolve).toList());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  @Override
  public String toString() {
    return "ConfigReloader[" + Objects.toString(dir) + "]";
  }
}
