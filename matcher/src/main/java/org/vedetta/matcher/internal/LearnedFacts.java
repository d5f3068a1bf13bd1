package org.vedetta.matcher.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.vedetta.database.Migrations;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.model.Development;
import org.vedetta.model.Qualifier;
import org.vedetta.model.Quantity;

/**
 * Learned facts in SQL. A fact's id is its claim key and value, so recording it is an atomic insert that
 * succeeds once across every matcher instance: the instance whose insert wins emits the development.
 */
public final class LearnedFacts {

  private final DataSource dataSource;

  public LearnedFacts(DataSource dataSource) {
    this.dataSource = dataSource;
    Migrations.migrate(dataSource, "db/matcher", "matcher_schema_history");
  }

  /** A learned fact and the article that first carried it. */
  public record Learned(Fact fact, String firstArticleId, String developmentId) {}

  /**
   * Learned facts of any of the keys, and of every key naming one of the treaties: one round trip for all the
   * claims of an article.
   */
  public List<Learned> forKeys(Collection<String> keys, Collection<String> treaties) {
    if (keys.isEmpty() && treaties.isEmpty()) {
      return List.of();
    }
    String sql = "select * from matcher_fact where "
        + (keys.isEmpty() ? "" : "claim_key in (" + "?,".repeat(keys.size() - 1) + "?)")
        + (keys.isEmpty() || treaties.isEmpty() ? "" : " or ")
        + (treaties.isEmpty() ? "" : "treaty in (" + "?,".repeat(treaties.size() - 1) + "?)");
    List<Learned> found = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (String key : keys) {
        ps.setString(i++, key);
      }
      for (String treaty : treaties) {
        ps.setString(i++, treaty);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(read(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read learned facts: " + e.getMessage(), e);
    }
    return found;
  }

  /** The most recently learned facts, newest first, at most {@code limit}. */
  public List<Learned> recent(int limit) {
    String sql = "select * from matcher_fact order by created_at desc, id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<Learned> learned = new ArrayList<>();
        while (rs.next()) {
          learned.add(read(rs));
        }
        return learned;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read learned facts: " + e.getMessage(), e);
    }
  }

  /** The id a learned fact of this claim gets: same key, same figure in the same role, same plan: same fact. */
  public static String factId(Development d) {
    Quantity q = d.claim().quantity();
    String figure = q == null ? "-" : q.low() + ".." + q.high() + (q.role() == null ? "" : " " + q.role());
    return org.vedetta.model.Ids.of("fact", d.claimKey(), figure + (d.claim().planned() ? " planned" : ""));
  }

  /**
   * Records the development as a learned fact. Returns the development id that owns the fact: the given
   * one when this call inserted it, another when an earlier article (or another instance) got there first.
   */
  public String learn(Development d, String source) {
    Quantity q = d.claim().quantity();
    String id = factId(d);
    String sql = "insert into matcher_fact (id, claim_key, subject, event, counterparty, treaty, low, high, unit,"
        + " qualifier, as_of, development_id, first_article_id, source, created_at, confirms, status, role, planned)"
        + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, d.claimKey());
      ps.setString(3, d.claim().subject());
      ps.setString(4, d.claim().event());
      ps.setString(5, d.claim().counterparty());
      ps.setString(6, d.claim().treaty());
      ps.setObject(7, q == null ? null : q.low());
      ps.setObject(8, q == null ? null : q.high());
      ps.setString(9, q == null ? null : q.unit());
      ps.setString(10, q == null ? null : q.qualifier().name());
      ps.setString(11, d.claim().date() != null ? d.claim().date().toString()
          : d.evidence().publishedAt() != null ? d.evidence().publishedAt().toString().substring(0, 10) : null);
      ps.setString(12, d.id());
      ps.setString(13, d.evidence().articleId());
      ps.setString(14, source);
      ps.setTimestamp(15, Timestamp.from(d.detectedAt()));
      ps.setString(16, d.claim().confirms());
      ps.setString(17, d.verdict() == org.vedetta.model.Verdict.CONFIRMED
          || d.claim().event().equals(d.claim().confirms()) ? "officially_confirmed" : "reported");
      ps.setString(18, q == null ? null : q.role());
      ps.setBoolean(19, d.claim().planned());
      ps.executeUpdate();
      return d.id();
    } catch (SQLException e) {
      if (isDuplicate(e)) {
        return owner(id);
      }
      throw new IllegalStateException("cannot record learned fact: " + e.getMessage(), e);
    }
  }

  /**
   * Records that an article repeated a learned fact; {@code origin} is the article's near-duplicate group, so
   * copies of one wire story count once. Repeating the same article changes nothing.
   */
  public void corroborate(String factId, String developmentId, String articleId, String sourceId, String url,
      String origin, Instant at) {
    String sql = "insert into matcher_corroboration (fact_id, article_id, source_id, url, seen_at, origin,"
        + " development_id) values (?,?,?,?,?,?,?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, factId);
      ps.setString(2, articleId);
      ps.setString(3, sourceId);
      ps.setString(4, url);
      ps.setTimestamp(5, Timestamp.from(at));
      ps.setString(6, origin);
      ps.setString(7, developmentId);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!isDuplicate(e)) {
        throw new IllegalStateException("cannot record corroboration: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Forgets the facts a development taught, with the articles that repeated them, in one transaction: later
   * claims are compared as if they had never been learned. Returns how many facts were retracted (0 when they
   * were already, so a correction read twice changes nothing).
   */
  public int retract(String developmentId) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement corroborations = c.prepareStatement("delete from matcher_corroboration where fact_id in"
          + " (select id from matcher_fact where development_id = ?)");
          PreparedStatement facts = c.prepareStatement("delete from matcher_fact where development_id = ?")) {
        corroborations.setString(1, developmentId);
        corroborations.executeUpdate();
        facts.setString(1, developmentId);
        int retracted = facts.executeUpdate();
        c.commit();
        return retracted;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot retract learned facts: " + e.getMessage(), e);
    }
  }

  private String owner(String factId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select development_id from matcher_fact where id = ?")) {
      ps.setString(1, factId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read learned fact: " + e.getMessage(), e);
    }
  }

  private static Learned read(ResultSet rs) throws SQLException {
    long low = rs.getLong("low");
    Fact.FactQuantity q = rs.wasNull() ? null : new Fact.FactQuantity(low, rs.getLong("high"),
        Qualifier.valueOf(rs.getString("qualifier")), rs.getString("unit"), rs.getString("role"));
    Fact fact = new Fact(rs.getString("id"), rs.getString("subject"), rs.getString("event"),
        rs.getString("counterparty"), rs.getString("treaty"), q, rs.getString("as_of"),
        rs.getString("status") == null ? "reported" : rs.getString("status"), rs.getString("source"), null,
        rs.getString("confirms"), rs.getBoolean("planned"));
    return new Learned(fact, rs.getString("first_article_id"), rs.getString("development_id"));
  }

  private static boolean isDuplicate(SQLException e) {
    // SQLState class 23: integrity constraint violation (H2 and PostgreSQL alike).
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }
}
