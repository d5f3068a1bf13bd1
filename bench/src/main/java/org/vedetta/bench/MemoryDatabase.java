package org.vedetta.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2 database for a benchmark (ingest's seen items, the matcher's learned facts), dropped on
 * {@link #close}. Pooled, it sits behind a HikariCP pool of {@value #POOL_SIZE} connections, as the app's database
 * does; plain, every query opens an H2 session of its own.
 */
final class MemoryDatabase implements AutoCloseable {

  static final int POOL_SIZE = 8;

  private final JdbcDataSource h2;
  private final HikariDataSource pool;

  private MemoryDatabase(JdbcDataSource h2, HikariDataSource pool) {
    this.h2 = h2;
    this.pool = pool;
  }

  static MemoryDatabase open(boolean pooled) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    if (!pooled) {
      return new MemoryDatabase(h2, null);
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(h2);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("polling-bench");
    return new MemoryDatabase(h2, new HikariDataSource(config));
  }

  DataSource dataSource() {
    return pool != null ? pool : h2;
  }

  /** Closes the pool and drops the database, so that the next run starts with an empty heap. */
  @Override
  public void close() throws SQLException {
    if (pool != null) {
      pool.close();
    }
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("shutdown");
    }
  }
}
