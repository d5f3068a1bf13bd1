package org.vedetta.ingest.internal;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.SimpleThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.ingest.SourceSettings;

/**
 * A Quartz scheduler of its own ({@code poll_threads} threads) on the job store of a {@link PollStore}: in
 * memory for a single node, or clustered in PostgreSQL, where every ingest process on the database shares one
 * schedule and each fire goes to one of them. One job per source ({@link PollJobs}), fired at once and then every
 * poll interval; a late firing is skipped rather than run twice. Configured in code: no
 * {@code quartz.properties} is read.
 *
 * <p>Triggers are never moved: a source in backoff or under a {@code Retry-After} is still fired every
 * interval and {@link SourceRunner#pollIfDue} lets the fires before its window ends pass (see there why).
 * A source whose server stalls holds one thread for at most the request timeouts; the others go on. A fire of a
 * source this node does not know (nodes of a cluster configured differently) is logged and skipped.
 */
public final class PollScheduler implements AutoCloseable {

  /**
   * The Quartz scheduler name. In a clustered store it is the {@code SCHED_NAME} of every row, so it is the same on
   * every node; changing it would orphan the shared schedule.
   */
  static final String NAME = "vedetta-ingest";

  private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

  private final Scheduler scheduler;

  private PollScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts polling every source; {@code poll} is called with a source id on one of {@code threads} threads. */
  public static PollScheduler start(List<SourceSettings> sources, int threads, PollStore store,
      Consumer<String> poll) {
    Scheduler scheduler = create(properties(threads, store));
    try {
      Set<String> known = sources.stream().map(SourceSettings::id).collect(Collectors.toUnmodifiableSet());
      scheduler.setJobFactory((bundle, ignored) -> {
        String sourceId = bundle.getJobDetail().getKey().getName();
        return new PollJob(known.contains(sourceId)
            ? () -> poll.accept(sourceId)
            : () -> log.warn("source '{}' is scheduled in the cluster but not configured on this node: fire "
                + "skipped (do all nodes have the same sources?)", sourceId));
      });
      PollJobs.reconcile(scheduler, sources);
      scheduler.start();
      log.info("ingest polls {} sources on {} threads, Quartz instance '{}', with {}", sources.size(), threads,
          scheduler.getSchedulerInstanceId(), store.description());
      return new PollScheduler(scheduler);
    } catch (SchedulerException | RuntimeException e) {
      try {
        scheduler.shutdown(false);
      } catch (SchedulerException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new IllegalStateException("cannot start the ingest scheduler: " + e.getMessage(), e);
    }
  }

  /**
   * Stops firing and waits for running polls to finish. The schedule itself is left as it is: in a clustered
   * store the other nodes go on with it and take over this node's sources.
   */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the ingest scheduler: " + e.getMessage(), e);
    }
  }

  /**
   * A new scheduler, taken out of Quartz's JVM-wide {@link SchedulerRepository} at once. Quartz binds every
   * scheduler there by name, and {@code getScheduler()} hands out the one already bound under a name instead of
   * making another. The name must be {@link #NAME} on every node of a cluster, so two ingests in one JVM (tests,
   * or two pipelines in one process) would share one scheduler; unbound, each has its own. Synchronized so that
   * no other ingest of this JVM looks the name up between the bind and the removal. Nothing here uses the
   * repository: {@link PollScheduler} holds its scheduler.
   */
  private static synchronized Scheduler create(Properties properties) {
    try {
      Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
      SchedulerRepository.getInstance().remove(NAME);
      return scheduler;
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot create the ingest scheduler: " + e.getMessage(), e);
    }
  }

  private static Properties properties(int threads, PollStore store) {
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, NAME);
    p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, SimpleThreadPool.class.getName());
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "ingest-poll");
    store.configure(p);
    return p;
  }
}
