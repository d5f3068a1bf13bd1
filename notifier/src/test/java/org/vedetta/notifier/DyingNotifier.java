package org.vedetta.notifier;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.vedetta.testsupport.MutableClock;

/**
 * A notifier process that is killed while it mails a digest, for {@link KilledProcessIT}: it queues two
 * developments for {@link #ADDRESS}, sends the digest and halts, as {@code kill -9} would end it (no shutdown hook,
 * nothing closed, the database left as it is on disk):
 * <ul>
 *   <li>{@code after-commit}: the instant the mail is recorded as sent;</li>
 *   <li>{@code before-commit}: after the server accepted the mail, instead of the commit that records it.</li>
 * </ul>
 * Arguments: the moment, the database's JDBC URL, its user (PostgreSQL), the SMTP port on 127.0.0.1.
 */
public final class DyingNotifier {

  static final String ADDRESS = "ana@example.org";
  /** The exit status of a planned death; anything else is a failure before it. */
  static final int HALTED = 9;
  static final Instant START = Instant.parse("2025-11-03T09:00:00Z");

  private DyingNotifier() {}

  public static void main(String[] args) throws Exception {
    DataSource db = dataSource(args[1], args[2]);
    FailingCommits dying = new FailingCommits(db, () -> Runtime.getRuntime().halt(HALTED));
    MutableClock clock = new MutableClock(START);
    Notifier notifier = TestNotifiers.builder(dying, MailSettings.smtp("127.0.0.1", Integer.parseInt(args[3])), clock,
        Fixtures.subscriber(ADDRESS, "north_korea", null)).build();
    notifier.accept(Developments.northKoreaTroops());
    notifier.accept(Developments.northKoreaCasualties());
    clock.advance(Duration.ofHours(1));
    if (args[0].equals("before-commit")) {
      // The first commit once an attempt is recorded is the one that would record the mail as sent.
      dying.failNextCommitWhen(() -> attemptRecorded(db));
    }
    notifier.sendDigests();
    Runtime.getRuntime().halt(HALTED);
  }

  private static boolean attemptRecorded(DataSource db) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select count(*) from notifier_attempt")) {
      rows.next();
      return rows.getInt(1) > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DataSource dataSource(String url, String user) {
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      return h2;
    }
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(url);
    postgres.setUser(user);
    return postgres;
  }
}
