package org.vedetta.app.config;

import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * The SQL database holding learned facts, seen items and the notifier's queue. When {@code url} is absent an
 * H2 file under {@code <data_dir>/db} is used; for several nodes point every node at one PostgreSQL
 * ({@code jdbc:postgresql://host:5432/vedetta}).
 *
 * @param url      JDBC URL, or {@code null} for the embedded H2 file
 * @param username user, or {@code null}
 * @param password password, or {@code null}
 */
public record DatabaseSettings(String url, String username, String password) implements Validated {

  @Override
  public void validate(Problems problems) {
    if (url != null) {
      problems.check(url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"), "url",
          "must be a jdbc:h2: or jdbc:postgresql: URL");
    }
  }
}
