package org.vedetta.app.pipeline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.vedetta.app.config.DatabaseSettings;

/** Opens the SQL database: the configured URL, or an H2 file under the data directory. */
public final class Database {

  private Database() {}

  public static HikariDataSource open(DatabaseSettings settings, Path dataDir) {
    HikariConfig config = new HikariConfig();
    String url = settings.url() != null ? settings.url()
        : "jdbc:h2:file:" + dataDir.resolve("db").resolve("vedetta").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    config.setJdbcUrl(url);
    if (settings.username() != null) {
      config.setUsername(settings.username());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setPoolName("vedetta");
    return new HikariDataSource(config);
  }
}
