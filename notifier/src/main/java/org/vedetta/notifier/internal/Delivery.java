package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.model.Development;
import org.vedetta.notifier.DeliveryException;
import org.vedetta.notifier.DigestReceipt;
import org.vedetta.notifier.Subscriber;

/**
 * Mails a subscriber's pending developments: all of them as a digest, or the immediate ones as an alert.
 * One mail per subscriber at a time in this process (a lock per subscriber); the queue's row locks keep two
 * processes apart. A failure is recorded in the {@link RetryLog} and the items stay queued.
 */
public final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final QueueStore queue;
  private final RetryLog retries;
  private final Router router;
  private final DigestTemplates templates;
  private final DigestMessages messages;
  private final Mailer mailer;
  private final Clock clock;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public Delivery(QueueStore queue, RetryLog retries, Router router, DigestTemplates templates,
      DigestMessages messages, Mailer mailer, Clock clock) {
    this.queue = queue;
    this.retries = retries;
    this.router = router;
    this.templates = templates;
    this.messages = messages;
    this.mailer = mailer;
    this.clock = clock;
  }

  /**
   * Mails every pending development of the subscriber as one digest.
   *
   * @return empty when nothing was pending
   * @throws DeliveryException when the mail could not be handed over; the items stay queued
   */
  public Optional<DigestReceipt> sendDigest(Subscriber subscriber) {
    return send(subscriber, false);
  }

  /** Mails the subscriber's pending immediate developments as one alert; see {@link #sendDigest}. */
  public Optional<DigestReceipt> sendImmediate(Subscriber subscriber) {
    return send(subscriber, true);
  }

  /** Whether the subscriber's last mail failed and its retry is not due yet. */
  public boolean backingOff(Subscriber subscriber) {
    RetryLog.Pending pending = retries.find(subscriber.email());
    return pending != null && pending.nextAttemptAt().isAfter(clock.instant());
  }

  /**
   * Sends what failed and is due: the digest of a subscriber whose digest failed, the alert of one whose alert
   * failed, and alerts still pending for any other reason (a crash between queueing and sending).
   * Failures are logged and left for the next run.
   */
  public List<DigestReceipt> retryDue() {
    Instant now = clock.instant();
    Map<String, RetryLog.Pending> failed = new HashMap<>();
    retries.all().forEach(p -> failed.put(p.subscriber(), p));
    Set<String> alertsPending = queue.subscribersWithPending(true);
    List<DigestReceipt> sent = new ArrayList<>();
    for (Subscriber subscriber : router.subscribers()) {
      RetryLog.Pending pending = failed.get(subscriber.email());
      if (pending != null && pending.nextAttemptAt().isAfter(now)) {
        continue;
      }
      boolean digest = pending != null && pending.digest();
      if (!digest && !alertsPending.contains(subscriber.email())) {
        if (pending != null) {
          retries.succeeded(subscriber.email(), false);
        }
        continue;
      }
      try {
        send(subscriber, !digest).ifPresent(sent::add);
      } catch (DeliveryException e) {
        LOG.warn("{}; will retry", e.getMessage());
      }
    }
    return sent;
  }

  private Optional<DigestReceipt> send(Subscriber subscriber, boolean immediate) {
    ReentrantLock lock = locks.computeIfAbsent(subscriber.email(), email -> new ReentrantLock());
    lock.lock();
    try {
      Optional<QueueStore.Sent> sent = queue.drain(subscriber.email(), immediate, items -> dispatch(subscriber,
          items, immediate));
      retries.succeeded(subscriber.email(), !immediate);
      return sent.map(s -> new DigestReceipt(subscriber.email(), s.digest().messageId(), s.digest().items().size(),
          s.where(), s.digest().createdAt()));
    } catch (MessagingException e) {
      retries.failed(subscriber.email(), !immediate, e.toString(), clock.instant());
      throw new DeliveryException(subscriber.email(), mailer.describe(), e);
    } finally {
      lock.unlock();
    }
  }

  private QueueStore.Sent dispatch(Subscriber subscriber, List<Development> items, boolean immediate)
      throws MessagingException {
    Digest digest = Digest.of(subscriber, items, immediate, clock.instant());
    DigestTemplates.Rendered rendered = templates.render(digest, d -> router.reasons(subscriber, d),
        messages.unsubscribeUri());
    Mailer.Delivered delivered = mailer.send(digest, messages.compose(mailer.session(), digest, rendered));
    return new QueueStore.Sent(digest, delivered.where(), delivered.outboxFile());
  }
}
