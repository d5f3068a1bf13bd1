package org.vedetta.notifier;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.sql.DataSource;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vedetta.model.Correction;
import org.vedetta.model.Development;
import org.vedetta.model.TaggedArticle;
import org.vedetta.notifier.internal.Corroborations;
import org.vedetta.notifier.internal.Delivery;
import org.vedetta.notifier.internal.DigestMessages;
import org.vedetta.notifier.internal.MailComposer;
import org.vedetta.notifier.internal.Mailer;
import org.vedetta.notifier.internal.QueueStore;
import org.vedetta.notifier.internal.RetryLog;
import org.vedetta.notifier.internal.Router;
import org.vedetta.notifier.internal.Schedule;
import org.vedetta.notifier.internal.SendAttempts;
import org.vedetta.notifier.internal.Unsubscribes;
import org.vedetta.notifier.internal.Withdrawals;
import org.vedetta.settings.Problems;

/**
 * The notifier stage: routes each {@link Development} to the subscribers whose watchlists match, queues it
 * durably per subscriber, and mails digests on each subscriber's schedule, plus immediate alerts for
 * developments at or above a subscriber's {@link Subscriber#immediateSeverity()}.
 *
 * <p><b>Delivery guarantees.</b> The queue lives in SQL (H2 or PostgreSQL, tables created by Flyway). A mail
 * is recorded as sent in the same transaction that dequeues its items: the items are locked, the mail is
 * rendered and handed to the SMTP server (or written to the outbox), then the items are marked and the mail
 * recorded, and only then is the transaction committed. A failed hand-over rolls back, so nothing is lost; the
 * retry job sends it again with backoff (1 minute, doubling, at most an hour). Sent items are never sent again,
 * also after a restart on the same database.
 *
 * <p><b>The window.</b> If the process dies after the server accepted a mail but before the commit (or the
 * server goes silent after the data), the items are still pending and go out again. The digest id and
 * {@code Message-ID} are a hash of the subscriber and the development ids, so the repeat carries the same
 * {@code Message-ID} (which many clients use to drop duplicates) as long as no other development was queued for
 * that subscriber in between; if one was, the repeat is a new digest that includes both. Either way it is
 * detected: an attempt is recorded before every hand-over and cleared with the commit, so the next mail finds
 * it, logs a warning and records in the sent log which {@code Message-ID} it may repeat ({@link MailStatus#repeats}).
 *
 * <p><b>Refusals.</b> A 5xx reply for the recipient parks the subscriber: logged as an error, shown by
 * {@link #status}, no automatic retries (they would not help and hurt the sender's reputation), items kept
 * until an operator {@link #release}s it. Transient failures retry with backoff.
 *
 * <p><b>Unsubscribing.</b> Every mail carries a link with a signed token ({@code List-Unsubscribe}, one-click per
 * RFC 8058) when {@link Builder#unsubscribeUrl} is set; {@link #unsubscribe} records it and drops the address's
 * pending items, and the address receives nothing more whatever {@code subscribers.yml} says.
 *
 * <p><b>Threads.</b> {@link #accept} may be called from any thread, e.g. a Kafka consumer, while the
 * scheduler's threads send digests; mails to one subscriber are serialised. Immediate alerts are sent on the
 * calling thread; while a subscriber's mail is failing they wait for the retry job instead.
 *
 * <p>Immediate alerts are not repeated in the next digest. An empty period sends nothing, unless the subscriber
 * set {@link Subscriber#emptyDigest()}. {@link #reconfigure} applies new watchlists and subscribers without a
 * restart.
 */
