package org.vedetta.notifier.internal;

import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.vedetta.database.Durability;
import org.vedetta.database.Migrations;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.notifier.QueueException;

/**
 * The durable per-subscriber queue ({@code notifier_queue}) and the log of mails sent ({@code notifier_digest}).
 * A row is pending while its {@code digest_id} is null; {@link #drain} marks rows sent in the same transaction
 * that records the mail, so sent items are never sent again, also after a restart, and flushes that transaction to
 * disk before returning, so also after the process is killed the instant its mail went out.
 */
public final class QueueStore {

  /** SQLState of a unique or primary key violation, in H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public QueueStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Creates or upgrades the tables: Flyway, {@code classpath:db/notifier}, history in
   * {@code notifier_schema_history}. The database may already hold other stages' tables (baseline 0, so V1 runs).
   */
  public void migrate() {
    Migrations.migrate(dataSource, "db/notifier", "notifier_schema_history");
  }

  /** Hands the subscriber's pending items to a {@link Dispatch}, which mails them. */
  @FunctionalInterface
  public interface Dispatch {
    /** Sends the items; a {@link MessagingException} leaves them pending. */
    Sent send(List<Development> items) throws MessagingException;
  }

  /**
   * A mail handed over.
   *
   * @param digest      what it carried
   * @param where       the {@code .eml} file or {@code smtp://host:port}
   * @param outboxPath  the {@code .eml} file, or {@code null} for SMTP
   * @param repeats     the {@code Message-ID} of an earlier attempt this mail may repeat, or {@code null}
   */
  public record Sent(Digest digest, String where, String outboxPath, String repeats) {}

  /** Hands a mail without items to a {@link Dispatch}-like sender. */
  @FunctionalInterface
  public interface EmptyDispatch {
    /** Sends the digest; a {@link MessagingException} leaves nothing recorded. */
    Sent send() throws MessagingException;
  }

