package org.vedetta.ingest.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.ingest.SourceSettings;

/**
 * Brings the {@value #GROUP} job group of a scheduler in line with the configured sources: one {@link PollJob} per
 * source, named by the source id, with a trigger firing at once and then every poll interval (a late fire is
 * skipped rather than run twice). In a shared, clustered store the other nodes have usually scheduled them
 * already, so a source's trigger is kept when its interval is unchanged (a node joining causes no extra poll),
 * replaced, firing at once, when its interval changed, and created when missing; the jobs of sources no longer
 * configured are deleted. Nodes whose sources differ undo each other's changes: the last one started wins.
 */
final class PollJobs {

  static final String GROUP = "ingest";

  private static final Logger log = LoggerFactory.getLogger(PollJobs.class);

  private PollJobs() {}

  static void reconcile(Scheduler scheduler, List<SourceSettings> sources) throws SchedulerException {
    for (SourceSettings source : sources) {
      schedule(scheduler, source);
    }
    Set<String> configured = sources.stream().map(SourceSettings::id).collect(Collectors.toSet());
    List<JobKey> gone = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).stream()
        .filter(key -> !configured.contains(key.getName()))
        .toList();
    if (!gone.isEmpty()) {
      scheduler.deleteJobs(gone);
      log.info("sources no longer configured, their poll jobs deleted: {}",
          gone.stream().map(JobKey::getName).sorted().toList());
    }
  }

  private static void schedule(Scheduler scheduler, SourceSettings source) throws SchedulerException {
    JobDetail job = JobBuilder.newJob(PollJob.class).withIdentity(JobKey.jobKey(source.id(), GROUP)).build();
    Trigger trigger = trigger(source, job.getKey());
    Trigger current = scheduler.getTrigger(trigger.getKey());
    if (current == null) {
      try {
        scheduler.scheduleJob(job, trigger);
        return;
      } catch (ObjectAlreadyExistsException e) {
        // another node starting at the same time was first
        current = scheduler.getTrigger(trigger.getKey());
      }
    }
    if (current != null && interval(current).equals(source.pollInterval())) {
      return;
    }
    scheduler.scheduleJob(job, Set.of(trigger), true);
    if (current != null) {
      log.info("source '{}': poll interval changed from {} to {}, rescheduled", source.id(), interval(current),
          source.pollInterval());
    }
  }

  private static Trigger trigger(SourceSettings source, JobKey job) {
    return TriggerBuilder.newTrigger()
        .withIdentity(TriggerKey.triggerKey(source.id(), GROUP))
        .forJob(job)
        .startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(source.pollInterval().toMillis())
            .repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }

  /** The trigger's repeat interval; zero for a trigger of another kind, which is then replaced. */
  private static Duration interval(Trigger trigger) {
    return trigger instanceof SimpleTrigger simple ? Duration.ofMillis(simple.getRepeatInterval()) : Duration.ZERO;
  }
}
