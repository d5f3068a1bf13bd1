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
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.vedetta.model.Development;
import org.vedetta.model.Json;
import org.vedetta.notifier.QueueException;

/**
 * The durable per-subscriber queue ({@code notifier_queue}) and the log of mails sent ({@code notifier_digest}).
 * A row is pending while its {@code digest_id} is null; {@link #drain} marks rows sent in the same transaction
 * that records the mail, so sent items are never sent again, also after a restart.
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
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/notifier")
        .table("notifier_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
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
   */
  public record Sent(Digest digest, String where, String outboxPath) {}

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
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Development> items = lockPending(c, subscriber, immediateOnly);
        if (items.isEmpty()) {
          c.rollback();
          return Optional.empty();
        }
        Sent sent = dispatch.send(items);
        markSent(c, sent);
        c.commit();
        return Optional.of(sent);
      } catch (MessagingException | SQLException | RuntimeException e) {
        rollback(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new QueueException("cannot send the pending items of " + subscriber, e);
    }
  }

  private static List<Development> lockPending(Connection c, String subscriber, boolean immediateOnly)
      throws SQLException {
    String sql = "select payload from notifier_queue where subscriber = ? and digest_id is null"
        + (immediateOnly ? " and immediate = true" : "") + " order by development_id for update";
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
    String insert = "insert into notifier_digest (id, subscriber, message_id, items, immediate, sent_at,"
        + " outbox_path) values (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement record = c.prepareStatement(insert)) {
      record.setString(1, digest.id());
      record.setString(2, digest.subscriber().email());
      record.setString(3, digest.messageId());
      record.setInt(4, digest.items().size());
      record.setBoolean(5, digest.immediate());
      record.setObject(6, utc(digest.createdAt()));
      record.setString(7, sent.outboxPath());
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
