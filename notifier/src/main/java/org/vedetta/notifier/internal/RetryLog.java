package org.vedetta.notifier.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.vedetta.notifier.QueueException;

/**
 * Subscribers whose last mail failed ({@code notifier_retry}), with exponential backoff: the n-th consecutive
 * failure waits {@link #FIRST_DELAY} × 2<sup>n-1</sup>, at most {@link #MAX_DELAY}. Kept in the database so a
 * restart still retries a failed digest rather than waiting for the next scheduled one. A permanent refusal
 * ({@link #rejected}) parks the subscriber instead: no retry until {@link #release}.
 */
public final class RetryLog {

  public static final Duration FIRST_DELAY = Duration.ofMinutes(1);
  public static final Duration MAX_DELAY = Duration.ofHours(1);

  private static final int MAX_ERROR_LENGTH = 1000;

  /**
   * A subscriber waiting for a retry.
   *
   * @param subscriber    the email
   * @param digest        whether a digest failed; otherwise only an immediate alert did
   * @param attempts      consecutive failures
   * @param nextAttemptAt not before then
   * @param permanent     the server refused for good (5xx): no automatic retry until released
   * @param lastError     what went wrong last, or {@code null}
   */
  public record Pending(String subscriber, boolean digest, int attempts, Instant nextAttemptAt, boolean permanent,
      String lastError) {

    /** Whether nothing should be sent to the subscriber at {@code now}. */
    public boolean waiting(Instant now) {
      return permanent || nextAttemptAt.isAfter(now);
    }
  }

  private final DataSource dataSource;

  public RetryLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** How long to wait after the given number of consecutive failures. */
  public static Duration delayAfter(int attempts) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 16);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /** Records a failed mail; a failed digest stays remembered as such until a digest goes out. */
  public void failed(String subscriber, boolean digest, String error, Instant now) {
    record(subscriber, digest, error, now, false);
  }

  /** Records a permanent refusal: the subscriber is parked until {@link #release}d. */
  public void rejected(String subscriber, boolean digest, String error, Instant now) {
    record(subscriber, digest, error, now, true);
  }

  /**
   * Unparks the subscriber and makes its retry due now, so the retry job sends what failed at its next run
   * (within a minute); its backoff starts over.
   *
   * @return whether the subscriber had failures
   */
  public boolean release(String subscriber, Instant now) {
    String sql = "update notifier_retry set permanent = false, attempts = 0, next_attempt_at = ?, last_error = null"
        + " where subscriber = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
      update.setObject(1, QueueStore.utc(now));
      update.setString(2, subscriber);
      return update.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new QueueException("cannot release " + subscriber, e);
    }
  }

  private void record(String subscriber, boolean digest, String error, Instant now, boolean permanent) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      Pending before = find(c, subscriber);
      int attempts = before == null ? 1 : before.attempts() + 1;
      boolean anyDigest = digest || before != null && before.digest();
      String sql = before == null
          ? "insert into notifier_retry (digest, attempts, next_attempt_at, last_error, permanent, subscriber)"
              + " values (?, ?, ?, ?, ?, ?)"
          : "update notifier_retry set digest = ?, attempts = ?, next_attempt_at = ?, last_error = ?,"
              + " permanent = ? where subscriber = ?";
      try (PreparedStatement write = c.prepareStatement(sql)) {
        write.setBoolean(1, anyDigest);
        write.setInt(2, attempts);
        write.setObject(3, QueueStore.utc(now.plus(delayAfter(attempts))));
        write.setString(4, truncate(error));
        write.setBoolean(5, permanent);
        write.setString(6, subscriber);
        write.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new QueueException("cannot record the failed mail to " + subscriber, e);
    }
  }

  /** Forgets the failures a successful mail settled: any after a digest, only an alert's after an alert. */
  public void succeeded(String subscriber, boolean digest) {
    String sql = "delete from notifier_retry where subscriber = ? and permanent = false"
        + (digest ? "" : " and digest = false");
    try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(sql)) {
      delete.setString(1, subscriber);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new QueueException("cannot clear the failures of " + subscriber, e);
    }
  }

  /** The subscriber's pending retry, or {@code null}. */
  public Pending find(String subscriber) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, subscriber);
    } catch (SQLException e) {
      throw new QueueException("cannot read the failures of " + subscriber, e);
    }
  }

  /** Every subscriber waiting for a retry, due or not. */
  public List<Pending> all() {
    String sql = "select subscriber, digest, attempts, next_attempt_at, permanent, last_error from notifier_retry"
        + " order by subscriber";
    try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      List<Pending> pending = new ArrayList<>();
      while (rows.next()) {
        pending.add(read(rows));
      }
      return pending;
    } catch (SQLException e) {
      throw new QueueException("cannot list the failed mails", e);
    }
  }

  private static Pending find(Connection c, String subscriber) throws SQLException {
    String sql = "select subscriber, digest, attempts, next_attempt_at, permanent, last_error from notifier_retry"
        + " where subscriber = ?";
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, subscriber);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? read(rows) : null;
      }
    }
  }

  private static Pending read(ResultSet rows) throws SQLException {
    return new Pending(rows.getString(1), rows.getBoolean(2), rows.getInt(3),
        rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getBoolean(5), rows.getString(6));
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
