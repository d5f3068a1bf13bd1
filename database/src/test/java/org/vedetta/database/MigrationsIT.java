package org.vedetta.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;
import org.vedetta.testsupport.TestDatabases;

/**
 * Several processes starting at once on one empty PostgreSQL schema: the first creates the history table, and
 * without taking turns the others find the schema no longer empty and try to baseline that table. Every one
 * migrates, and the stage's tables are created once.
 */
class MigrationsIT {

  private static final int PROCESSES = 6;

  @RepeatedTest(5)
  void processesStartingTogetherAllMigrate() throws Exception {
    DataSource db = TestDatabases.postgres().orElse(null);
    Assumptions.assumeTrue(db != null, "PostgreSQL is not reachable on 127.0.0.1:5432");
    ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> starts = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        // Each "process" with a data source of its own, as separate JVMs have.
        DataSource own = TestDatabases.postgres(schemaOf(db)).orElseThrow();
        starts.add(pool.submit((Callable<Object>) () -> {
          go.await();
          Migrations.migrate(own, "db/migrations-it", "migrations_it_history");
          return null;
        }));
      }
      go.countDown();
      for (Future<Object> start : starts) {
        start.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rows = st.executeQuery("select count(*) from migrations_it_history where success")) {
      rows.next();
      assertThat(rows.getInt(1)).as("V1, once").isEqualTo(1);
    }
  }

  private static String schemaOf(DataSource db) throws Exception {
    try (Connection c = db.getConnection()) {
      return c.getSchema();
    }
  }
}
