package org.vedetta.ingest.internal;

import javax.sql.DataSource;
import org.vedetta.database.Migrations;

/**
 * Quartz's {@code qrtz_*} tables for the clustered poll schedule (PostgreSQL only), migrated by Flyway from
 * {@code classpath:db/ingest-quartz} with a history table of their own, {@value #HISTORY_TABLE}, beside
 * {@link SeenItems}'. Nodes starting at once take turns ({@link Migrations}).
 */
final class QuartzTables {

  static final String HISTORY_TABLE = "ingest_quartz_schema_history";

  private QuartzTables() {}

  static void migrate(DataSource dataSource) {
    Migrations.migrate(dataSource, "db/ingest-quartz", HISTORY_TABLE);
  }
}
