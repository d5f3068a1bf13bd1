package org.vedetta.ingest.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Quartz's {@code qrtz_*} tables for the clustered poll schedule (PostgreSQL only), migrated by Flyway from
 * {@code classpath:db/ingest-quartz} with a history table of their own, {@value #HISTORY_TABLE}, beside
 * {@link SeenItems}'. Nodes starting at once are safe: on PostgreSQL Flyway migrates under an advisory lock.
 */
final class QuartzTables {

  static final String HISTORY_TABLE = "ingest_quartz_schema_history";

  private QuartzTables() {}

  static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/ingest-quartz")
        .table(HISTORY_TABLE)
        // ingest's own tables (and other modules') are already in the schema: start this history below V1.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