  /** Queues a development for a subscriber; returns {@code false} when it was queued before (or sent). */
  public boolean enqueue(String subscriber, Development development, boolean immediate, Instant now) {
    String sql = "insert into notifier_queue"
        + " (subscriber, development_id, payload, severity, immediate, enqueued_at) values (?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
      insert.setString(1, subscriber);
      insert.setString(2, development.id());
      insert.setString(3, Json.writeString(development));
      insert.setInt(4, development.severity());
      insert.setBoolean(5, immediate);
      insert.setObject(6, utc(now));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw new QueueException("cannot queue development " + development.id() + " for " + subscriber, e);
    }
  }

  /** How many developments wait for the subscriber's next mail. */
  public int pending(String subscriber) {
    String sql = "select count(*) from notifier_queue where subscriber = ? and digest_id is null";
    try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, subscriber);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new QueueException("cannot count the pending items of " + subscriber, e);
    }
  }

  /** When the subscriber's oldest pending item was queued, or empty when nothing is pending. */
  public Optional<Instant> oldestPending(String subscriber) {
    String sql = "select min(enqueued_at) from notifier_queue where subscriber = ? and digest_id is null";
    try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, subscriber);
      try (ResultSet rows = select.executeQuery()) {
        OffsetDateTime at = rows.next() ? rows.getObject(1, OffsetDateTime.class) : null;
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
      }
    } catch (SQLException e) {
      throw new QueueException("cannot read the pending items of " + subscriber, e);
    }
  }

  /** Subscribers with pending items; with {@code immediateOnly}, only those with pending immediate alerts. */
  public Set<String> subscribersWithPending(boolean immediateOnly) {
    String sql = "select distinct subscriber from notifier_queue where digest_id is null"
        + (immediateOnly ? " and immediate = true" : "");
    try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      Set<String> subscribers = new LinkedHashSet<>();
      while (rows.next()) {
        subscribers.add(rows.getString(1));
      }
      return subscribers;
    } catch (SQLException e) {
      throw new QueueException("cannot list the subscribers with pending items", e);
    }
  }

  /**
   * In one transaction: locks the subscriber's pending items ({@code FOR UPDATE}), lets {@code dispatch} mail
   * them, marks them sent and records the mail, then commits. When there is nothing pending, returns empty
   * without calling {@code dispatch}; when {@code dispatch} fails, rolls back so the items stay pending.
   *
   * @param immediateOnly take only the items flagged for immediate mail
   */
  public Optional<Sent> drain(String subscriber, boolean immediateOnly, Dispatch dispatch)
      throws MessagingException {
    return inTransaction("cannot send the pending items of " + subscriber, c -> {
      List<Development> items = lockPending(c, subscriber, immediateOnly);
      if (items.isEmpty()) {
        return Optional.empty();
      }
      Sent sent = dispatch.send(items);
      markSent(c, sent);
      return Optional.of(sent);
    });
  }

  /**
   * Sends a scheduled mail without items once: in one transaction, records it (its id names the schedule slot),
   * lets {@code dispatch} send it, and commits. When that slot's mail was recorded before, by this or another
   * node, returns empty without calling {@code dispatch}.
   */
  public Optional<Sent> sendOnce(Digest digest, EmptyDispatch dispatch) throws MessagingException {
    String email = digest.subscriber().email();
    return inTransaction("cannot send the scheduled mail of " + email, c -> {
      if (unsubscribed(c, email)) {
        return Optional.empty();
      }
      try {
        recordDigest(c, digest, null, null);
      } catch (SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
          return Optional.empty();
        }
        throw e;
      }
      Sent sent = dispatch.send();
      updateRecord(c, sent);
      SendAttempts.settle(c, email);
      return Optional.of(sent);
    });
  }

  /** Work in a transaction that commits when it returns a mail and rolls back when it returns none or fails. */
  @FunctionalInterface
  private interface SendingWork {
    Optional<Sent> run(Connection c) throws SQLException, MessagingException;
  }

  private Optional<Sent> inTransaction(String failure, SendingWork work) throws MessagingException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Sent> sent = work.run(c);
        if (sent.isPresent()) {
          c.commit();
          Durability.flush(c); // a mail out is a fact the next process must know, even if this one is killed now
        } else {
          c.rollback();
        }
        return sent;
      } catch (MessagingException | SQLException | RuntimeException e) {
        rollback(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new QueueException(failure, e);
    }
  }

  /** When the subscriber's last digest (not an alert) went out, or empty if none did. */
  public Optional<Instant> lastDigestAt(String subscriber) {
    String sql = "select max(sent_at) from notifier_digest where subscriber = ? and immediate = false";
    try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, subscriber);
      try (ResultSet rows = select.executeQuery()) {
        OffsetDateTime at = rows.next() ? rows.getObject(1, OffsetDateTime.class) : null;
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
      }
    } catch (SQLException e) {
      throw new QueueException("cannot read the last digest of " + subscriber, e);
    }
  }

  /**
   * Per subscriber address: pending items and the last mail sent, for operators.
   *
   * @param pending  developments waiting for the next mail
   * @param lastSent when the last mail went out, or {@code null}
   * @param repeats  mails that may have repeated an earlier one (see {@link SendAttempts})
   */
  public record Summary(int pending, Instant lastSent, int repeats) {}

  /** A {@link Summary} per address that has queue rows or mails. */
  public Map<String, Summary> summaries() {
    Map<String, Summary> out = new TreeMap<>();
    String pendingSql = "select subscriber, count(*) from notifier_queue where digest_id is null group by subscriber";
    String sentSql = "select subscriber, max(sent_at), count(repeats_message_id) from notifier_digest"
        + " group by subscriber";
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement select = c.prepareStatement(pendingSql); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          out.put(rows.getString(1), new Summary(rows.getInt(2), null, 0));
        }
      }
      try (PreparedStatement select = c.prepareStatement(sentSql); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Summary before = out.getOrDefault(rows.getString(1), new Summary(0, null, 0));
          OffsetDateTime at = rows.getObject(2, OffsetDateTime.class);
          out.put(rows.getString(1), new Summary(before.pending(), at == null ? null : at.toInstant(),
              rows.getInt(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new QueueException("cannot summarise the queue", e);
    }
  }

  private static boolean unsubscribed(Connection c, String email) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("select 1 from notifier_unsubscribe where email = ?")) {
      select.setString(1, email);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static List<Development> lockPending(Connection c, String subscriber, boolean immediateOnly)
      throws SQLException {
    // An address that unsubscribed gets nothing, even an item queued in the instant it unsubscribed.
    String sql = "select payload from notifier_queue where subscriber = ? and digest_id is null"
        + (immediateOnly ? " and immediate = true" : "")
        + " and not exists (select 1 from notifier_unsubscribe u where u.email = notifier_queue.subscriber)"
        + " order by development_id for update";
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, subscriber);
      try (ResultSet rows = select.executeQuery()) {
        List<Development> items = new ArrayList<>();
        while (rows.next()) {
          items.add(Json.read(rows.getString(1), Development.class));
        }
        return items;
      }
    }
  }

  private static void markSent(Connection c, Sent sent) throws SQLException {
    Digest digest = sent.digest();
    String update = "update notifier_queue set digest_id = ?"
        + " where subscriber = ? and development_id = ? and digest_id is null";
    try (PreparedStatement mark = c.prepareStatement(update)) {
      for (Development item : digest.items()) {
        mark.setString(1, digest.id());
        mark.setString(2, digest.subscriber().email());
        mark.setString(3, item.id());
        mark.addBatch();
      }
      mark.executeBatch();
    }
    recordDigest(c, digest, sent.outboxPath(), sent.repeats());
    SendAttempts.settle(c, digest.subscriber().email());
  }

  private static void recordDigest(Connection c, Digest digest, String outboxPath, String repeats)
      throws SQLException {
    String insert = "insert into notifier_digest (id, subscriber, message_id, items, immediate, sent_at,"
        + " outbox_path, repeats_message_id) values (?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement record = c.prepareStatement(insert)) {
      record.setString(1, digest.id());
      record.setString(2, digest.subscriber().email());
      record.setString(3, digest.messageId());
      record.setInt(4, digest.items().size());
      record.setBoolean(5, digest.immediate());
      record.setObject(6, utc(digest.createdAt()));
      record.setString(7, outboxPath);
      record.setString(8, repeats);
      record.executeUpdate();
    }
  }

  private static void updateRecord(Connection c, Sent sent) throws SQLException {
    String update = "update notifier_digest set outbox_path = ?, repeats_message_id = ? where id = ?";
    try (PreparedStatement record = c.prepareStatement(update)) {
      record.setString(1, sent.outboxPath());
      record.setString(2, sent.repeats());
      record.setString(3, sent.digest().id());
      record.executeUpdate();
    }
  }

  private static void rollback(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
