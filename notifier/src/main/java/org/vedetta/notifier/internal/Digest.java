package org.vedetta.notifier.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.vedetta.model.Development;
import org.vedetta.model.Ids;
import org.vedetta.notifier.Subscriber;

/**
 * One mail's worth of developments for one subscriber, most severe first (none for a "nothing new" mail).
 *
 * @param id         hash of the subscriber and the development ids: the same items give the same id, so a mail
 *                   re-sent after a crash carries the same {@code Message-ID}
 * @param subscriber who it is for
 * @param items      the developments, most severe first, then most recent
 * @param immediate  an alert sent at once rather than a scheduled digest
 * @param createdAt  when it was assembled
 */
public record Digest(String id, Subscriber subscriber, List<Development> items, boolean immediate,
    Instant createdAt) {

  static final Comparator<Development> MOST_SEVERE_FIRST = Comparator
      .comparingInt(Development::severity).reversed()
      .thenComparing(Development::detectedAt, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(Development::id);

  public Digest {
    items = List.copyOf(items);
  }

  public static Digest of(Subscriber subscriber, List<Development> items, boolean immediate, Instant createdAt) {
    List<Development> sorted = items.stream().sorted(MOST_SEVERE_FIRST).toList();
    String[] parts = Stream.concat(Stream.of(subscriber.email()), sorted.stream().map(Development::id).sorted())
        .toArray(String[]::new);
    return new Digest(Ids.of(parts), subscriber, sorted, immediate, createdAt);
  }

  /**
   * A scheduled digest with nothing to report, for subscribers who asked for one: its id is a hash of the
   * subscriber and the scheduled time, so the same schedule slot never sends twice.
   */
  public static Digest empty(Subscriber subscriber, Instant scheduledAt, Instant createdAt) {
    return new Digest(Ids.of(subscriber.email(), "empty", scheduledAt.toString()), subscriber, List.of(), false,
        createdAt);
  }

  /** Whether it carries no development (a scheduled "nothing new" mail). */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The {@code Message-ID} header: {@code <id@vedetta>}. */
  public String messageId() {
    return "<" + id + "@vedetta>";
  }

  /** The development people should read first; the digest must not be empty. */
  public Development top() {
    return items.get(0);
  }
}
