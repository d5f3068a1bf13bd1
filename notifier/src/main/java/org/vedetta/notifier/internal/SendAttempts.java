package org.vedetta.notifier.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.vedetta.database.Durability;
import org.vedetta.notifier.QueueException;

/**
 * Mails being handed over ({@code notifier_attempt}): the detector of the one window where a mail can go out
 * twice. A row is committed before the hand-over and deleted in the transaction that records the mail as sent
 * ({@link #settle}); one still present at the subscriber's next send means the earlier hand-over's outcome was
 * never recorded (the process died, or the server went silent after the data), so the new mail may repeat it.
 * Both are flushed to disk before they return ({@link Durability}), so a process killed the next instant keeps them.
 */
public final class SendAttempts {

  private final DataSource dataSource;

  public SendAttempts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Records that a mail to {@code subscriber} is about to be handed over.
   *
   * @return the {@code Message-ID} of an earlier attempt whose outcome is unknown, or empty
   */
  public Optional<String> begin(String subscriber, String messageId, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<String> earlier = Optional.empty();
        try (PreparedStatement select = c.prepareStatement(
            "select message_id from notifier_attempt where subscriber = ?")) {
          select.setString(1, subscriber);
          try (ResultSet rows = select.executeQuery()) {
            if (rows.next()) {
              earlier = Optional.of(rows.getString(1));
            }
          }
        }
        delete(c, subscriber);
        try (PreparedStatement insert = c.prepareStatement(
            "insert into notifier_attempt (subscriber, message_id, started_at) values (?, ?, ?)")) {
          insert.setString(1, subscriber);
          insert.setString(2, messageId);
          insert.setObject(3, QueueStore.utc(now));
          insert.executeUpdate();
        }
        c.commit();
        Durability.flush(c); // the attempt must outlive the process before the mail leaves
        return earlier;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new QueueException("cannot record the mail to " + subscriber + " before sending it", e);
    }
  }

  /**
   * Forgets an attempt that certainly delivered nothing (the server was unreachable or refused), keeping the
   * earlier unknown one {@link #begin} returned, if any.
   */
  public void abandon(String subscriber, Optional<String> earlier) {
    String sql = earlier.isPresent()
        ? "update notifier_attempt set message_id = ? where subscriber = ?"
        : "delete from notifier_attempt where subscriber = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement write = c.prepareStatement(sql)) {
      int at = 1;
      if (earlier.isPresent()) {
        write.setString(at++, earlier.get());
      }
      write.setString(at, subscriber);
      write.executeUpdate();
      Durability.flush(c);
    } catch (SQLException e) {
      throw new QueueException("cannot clear the attempt to mail " + subscriber, e);
    }
  }

  /** Forgets the attempt, inside the transaction that records its mail as sent. */
  static void settle(Connection c, String subscriber) throws SQLException {
    delete(c, subscriber);
  }

  private static void delete(Connection c, String subscriber) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("delete from notifier_attempt where subscriber = ?")) {
      delete.setString(1, subscriber);
      delete.executeUpdate();
    }
  }
}
