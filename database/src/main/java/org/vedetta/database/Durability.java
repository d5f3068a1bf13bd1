package org.vedetta.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes committed transactions survive a killed process. A PostgreSQL commit is on disk when it returns, unless
 * its session commits asynchronously ({@link #ASYNC_COMMITS}: a pool that does gets {@link #ofAsyncCommits}). An H2
 * file database keeps a commit in memory and writes it to its file up to a second later (its store's write delay),
 * so a process killed within that second loses it; {@link #flush} writes and syncs everything committed so far
 * (about a millisecond). Call it after a commit that something outside the database will rely on: a mail recorded
 * as sent, offsets committed to Kafka.
 */
public final class Durability {

  /** For a stage without a database: nothing to flush. */
  public static final Durability NONE = new Durability(null, false);

  /**
   * The PostgreSQL session setting of a pool whose commits return before they are on disk: a stage that writes a
   * few rows per record and commits its Kafka offsets per batch then waits for the disk once per batch, at
   * {@link #flush}, not once per statement. The database stays consistent after a crash; what it may lose is the
   * last moment's commits, which the flush before each offset commit rules out.
   */
  public static final String ASYNC_COMMITS = "set synchronous_commit = off";

  private final DataSource dataSource;
  private final boolean asyncCommits;

  private Durability(DataSource dataSource, boolean asyncCommits) {
    this.dataSource = dataSource;
    this.asyncCommits = asyncCommits;
  }

  /** Flushes {@code dataSource}'s commits through connections of its own. */
  public static Durability of(DataSource dataSource) {
    return new Durability(dataSource, false);
  }

  /** As {@link #of}, for a pool whose PostgreSQL sessions commit asynchronously ({@link #ASYNC_COMMITS}). */
  public static Durability ofAsyncCommits(DataSource dataSource) {
    return new Durability(dataSource, true);
  }

  /**
   * Writes what was committed to disk; returns at once on a synchronous PostgreSQL, an in-memory H2 or
   * {@link #NONE}. After asynchronous commits on PostgreSQL, one synchronous commit of a transaction of its own
   * waits until the write-ahead log is on disk up to it, so up to every commit before it.
   */
  public void flush() throws SQLException {
    if (dataSource == null) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      if (asyncCommits && isPostgresql(c)) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("set local synchronous_commit = on");
          s.execute("select txid_current()"); // a transaction id, so a commit record to wait for
          c.commit();
        } finally {
          c.setAutoCommit(autoCommit);
        }
      } else {
        flush(c);
      }
    }
  }

  private static boolean isPostgresql(Connection c) throws SQLException {
    String url = c.getMetaData().getURL();
    return url != null && url.startsWith("jdbc:postgresql:");
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
