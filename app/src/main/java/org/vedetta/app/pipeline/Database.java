package org.vedetta.app.pipeline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.vedetta.app.config.DatabaseSettings;
import org.vedetta.database.Durability;

/** Opens the SQL database: the configured URL, or an H2 file under the data directory. */
public final class Database {

  private Database() {}

  public static HikariDataSource open(DatabaseSettings settings, Path dataDir) {
    return open(settings, dataDir, "vedetta", false);
  }

  /**
   * Whether {@link #openForBatches} opens a pool of its own: on PostgreSQL, whose commits are each a wait for the
   * disk; an H2 file already writes its commits to disk in the background.
   */
  public static boolean batchesNeedOwnPool(DatabaseSettings settings) {
    return settings.url() != null && settings.url().startsWith("jdbc:postgresql:");
  }

  /**
   * A pool for a stage that commits its Kafka offsets per batch (the matcher): on PostgreSQL its sessions commit
   * asynchronously ({@link Durability#ASYNC_COMMITS}), so the stage waits for the disk once per batch, at
   * {@link Durability#ofAsyncCommits}'s flush before the offsets are committed, instead of once per row written.
   */
  public static HikariDataSource openForBatches(DatabaseSettings settings, Path dataDir) {
    return open(settings, dataDir, "vedetta-batches", true);
  }

  private static HikariDataSource open(DatabaseSettings settings, Path dataDir, String name, boolean asyncCommits) {
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
    if (url.startsWith("jdbc:postgresql:")) {
      // A batch of inserts (an article's fingerprint bands) goes as one multi-row statement.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setPoolName(name);
    if (asyncCommits && batchesNeedOwnPool(settings)) {
      config.setConnectionInitSql(Durability.ASYNC_COMMITS);
    }
    return new HikariDataSource(config);
  }
}
