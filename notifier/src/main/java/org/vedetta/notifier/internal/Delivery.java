package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.notifier.DeliveryException;
import org.vedetta.notifier.DeliveryListener;
import org.vedetta.notifier.DigestReceipt;
import org.vedetta.notifier.Subscriber;

/**
 * Mails a subscriber's pending developments: all of them as a digest, or the immediate ones as an alert, and a
 * "nothing new" mail on schedule for subscribers who want one. One mail per subscriber at a time in this process
 * (a lock per subscriber); the queue's row locks keep two processes apart. A transient failure is recorded in the
 * {@link RetryLog} for a retry with backoff; a permanent one (5xx) parks the subscriber. Items stay queued either
 * way.
 */
public final class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final QueueStore queue;
  private final RetryLog retries;
  private final SendAttempts attempts;
  private final Supplier<Router> routes;
  private final MailComposer composer;
  private final Mailer mailer;
  private final Clock clock;
  private final DeliveryListener listener;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /**
   * @param routes   the subscriptions in force; they may change between two mails (config reload)
   * @param listener told of every mail sent and every failure
   */
  public Delivery(QueueStore queue, RetryLog retries, SendAttempts attempts, Supplier<Router> routes,
      MailComposer composer, Mailer mailer, Clock clock, DeliveryListener listener) {
    this.queue = queue;
    this.retries = retries;
    this.attempts = attempts;
    this.routes = routes;
    this.composer = composer;
    this.mailer = mailer;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Mails every pending development of the subscriber as one digest.
   *
   * @return empty when nothing was pending
   * @throws DeliveryException when the mail could not be handed over; the items stay queued
   */
  public Optional<DigestReceipt> sendDigest(Subscriber subscriber) {
    return send(subscriber, true, () -> drain(subscriber, false));
  }

  /** Mails the subscriber's pending immediate developments as one alert; see {@link #sendDigest}. */
  public Optional<DigestReceipt> sendImmediate(Subscriber subscriber) {
    return send(subscriber, false, () -> drain(subscriber, true));
  }

  /**
   * The subscriber's scheduled digest for the slot {@code scheduledAt}: their pending developments, or, when
   * there are none and they asked for it ({@link Subscriber#emptyDigest()}), a "nothing new" mail, sent once per
   * slot. A parked subscriber (refused for good) is skipped.
   */
  public Optional<DigestReceipt> sendScheduled(Subscriber subscriber, Instant scheduledAt) {
    if (parked(subscriber)) {
      LOG.warn("Digest to {} not sent: parked since the server refused the address; release it with"
          + " 'vedetta mail-status --release {}'", subscriber.email(), subscriber.email());
      return Optional.empty();
    }
    Optional<DigestReceipt> sent = sendDigest(subscriber);
    if (sent.isPresent() || !subscriber.emptyDigest() || queue.pending(subscriber.email()) > 0
        || queue.lastDigestAt(subscriber.email()).filter(last -> !last.isBefore(scheduledAt)).isPresent()) {
      return sent; // news went out, or this slot's digest already did (another node fired it too)
    }
    Digest empty = Digest.empty(subscriber, scheduledAt, clock.instant());
    return send(subscriber, true, () -> queue.sendOnce(empty, () -> dispatch(empty)));
  }

  /**
   * The slot of the subscriber's schedule that passed without sending their pending items (the service was down):
   * the first slot after the oldest pending item was queued, when it is not after now; empty otherwise.
   */
  public Optional<Instant> missedSlot(Subscriber subscriber) {
    Instant now = clock.instant();
    return queue.oldestPending(subscriber.email())
        .flatMap(queued -> Schedule.nextDigestAfter(subscriber, queued))
        .filter(slot -> !slot.isAfter(now));
  }

  /**
   * Logs a failed mail that the retry job will send again; a parked one was logged once already, as parked.
   *
   * @param what what failed ("Digest: "), or empty
   */
  public static void logRetry(Logger log, String what, DeliveryException e) {
    if (!e.parked()) {
      log.warn("{}{}; will retry", what, e.getMessage());
    }
  }

  /** Whether the server refused the subscriber's address for good and nobody released it yet. */
  public boolean parked(Subscriber subscriber) {
    RetryLog.Pending pending = retries.find(subscriber.email());
    return pending != null && pending.permanent();
  }

  /** Whether nothing should be sent to the subscriber now: a retry not due yet, or parked after a refusal. */
  public boolean backingOff(Subscriber subscriber) {
    RetryLog.Pending pending = retries.find(subscriber.email());
    return pending != null && pending.waiting(clock.instant());
  }

  /**
   * Sends what failed and is due: the digest of a subscriber whose digest failed, the alert of one whose alert
   * failed, and alerts still pending for any other reason (a crash between queueing and sending). Parked
   * subscribers wait for an operator. Failures are logged and left for the next run.
   */
  public List<DigestReceipt> retryDue() {
    mailer.closeIdle();
    Instant now = clock.instant();
    Map<String, RetryLog.Pending> failed = new HashMap<>();
    retries.all().forEach(p -> failed.put(p.subscriber(), p));
    Set<String> alertsPending = queue.subscribersWithPending(true);
    List<DigestReceipt> sent = new ArrayList<>();
    for (Subscriber subscriber : routes.get().subscribers()) {
      RetryLog.Pending pending = failed.get(subscriber.email());
      if (pending != null && pending.waiting(now)) {
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
        (digest ? sendDigest(subscriber) : sendImmediate(subscriber)).ifPresent(sent::add);
      } catch (DeliveryException e) {
        logRetry(LOG, "", e);
      }
    }
    return sent;
  }

  /** Sends one mail through {@code attempt}, serialised per subscriber, recording the outcome. */
  private Optional<DigestReceipt> send(Subscriber subscriber, boolean digest, Attempt attempt) {
    String email = subscriber.email();
    ReentrantLock lock = locks.computeIfAbsent(email, e -> new ReentrantLock());
    lock.lock();
    try {
      Optional<QueueStore.Sent> sent = attempt.run();
      sent.ifPresent(s -> retries.succeeded(email, digest));
      sent.filter(s -> s.repeats() != null).ifPresent(s -> LOG.warn("Mail {} to {} may repeat {}: that earlier"
          + " hand-over was never recorded as done (a crash or a silent server after the data)",
          s.digest().messageId(), email, s.repeats()));
      Optional<DigestReceipt> receipt = sent.map(s -> new DigestReceipt(email, s.digest().messageId(),
          s.digest().items().size(), s.where(), s.digest().createdAt(), s.digest().immediate()));
      receipt.ifPresent(listener::sent);
      return receipt;
    } catch (Mailer.Rejected e) {
      retries.rejected(email, digest, e.getMessage(), clock.instant());
      listener.failed(email, true);
      LOG.error("The mail server refused mail to {} for good ({}): parked, its items stay queued; fix the address"
          + " and release it with 'vedetta mail-status --release {}'", email, e.getMessage(), email);
      throw new DeliveryException(email, mailer.describe(), e, true);
    } catch (MessagingException e) {
      retries.failed(email, digest, e.toString(), clock.instant());
      listener.failed(email, false);
      throw new DeliveryException(email, mailer.describe(), e);
    } finally {
      lock.unlock();
    }
  }

  private Optional<QueueStore.Sent> drain(Subscriber subscriber, boolean immediate) throws MessagingException {
    return queue.drain(subscriber.email(), immediate,
        items -> dispatch(Digest.of(subscriber, items, immediate, clock.instant())));
  }

  /** Renders and hands over one mail, with the crash-window bookkeeping of {@link SendAttempts}. */
  private QueueStore.Sent dispatch(Digest digest) throws MessagingException {
    String email = digest.subscriber().email();
    Instant since = digest.isEmpty() ? queue.lastDigestAt(email).orElse(null) : null;
    MimeMessage message = composer.compose(digest, routes.get(), mailer.session(), since);
    Optional<String> earlier = attempts.begin(email, digest.messageId(), clock.instant());
    try {
      Mailer.Delivered delivered = mailer.send(digest, message);
      return new QueueStore.Sent(digest, delivered.where(), delivered.outboxFile(), earlier.orElse(null));
    } catch (Mailer.NotSent | Mailer.Rejected e) {
      attempts.abandon(email, earlier);
      throw e;
    }
  }

  /** Whether mail can leave now; see {@link Mailer#check}. */
  public Optional<String> checkMail() {
    return mailer.check();
  }

  /** Closes the mailer's open connections. */
  public void close() {
    mailer.close();
  }

  @FunctionalInterface
  private interface Attempt {
    Optional<QueueStore.Sent> run() throws MessagingException;
  }
}
