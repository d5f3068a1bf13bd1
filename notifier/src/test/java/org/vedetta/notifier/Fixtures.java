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

/** Watchlists, subscribers and databases the notifier's tests share. */
public final class Fixtures {

  public static final Watchlist NORTH_KOREA =
      new Watchlist("north_korea", "North Korea", List.of("north_korea"), null, null, null, null);
  public static final Watchlist TREATIES = new Watchlist("treaties", "Treaties with Russia", null,
      List.of("russia_venezuela_partnership"), List.of("treaty_signed", "treaty_ratified", "treaty_in_force"), null,
      null);

  private Fixtures() {}

  public static Subscriber subscriber(String email, String watchlist, Integer immediateSeverity) {
    return new Subscriber(email, null, List.of(watchlist), "0 0 7 * * ?", ZoneId.of("Europe/Rome"),
        immediateSeverity, null);
  }

  /** A fresh in-memory database. */
  public static DataSource memoryDatabase() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:notifier-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** A database in a file, which outlives the notifier that wrote it; open until {@link #shutDown}. */
  public static DataSource fileDatabase(Path directory) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + directory.resolve("notifier").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** Closes a database as a stopping process would; the next connection reads it back from its file. */
  public static void shutDown(DataSource db) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("shutdown");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
