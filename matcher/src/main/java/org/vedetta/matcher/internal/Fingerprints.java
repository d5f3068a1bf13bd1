package org.vedetta.matcher.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Recognises near-duplicate articles — a wire story carried by many sites, a copy with small edits — by their
 * {@link MinHash} signatures. Each article gets an origin: the earliest article it nearly repeats, or itself.
 * Articles with one origin count as one outlet.
 */
public final class Fingerprints {

  /** Estimated Jaccard similarity of word 3-shingles from which two articles are the same story. */
  static final double SAME_STORY = 0.6;

  private final DataSource dataSource;

  public Fingerprints(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The article's origin; with {@code record}, the article is remembered for later ones. */
  public String origin(String articleId, String sourceId, String folded, Instant at, boolean record) {
    try (Connection c = dataSource.getConnection()) {
      String known = stored(c, articleId);
      if (known != null) {
        return known;
      }
      long[] signature = MinHash.signature(folded);
      if (signature == null) {
        return articleId;
      }
      long[] bands = MinHash.bandKeys(signature);
      String origin = nearest(c, signature, bands, articleId);
      if (record) {
        insert(c, articleId, sourceId, signature, bands, origin, at);
      }
      return origin;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read article fingerprints: " + e.getMessage(), e);
    }
  }

  private static String stored(Connection c, String articleId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select origin from matcher_article where article_id = ?")) {
      ps.setString(1, articleId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String nearest(Connection c, long[] signature, long[] bands, String articleId)
      throws SQLException {
    // Oldest first: the first similar one is the answer, so a story seen hundreds of times costs one comparison.
    String sql = "select a.signature, a.origin from matcher_article a where a.article_id in"
        + " (select b.article_id from matcher_article_band b where b.band_key in ("
        + "?,".repeat(bands.length - 1) + "?)) order by a.seen_at, a.article_id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int b = 0; b < bands.length; b++) {
        ps.setLong(b + 1, bands[b]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (MinHash.similarity(signature, MinHash.decode(rs.getString(1))) >= SAME_STORY) {
            return rs.getString(2);
          }
        }
      }
    }
    return articleId;
  }

  private static void insert(Connection c, String articleId, String sourceId, long[] signature, long[] bands,
      String origin, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into matcher_article (article_id, source_id, signature,"
        + " origin, seen_at) values (?,?,?,?,?)")) {
      ps.setString(1, articleId);
      ps.setString(2, sourceId);
      ps.setString(3, MinHash.encode(signature));
      ps.setString(4, origin);
      ps.setTimestamp(5, Timestamp.from(at));
      ps.executeUpdate();
    } catch (SQLException e) {
      if (isDuplicate(e)) {
        return; // Another instance recorded the same article at the same moment: its rows stand.
      }
      throw e;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "insert into matcher_article_band (band_key, article_id) values (?,?)")) {
      for (long band : bands) {
        ps.setLong(1, band);
        ps.setString(2, articleId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static boolean isDuplicate(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }
}
