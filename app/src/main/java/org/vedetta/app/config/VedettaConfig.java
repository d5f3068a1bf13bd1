package org.vedetta.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.vedetta.ingest.SourceSettings;
import org.vedetta.ingest.SourcesSettings;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.EventType;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;
import org.vedetta.notifier.Subscriber;
import org.vedetta.notifier.SubscribersSettings;
import org.vedetta.notifier.Watchlist;
import org.vedetta.notifier.WatchlistsSettings;
import org.vedetta.settings.EnvironmentValues;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;
import org.vedetta.settings.YamlSettings;

/**
 * Everything a config directory holds: {@code application.yml}, {@code sources.yml}, {@code watchlists.yml},
 * {@code subscribers.yml} and the knowledge set. Loading checks every file and every reference between them
 * (a watchlist naming an unknown entity, a subscriber naming an unknown watchlist) and reports all problems
 * at once, each with file and line.
 *
 * @param dir         the config directory
 * @param app         application settings
 * @param sources     news sources
 * @param watchlists  watchlists
 * @param subscribers subscribers
 * @param knowledge   the baseline knowledge set
 */
public record VedettaConfig(Path dir, AppSettings app, List<SourceSettings> sources, List<Watchlist> watchlists,
    List<Subscriber> subscribers, KnowledgeSet knowledge) {

  public VedettaConfig {
    sources = List.copyOf(sources);
    watchlists = List.copyOf(watchlists);
    subscribers = List.copyOf(subscribers);
  }

  /**
   * Loads and cross-checks the directory.
   *
   * @throws SettingsException with every problem found
   */
  public static VedettaConfig load(Path dir) {
    return load(dir, Map.of());
  }

  /**
   * Loads and cross-checks the directory as if some of its files held other text: {@code replaced} maps a file
   * name ({@code watchlists.yml}) to the text to check in its place. This is how an edit is checked exactly as
   * the file would be, before it is written.
   *
   * @throws SettingsException with every problem found
   */
  public static VedettaConfig load(Path dir, Map<String, String> replaced) {
    String name = dir.toString().replace('\\', '/');
    ConfigFiles files = new ConfigFiles(dir, name, replaced);
    List<Problem> problems = new ArrayList<>();
    AppSettings app = collect(problems, () -> files.read("application.yml", AppSettings.class, (f, p) -> { }));
    SourcesSettings sources = collect(problems, () -> files.read("sources.yml", SourcesSettings.class, (f, p) -> { }));
    KnowledgeSet knowledge = app == null ? null : collect(problems, () -> KnowledgeSet.load(
        dir.resolve(app.knowledgeDir()), name + "/" + app.knowledgeDir()));
    WatchlistsSettings watchlists = collect(problems, () -> files.read("watchlists.yml",
        WatchlistsSettings.class, (file, p) -> {
          if (knowledge != null) {
            p.eachWith("watchlists", file.watchlists(), (w, at) -> checkWatchlist(w, at, knowledge));
          }
        }));
    Set<String> watchlistIds = watchlists == null ? Set.of()
        : watchlists.watchlists().stream().map(Watchlist::id).collect(Collectors.toSet());
    SubscribersSettings subscribers = collect(problems, () -> files.read("subscribers.yml",
        SubscribersSettings.class, (file, p) -> {
          if (watchlists != null) {
            p.eachWith("subscribers", file.subscribers(), (s, at) -> {
              for (int i = 0; i < s.watchlists().size(); i++) {
                at.check(watchlistIds.contains(s.watchlists().get(i)), "watchlists[" + i + "]",
                    "unknown watchlist '" + s.watchlists().get(i) + "'; known: " + String.join(", ", watchlistIds));
              }
            });
          }
        }));
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return new VedettaConfig(dir, app, sources.sources(), watchlists.watchlists(), subscribers.subscribers(),
        knowledge);
  }

  private static void checkWatchlist(Watchlist w, org.vedetta.settings.Problems at, KnowledgeSet knowledge) {
    Set<String> entities = knowledge.entities().stream().map(Entity::id).collect(Collectors.toSet());
    Set<String> treaties = knowledge.treaties().stream().map(Treaty::id).collect(Collectors.toSet());
    Set<String> events = knowledge.events().stream().map(EventType::id).collect(Collectors.toSet());
    checkIds(at, "entities", w.entities(), entities, "entity");
    checkIds(at, "treaties", w.treaties(), treaties, "treaty");
    checkIds(at, "events", w.events(), events, "event type");
  }

  private static void checkIds(org.vedetta.settings.Problems at, String field, List<String> ids, Set<String> known,
      String what) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      at.check(known.contains(id), field + "[" + i + "]", "unknown " + what + " '" + id + "'");
      at.check(seen.add(id), field + "[" + i + "]", "listed twice");
    }
  }

  /**
   * The directory's YAML files, some possibly replaced by text. {@code application.yml} may name environment
   * variables ({@link EnvironmentValues}); the files analysts edit from the console may not, since the console
   * writes them back.
   */
  private record ConfigFiles(Path dir, String name, Map<String, String> replaced) {
    <T> T read(String file, Class<T> type, BiConsumer<T, org.vedetta.settings.Problems> check) {
      String display = name + "/" + file;
      String text = replaced.containsKey(file) ? replaced.get(file) : YamlSettings.readText(dir.resolve(file), display);
      if (file.equals("application.yml")) {
        text = EnvironmentValues.substitute(text, display, System::getenv);
      }
      return YamlSettings.parse(text, display, type, check);
    }
  }

  private static <T> T collect(List<Problem> problems, Supplier<T> read) {
    try {
      return read.get();
    } catch (SettingsException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** This configuration with {@code newApp} as its application settings. */
  public VedettaConfig withApp(AppSettings newApp) {
    return new VedettaConfig(dir, newApp, sources, watchlists, subscribers, knowledge);
  }

  /** The data directory, resolved against the working directory. */
  /** The knowledge set's directory. */
  public Path knowledgeDir() {
    return dir.resolve(app.knowledgeDir());
  }

  /** How problems name the knowledge set's directory, e.g. {@code config/knowledge}. */
  public String knowledgeDisplayDir() {
    return dir.toString().replace('\\', '/') + "/" + app.knowledgeDir();
  }

  public Path dataDir() {
    return Path.of(app.dataDir());
  }
}
