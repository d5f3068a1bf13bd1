package org.vedetta.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.function.Supplier;
import org.vedetta.app.kafka.TopicProcessor;
import org.vedetta.ingest.PollResult;
import org.vedetta.matcher.MatchResult;
import org.vedetta.model.Development;
import org.vedetta.notifier.DeliveryListener;
import org.vedetta.notifier.DigestReceipt;

/**
 * The process's metrics (Micrometer), scraped in Prometheus format at {@code /metrics}:
 * <ul>
 *   <li>{@code vedetta_polls_total{source,outcome}}, {@code vedetta_items_seen_total{source}},
 *       {@code vedetta_articles_published_total{source}}, {@code vedetta_poll_seconds{source}} (fetch, parse
 *       and publish of one poll);</li>
 *   <li>{@code vedetta_articles_matched_total}, {@code vedetta_mentions_total},
 *       {@code vedetta_developments_total{verdict}};</li>
 *   <li>{@code vedetta_mails_sent_total{kind}} (digest, alert), {@code vedetta_mails_failed_total{permanent}};</li>
 *   <li>{@code vedetta_consumer_lag{stage}}, {@code vedetta_records_processed_total{stage}},
 *       {@code vedetta_records_dead_lettered_total{stage}};</li>
 *   <li>the JVM's memory, GC, threads, CPU and uptime.</li>
 * </ul>
 */
public final class Metrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Counts one poll of ingest. */
  public void polled(PollResult result) {
    String source = result.sourceId();
    Counter.builder("vedetta.polls").description("Polls of a source").tag("source", source)
        .tag("outcome", result.succeeded() ? "ok" : "failed").register(registry).increment();
    Counter.builder("vedetta.items.seen").description("Items a source's feed or listing offered")
        .tag("source", source).register(registry).increment(result.itemsSeen());
    Counter.builder("vedetta.articles.published").description("Articles published to vedetta.articles")
        .tag("source", source).register(registry).increment(result.published());
    Timer.builder("vedetta.poll").description("Time of one poll: fetch, parse, extract, publish")
        .tag("source", source).register(registry).record(result.took());
  }

  /** Counts what the matcher found in one article. */
  public void matched(MatchResult result) {
    Counter.builder("vedetta.articles.matched").description("Articles the matcher read").register(registry)
        .increment();
    result.tagged().ifPresent(t -> Counter.builder("vedetta.mentions").description("Mentions of tracked names")
        .register(registry).increment(t.mentions().size()));
    for (Development d : result.developments()) {
      Counter.builder("vedetta.developments").description("Developments emitted")
          .tag("verdict", d.verdict().name().toLowerCase(Locale.ROOT)).tag("event", d.claim().event())
          .register(registry).increment();
    }
  }

  /** Counts the notifier's mails; every series exists from the start, at 0, so dashboards show it before a mail. */
  public DeliveryListener deliveries() {
    for (String kind : new String[] {"alert", "digest"}) {
      mailsSent(kind);
    }
    for (boolean permanent : new boolean[] {false, true}) {
      mailsFailed(permanent);
    }
    return new DeliveryListener() {
      @Override
      public void sent(DigestReceipt receipt) {
        mailsSent(receipt.immediate() ? "alert" : "digest").increment();
      }

      @Override
      public void failed(String email, boolean permanent) {
        mailsFailed(permanent).increment();
      }
    };
  }

  private Counter mailsSent(String kind) {
    return Counter.builder("vedetta.mails.sent").description("Digests and alerts handed to the mail server")
        .tag("kind", kind).register(registry);
  }

  private Counter mailsFailed(boolean permanent) {
    return Counter.builder("vedetta.mails.failed").description("Mails that could not be handed over")
        .tag("permanent", Boolean.toString(permanent)).register(registry);
  }

  /** Follows a stage's consumer: its lag, the records it processed and dead-lettered, and whether it is paused. */
  public void follow(TopicProcessor<?> processor) {
    String stage = processor.stageName();
    Gauge.builder("vedetta.consumer.lag", processor, TopicProcessor::lag)
        .description("Records the stage's consumer has yet to read").tag("stage", stage).register(registry);
    FunctionCounter.builder("vedetta.records.processed", processor, TopicProcessor::processed)
        .description("Records a stage handled").tag("stage", stage).register(registry);
    FunctionCounter.builder("vedetta.records.dead.lettered", processor, TopicProcessor::deadLettered)
        .description("Records a stage sent to vedetta.deadletter").tag("stage", stage).register(registry);
    Gauge.builder("vedetta.stage.paused", processor, p -> p.paused().isPresent() ? 1 : 0)
        .description("1 while the stage waits out a failure that may pass (database or broker unreachable)")
        .tag("stage", stage).register(registry);
  }

  /** The items queued for subscribers and not yet mailed, in all (read from the queue at each scrape). */
  public void followMailQueue(Supplier<Number> pending) {
    Gauge.builder("vedetta.mail.pending", pending, p -> p.get().doubleValue())
        .description("Developments queued for subscribers and not yet mailed").register(registry);
  }

  /** Everything, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
