package org.vedetta.notifier.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.vedetta.notifier.QueueException;

/**
 * Developments withdrawn by an analyst ({@code notifier_withdrawn}): withdrawing one takes it out of every
 * subscriber's pending items and keeps it from being queued again; what was already mailed stays mailed.
 */
public final class Withdrawals {

  private final DataSource dataSource;

  public Withdrawals(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Withdraws the development, in one transaction with taking it out of the pending items.
   *
   * @return how many subscribers' pending items it left
   */
  public int withdraw(String developmentId, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement record = c.prepareStatement(
              "insert into notifier_withdrawn (development_id, withdrawn_at) values (?, ?)");
          PreparedStatement unqueue = c.prepareStatement(
              "delete from notifier_queue where development_id = ? and digest_id is null")) {
        if (!withdrawn(c, developmentId)) {
          record.setString(1, developmentId);
          record.setObject(2, now.atOffset(ZoneOffset.UTC));
          record.executeUpdate();
        }
        unqueue.setString(1, developmentId);
        int left = unqueue.executeUpdate();
        c.commit();
        return left;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new QueueException("cannot withdraw development " + developmentId, e);
    }
  }

  /** Takes back a withdrawal; returns whether there was one. */
  public boolean reinstate(String developmentId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement("delete from notifier_withdrawn where development_id = ?")) {
      delete.setString(1, developmentId);
      return delete.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new QueueException("cannot reinstate development " + developmentId, e);
    }
  }

  public boolean withdrawn(String developmentId) {
    try (Connection c = dataSource.getConnection()) {
      return withdrawn(c, developmentId);
    } catch (SQLException e) {
      throw new QueueException("cannot read withdrawn developments", e);
    }
  }

  private static boolean withdrawn(Connection c, String developmentId) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("select 1 from notifier_withdrawn where development_id = ?")) {
      select.setString(1, developmentId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
