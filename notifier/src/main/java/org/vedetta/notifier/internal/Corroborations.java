package org.vedetta.notifier.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.vedetta.model.Development;
import org.vedetta.model.TaggedArticle;
import org.vedetta.notifier.QueueException;

/**
 * Which outlets repeated which development ({@code notifier_corroboration}), read from the tagged articles, so a
 * digest can say how many other outlets carried a story by the time it goes out.
 */
public final class Corroborations {

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public Corroborations(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records the developments the article repeats; a replayed article records nothing twice. */
  public void record(TaggedArticle article) {
    if (article.corroborations().isEmpty()) {
      return;
    }
    String sql = "insert into notifier_corroboration (development_id, source_id, origin) values (?, ?, ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
      for (TaggedArticle.Corroboration corroboration : article.corroborations()) {
        insert.setString(1, corroboration.developmentId());
        insert.setString(2, article.sourceId());
        insert.setString(3, corroboration.origin() == null ? article.articleId() : corroboration.origin());
        try {
          insert.executeUpdate();
        } catch (SQLException e) {
          if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      throw new QueueException("cannot record what article " + article.articleId() + " repeats", e);
    }
  }

  /**
   * For each development, how many independent outlets other than its own source carried it; absent means none.
   * An article counts when neither its outlet nor its origin (its near-duplicate group: copies of one wire story
   * share it) was counted already; the evidence's own outlet and article count as counted.
   */
  public Map<String, Integer> otherOutlets(List<Development> developments) {
    if (developments.isEmpty()) {
      return Map.of();
    }
    String marks = developments.stream().map(d -> "?").collect(Collectors.joining(", "));
    String sql = "select development_id, source_id, origin from notifier_corroboration where development_id in ("
        + marks + ") order by development_id, source_id, origin";
    Map<String, List<String[]>> carried = new HashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < developments.size(); i++) {
        select.setString(i + 1, developments.get(i).id());
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          carried.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
              .add(new String[] {rows.getString(2), rows.getString(3)});
        }
      }
    } catch (SQLException e) {
      throw new QueueException("cannot count the outlets of " + developments.size() + " developments", e);
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Development d : developments) {
      Set<String> sources = new HashSet<>();
      Set<String> origins = new HashSet<>();
      if (d.evidence() != null) {
        sources.add(d.evidence().sourceId());
        origins.add(d.evidence().articleId());
      }
      int others = 0;
      for (String[] article : carried.getOrDefault(d.id(), List.of())) {
        if (!sources.contains(article[0]) && !origins.contains(article[1])) {
          others++;
        }
        sources.add(article[0]);
        origins.add(article[1]);
      }
      if (others > 0) {
        counts.put(d.id(), others);
      }
    }
    return counts;
  }
}
