package org.vedetta.app.config;

import java.time.Duration;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * The SQL database holding learned facts, seen items and the notifier's queue. When {@code url} is absent an
 * H2 file under {@code <data_dir>/db} is used; for several nodes point every node at one PostgreSQL
 * ({@code jdbc:postgresql://host:5432/vedetta}).
 *
 * @param url                JDBC URL, or {@code null} for the embedded H2 file
 * @param username           user, or {@code null}
 * @param password           password, or {@code null}
 * @param connectionTimeout  how long a stage waits for a connection before it takes the database as unreachable
 *                           and pauses (default 30 s)
 */
public record DatabaseSettings(String url, String username, String password, Duration connectionTimeout)
    implements Validated {

  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

  public DatabaseSettings {
    connectionTimeout = connectionTimeout == null ? DEFAULT_CONNECTION_TIMEOUT : connectionTimeout;
  }

  /** The embedded H2 file. */
  public static DatabaseSettings embedded() {
    return new DatabaseSettings(null, null, null, null);
  }

  @Override
  public void validate(Problems problems) {
    if (url != null) {
      problems.check(url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"), "url",
          "must be a jdbc:h2: or jdbc:postgresql: URL");
    }
    // HikariCP's lower bound: a shorter wait is refused by the pool.
    problems.check(connectionTimeout.toMillis() >= 250, "connection_timeout", "must be at least 250ms");
  }
}
