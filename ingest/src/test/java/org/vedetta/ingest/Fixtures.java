package org.vedetta.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Feeds and pages under {@code fixtures/}, where {@code {{base}}} stands for the site; and databases. */
public final class Fixtures {

  private Fixtures() {}

  /** The fixture's text with {@code {{base}}} replaced by {@code base} (e.g. a local server's base URL). */
  public static String text(String name, String base) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(String name, String base) {
    return text(name, base).getBytes(StandardCharsets.UTF_8);
  }

  /** A fresh in-memory H2 database that lives until the JVM exits. */
  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:ingest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
