package org.vedetta.app.live;

import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.notifier.Watchlist;

/**
 * What the live view shows; every part is optional.
 *
 * @param watchlist   only developments this watchlist matches, or {@code null}
 * @param entity      only developments about this entity (subject or counterparty), or {@code null}
 * @param event       only this event type, or {@code null}
 * @param minSeverity only developments at least this severe (1 shows all)
 */
public record DevelopmentFilter(Watchlist watchlist, String entity, String event, int minSeverity) {

  /** Shows everything. */
  public static final DevelopmentFilter ALL = new DevelopmentFilter(null, null, null, 1);

  public boolean matches(Development d) {
    Claim claim = d.claim();
    return (watchlist == null || watchlist.matches(d))
        && (entity == null || entity.equals(claim.subject()) || entity.equals(claim.counterparty()))
        && (event == null || event.equals(claim.event()))
        && d.severity() >= minSeverity;
  }
}
