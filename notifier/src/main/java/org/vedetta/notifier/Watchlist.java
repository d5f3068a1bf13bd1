package org.vedetta.notifier;

import java.util.List;
import java.util.regex.Pattern;
import org.vedetta.model.Claim;
import org.vedetta.model.Development;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * What a subscriber wants to hear about; one entry of {@code watchlists.yml}.
 *
 * <p>A development matches when all three hold:
 * <ol>
 *   <li>scope: {@code entities} and {@code treaties} are both empty, or the claim's subject or counterparty is
 *       in {@code entities}, or the claim's treaty is in {@code treaties};
 *   <li>event: {@code events} is empty, or the claim's event is in {@code events};
 *   <li>severity: the development's severity is at least {@code minSeverity}.
 * </ol>
 * Note that the counterparty of most claims is {@code russia}, so a watchlist naming {@code russia} follows
 * nearly everything.
 *
 * @param id          unique id that subscribers refer to, e.g. {@code north_korea}
 * @param title       how people read it in a digest; defaults to the id
 * @param entities    entity ids of the knowledge set, e.g. {@code north_korea}; default empty
 * @param treaties    treaty ids of the knowledge set; default empty
 * @param events      event type ids of the knowledge set's {@code events.yml}; default empty, meaning every event
 *                    type (that the ids exist is checked where the knowledge set is known, at config loading)
 * @param minSeverity least severity, 1 (minor) to 5 (critical); default 1 (never {@code null} once constructed)
 * @param languages   ISO 639-1 codes of article languages; default empty, meaning all. Not applied yet:
 *                    {@link Development} does not carry its article's language.
 */
public record Watchlist(
    String id,
    String title,
    List<String> entities,
    List<String> treaties,
    List<String> events,
    Integer minSeverity,
    List<String> languages) implements Validated {

  static final int DEFAULT_MIN_SEVERITY = 1;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  public Watchlist {
    title = title == null || title.isBlank() ? id : title;
    entities = Lists.copy(entities);
    treaties = Lists.copy(treaties);
    events = Lists.copy(events);
    minSeverity = minSeverity == null ? DEFAULT_MIN_SEVERITY : minSeverity;
    languages = Lists.copy(languages);
  }

  /** Whether {@code development} matches this watchlist; the rule is in the type's documentation. */
  public boolean matches(Development development) {
    Claim claim = development.claim();
    boolean inScope = entities.isEmpty() && treaties.isEmpty()
        || entities.contains(claim.subject())
        || claim.counterparty() != null && entities.contains(claim.counterparty())
        || claim.treaty() != null && treaties.contains(claim.treaty());
    return inScope
        && (events.isEmpty() || events.contains(claim.event()))
        && development.severity() >= minSeverity;
  }

  @Override
  public void validate(Problems problems) {
    if (problems.require(id, "id")) {
      problems.check(ID.matcher(id).matches(), "id",
          "'" + id + "' is not an id: use lower-case letters, digits, '_' and '-', e.g. north_korea");
    }
    problems.eachWith("entities", entities, (entity, p) ->
        p.check(ID.matcher(entity).matches(), "", "'" + entity + "' is not an entity id, e.g. north_korea"));
    problems.eachWith("treaties", treaties, (treaty, p) ->
        p.check(ID.matcher(treaty).matches(), "", "'" + treaty + "' is not a treaty id"));
    problems.eachWith("events", events, (event, p) ->
        p.check(ID.matcher(event).matches(), "", "'" + event + "' is not an event type id, e.g. troop_deployment"));
    problems.check(minSeverity >= 1 && minSeverity <= 5, "min_severity", "must be between 1 and 5");
    problems.eachWith("languages", languages, (language, p) ->
        p.check(LANGUAGE.matcher(language).matches(), "",
            "'" + language + "' is not an ISO 639-1 language code, e.g. en, it, ru"));
  }
}
