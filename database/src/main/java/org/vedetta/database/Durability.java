package org.vedetta.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes committed transactions survive a killed process. A PostgreSQL commit is on disk when it returns. An H2 file
 * database keeps a commit in memory and writes it to its file up to a second later (its store's write delay), so a
 * process killed within that second loses it; {@link #flush} writes and syncs everything committed so far (about a
 * millisecond). Call it after a commit that something outside the database will rely on: a mail recorded as sent,
 * offsets committed to Kafka.
 */
public final class Durability {

  /** For a stage without a database: nothing to flush. */
  public static final Durability NONE = new Durability(null);

  private final DataSource dataSource;

  private Durability(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Flushes {@code dataSource}'s commits through connections of its own. */
  public static Durability of(DataSource dataSource) {
    return new Durability(dataSource);
  }

  /** Writes what was committed to disk; returns at once on PostgreSQL, an in-memory H2 or {@link #NONE}. */
  public void flush() throws SQLException {
    if (dataSource != null) {
      try (Connection c = dataSource.getConnection()) {
        flush(c);
      }
    }
  }

  /** As {@link #flush()}, through a connection the caller holds, after its commit. */
  public static void flush(Connection c) throws SQLException {
    String url = c.getMetaData().getURL();
    if (url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")) {
      try (Statement s = c.createStatement()) {
        s.execute("CHECKPOINT SYNC");
      }
    }
  }
}
