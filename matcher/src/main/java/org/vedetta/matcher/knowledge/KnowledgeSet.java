package org.vedetta.matcher.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vedetta.settings.Problems;
import org.vedetta.settings.SettingsException;
import org.vedetta.settings.YamlSettings;

/**
 * The baseline knowledge: tracked entities and treaties, event types, and the facts already known.
 * Read from a directory holding {@code entities.yml}, {@code treaties.yml}, {@code events.yml} and
 * {@code facts.yml}; every reference between them is checked, and every problem is reported with its file
 * and line.
 */
public final class KnowledgeSet {

  /** {@code entities.yml}. */
  public record EntitiesFile(List<Entity> entities) {
    public EntitiesFile {
      entities = entities == null ? List.of() : entities;
    }
  }

  /** {@code treaties.yml}. */
  public record TreatiesFile(List<Treaty> treaties) {
    public TreatiesFile {
      treaties = treaties == null ? List.of() : treaties;
    }
  }

  /**
   * {@code events.yml}: the event types, and the words per language that change what a sentence states (see
   * {@link Markers}).
   */
  public record EventsFile(List<EventType> events, Map<String, List<String>> negations,
      Map<String, List<String>> negators, Map<String, List<String>> planned, Map<String, List<String>> background,
      Map<String, List<String>> recalled, Map<String, List<String>> pastPerfect,
      Map<String, List<String>> reporting, Map<String, List<String>> places, Map<String, List<String>> parts,
      Map<String, List<String>> measures, Map<String, List<String>> agreementSets,
      Map<String, List<String>> contracts, Map<String, List<String>> sources, Map<String, List<String>> counts) {
    public EventsFile {
      events = events == null ? List.of() : events;
    }
  }

  /**
   * Words per language that change what a sentence states.
   *
   * @param negations  make the whole sentence deny or only suppose an event ("denied", "could send"): no claim
   * @param negators   deny the claim whose trigger they stand right before ("will not sign", "не направила")
   * @param planned    make the claim they stand by a plan or an announcement ("will send", "plans to")
   * @param background make the sentence's claims habitual or historical background ("for decades"), never news
   * @param recalled   right before a trigger, call the event earlier ("the recent visit"): background
   * @param pastPerfect right before a trigger, tell an earlier event as background ("had sent"), unless a reporting
   *                   verb stands before them: then they are reported speech in its tense ("stated that they had
   *                   killed three soldiers")
   * @param reporting  verbs that report what someone said ("said", "a affirmé", "dijo")
   * @param places     make a state named right after them a place rather than an actor ("met in Beijing")
   * @param parts      after a figure, introduce its parts ("20,000 soldiers, including deminers"): the words
   *                   after them do not say what the figure itself counts
   * @param measures   right after a figure, make it a duration, an age, a sum or a distance ("3 weeks", "24-year-old",
   *                   "5 billion dollars"): never a count of soldiers
   * @param agreementSets name a set of agreements ("the agreements signed", "более 20 соглашений"): the cooperation
   *                   deals of a visit, so the sentence states no step of a treaty the knowledge set does not track
   * @param contracts  name a contract to supply or buy ("соглашение о поставке"): what it is about is planned, and the
   *                   sentence states no step of a treaty, as with a set of agreements
   * @param sources    within a few words of a state that is neither an ally nor the focus, make it the source of what
   *                   the sentence reports ("South Korea's spy agency", "laut Seoul"), not the state it is about
   * @param counts     stand for the figure that follows them ("the number of soldiers killed ... passed 3,000"): the
   *                   figure counts what the words after them name, as if it stood in their place
   */
  public record Markers(Map<String, List<String>> negations, Map<String, List<String>> negators,
      Map<String, List<String>> planned, Map<String, List<String>> background, Map<String, List<String>> recalled,
      Map<String, List<String>> pastPerfect, Map<String, List<String>> reporting,
      Map<String, List<String>> places, Map<String, List<String>> parts, Map<String, List<String>> measures,
      Map<String, List<String>> agreementSets, Map<String, List<String>> contracts,
      Map<String, List<String>> sources, Map<String, List<String>> counts) {
    public static final Markers NONE = new Markers(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);

    public Markers {
      negations = Names.copy(negations);
      negators = Names.copy(negators);
      planned = Names.copy(planned);
      background = Names.copy(background);
      recalled = Names.copy(recalled);
      pastPerfect = Names.copy(pastPerfect);
      reporting = Names.copy(reporting);
      places = Names.copy(places);
      parts = Names.copy(parts);
      measures = Names.copy(measures);
      agreementSets = Names.copy(agreementSets);
      contracts = Names.copy(contracts);
      sources = Names.copy(sources);
      counts = Names.copy(counts);
    }
  }

