package org.vedetta.app.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Readiness: whether the parts this process depends on answer now — the Kafka broker (cluster metadata), the
 * database (a valid connection), for a notifier the mail server (connect, greeting, login) or the outbox, and
 * whether every stage of the process still consumes its topic.
 * Results are kept for a few seconds, so a busy prober does not become load.
 */
public final class HealthChecks implements AutoCloseable {

  /** How long a result is reused. */
  static final Duration CACHE = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  /**
   * One dependency's state.
   *
   * @param up     whether it answered
   * @param detail what it said, or what went wrong
   * @param millis how long the check took
   */
  public record Check(boolean up, String detail, long millis) {}

  /**
   * All checks.
   *
   * @param up     whether every check is up
   * @param checks by name: {@code kafka}, {@code database}, then the further ones
   * @param at     when they ran
   */
  public record Report(boolean up, Map<String, Check> checks, Instant at) {}

  private final Admin admin;
  private final DataSource database;
  private final Map<String, Supplier<Optional<String>>> more;
  private final Map<String, Supplier<String>> notes;
  private final Clock clock;
  private Report last;
  private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "vedetta-health-database");
    t.setDaemon(true);
    return t;
  });
  private CompletableFuture<Check> databaseCheck;

  /**
   * @param more further checks by name, each giving what is wrong or nothing: the notifier's {@code mail}, the
   *             {@code stages} consuming topics
   */
  public HealthChecks(String bootstrapServers, DataSource database, Map<String, Supplier<Optional<String>>> more,
      Clock clock) {
    this(bootstrapServers, database, more, Map.of(), clock);
  }

  /**
   * @param more  further checks by name, each giving what is wrong or nothing
   * @param notes what else to report by name, always up: the {@code sources} of an ingest process (a news site that
   *              is down is not this process's fault)
   */
  public HealthChecks(String bootstrapServers, DataSource database, Map<String, Supplier<Optional<String>>> more,
      Map<String, Supplier<String>> notes, Clock clock) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "vedetta-health");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    this.admin = Admin.create(p);
    this.database = database;
    this.more = Map.copyOf(more);
    this.notes = Map.copyOf(notes);
    this.clock = clock;
  }

  /** The checks, run now unless they ran less than {@link #CACHE} ago. */
  public synchronized Report report() {
    Instant now = clock.instant();
    if (last != null && Duration.between(last.at(), now).compareTo(CACHE) < 0) {
      return last;
    }
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put("kafka", timed(this::kafka));
    checks.put("database", timed(this::databaseWithinTimeout));
    more.forEach((name, check) -> checks.put(name, timed(() -> check.get().map(problem -> new Check(false, problem, 0))
        .orElse(new Check(true, "ok", 0)))));
    notes.forEach((name, note) -> checks.put(name, timed(() -> new Check(true, note.get(), 0))));
    last = new Report(checks.values().stream().allMatch(Check::up), Map.copyOf(checks), now);
    return last;
  }

  private Check kafka() {
    try {
      int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
      return new Check(brokers > 0, brokers + (brokers == 1 ? " broker" : " brokers"), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Check(false, "interrupted", 0);
    } catch (Exception e) {
      return new Check(false, "no answer from the cluster: " + e, 0);
    }
  }

  /**
   * The database check, bounded: the pool waits up to its connection timeout (30 s by default) for a connection, a
   * probe cannot. A check still waiting is not started twice.
   */
  private Check databaseWithinTimeout() {
    if (databaseCheck == null || databaseCheck.isDone()) {
      databaseCheck = CompletableFuture.supplyAsync(this::database, checker);
    }
    try {
      return databaseCheck.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Check(false, "no connection within " + TIMEOUT.toSeconds() + " s", 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Check(false, "interrupted", 0);
    } catch (ExecutionException e) {
      return new Check(false, e.getCause().toString(), 0);
    }
  }

  private Check database() {
    try (Connection c = database.getConnection()) {
      boolean valid = c.isValid((int) TIMEOUT.toSeconds());
      return new Check(valid, valid ? c.getMetaData().getDatabaseProductName() : "connection not valid", 0);
    } catch (SQLException e) {
      return new Check(false, e.getMessage(), 0);
    }
  }

  private static Check timed(Supplier<Check> check) {
    long start = System.nanoTime();
    Check result = check.get();
    return new Check(result.up(), result.detail(), (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public void close() {
    checker.shutdownNow();
    admin.close(Duration.ofSeconds(2));
  }
}
