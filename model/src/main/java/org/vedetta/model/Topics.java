package org.vedetta.model;

import java.util.List;

/** Names of the Kafka topics the stages meet on. */
public final class Topics {

  /** Key: article id. Value: {@link Article}. Written by ingest. */
  public static final String ARTICLES = "vedetta.articles";

  /** Key: article id. Value: {@link TaggedArticle}. Written by the matcher for every article that mentions something tracked. */
  public static final String TAGGED = "vedetta.tagged";

  /** Key: claim key. Value: {@link Development}. Written by the matcher for every claim that is not already known. */
  public static final String DEVELOPMENTS = "vedetta.developments";

  /** Key: the original key. Value: {@link DeadLetter}. Records that a stage could not process. */
  public static final String DEADLETTER = "vedetta.deadletter";

  /**
   * Key: the original record's position, {@code topic-partition@offset}. Value: {@link DeadLetterReplay}. Compacted.
   * Written by {@code vedetta deadletter replay}, so that each dead letter is replayed once.
   */
  public static final String DEADLETTER_REPLAYS = "vedetta.deadletter.replays";

  /**
   * Key: development id. Value: {@link Correction}. Compacted: the latest judgement of each development stands.
   * Written by the console when an analyst marks a development right or wrong.
   */
  public static final String CORRECTIONS = "vedetta.corrections";

  /** Every topic, in pipeline order. */
  public static final List<String> ALL =
      List.of(ARTICLES, TAGGED, DEVELOPMENTS, CORRECTIONS, DEADLETTER, DEADLETTER_REPLAYS);

  /** Topics that keep only the latest record of each key. */
  public static final List<String> COMPACTED = List.of(CORRECTIONS, DEADLETTER_REPLAYS);

  private Topics() {}
}
