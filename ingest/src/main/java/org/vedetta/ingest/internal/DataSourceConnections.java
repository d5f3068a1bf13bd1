package org.vedetta.ingest.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Lends Quartz's JDBC job store connections from Vedetta's own {@link DataSource} rather than from a pool of
 * Quartz's. The store turns auto-commit off on each connection and restores it before closing the connection
 * (it wraps every connection to restore what it changed), so a pool gets its connections back as it lent them.
 *
 * <p>{@link #shutdown} does not close the data source, which is not Quartz's; it only lets go of it, since
 * Quartz's {@code DBConnectionManager} keeps every provider for the life of the JVM.
 */
final class DataSourceConnections implements ConnectionProvider {

  private volatile DataSource dataSource;

  DataSourceConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    DataSource current = dataSource;
    if (current == null) {
      throw new SQLException("the ingest scheduler is shut down: its job store has no connections");
    }
    return current.getConnection();
  }

  @Override
  public void shutdown() {
    dataSource = null;
  }

  @Override
  public void initialize() {
    // the data source is ready: Vedetta made it
  }
}
