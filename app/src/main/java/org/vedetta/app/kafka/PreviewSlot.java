package org.vedetta.app.kafka;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets one console preview at a time replay the topics in this process (a preview reads up to hundreds of thousands
 * of records): one asked for while another runs is turned away, not queued, so the console cannot load the service
 * by asking for many at once.
 */
public final class PreviewSlot {

  /** Another preview is running. */
  public static final class Busy extends RuntimeException {
    Busy() {
      super("another preview is running; try again in a few seconds");
    }
  }

  private final Semaphore running = new Semaphore(1);

  /**
   * Runs {@code preview} unless another one is running.
   *
   * @throws Busy when another preview holds the slot
   */
  public <T> T run(Supplier<T> preview) {
    if (!running.tryAcquire()) {
      throw new Busy();
    }
    try {
      return preview.get();
    } finally {
      running.release();
    }
  }
}
