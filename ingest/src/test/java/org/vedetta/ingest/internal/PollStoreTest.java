package org.vedetta.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vedetta.testsupport.TestDatabases;

/** The store of the poll schedule on H2: in memory, as before clustering, and no Quartz tables. */
class PollStoreTest {

  @Test
  void h2KeepsTheScheduleInMemoryWithoutQuartzTables() throws Exception {
    DataSource h2 = TestDatabases.h2();

    PollStore store = PollStore.of(h2);

    assertThat(store).isEqualTo(new PollStore.InMemory("H2"));
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select count(*) from information_schema.tables where lower(table_name) like 'qrtz%'")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
  }
}
