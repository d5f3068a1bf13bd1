package org.vedetta.notifier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * The contents of {@code watchlists.yml}: a {@code watchlists:} list of {@link Watchlist}s with unique ids.
 *
 * @param watchlists every watchlist; default empty
 */
public record WatchlistsSettings(List<Watchlist> watchlists) implements Validated {

  public WatchlistsSettings {
    watchlists = Lists.copy(watchlists);
  }

  @Override
  public void validate(Problems problems) {
    problems.each("watchlists", watchlists);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < watchlists.size(); i++) {
      String id = watchlists.get(i) == null ? null : watchlists.get(i).id();
      problems.at("watchlists", i).check(id == null || seen.add(id), "id", "duplicate id '" + id + "'");
    }
  }
}
