package org.vedetta.app.live;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vedetta.app.kafka.KafkaClients;
import org.vedetta.app.kafka.TopicFollower;
import org.vedetta.model.Development;
import org.vedetta.model.Topics;

/**
 * Every development that states a figure, since the first, by claim key: what the figure timelines draw. Follows
 * {@code vedetta.developments} from its start; developments are few (an alert each), so all of them are kept.
 */
public final class FigureHistory implements AutoCloseable {

  private final Map<String, Map<String, Development>> byKey = new ConcurrentHashMap<>();
  private final TopicFollower<Development> follower;

  private FigureHistory(KafkaClients clients) {
    this.follower = TopicFollower.start(clients, Topics.DEVELOPMENTS, Development.class, this::add);
  }

  public static FigureHistory start(KafkaClients clients) {
    return new FigureHistory(clients);
  }

  /** The developments of this claim key that state a figure, each once. */
  public List<Development> of(String claimKey) {
    return List.copyOf(byKey.getOrDefault(claimKey, Map.of()).values());
  }

  /** The claim keys with at least one figure. */
  public Collection<String> keys() {
    return List.copyOf(byKey.keySet());
  }

  void add(Development d) {
    if (d.claim().quantity() != null) {
      byKey.computeIfAbsent(d.claimKey(), k -> new ConcurrentHashMap<>()).putIfAbsent(d.id(), d);
    }
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
  }
}
