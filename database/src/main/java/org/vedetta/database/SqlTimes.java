package org.vedetta.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Instants written to {@code timestamp} columns as the JVM's local date and time, the value
 * {@code setTimestamp(Timestamp.from(at))} writes, through JDBC 4.2's {@code LocalDateTime}: the PostgreSQL driver
 * formats a {@code Timestamp} through a {@code Calendar}, which cost a matcher a few percent of its time.
 */
public final class SqlTimes {

  private SqlTimes() {}

  /** Sets parameter {@code index} to {@code at} as a local date and time. */
  public static void setTimestamp(PreparedStatement ps, int index, Instant at) throws SQLException {
    ps.setObject(index, LocalDateTime.ofInstant(at, ZoneId.systemDefault()));
  }
}
