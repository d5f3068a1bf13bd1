package org.vedetta.app.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a few small files: reads them every interval on a thread of its own and, after any changed since the last
 * look, runs a reload (which says whether it applied the change). A reload that throws is logged and the watch goes
 * on.
 */
final class FileWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FileWatch.class);

  private final String name;
  private final List<Path> files;
  private final BooleanSupplier reload;
  private final ScheduledExecutorService timer;
  private List<Object> stamps;

  private FileWatch(String name, List<Path> files, BooleanSupplier reload) {
    this.name = name;
    this.files = List.copyOf(files);
    this.reload = reload;
    this.stamps = stamps();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vedetta-" + name + "-reload");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts watching {@code files} as they are now, looking every {@code interval}; {@code name} names the thread. */
  static FileWatch start(String name, List<Path> files, Duration interval, BooleanSupplier reload) {
    FileWatch watch = new FileWatch(name, files, reload);
    watch.timer.scheduleWithFixedDelay(watch::checkQuietly, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return watch;
  }

  /** Reloads when a file changed since the last look; returns whether the reload applied it. */
  synchronized boolean check() {
    List<Object> now = stamps();
    if (now.equals(stamps)) {
      return false;
    }
    stamps = now;
    return reload.getAsBoolean();
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) {
      LOG.error("{} reload failed: {}", name, e.toString(), e);
    }
  }

  /** The content of each file; an unreadable file counts as a state of its own. */
  private List<Object> stamps() {
    return files.stream().map(file -> {
      try {
        return (Object) ByteBuffer.wrap(Files.readAllBytes(file));
      } catch (IOException e) {
        return (Object) ("unreadable: " + e.getMessage());
      }
    }).toList();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  @Override
  public String toString() {
    return "FileWatch[" + name + ": " + files + "]";
  }
}
