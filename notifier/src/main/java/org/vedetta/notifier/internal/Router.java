package org.vedetta.notifier.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vedetta.model.Development;
import org.vedetta.notifier.Subscriber;
import org.vedetta.notifier.Watchlist;

/** Finds the subscribers a development is for, through the watchlists each one follows. */
public final class Router {

  private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
  private final Map<String, List<Watchlist>> followed = new LinkedHashMap<>();

  /** Every watchlist id the subscribers name must be among {@code watchlists}. */
  public Router(List<Watchlist> watchlists, List<Subscriber> subscribers) {
    Map<String, Watchlist> byId = new LinkedHashMap<>();
    watchlists.forEach(w -> byId.put(w.id(), w));
    for (Subscriber s : subscribers) {
      this.subscribers.put(s.email(), s);
      this.followed.put(s.email(), s.watchlists().stream().map(byId::get).toList());
    }
  }

  /** The subscribers following at least one watchlist that matches, in configuration order. */
  public List<Subscriber> route(Development development) {
    List<Subscriber> matched = new ArrayList<>();
    for (Subscriber s : subscribers.values()) {
      if (followed.get(s.email()).stream().anyMatch(w -> w.matches(development))) {
        matched.add(s);
      }
    }
    return matched;
  }

  /** The titles of the subscriber's watchlists that match: why the development reached them. */
  public List<String> reasons(Subscriber subscriber, Development development) {
    return followed.getOrDefault(subscriber.email(), List.of()).stream()
        .filter(w -> w.matches(development))
        .map(Watchlist::title)
        .toList();
  }

  public Optional<Subscriber> subscriber(String email) {
    return Optional.ofNullable(subscribers.get(email));
  }

  public List<Subscriber> subscribers() {
    return List.copyOf(subscribers.values());
  }
}
