package org.vedetta.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Runs a stage's schema migrations with Flyway: its scripts under {@code classpath:<location>}, its own history
 * table, and a baseline of version 0, since other stages' tables may already share the schema (so its V1 still
 * runs).
 *
 * <p>Processes starting together on one PostgreSQL take turns under an advisory lock. Flyway locks the migration
 * itself, but not the creation of a history table with its baseline: two processes on an empty schema would both
 * try it, and the second fail ("already exists, and is empty"). In one JVM (H2, tests) they take turns on a lock
 * of this class.
 */
public final class Migrations {

  /** The advisory lock's key: "VEDETTA" in ASCII. */
  private static final long LOCK_KEY = 0x56_45_44_45_54_54_41L;

  private Migrations() {}

  /**
   * Brings the stage's tables up to date.
   *
   * @param location     where its scripts are on the classpath, e.g. {@code db/ingest}
   * @param historyTable its Flyway history table, e.g. {@code ingest_schema_history}
   * @throws IllegalStateException when the database cannot be reached
   */
  public static void migrate(DataSource dataSource, String location, String historyTable) {
    Flyway flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:" + location)
        .table(historyTable)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
    synchronized (Migrations.class) {
      try (Connection lock = dataSource.getConnection()) {
        boolean postgres = "PostgreSQL".equals(lock.getMetaData().getDatabaseProductName());
        if (postgres) {
          execute(lock, "select pg_advisory_lock(" + LOCK_KEY + ")");
        }
        try {
          flyway.migrate();
        } finally {
          if (postgres) {
            execute(lock, "select pg_advisory_unlock(" + LOCK_KEY + ")");
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot migrate " + historyTable + ": " + e.getMessage(), e);
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
