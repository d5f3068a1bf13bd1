package org.vedetta.matcher.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * A tracked treaty and where it stands.
 *
 * @param id       stable snake_case id
 * @param parties  entity ids of the parties
 * @param names    names per language
 * @param signed   date of signature, or {@code null}
 * @param ratified date of ratification by each party that ratified
 * @param inForce  date of entry into force, or {@code null}
 * @param sources  seed files or other sources that state it
 * @param note     free text for analysts
 */
public record Treaty(
    String id, List<String> parties, Map<String, List<String>> names, LocalDate signed,
    Map<String, LocalDate> ratified, LocalDate inForce, List<String> sources, String note) implements Validated {

  public Treaty {
    parties = parties == null ? List.of() : List.copyOf(parties);
    names = Names.copy(names);
    ratified = ratified == null ? Map.of() : Map.copyOf(ratified);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  public Stream<String> aliases() {
    return Names.all(names);
  }

  public String displayName() {
    return Names.display(names, id);
  }

  /** The name people read in a mail in {@code language} (ISO 639-1): its first form there, else English. */
  public String displayName(String language) {
    return Names.display(names, language, id);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(id, "id");
    problems.check(parties.size() >= 2, "parties", "needs at least two parties");
  }
}