public final class Notifier implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final MailSettings mail;
  private final QueueStore queue;
  private final RetryLog retries;
  private final Unsubscribes unsubscribes;
  private final Corroborations corroborations;
  private final Withdrawals withdrawals;
  private final MailComposer composer;
  private final Delivery delivery;
  private final Clock clock;
  private final Instant firstDigestAt;
  private volatile Router router;
  private Schedule schedule;
  private boolean closed;

  private Notifier(Builder b) {
    this.mail = b.mail;
    this.clock = b.clock;
    this.firstDigestAt = b.firstDigestAt;
    this.router = new Router(b.watchlists, b.subscribers);
    this.queue = new QueueStore(b.dataSource);
    queue.migrate();
    this.retries = new RetryLog(b.dataSource);
    this.unsubscribes = new Unsubscribes(b.dataSource);
    this.corroborations = new Corroborations(b.dataSource);
    this.withdrawals = new Withdrawals(b.dataSource);
    this.composer = new MailComposer(new DigestMessages(fromAddress(b.mail)), b.names, b.focus, corroborations,
        unsubscribes, b.unsubscribeUrl, b.figuresLink);
    this.delivery = new Delivery(queue, retries, new SendAttempts(b.dataSource), () -> router, composer,
        Mailer.from(b.mail, clock), clock, b.listener);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Queues the development for every subscriber one of whose watchlists matches it, and mails it at once to
   * those whose immediate threshold its severity reaches. Idempotent: a development (by id) already queued for
   * a subscriber, pending or sent, is not queued again, so a replayed topic sends nothing twice. A
   * {@link org.vedetta.model.Verdict#KNOWN} claim is not news and is ignored, and so is a development an analyst
   * has withdrawn (see {@link #correct}).
   *
   * @return how many subscribers it was newly queued for
   * @throws QueueException when the database fails; retry (do not commit the Kafka offset)
   */
  public int accept(Development development) {
    Objects.requireNonNull(development, "development");
    if (!development.verdict().isDevelopment() || withdrawals.withdrawn(development.id())) {
      return 0;
    }
    int queued = 0;
    for (Subscriber subscriber : router.route(development)) {
      if (unsubscribes.unsubscribedAt(subscriber.email()).isPresent()) {
        continue;
      }
      boolean immediate = subscriber.wantsImmediately(development.severity());
      if (!queue.enqueue(subscriber.email(), development, immediate, clock.instant())) {
        continue;
      }
      queued++;
      if (immediate && !delivery.backingOff(subscriber)) {
        try {
          delivery.sendImmediate(subscriber);
        } catch (DeliveryException e) {
          Delivery.logRetry(LOG, "Immediate alert: ", e);
        }
      }
    }
    return queued;
  }

  /**
   * Applies an analyst's judgement. A development judged wrong is withdrawn: it leaves every digest not yet sent
   * and is not queued again (what was mailed stays mailed). One judged right after being judged wrong is queued
   * again for whoever it was routed to and not yet mailed. Idempotent.
   *
   * @return how many subscribers' pending items it left (wrong) or joined (right)
   * @throws QueueException when the database fails; retry
   */
  public int correct(Correction correction) {
    Objects.requireNonNull(correction, "correction");
    if (correction.decision() == Correction.Decision.WRONG) {
      int left = withdrawals.withdraw(correction.developmentId(), clock.instant());
      LOG.info("development {} withdrawn ({}, by {}): it left {} pending digest(s)", correction.developmentId(),
          correction.reason().label(), correction.analyst(), left);
      return left;
    }
    return withdrawals.reinstate(correction.developmentId()) ? accept(correction.development()) : 0;
  }

  /**
   * Sends every subscriber with pending developments a digest now, whatever their schedule, except those parked
   * after a refusal (see {@link #release}). A subscriber whose mail fails is logged and skipped; their items stay
   * queued for the retry job. Items queued for an address that is no longer a subscriber stay in the queue
   * untouched.
   *
   * @return one receipt per digest sent, in subscriber order
   */
  public List<DigestReceipt> sendDigests() {
    Set<String> waiting = queue.subscribersWithPending(false);
    List<DigestReceipt> receipts = new ArrayList<>();
    for (Subscriber subscriber : router.subscribers()) {
      if (!waiting.contains(subscriber.email()) || delivery.parked(subscriber)) {
        continue;
      }
      try {
        delivery.sendDigest(subscriber).ifPresent(receipts::add);
      } catch (DeliveryException e) {
        Delivery.logRetry(LOG, "Digest: ", e);
      }
    }
    return receipts;
  }

  /**
   * Sends the subscriber a digest of their pending developments now.
   *
   * @return empty when nothing is pending
   * @throws IllegalArgumentException when {@code email} is not a subscriber
   * @throws DeliveryException when the mail could not be handed over; the items stay queued
   */
  public Optional<DigestReceipt> sendDigest(String email) {
    return delivery.sendDigest(existing(email));
  }

  /**
   * Records which developments a tagged article repeats, so digests can say how many other outlets carried them.
   * Idempotent: a replayed article counts once.
   *
   * @throws QueueException when the database fails; retry
   */
  public void corroborate(TaggedArticle article) {
    corroborations.record(Objects.requireNonNull(article, "article"));
  }

  /**
   * Applies new watchlists and subscribers without a restart: routing uses them for the next development,
   * schedules of added, removed or changed subscribers are updated. Queued items stay queued.
   *
   * @throws IllegalArgumentException listing every problem; the notifier keeps its current settings
   */
  public synchronized void reconfigure(List<Watchlist> watchlists, List<Subscriber> subscribers) {
    List<String> problems = problems(watchlists, subscribers, mail);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid notifier settings:\n  " + String.join("\n  ", problems));
    }
    Router before = router;
    Router after = new Router(watchlists, subscribers);
    router = after;
    if (schedule != null) {
      try {
        schedule.reschedule(before, after);
      } catch (SchedulerException e) {
        throw new IllegalStateException("cannot update the digest schedule: " + e.getMessage(), e);
      }
    }
    LOG.info("Notifier reconfigured: {} watchlists, {} subscribers", watchlists.size(), subscribers.size());
  }

  /** The link in {@code email}'s mails that unsubscribes it, or empty without {@link Builder#unsubscribeUrl}. */
  public Optional<String> unsubscribeLink(String email) {
    return Optional.ofNullable(composer.unsubscribeLink(email));
  }

  /** The address an unsubscribe token names, when the token is genuine; nothing changes. */
  public Optional<String> unsubscribeAddress(String token) {
    return unsubscribes.address(token);
  }

  /**
   * Unsubscribes the address a genuine token names: it receives nothing more, and what was queued for it is
   * dropped. Idempotent.
   *
   * @return the address, or empty when the token is not genuine
   */
  public Optional<String> unsubscribe(String token) {
    Optional<String> address = unsubscribes.address(token);
    address.ifPresent(email -> {
      if (unsubscribes.unsubscribe(email, clock.instant())) {
        LOG.info("{} unsubscribed", email);
      }
    });
    return address;
  }

  /** Where mail stands for every subscriber and every address with queued items or mails, by address. */
  public List<MailStatus> status() {
    Map<String, QueueStore.Summary> summaries = queue.summaries();
    Map<String, RetryLog.Pending> failing = new HashMap<>();
    retries.all().forEach(p -> failing.put(p.subscriber(), p));
    Router now = router;
    Set<String> addresses = new TreeSet<>(summaries.keySet());
    addresses.addAll(failing.keySet());
    now.subscribers().forEach(s -> addresses.add(s.email()));
    List<MailStatus> status = new ArrayList<>();
    for (String email : addresses) {
      QueueStore.Summary summary = summaries.getOrDefault(email, new QueueStore.Summary(0, null, 0));
      RetryLog.Pending failure = failing.get(email);
      Optional<Subscriber> subscriber = now.subscriber(email);
      Instant unsubscribedAt = unsubscribes.unsubscribedAt(email).orElse(null);
      status.add(new MailStatus(email, subscriber.isPresent(), summary.pending(), summary.lastSent(),
          unsubscribedAt != null ? null
              : subscriber.flatMap(s -> Schedule.nextDigestAfter(s, clock.instant())).orElse(null),
          failure == null ? 0 : failure.attempts(),
          failure == null || failure.permanent() ? null : failure.nextAttemptAt(),
          failure != null && failure.permanent(), failure == null ? null : failure.lastError(),
          unsubscribedAt, summary.repeats()));
    }
    return status;
  }

  /**
   * Forgets the failures of an address, parked after a refusal or backing off: what failed is tried again by
   * the retry job within a minute (or at once by {@link #retryFailed}).
   *
   * @return whether there was anything to release
   */
  public boolean release(String email) {
    return retries.release(email, clock.instant());
  }

  /**
   * Checks that mail can leave: the SMTP server answers (connect, greeting, login), or the outbox directory is
   * writable. For health checks; sends nothing.
   *
   * @return empty when it can, else what is wrong
   */
  public Optional<String> checkMail() {
    return delivery.checkMail();
  }

  /** The subscriber with this address in the settings in force, if any. */
  public Optional<Subscriber> subscriber(String email) {
    return router.subscriber(email);
  }

  /** When the subscriber's next scheduled digest is due, by this notifier's clock; empty if never. */
  public Optional<Instant> nextDigestAt(String email) {
    return Schedule.nextDigestAfter(existing(email), clock.instant());
  }

  /**
   * Re-sends what failed and whose backoff has passed: digests and immediate alerts. The scheduler does this
   * every minute; call it directly when the scheduler is not started.
   *
   * @return one receipt per mail sent
   */
  public List<DigestReceipt> retryFailed() {
    return delivery.retryDue();
  }

  /** How many developments wait for the subscriber's next mail. */
  public int pending(String email) {
    return queue.pending(existing(email).email());
  }

  /**
   * Starts sending on schedule: each subscriber's digest on their cron in their time zone, the one-shot digests
   * at {@link Builder#firstDigestAt} when set, and the retry job every minute. Quartz runs in memory under its
   * own scheduler name, so several notifiers can live in one JVM.
   *
   * @throws IllegalStateException when already started or closed, or when Quartz cannot start
   */
  public synchronized void start() {
    if (closed || schedule != null) {
      throw new IllegalStateException(closed ? "notifier is closed" : "notifier is already started");
    }
    try {
      schedule = new Schedule(delivery, () -> router, firstDigestAt);
      schedule.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the digest scheduler: " + e.getMessage(), e);
    }
  }

  /** Stops the scheduler, waiting for a digest being sent. The data source is the caller's to close. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (schedule != null) {
      try {
        schedule.close();
      } catch (SchedulerException e) {
        LOG.warn("Digest scheduler did not stop cleanly: {}", e.getMessage(), e);
      }
    }
    delivery.close();
  }

  private Subscriber existing(String email) {
    return router.subscriber(email)
        .orElseThrow(() -> new IllegalArgumentException("'" + email + "' is not a subscriber"));
  }

  private static InternetAddress fromAddress(MailSettings mail) {
    try {
      return new InternetAddress(mail.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("mail.from: '" + mail.from() + "' is not an email address", e);
    }
  }

  /** Builds a {@link Notifier}; {@link #build} checks the settings and creates the tables. */
  public static final class Builder {
    private List<Watchlist> watchlists = List.of();
    private List<Subscriber> subscribers = List.of();
    private MailSettings mail;
    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    private Instant firstDigestAt;
    private DisplayNames names = DisplayNames.fromIds();
    private String focus;
    private URI unsubscribeUrl;
    private Function<Development, String> figuresLink = d -> null;
    private DeliveryListener listener = new DeliveryListener() {};

    private Builder() {}

    /** Told of every mail sent and every failed hand-over, e.g. for metrics; default nobody. */
    public Builder listener(DeliveryListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How entity and treaty ids read in mails, per language; default the ids as words. */
    public Builder names(DisplayNames names) {
      this.names = Objects.requireNonNull(names, "names");
      return this;
    }

    /**
     * The state every claim is set against (the knowledge set's focus, e.g. {@code russia}): headlines leave it
     * unnamed as a counterparty. Default none: every counterparty is named.
     */
    public Builder focus(String entityId) {
      this.focus = entityId;
      return this;
    }

    /**
     * The address of a development's figure timeline (on the service's console), or {@code null} for one without;
     * each development of a mail links to it. Default: no links.
     */
    public Builder figuresLink(Function<Development, String> figuresLink) {
      this.figuresLink = Objects.requireNonNull(figuresLink, "figuresLink");
      return this;
    }

    /**
     * The public address of the unsubscribe page (served by the service's HTTP surface), e.g.
     * {@code https://vedetta.example.org/unsubscribe}; each mail links to it with the subscriber's token. Default
     * none: mails then carry no unsubscribe link.
     */
    public Builder unsubscribeUrl(URI unsubscribeUrl) {
      this.unsubscribeUrl = unsubscribeUrl;
      return this;
    }

    /** The watchlists subscribers may follow; default none. */
    public Builder watchlists(List<Watchlist> watchlists) {
      this.watchlists = List.copyOf(watchlists);
      return this;
    }

    /** Who receives mail; default nobody. */
    public Builder subscribers(List<Subscriber> subscribers) {
      this.subscribers = List.copyOf(subscribers);
      return this;
    }

    /** How mail leaves; required. */
    public Builder mail(MailSettings mail) {
      this.mail = mail;
      return this;
    }

    /** Where the queue lives (H2 or PostgreSQL); required. Each call takes a connection and closes it. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** The time of queue rows, digests, mail dates and backoff; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** When set, {@link #start} also sends every subscriber one digest at that instant (the demo uses it). */
    public Builder firstDigestAt(Instant firstDigestAt) {
      this.firstDigestAt = firstDigestAt;
      return this;
    }

    /**
     * Checks the settings and that every watchlist a subscriber names exists, then creates or upgrades the
     * tables.
     *
     * @throws IllegalArgumentException listing every problem in the settings
     * @throws NullPointerException     when the mail settings, data source or clock are missing
     * @throws org.flywaydb.core.api.FlywayException when the tables cannot be created
     */
    public Notifier build() {
      Objects.requireNonNull(mail, "mail");
      Objects.requireNonNull(dataSource, "dataSource");
      Objects.requireNonNull(clock, "clock");
      List<String> problems = problems(watchlists, subscribers, mail);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("invalid notifier settings:\n  " + String.join("\n  ", problems));
      }
      return new Notifier(this);
    }
  }

  private static List<String> problems(List<Watchlist> watchlists, List<Subscriber> subscribers,
      MailSettings mail) {
    Problems problems = new Problems();
    new WatchlistsSettings(watchlists).validate(problems);
    new SubscribersSettings(subscribers).validate(problems);
    mail.validate(problems.at("mail"));
    Set<String> known = new HashSet<>();
    watchlists.forEach(w -> known.add(w.id()));
    for (int i = 0; i < subscribers.size(); i++) {
      Problems at = problems.at("subscribers", i);
      List<String> followed = subscribers.get(i).watchlists();
      for (int j = 0; j < followed.size(); j++) {
        String id = followed.get(j);
        at.check(id == null || known.contains(id), "watchlists[" + j + "]", "unknown watchlist '" + id
            + "'; known: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
    return problems.found().stream().map(f -> f.field() + ": " + f.message()).toList();
  }
}
