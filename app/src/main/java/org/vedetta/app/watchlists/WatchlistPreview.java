package org.vedetta.app.watchlists;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.vedetta.app.kafka.PreviewSlot;
import org.vedetta.app.kafka.TopicReplay;
import org.vedetta.model.Development;
import org.vedetta.model.Mention;
import org.vedetta.model.TaggedArticle;
import org.vedetta.model.Topics;
import org.vedetta.notifier.Watchlist;

/**
 * What a draft watchlist would have alerted over the last days, before it is saved: the developments of that
 * window it matches, replayed from {@code vedetta.developments}, and for scale how many articles of
 * {@code vedetta.tagged} mentioned its entities or treaties at all.
 *
 * <p>Why developments and not only tagged articles: whether a claim was new is decided once, by the matcher,
 * against what was known at that moment; replaying the tagged articles' claims through the knowledge of today
 * would call every one of them known. The developments topic holds exactly those decisions.
 */
public final class WatchlistPreview {

  /** At most this many records are read from each topic. */
  static final long LIMIT = 200_000;
  /** At most this many alerts are listed. */
  static final int SHOWN = 100;

  /**
   * A preview.
   *
   * @param days               the window, in days back from now
   * @param alerts             the developments the draft matches, most recent first, at most {@link #SHOWN}
   * @param matched            how many developments it matches in all
   * @param developmentsRead   developments in the window
   * @param articlesRead       tagged articles in the window
   * @param articlesMentioning of those, articles mentioning an entity or treaty of the draft
   * @param complete           false when the window held more than could be read
   */
  public record Result(int days, List<Development> alerts, long matched, long developmentsRead, long articlesRead,
      long articlesMentioning, boolean complete) {}

  private final TopicReplay replay;
  private final Clock clock;
  private final PreviewSlot slot;

  /** A preview with a slot of its own. */
  public WatchlistPreview(TopicReplay replay, Clock clock) {
    this(replay, clock, new PreviewSlot());
  }

  /** A preview that runs only when {@code slot}, shared with the console's other previews, is free. */
  public WatchlistPreview(TopicReplay replay, Clock clock, PreviewSlot slot) {
    this.replay = replay;
    this.clock = clock;
    this.slot = slot;
  }

  /**
   * Runs {@code draft} over the last {@code days} days.
   *
   * @throws PreviewSlot.Busy when another preview is running in this process
   */
  public Result run(Watchlist draft, int days) {
    return slot.run(() -> replay(draft, days));
  }

  private Result replay(Watchlist draft, int days) {
    Instant since = clock.instant().minus(Duration.ofDays(days));
    Newest alerts = new Newest(SHOWN);
    TopicReplay.Read developments = replay.read(Topics.DEVELOPMENTS, Development.class, since, LIMIT, d -> {
      if (draft.matches(d)) {
        alerts.add(d);
      }
    });
    Set<String> followed = new HashSet<>(draft.entities());
    followed.addAll(draft.treaties());
    long[] mentioning = {0};
    TopicReplay.Read articles = replay.read(Topics.TAGGED, TaggedArticle.class, since, LIMIT, t -> {
      if (followed.isEmpty() || t.mentions().stream().map(Mention::entityId).anyMatch(followed::contains)) {
        mentioning[0]++;
      }
    });
    return new Result(days, alerts.newestFirst(), alerts.seen(), developments.records(), articles.records(),
        mentioning[0], developments.complete() && articles.complete());
  }

  /** The {@code n} most recently detected of the developments added, and how many were added: memory stays small. */
  private static final class Newest {
    private static final Comparator<Development> BY_TIME = Comparator.comparing(Development::detectedAt);
    private final PriorityQueue<Development> kept = new PriorityQueue<>(BY_TIME);
    private final int n;
    private long seen;

    Newest(int n) {
      this.n = n;
    }

    void add(Development d) {
      seen++;
      kept.add(d);
      if (kept.size() > n) {
        kept.poll();
      }
    }

    long seen() {
      return seen;
    }

    List<Development> newestFirst() {
      return kept.stream().sorted(BY_TIME.reversed()).toList();
    }
  }
}
