package org.vedetta.app.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.vedetta.ingest.SourceHealth;

/**
 * The sources' state in one line for {@code /health}: which are unhealthy, which had items fail in their last poll
 * and whose document needed mending to read. A news site that is down is not the process's fault, so this informs and never makes the process unready.
 */
public final class SourcesSummary {

  /** The line is cut here; {@code /sources} has the rest. */
  static final int MAX_CHARS = 600;

  private SourcesSummary() {}

  public static String of(Collection<SourceHealth> sources) {
    List<String> unhealthy = new ArrayList<>();
    List<String> failingItems = new ArrayList<>();
    List<String> mended = new ArrayList<>();
    for (SourceHealth h : sources) {
      if (!h.healthy()) {
        unhealthy.add(h.sourceId() + " (" + h.consecutiveFailures() + " polls failed: " + h.lastError() + ")");
      }
      if (h.warning() != null) {
        mended.add(h.sourceId() + " (" + h.warning() + ")");
      }
      if (h.itemsFailedLastPoll() > 0) {
        failingItems.add(h.sourceId() + " (" + h.itemsFailedLastPoll() + " of " + h.itemsLastPoll() + ": "
            + h.lastItemError() + ")");
      }
    }
    StringBuilder line = new StringBuilder().append(sources.size()).append(sources.size() == 1 ? " source" : " sources");
    if (unhealthy.isEmpty() && failingItems.isEmpty() && mended.isEmpty()) {
      return line.append(", all polling").toString();
    }
    if (!unhealthy.isEmpty()) {
      line.append("; unhealthy: ").append(String.join(", ", unhealthy));
    }
    if (!failingItems.isEmpty()) {
      line.append("; items failing in the last poll: ").append(String.join(", ", failingItems));
    }
    if (!mended.isEmpty()) {
      line.append("; feeds that needed mending: ").append(String.join(", ", mended));
    }
    return line.length() <= MAX_CHARS ? line.toString() : line.substring(0, MAX_CHARS - 3) + "...";
  }
}
