package org.vedetta.notifier;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * The contents of {@code subscribers.yml}: a {@code subscribers:} list of {@link Subscriber}s whose emails are
 * unique (ignoring case). That every watchlist id exists is checked when the {@link Notifier} is built, since
 * the watchlists live in another file.
 *
 * @param subscribers every subscriber; default empty
 */
public record SubscribersSettings(List<Subscriber> subscribers) implements Validated {

  public SubscribersSettings {
    subscribers = Lists.copy(subscribers);
  }

  @Override
  public void validate(Problems problems) {
    problems.each("subscribers", subscribers);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < subscribers.size(); i++) {
      Subscriber s = subscribers.get(i);
      String email = s == null || s.email() == null ? null : s.email().toLowerCase(Locale.ROOT);
      problems.at("subscribers", i).check(email == null || seen.add(email), "email",
          "duplicate subscriber '" + (email == null ? "" : s.email()) + "'");
    }
  }
}
