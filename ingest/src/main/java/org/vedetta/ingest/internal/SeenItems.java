package org.vedetta.ingest.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.vedetta.database.Migrations;
import org.vedetta.model.Article;
import org.vedetta.model.Ids;

/**
 * What was already published, in SQL so it survives restarts and is shared by ingest instances: article ids
 * (any source), item keys (per source, so a known item's page is not fetched again) and {@link ContentKey}s
 * (per source, so an item whose guid and link changed but whose title and text did not is known). The schema is
 * migrated by Flyway from {@code classpath:db/ingest} with its own history table
 * {@value #HISTORY_TABLE}, so it can share a database schema with other modules' migrations.
 */
public final class SeenItems {

  public static final String HISTORY_TABLE = "ingest_schema_history";

  /** SQLSTATE of a unique-key violation, in H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final Clock clock;

  private SeenItems(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Migrates the schema if needed and returns the store. */
  public static SeenItems open(DataSource dataSource, Clock clock) {
    Migrations.migrate(dataSource, "db/ingest", HISTORY_TABLE);
    return new SeenItems(dataSource, clock);
  }

  public boolean hasArticle(String articleId) throws SQLException {
    return exists("select 1 from ingest_seen where article_id = ?", articleId);
  }

  public boolean hasItem(String sourceId, String itemKey) throws SQLException {
    return exists("select 1 from ingest_seen_item where item_key = ?", Ids.of(sourceId, itemKey));
  }

  /** The id of the article this source published with this {@link ContentKey}, or {@code null}. */
  public String articleWithContent(String sourceId, String contentKey) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("select article_id from ingest_seen_content where content_key = ?")) {
      statement.setString(1, Ids.of(sourceId, contentKey));
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /** Articles published since {@code since}, by the source that published each first. */
  public Map<String, Long> publishedSince(Instant since) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "select source_id, count(*) from ingest_seen where first_seen_at >= ? group by source_id")) {
      statement.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  /**
   * The validators of the source's last complete read of {@code url}, or {@link Validators#NONE} (none yet, or the
   * source now reads another URL).
   */
  public Validators validators(String sourceId, String url) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "select url, etag, last_modified from ingest_validators where source_id = ?")) {
      statement.setString(1, sourceId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() && url.equals(rows.getString(1))
            ? new Validators(rows.getString(2), rows.getString(3)) : Validators.NONE;
      }
    }
  }

  /** Keeps the validators of the source's last complete read of {@code url}, for the next process too. */
  public void saveValidators(String sourceId, String url, Validators validators) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement delete = connection.prepareStatement(
              "delete from ingest_validators where source_id = ?");
          PreparedStatement insert = connection.prepareStatement("insert into ingest_validators"
              + " (source_id, url, etag, last_modified, updated_at) values (?, ?, ?, ?, ?)")) {
        delete.setString(1, sourceId);
        delete.executeUpdate();
        insert.setString(1, sourceId);
        insert.setString(2, url);
        insert.setString(3, validators.etag());
        insert.setString(4, validators.lastModified());
        insert.setObject(5, now());
        insert.executeUpdate();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Records a published article and the item that led to it; either may be known already. */
  public void record(String sourceId, String itemKey, Article article) throws SQLException {
    record(sourceId, itemKey, article, List.of());
  }

  /** Records a published article, the item that led to it and its content keys; any may be known already. */
  public void record(String sourceId, String itemKey, Article article, Collection<String> contentKeys)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      insertIfAbsent(connection,
          "insert into ingest_seen (article_id, source_id, url, first_seen_at) values (?, ?, ?, ?)",
          article.id(), sourceId, article.url(), now());
      recordItem(connection, sourceId, itemKey, article.id(), contentKeys);
    }
  }

  /**
   * Records an item (and its content keys) that turned out to be an article published before, under
   * {@code articleId}, so the next poll knows it without reading it.
   */
  public void recordKnown(String sourceId, String itemKey, String articleId, Collection<String> contentKeys)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      recordItem(connection, sourceId, itemKey, articleId, contentKeys);
    }
  }

  private void recordItem(Connection connection, String sourceId, String itemKey, String articleId,
      Collection<String> contentKeys) throws SQLException {
    OffsetDateTime now = now();
    insertIfAbsent(connection,
        "insert into ingest_seen_item (item_key, source_id, guid, article_id, first_seen_at) values (?, ?, ?, ?, ?)",
        Ids.of(sourceId, itemKey), sourceId, itemKey, articleId, now);
    for (String contentKey : contentKeys) {
      if (contentKey != null) {
        insertIfAbsent(connection,
            "insert into ingest_seen_content (content_key, source_id, article_id, first_seen_at) values (?, ?, ?, ?)",
            Ids.of(sourceId, contentKey), sourceId, articleId, now);
      }
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private boolean exists(String sql, String key) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Inserts one row in its own transaction; a row with the same key (another instance was first) is fine. */
  private static void insertIfAbsent(Connection connection, String sql, Object... values) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.setAutoCommit(true);
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
    }
  }
}
