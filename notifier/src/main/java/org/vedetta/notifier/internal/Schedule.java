package org.vedetta.notifier.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.notifier.DeliveryException;
import org.vedetta.notifier.QueueException;
import org.vedetta.notifier.Subscriber;

/**
 * The Quartz scheduler of one notifier: in memory (RAMJobStore), under its own name, with a digest job per
 * subscriber fired by a cron trigger in the subscriber's time zone (plus an optional one-shot trigger), and a
 * retry job every minute. A slot that passed while the service was down, leaving items pending, is caught up as
 * soon as the scheduler starts. {@link #reschedule} applies a new set of subscribers without a restart.
 */
public final class Schedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final String GROUP = "vedetta-notifier";
  private static final String EMAIL = "email";
  /** Job data of a catch-up: the missed slot, in epoch milliseconds. */
  private static final String MISSED_SLOT = "missed slot";

  private final Scheduler scheduler;
  private final Delivery delivery;
  private final Supplier<Router> routes;

  /**
   * @param routes        the subscriptions in force, read when a job fires
   * @param firstDigestAt when set, every subscriber also gets one digest then (the demo uses it)
   */
  public Schedule(Delivery delivery, Supplier<Router> routes, Instant firstDigestAt) throws SchedulerException {
    this.delivery = delivery;
    this.routes = routes;
    this.scheduler = new StdSchedulerFactory(properties()).getScheduler();
    try {
      scheduler.setJobFactory(new Jobs());
      for (Subscriber subscriber : routes.get().subscribers()) {
        scheduleDigests(subscriber, firstDigestAt);
      }
      scheduleRetries();
    } catch (SchedulerException | RuntimeException e) {
      scheduler.shutdown(false);
      throw e;
    }
  }

  private void scheduleDigests(Subscriber subscriber, Instant firstDigestAt) throws SchedulerException {
    JobDetail job = JobBuilder.newJob(DigestJob.class)
        .withIdentity("digest " + subscriber.email(), GROUP)
        .usingJobData(EMAIL, subscriber.email())
        .storeDurably()
        .build();
    scheduler.addJob(job, false);
    scheduler.scheduleJob(cronTrigger(subscriber));
    Optional<Instant> missed = delivery.missedSlot(subscriber);
    if (missed.isPresent()) {
      LOG.info("The digest to {} due at {} was missed while the service was down: sending it now", subscriber.email(),
          missed.get());
      scheduler.scheduleJob(TriggerBuilder.newTrigger()
          .withIdentity("catch-up " + subscriber.email(), GROUP)
          .forJob(job)
          .usingJobData(MISSED_SLOT, missed.get().toEpochMilli())
          .startNow()
          .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
          .build());
    }
    if (firstDigestAt != null) {
      scheduler.scheduleJob(TriggerBuilder.newTrigger()
          .withIdentity("first " + subscriber.email(), GROUP)
          .forJob(job)
          .startAt(Date.from(firstDigestAt))
          .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
          .build());
    }
  }

  /** The trigger of the subscriber's digests: their cron, in their time zone. */
  static CronTrigger cronTrigger(Subscriber subscriber) {
    return TriggerBuilder.newTrigger()
        .withIdentity("cron " + subscriber.email(), GROUP)
        .forJob("digest " + subscriber.email(), GROUP)
        .withSchedule(CronScheduleBuilder.cronSchedule(subscriber.digestCron())
            .inTimeZone(TimeZone.getTimeZone(subscriber.timeZone()))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
  }

  /** When the subscriber's next digest is due after {@code after}, as Quartz computes it; empty if never. */
  public static Optional<Instant> nextDigestAfter(Subscriber subscriber, Instant after) {
    // A trigger without a start time starts at the machine's now, and Quartz never answers a time before its
    // start: start it at 'after', so the answer follows the notifier's clock.
    CronTrigger trigger = cronTrigger(subscriber).getTriggerBuilder().startAt(Date.from(after)).build();
    return Optional.ofNullable(trigger.getFireTimeAfter(Date.from(after))).map(Date::toInstant);
  }

  /**
   * Applies new subscriptions: digest jobs of removed subscribers are deleted, those of new subscribers added,
   * and the triggers of subscribers whose cron or time zone changed replaced.
   */
  public void reschedule(Router before, Router after) throws SchedulerException {
    for (Subscriber old : before.subscribers()) {
      if (after.subscriber(old.email()).isEmpty()) {
        scheduler.deleteJob(JobKey.jobKey("digest " + old.email(), GROUP));
      }
    }
    for (Subscriber now : after.subscribers()) {
      Optional<Subscriber> old = before.subscriber(now.email());
      if (old.isEmpty()) {
        scheduleDigests(now, null);
      } else if (!old.get().digestCron().equals(now.digestCron()) || !old.get().timeZone().equals(now.timeZone())) {
        scheduler.rescheduleJob(TriggerKey.triggerKey("cron " + now.email(), GROUP), cronTrigger(now));
      }
    }
  }

  private void scheduleRetries() throws SchedulerException {
    JobDetail retry = JobBuilder.newJob(RetryJob.class).withIdentity("retry", GROUP).build();
    // Quartz fires on the system clock; the notifier's injected clock decides which retries are due.
    scheduler.scheduleJob(retry, TriggerBuilder.newTrigger()
        .withIdentity("retry", GROUP)
        .startAt(Date.from(Instant.now().plus(RetryLog.FIRST_DELAY)))
        .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build());
  }

  public void start() throws SchedulerException {
    scheduler.start();
  }

  /** Stops firing and waits for running jobs to finish. */
  @Override
  public void close() throws SchedulerException {
    scheduler.shutdown(true);
  }

  private static Properties properties() {
    String name = "vedetta-notifier-" + INSTANCES.incrementAndGet();
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "NON_CLUSTERED");
    p.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
    p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", "2");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", name + "-worker");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
    return p;
  }

  /** Builds the jobs with their collaborators, instead of Quartz's reflection on no-argument constructors. */
  private final class Jobs implements JobFactory {
    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
      Class<? extends Job> type = bundle.getJobDetail().getJobClass();
      return type == RetryJob.class ? new RetryJob(delivery) : new DigestJob(delivery, routes);
    }
  }

  /** Sends one subscriber's digest. */
  @DisallowConcurrentExecution
  static final class DigestJob implements Job {
    private final Delivery delivery;
    private final Supplier<Router> routes;

    DigestJob(Delivery delivery, Supplier<Router> routes) {
      this.delivery = delivery;
      this.routes = routes;
    }

    @Override
    public void execute(JobExecutionContext context) {
      String email = context.getMergedJobDataMap().getString(EMAIL);
      Instant slot = context.getMergedJobDataMap().containsKey(MISSED_SLOT)
          ? Instant.ofEpochMilli(context.getMergedJobDataMap().getLong(MISSED_SLOT))
          : context.getScheduledFireTime().toInstant();
      routes.get().subscriber(email).ifPresent(subscriber -> {
        try {
          delivery.sendScheduled(subscriber, slot).ifPresent(receipt ->
              LOG.info("Sent {} {} via {}", email, receipt.items() == 0 ? "a \"nothing new\" mail"
                  : "a digest of " + receipt.items() + " developments", receipt.where()));
        } catch (DeliveryException e) {
          Delivery.logRetry(LOG, "", e);
        } catch (QueueException e) {
          LOG.error("Digest to {} not sent: {}", email, e.getMessage(), e);
        }
      });
    }
  }

  /** Re-sends what failed. */
  @DisallowConcurrentExecution
  static final class RetryJob implements Job {
    private final Delivery delivery;

    RetryJob(Delivery delivery) {
      this.delivery = delivery;
    }

    @Override
    public void execute(JobExecutionContext context) {
      try {
        List<?> sent = delivery.retryDue();
        if (!sent.isEmpty()) {
          LOG.info("Re-sent {} failed mails", sent.size());
        }
      } catch (QueueException e) {
        LOG.error("Retry skipped: {}", e.getMessage(), e);
      }
    }
  }
}
