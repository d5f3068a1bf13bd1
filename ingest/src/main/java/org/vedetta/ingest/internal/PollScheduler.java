package org.vedetta.ingest.internal;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.vedetta.ingest.SourceSettings;

/**
 * A Quartz scheduler of its own (in-memory job store, {@code poll_threads} threads) with one job per source,
 * fired at once and then every poll interval; a late firing is skipped rather than run twice. Configured in
 * code: no {@code quartz.properties} is read.
 *
 * <p>Triggers are never moved: a source in backoff or under a {@code Retry-After} is still fired every
 * interval and {@link SourceRunner#pollIfDue} lets the fires before its window ends pass (see there why).
 * A source whose server stalls holds one thread for at most the request timeouts; the others go on.
 */
public final class PollScheduler implements AutoCloseable {

  private static final String GROUP = "ingest";

  private final Scheduler scheduler;

  private PollScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts polling every source; {@code poll} is called with a source id on one of {@code threads} threads. */
  public static PollScheduler start(List<SourceSettings> sources, int threads, Consumer<String> poll) {
    try {
      Scheduler scheduler = new StdSchedulerFactory(properties(threads)).getScheduler();
      scheduler.setJobFactory((bundle, ignored) -> {
        String sourceId = bundle.getJobDetail().getKey().getName();
        return new PollJob(() -> poll.accept(sourceId));
      });
      for (SourceSettings source : sources) {
        JobDetail job = JobBuilder.newJob(PollJob.class).withIdentity(JobKey.jobKey(source.id(), GROUP)).build();
        Trigger trigger = TriggerBuilder.newTrigger()
            .withIdentity(source.id(), GROUP)
            .startNow()
            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(source.pollInterval().toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
        scheduler.scheduleJob(job, trigger);
      }
      scheduler.start();
      return new PollScheduler(scheduler);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the ingest scheduler: " + e.getMessage(), e);
    }
  }

  /** Stops firing and waits for running polls to finish. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the ingest scheduler: " + e.getMessage(), e);
    }
  }

  private static Properties properties(int threads) {
    // Quartz keeps schedulers in a JVM-wide registry by name: each ingest gets its own.
    String name = "vedetta-ingest-" + UUID.randomUUID();
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "ingest");
    p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "ingest-poll");
    p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
    return p;
  }
}
