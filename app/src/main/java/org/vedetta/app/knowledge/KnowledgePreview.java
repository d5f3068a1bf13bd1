package org.vedetta.app.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.vedetta.app.kafka.PreviewSlot;
import org.vedetta.app.kafka.TopicReplay;
import org.vedetta.matcher.Assessment;
import org.vedetta.matcher.MatchResult;
import org.vedetta.matcher.Matcher;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Article;
import org.vedetta.model.Claim;
import org.vedetta.model.Mention;
import org.vedetta.model.Topics;

/**
 * What a knowledge edit would change: the articles of the last days ({@code vedetta.articles}, outside any consumer
 * group) read once with the knowledge set as it is and once with the draft, each on a throwaway in-memory
 * database (so verdicts are against the baseline alone and nothing is learned); the articles whose mentions,
 * claims or verdicts differ are listed. It runs in the console's {@link PreviewSlot}, one preview at a time.
 */
public final class KnowledgePreview {

  /** At most this many articles are read, the newest. */
  static final long LIMIT = 5_000;
  /** At most this many changed articles are listed. */
  static final int SHOWN = 50;

  /**
   * A preview.
   *
   * @param days     the window, in days back from now
   * @param articles articles read
   * @param changed  how many of them the edit changes
   * @param shown    the changed articles, newest first, at most {@link #SHOWN}
   * @param complete false when the window held more than could be read
   */
  public record Result(int days, long articles, long changed, List<Change> shown, boolean complete) {}

  /**
   * How an article's reading changes; each list is empty when that part does not.
   *
   * @param title          the article's title
   * @param url            its address
   * @param mentionsGained entities the draft finds that the current set does not
   * @param mentionsLost   entities it no longer finds
   * @param claimsGained   claims it reads anew, with their verdict
   * @param claimsLost     claims it no longer reads
   * @param verdictsChanged claims read by both whose verdict changes, "claim: new → known"
   */
  public record Change(String title, String url, List<String> mentionsGained, List<String> mentionsLost,
      List<String> claimsGained, List<String> claimsLost, List<String> verdictsChanged) {}

  private final TopicReplay replay;
  private final Clock clock;
  private final PreviewSlot slot;

  /** A preview that runs only when {@code slot}, shared with the console's other previews, is free. */
  public KnowledgePreview(TopicReplay replay, Clock clock, PreviewSlot slot) {
    this.replay = replay;
    this.clock = clock;
    this.slot = slot;
  }

  /**
   * Reads the last {@code days} days' articles with {@code current} and with {@code draft}.
   *
   * @throws PreviewSlot.Busy when another preview is running in this process
   */
  public Result run(KnowledgeSet current, KnowledgeSet draft, int days) {
    return slot.run(() -> compare(current, draft, days));
  }

  private Result compare(KnowledgeSet current, KnowledgeSet draft, int days) {
    try (Scratch before = Scratch.of(current); Scratch after = Scratch.of(draft)) {
      List<Change> changes = new ArrayList<>();
      Instant since = clock.instant().minus(Duration.ofDays(days));
      TopicReplay.Read read = replay.read(Topics.ARTICLES, Article.class, since, LIMIT, article -> {
        Change change = compare(article, before.matcher().analyze(article), after.matcher().analyze(article), draft);
        if (change != null) {
          changes.add(change);
        }
      });
      List<Change> newestFirst = new ArrayList<>(changes);
      java.util.Collections.reverse(newestFirst);
      return new Result(days, read.records(), changes.size(),
          List.copyOf(newestFirst.subList(0, Math.min(SHOWN, newestFirst.size()))), read.complete());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a scratch database for the preview: " + e.getMessage(), e);
    }
  }

  private static Change compare(Article article, MatchResult before, MatchResult after, KnowledgeSet names) {
    Set<String> mentionedBefore = mentioned(before);
    Set<String> mentionedAfter = mentioned(after);
    Map<String, String> claimsBefore = claims(before, names);
    Map<String, String> claimsAfter = claims(after, names);
    List<String> verdicts = new ArrayList<>();
    claimsBefore.forEach((claim, verdict) -> {
      String now = claimsAfter.get(claim);
      if (now != null && !now.equals(verdict)) {
        verdicts.add(claim + ": " + verdict + " → " + now);
      }
    });
    Change change = new Change(article.title(), article.url(),
        minus(mentionedAfter, mentionedBefore).stream().map(names::nameOf).toList(),
        minus(mentionedBefore, mentionedAfter).stream().map(names::nameOf).toList(),
        minus(claimsAfter.keySet(), claimsBefore.keySet()).stream().map(c -> c + " (" + claimsAfter.get(c) + ")")
            .toList(),
        minus(claimsBefore.keySet(), claimsAfter.keySet()), verdicts);
    boolean same = change.mentionsGained().isEmpty() && change.mentionsLost().isEmpty()
        && change.claimsGained().isEmpty() && change.claimsLost().isEmpty() && verdicts.isEmpty();
    return same ? null : change;
  }

  private static Set<String> mentioned(MatchResult result) {
    Set<String> ids = new LinkedHashSet<>();
    result.tagged().ifPresent(t -> t.mentions().stream().map(Mention::entityId).forEach(ids::add));
    return ids;
  }

  /** Each claim, for people ("North Korea · troop deployment: about 15,000 soldiers"), with its verdict. */
  private static Map<String, String> claims(MatchResult result, KnowledgeSet names) {
    Map<String, String> claims = new LinkedHashMap<>();
    for (Assessment a : result.assessments()) {
      Claim c = a.claim();
      String event = names.event(c.event()).map(e -> e.label()).orElse(c.event());
      String claim = names.nameOf(c.subject()) + " · " + event
          + (c.quantity() == null ? "" : ": " + c.quantity().describe())
          + (c.treaty() == null ? "" : " (" + names.nameOf(c.treaty()) + ")");
      claims.merge(claim, a.verdict().name().toLowerCase(java.util.Locale.ROOT), (x, y) -> x);
    }
    return claims;
  }

  private static List<String> minus(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).toList();
  }

  /** A matcher on an in-memory database that lives while {@code keep} is open, and is gone once it closes. */
  private record Scratch(Matcher matcher, Connection keep) implements AutoCloseable {
    static Scratch of(KnowledgeSet knowledge) throws SQLException {
      JdbcDataSource memory = new JdbcDataSource();
      memory.setURL("jdbc:h2:mem:preview-" + UUID.randomUUID());
      Connection keep = memory.getConnection();
      return new Scratch(Matcher.builder().knowledge(knowledge).dataSource(memory).build(), keep);
    }

    @Override
    public void close() throws SQLException {
      keep.close();
    }
  }
}
