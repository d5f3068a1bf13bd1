package org.vedetta.matcher.knowledge;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * A tracked actor.
 *
 * @param id         stable snake_case id, e.g. {@code north_korea}
 * @param kind       state, person or organisation
 * @param names      surface forms per language: names, demonyms, adjectives, inflected forms
 * @param represents for a person, the state they act for (Putin: {@code russia}); claims about them count for it
 * @param memberOf   organisation ids the entity belongs to
 * @param context    rules for ambiguous aliases, or {@code null}
 * @param ally       whether this state is one of Russia's allies that claims are about (a claim's subject is
 *                   an ally, or Russia itself for treaty steps); observers such as South Korea are not
 * @param stateMedia whether this organisation is a state medium (KCNA, TASS): claims citing it are marked so
 * @param focus      whether this is the state alignment is tracked around (Russia): the counterparty of every
 *                   claim that names no other; exactly one entity of the knowledge set is
 * @param places     for the focus state, places in it that stand for it per language ("Kursk"): claims are about
 *                   dealings with the focus state, so only an article naming it or one of these states any
 */
public record Entity(
    String id, Kind kind, Map<String, List<String>> names, String represents, List<String> memberOf,
    Context context, boolean ally, boolean stateMedia, boolean focus, Map<String, List<String>> places)
    implements Validated {

  /** What an entity is. */
  public enum Kind { STATE, PERSON, ORGANISATION }

  /**
   * An alias listed in {@code ambiguous} counts only in a sentence that also holds one of {@code requires}; one
   * listed in {@code capitalised} only where it is written with a capital letter; one listed in {@code onceNamed}
   * only after the article has named the entity by another of its names.
   *
   * @param ambiguous   aliases that need context
   * @param requires    words (any language, matched accent-insensitively as whole words) that confirm the sense
   * @param capitalised aliases that are also a lower-case word of another language (Spanish "irán", they will go)
   * @param onceNamed   short names a text uses once it has given the full one ("Kim" after "Kim Jong Un")
   */
  public record Context(List<String> ambiguous, List<String> requires, List<String> capitalised,
      List<String> onceNamed) {
    public Context {
      ambiguous = ambiguous == null ? List.of() : List.copyOf(ambiguous);
      requires = requires == null ? List.of() : List.copyOf(requires);
      capitalised = capitalised == null ? List.of() : List.copyOf(capitalised);
      onceNamed = onceNamed == null ? List.of() : List.copyOf(onceNamed);
    }
  }

  public Entity {
    names = Names.copy(names);
    places = Names.copy(places);
    memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
  }

  public Stream<String> aliases() {
    return Names.all(names);
  }

  /** The name people read in a digest: the first English form. */
  public String displayName() {
    return Names.display(names, id);
  }

  /** The name people read in a mail in {@code language} (ISO 639-1): its first form there, else English. */
  public String displayName(String language) {
    return Names.display(names, language, id);
  }

  /** The state this entity's claims count for: itself for a state, {@link #represents} for a person. */
  public String actingState() {
    return kind == Kind.STATE ? id : represents;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(id, "id");
    problems.check(places.isEmpty() || focus, "places", "is for the focus state (focus: true)");
    problems.require(kind, "kind");
    problems.check(!focus || kind == Kind.STATE, "focus", "only a state can be the focus");
    problems.check(!names.isEmpty(), "names", "needs at least one language with one name");
    names.forEach((lang, list) -> problems.check(list != null && !list.isEmpty()
        && list.stream().noneMatch(n -> n == null || n.isBlank()), "names." + lang, "needs non-empty names"));
    if (context != null) {
      List<String> all = aliases().toList();
      context.capitalised().forEach(c -> problems.check(all.contains(c), "context.capitalised",
          "'" + c + "' is not one of the names"));
      context.onceNamed().forEach(c -> problems.check(all.contains(c), "context.once_named",
          "'" + c + "' is not one of the names"));
      problems.check(context.onceNamed().size() < all.size(), "context.once_named",
          "leaves no full name to be named first");
    }
  }
}
