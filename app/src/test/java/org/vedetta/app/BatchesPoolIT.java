package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.config.DatabaseSettings;
import org.vedetta.app.pipeline.Database;
import org.vedetta.database.Durability;
import org.vedetta.testsupport.TestDatabases;

/**
 * On PostgreSQL the matcher's pool commits asynchronously and waits for the disk once per batch: its sessions say
 * so, the other stages' pool commits synchronously, and a flush commits synchronously and leaves the connection as
 * it found it. With H2 there is one pool.
 */
class BatchesPoolIT {

  @TempDir
  Path dir;

  @Test
  void onPostgresqlTheMatchersPoolCommitsAsynchronouslyAndFlushesPerBatch() throws Exception {
    String schema = "vedetta_batches_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource admin = TestDatabases.postgres(schema).orElse(null);
    assumeTrue(admin != null, "PostgreSQL is not reachable on 127.0.0.1:5432");
    DatabaseSettings settings = new DatabaseSettings(TestDatabases.postgresUrl(schema),
        TestDatabases.postgresUser(), null, null);
    assertThat(Database.batchesNeedOwnPool(settings)).isTrue();
    try (HikariDataSource stages = Database.open(settings, dir);
        HikariDataSource batches = Database.openForBatches(settings, dir)) {
      assertThat(setting(stages)).isEqualTo("on");
      assertThat(setting(batches)).isEqualTo("off");

      try (Connection c = batches.getConnection(); Statement st = c.createStatement()) {
        st.execute("create table written (n integer)");
        st.execute("insert into written values (1)");
      }
      Durability.ofAsyncCommits(batches).flush();

      try (Connection c = batches.getConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select count(*) from written")) {
        assertThat(c.getAutoCommit()).as("the flush leaves its connection in autocommit").isTrue();
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      assertThat(setting(batches)).as("the flush's synchronous commit was for its transaction only").isEqualTo("off");
    } finally {
      try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
        st.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  @Test
  void anH2FileKeepsOnePool() {
    assertThat(Database.batchesNeedOwnPool(DatabaseSettings.embedded())).isFalse();
  }

  private static String setting(DataSource pool) throws Exception {
    try (Connection c = pool.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("show synchronous_commit")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