  /** {@code facts.yml}. */
  public record FactsFile(List<Fact> facts) {
    public FactsFile {
      facts = facts == null ? List.of() : facts;
    }
  }

  private final Map<String, Entity> entities;
  private final Map<String, Treaty> treaties;
  private final Map<String, EventType> events;
  private final List<Fact> facts;
  private final Markers markers;
  private final String focus;

  public KnowledgeSet(List<Entity> entities, List<Treaty> treaties, List<EventType> events, List<Fact> facts) {
    this(entities, treaties, events, facts, Markers.NONE);
  }

  /**
   * Facts get the defaults {@code facts.yml} may leave out: the focus state as counterparty, and what a
   * confirmation confirms.
   */
  public KnowledgeSet(List<Entity> entities, List<Treaty> treaties, List<EventType> events, List<Fact> facts,
      Markers markers) {
    this.entities = index(entities, Entity::id);
    this.treaties = index(treaties, Treaty::id);
    this.events = index(events, EventType::id);
    this.focus = entities.stream().filter(Entity::focus).map(Entity::id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no entity is the focus"));
    this.facts = facts.stream().map(f -> f.withDefaults(focus,
        event(f.event()).map(EventType::confirms).orElse(null))).toList();
    this.markers = markers;
  }

  /**
   * Loads the four files of {@code dir}; {@code displayDir} is how errors name the directory (e.g.
   * {@code config/knowledge}).
   *
   * @throws SettingsException listing every problem found, with file and line
   */
  public static KnowledgeSet load(Path dir, String displayDir) {
    return load(dir, displayDir, Map.of());
  }

  /**
   * Loads the four files of {@code dir} as if some held other text: {@code replaced} maps a file name
   * ({@code facts.yml}) to the text to check in its place. This is how an edit is checked exactly as the file
   * would be, before it is written.
   *
   * @throws SettingsException listing every problem found, with file and line
   */
  public static KnowledgeSet load(Path dir, String displayDir, Map<String, String> replaced) {
    KnowledgeFiles files = new KnowledgeFiles(dir, displayDir, replaced);
    List<org.vedetta.settings.Problem> problems = new ArrayList<>();
    EntitiesFile entities = readCollecting(problems, () -> files.read("entities.yml", EntitiesFile.class, (f, p) -> {
          p.each("entities", f.entities());
          checkUnique(p, "entities", f.entities(), Entity::id);
          p.check(f.entities().stream().filter(e -> e != null && e.focus()).count() == 1, "entities",
              "exactly one entity must be the focus (focus: true), the state alignment is tracked around");
        }));
    Set<String> entityIds = entities == null ? Set.of() : ids(entities.entities(), Entity::id);
    EventsFile events = readCollecting(problems, () -> files.read("events.yml", EventsFile.class, (f, p) -> {
          p.each("events", f.events());
          checkUnique(p, "events", f.events(), EventType::id);
          Set<String> declared = ids(f.events(), EventType::id);
          p.eachWith("events", f.events(), (e, at) -> {
            at.check(e.confirms() == null || declared.contains(e.confirms()), "confirms",
                "unknown event type '" + e.confirms() + "'");
            e.acknowledges().keySet().forEach(event -> at.check(declared.contains(event), "acknowledges." + event,
                "unknown event type '" + event + "'"));
          });
        }));
    Set<String> eventIds = events == null ? Set.of() : ids(events.events(), EventType::id);
    TreatiesFile treaties = readCollecting(problems, () -> files.read("treaties.yml", TreatiesFile.class, (f, p) -> {
          p.each("treaties", f.treaties());
          checkUnique(p, "treaties", f.treaties(), Treaty::id);
          if (entities != null) {
            p.eachWith("treaties", f.treaties(), (t, at) -> {
              for (int i = 0; i < t.parties().size(); i++) {
                at.check(entityIds.contains(t.parties().get(i)), "parties[" + i + "]",
                    "unknown entity '" + t.parties().get(i) + "'");
              }
            });
          }
        }));
    Set<String> treatyIds = treaties == null ? Set.of() : ids(treaties.treaties(), Treaty::id);
    FactsFile facts = readCollecting(problems, () -> files.read("facts.yml", FactsFile.class, (f, p) -> {
          p.each("facts", f.facts());
          checkUnique(p, "facts", f.facts(), Fact::id);
          if (entities != null && events != null && treaties != null) {
            p.eachWith("facts", f.facts(), (fact, at) -> {
              at.check(fact.subject() == null || entityIds.contains(fact.subject()), "subject",
                  "unknown entity '" + fact.subject() + "'");
              at.check(fact.counterparty() == null || entityIds.contains(fact.counterparty()), "counterparty",
                  "unknown entity '" + fact.counterparty() + "'");
              at.check(fact.event() == null || eventIds.contains(fact.event()), "event",
                  "unknown event type '" + fact.event() + "'; known: " + String.join(", ", eventIds));
              at.check(fact.treaty() == null || treatyIds.contains(fact.treaty()), "treaty",
                  "unknown treaty '" + fact.treaty() + "'");
            });
          }
        }));
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return new KnowledgeSet(entities.entities(), treaties.treaties(), events.events(), facts.facts(),
        new Markers(events.negations(), events.negators(), events.planned(), events.background(), events.recalled(),
            events.pastPerfect(), events.reporting(), events.places(), events.parts(), events.measures(),
            events.agreementSets(), events.contracts(), events.sources(), events.counts()));
  }

  /** The knowledge directory's files, some possibly replaced by text. */
  private record KnowledgeFiles(Path dir, String displayDir, Map<String, String> replaced) {
    <T> T read(String file, Class<T> type, java.util.function.BiConsumer<T, org.vedetta.settings.Problems> check) {
      String text = replaced.get(file);
      return text == null ? YamlSettings.read(dir.resolve(file), displayDir + "/" + file, type, check)
          : YamlSettings.parse(text, displayDir + "/" + file, type, check);
    }
  }

  /** The id of the state alignment is tracked around (Russia): the counterparty claims have by default. */
  public String focus() {
    return focus;
  }

  /** The event type of official confirmations, if the knowledge set has one. */
  public Optional<EventType> confirmation() {
    return events.values().stream().filter(EventType::confirmation).findFirst();
  }

  public Optional<Entity> entity(String id) {
    return Optional.ofNullable(entities.get(id));
  }

  public Optional<Treaty> treaty(String id) {
    return Optional.ofNullable(treaties.get(id));
  }

  public Optional<EventType> event(String id) {
    return Optional.ofNullable(events.get(id));
  }

  public List<Entity> entities() {
    return List.copyOf(entities.values());
  }

  public List<Treaty> treaties() {
    return List.copyOf(treaties.values());
  }

  public List<EventType> events() {
    return List.copyOf(events.values());
  }

  public List<Fact> facts() {
    return facts;
  }

  /** Words per language that make a sentence a denial or a supposition, a plan, or background. */
  public Markers markers() {
    return markers;
  }

  /** Display name of an entity or treaty id, or the id itself. */
  public String nameOf(String id) {
    if (id == null) {
      return "";
    }
    Entity e = entities.get(id);
    if (e != null) {
      return e.displayName();
    }
    Treaty t = treaties.get(id);
    return t != null ? t.displayName() : id;
  }

  /** Display name of an entity or treaty id in {@code language} (ISO 639-1), else in English, else the id. */
  public String nameOf(String id, String language) {
    if (id == null) {
      return "";
    }
    Entity e = entities.get(id);
    if (e != null) {
      return e.displayName(language);
    }
    Treaty t = treaties.get(id);
    return t != null ? t.displayName(language) : id;
  }

  private interface Reader<T> {
    T read();
  }

  private static <T> T readCollecting(List<org.vedetta.settings.Problem> problems, Reader<T> reader) {
    try {
      return reader.read();
    } catch (SettingsException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static <T> void checkUnique(Problems p, String list, List<T> items, Function<T, String> id) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String value = items.get(i) == null ? null : id.apply(items.get(i));
      if (value != null && !seen.add(value)) {
        p.at(list, i).add("id", "duplicate id '" + value + "'");
      }
    }
  }

  private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).collect(Collectors.toSet());
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(id.apply(item), item));
    return map;
  }
}
