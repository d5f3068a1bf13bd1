package org.vedetta.app.live;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.kafka.TopicFollower;
import org.vedetta.model.Correction;
import org.vedetta.model.Topics;

/**
 * The latest judgement of each development, for the console: follows {@code vedetta.corrections} (compacted, so
 * small) from its start. A judgement this process publishes is {@link #add added} at once, so the page that made
 * it shows it.
 */
public final class CorrectionLog implements AutoCloseable {

  private final Map<String, Correction> latest = new ConcurrentHashMap<>();
  private final TopicFollower<Correction> follower;

  private CorrectionLog(KafkaClients clients) {
    this.follower = TopicFollower.start(clients, Topics.CORRECTIONS, Correction.class, this::add);
  }

  public static CorrectionLog start(KafkaClients clients) {
    return new CorrectionLog(clients);
  }

  /** The development's latest judgement. */
  public Optional<Correction> of(String developmentId) {
    return Optional.ofNullable(latest.get(developmentId));
  }

  /** Every development's latest judgement, the most recent first. */
  public List<Correction> all() {
    return latest.values().stream().sorted(Comparator.comparing(Correction::correctedAt).reversed()).toList();
  }

  /** Takes a judgement into account, unless a later one of the same development is known. */
  public void add(Correction correction) {
    latest.merge(correction.developmentId(), correction,
        (known, next) -> next.correctedAt().isBefore(known.correctedAt()) ? known : next);
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
  }
}
