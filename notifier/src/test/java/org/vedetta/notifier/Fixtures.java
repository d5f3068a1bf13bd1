package org.vedetta.notifier;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.vedetta.testsupport.TestDatabases;

/** Watchlists, subscribers and databases the notifier's tests share. */
public final class Fixtures {

  public static final Watchlist NORTH_KOREA =
      new Watchlist("north_korea", "North Korea", List.of("north_korea"), null, null, null, null);
  public static final Watchlist TREATIES = new Watchlist("treaties", "Treaties with Russia", null,
      List.of("russia_venezuela_partnership"), List.of("treaty_signed", "treaty_ratified", "treaty_in_force"), null,
      null);

  /** Entity and treaty names as the knowledge set gives them, in English and Italian. */
  public static final DisplayNames NAMES = (id, language) -> {
    boolean it = "it".equals(language);
    return switch (id) {
      case "north_korea" -> it ? "Corea del Nord" : "North Korea";
      case "belarus" -> it ? "Bielorussia" : "Belarus";
      case "venezuela" -> "Venezuela";
      case "russia" -> "Russia";
      case "russia_venezuela_partnership" -> it ? "Partenariato strategico Russia–Venezuela"
          : "Russia–Venezuela strategic partnership";
      default -> DisplayNames.fromIds().name(id, language);
    };
  };

  /** A Quartz cron that fires every second, for tests of the scheduler. */
  public static final String EVERY_SECOND = "0/1 * * * * ?";

  private Fixtures() {}

  /** Digests at 07:00 in Rome, English, no "nothing new" mail. */
  public static Subscriber subscriber(String email, String watchlist, Integer immediateSeverity) {
    return new Subscriber(email, null, List.of(watchlist), "0 0 7 * * ?", ZoneId.of("Europe/Rome"),
        immediateSeverity, null);
  }

  /** A subscriber whose digest the scheduler fires every second. */
  public static Subscriber everySecond(String email, String watchlist, boolean emptyDigest) {
    return new Subscriber(email, null, List.of(watchlist), EVERY_SECOND, ZoneId.of("Europe/Rome"), null, null,
        emptyDigest);
  }

  /**
   * A fresh database: in-memory H2, or a fresh schema on the local PostgreSQL server when the build runs the
   * suite against it ({@code -Dvedetta.test.db=postgres}; the test is skipped if that server does not answer).
   */
  public static DataSource memoryDatabase() {
    if (TestDatabases.postgresRequested()) {
      return postgresOrSkip(TestDatabases.postgres());
    }
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:notifier-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /**
   * A database that outlives the notifier that wrote it: an H2 file in {@code directory} (open until
   * {@link #shutDown}), or on PostgreSQL a schema named after the directory.
   */
  public static DataSource fileDatabase(Path directory) {
    if (TestDatabases.postgresRequested()) {
      return postgresOrSkip(TestDatabases.postgres(schema(directory)));
    }
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(h2File(directory) + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /**
   * The JDBC URL of {@link #fileDatabase}{@code (directory)}, for a process of its own (on PostgreSQL, as
   * {@link TestDatabases#postgresUser()}); call {@link #fileDatabase} first, which creates the schema.
   */
  public static String fileDatabaseUrl(Path directory) {
    return TestDatabases.postgresRequested() ? TestDatabases.postgresUrl(schema(directory)) : h2File(directory);
  }

  private static String schema(Path directory) {
    return "vedetta_test_" + Integer.toHexString(directory.toAbsolutePath().toString().hashCode());
  }

  private static String h2File(Path directory) {
    return "jdbc:h2:file:" + directory.resolve("notifier").toAbsolutePath();
  }

  private static DataSource postgresOrSkip(java.util.Optional<DataSource> db) {
    Assumptions.assumeTrue(db.isPresent(), "PostgreSQL on 127.0.0.1:5432 does not answer");
    return db.get();
  }

  /** Closes a database as a stopping process would; the next connection reads it back from its file. */
  public static void shutDown(DataSource db) {
    if (TestDatabases.postgresRequested()) {
      return; // a PostgreSQL schema outlives every connection already
    }
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("shutdown");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
