package org.vedetta.ingest.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job of one source: one poll per firing, never two at once for the same source. */
@DisallowConcurrentExecution
final class PollJob implements Job {

  private final Runnable poll;

  PollJob(Runnable poll) {
    this.poll = poll;
  }

  @Override
  public void execute(JobExecutionContext context) {
    poll.run();
  }
}
