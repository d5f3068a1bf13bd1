package org.vedetta.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real databases for tests: a fresh in-memory H2, and a fresh schema on the local PostgreSQL server
 * (127.0.0.1:5432, database {@code test}, user {@code postgres}; override with {@code VEDETTA_TEST_PG_URL} and
 * {@code VEDETTA_TEST_PG_USER}) when it is reachable. {@code .ci/run} makes sure it is.
 */
public final class TestDatabases {

  private static final String PG_URL = env("VEDETTA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PG_USER = env("VEDETTA_TEST_PG_USER", "postgres");

  private TestDatabases() {}

  /**
   * Whether this test run targets PostgreSQL: the system property {@code vedetta.test.db=postgres}, which a
   * module's build sets for a second run of its database tests.
   */
  public static boolean postgresRequested() {
    return "postgres".equals(System.getProperty("vedetta.test.db"));
  }

  /** A new, empty in-memory H2 database that lives until the JVM exits. */
  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** Whether the local PostgreSQL server answers. */
  public static boolean postgresReachable() {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** A new, empty schema on the local PostgreSQL server, or empty when the server does not answer. */
  public static Optional<DataSource> postgres() {
    return postgres("vedetta_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
  }

  /**
   * The named schema on the local PostgreSQL server, created when missing, so that a test can reconnect to
   * what an earlier connection wrote (as a restarted process would); empty when the server does not answer.
   */
  public static Optional<DataSource> postgres(String schema) {
    if (!postgresReachable()) {
      return Optional.empty();
    }
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain schema name: " + schema);
    }
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); Statement st = c.createStatement()) {
      st.execute("create schema if not exists " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema on " + PG_URL + ": " + e.getMessage(), e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(PG_URL);
    ds.setUser(PG_USER);
    ds.setCurrentSchema(schema);
    return Optional.of(ds);
  }

  /**
   * The JDBC URL of {@code schema} on the local PostgreSQL server, for a process of its own to connect to as
   * {@link #postgresUser()} without a password; create the schema first with {@link #postgres(String)}.
   */
  public static String postgresUrl(String schema) {
    return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The user tests connect to the local PostgreSQL server as. */
  public static String postgresUser() {
    return PG_USER;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
