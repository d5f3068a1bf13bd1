package org.vedetta.app.watchlists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.watchlists.WatchlistsFile.Snapshot;
import org.vedetta.app.config.VersionedFile.StaleVersionException;
import org.vedetta.notifier.Subscriber;
import org.vedetta.notifier.Watchlist;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;

/**
 * Creates, changes and deletes watchlists for the console, with exactly the checks of loading the config: the
 * {@code watchlists.yml} an edit would produce is checked together with the rest of the config directory (ids
 * of the knowledge set, subscribers naming watchlists) before it replaces the file, and then the running
 * service is told.
 */
public final class WatchlistEditor {

  /**
   * Something wrong with an edit.
   *
   * @param field   the watchlist's field it concerns ({@code id}, {@code entities[0]}, {@code min_severity}), or
   *                empty when it concerns the edit as a whole or another file
   * @param message what is wrong
   */
  public record Issue(String field, String message) {}

  /** {@code watchlists[3].entities[0]} → 3 and {@code entities[0]}. */
  private static final Pattern ENTRY = Pattern.compile("watchlists\\[(\\d+)\\]\\.?(.*)");

  private final Path configDir;
  private final WatchlistsFile file;
  private final Runnable saved;

  /** @param saved run after each successful write, e.g. to reload the notifier at once */
  public WatchlistEditor(Path configDir, Runnable saved) {
    this.configDir = configDir;
    this.file = new WatchlistsFile(configDir);
    this.saved = saved;
  }

  /**
   * The watchlists as the file holds them now.
   *
   * @throws SettingsException when the file has problems (say file and line)
   */
  public Snapshot watchlists() {
    return file.read();
  }

  /**
   * What is wrong with {@code draft} in place of the watchlist {@code replacing} of {@code base} (or added to it
   * when {@code replacing} is null); empty when nothing is.
   */
  public List<Issue> check(Watchlist draft, String replacing, Snapshot base) {
    Edit edit = edit(draft, replacing, base);
    return edit.issues().isEmpty() ? checked(edit.watchlists(), edit.index()) : edit.issues();
  }

  /**
   * Saves {@code draft} in place of the watchlist {@code replacing} (or as a new one when it is null), if the
   * file is still at version {@code basedOn} and the result passes every check.
   *
   * @return the problems that kept it from being saved; empty when it was saved
   */
  public synchronized List<Issue> save(Watchlist draft, String replacing, String basedOn) {
    Edit edit = edit(draft, replacing, file.read());
    List<Issue> issues = edit.issues().isEmpty() ? checked(edit.watchlists(), edit.index()) : edit.issues();
    return issues.isEmpty() ? write(edit.watchlists(), basedOn) : issues;
  }

  /** The watchlists after an edit, the edited one's index, and what makes the edit impossible. */
  private record Edit(List<Watchlist> watchlists, int index, List<Issue> issues) {
    static Edit refused(String field, String message) {
      return new Edit(List.of(), -1, List.of(new Issue(field, message)));
    }
  }

  private static Edit edit(Watchlist draft, String replacing, Snapshot base) {
    List<Watchlist> list = new ArrayList<>(base.watchlists());
    int index = indexOf(list, replacing == null ? draft.id() : replacing);
    if (replacing == null && index >= 0) {
      return Edit.refused("id", "a watchlist '" + draft.id() + "' already exists");
    }
    if (replacing != null && index < 0) {
      return Edit.refused("", "there is no watchlist '" + replacing + "' (deleted meanwhile?)");
    }
    if (replacing != null && !replacing.equals(draft.id())) {
      return Edit.refused("id", "cannot be changed: subscribers refer to it; create a new watchlist instead");
    }
    if (index >= 0) {
      list.set(index, draft);
    } else {
      list.add(draft);
      index = list.size() - 1;
    }
    return new Edit(list, index, List.of());
  }

  /**
   * Deletes the watchlist {@code id} if the file is still at version {@code basedOn} and no subscriber follows it.
   *
   * @return the problems that kept it from being deleted; empty when it was deleted
   */
  public synchronized List<Issue> delete(String id, String basedOn) {
    List<Watchlist> list = new ArrayList<>(file.read().watchlists());
    int index = indexOf(list, id);
    if (index < 0) {
      return List.of(new Issue("", "there is no watchlist '" + id + "'"));
    }
    List<String> followers = VedettaConfig.load(configDir).subscribers().stream()
        .filter(s -> s.watchlists().contains(id)).map(Subscriber::email).toList();
    if (!followers.isEmpty()) {
      return List.of(new Issue("", "'" + id + "' is followed by " + String.join(", ", followers)
          + ": take it out of their watchlists in subscribers.yml first"));
    }
    list.remove(index);
    List<Issue> issues = checked(list, -1);
    return issues.isEmpty() ? write(list, basedOn) : issues;
  }

  private List<Issue> write(List<Watchlist> list, String basedOn) {
    try {
      file.write(file.render(list), basedOn);
    } catch (StaleVersionException e) {
      return List.of(new Issue("", e.getMessage()));
    } catch (IOException e) {
      return List.of(new Issue("", "cannot write " + WatchlistsFile.NAME + ": " + e));
    }
    saved.run();
    return List.of();
  }

  private List<Issue> checked(List<Watchlist> list, int index) {
    try {
      VedettaConfig.load(configDir, Map.of(WatchlistsFile.NAME, file.render(list)));
      return List.of();
    } catch (SettingsException e) {
      return e.problems().stream().map(p -> issue(p, list, index)).toList();
    }
  }

  /**
   * A problem of the edited watchlist names its field. Another watchlist's problem names that watchlist: its line
   * would be one of the text checked, not of the file on disk. A problem of another file is shown whole, with its
   * file and line.
   */
  private static Issue issue(Problem problem, List<Watchlist> list, int index) {
    if (!problem.file().endsWith(WatchlistsFile.NAME)) {
      return new Issue("", problem.toString());
    }
    java.util.regex.Matcher at = ENTRY.matcher(problem.field());
    if (!at.matches()) {
      return new Issue("", WatchlistsFile.NAME + ": " + problem.field() + ": " + problem.message());
    }
    int entry = Integer.parseInt(at.group(1));
    if (entry == index) {
      return new Issue(at.group(2), problem.message());
    }
    return new Issue("", WatchlistsFile.NAME + ", watchlist '" + list.get(entry).id() + "': "
        + (at.group(2).isEmpty() ? "" : at.group(2) + ": ") + problem.message());
  }

  private static int indexOf(List<Watchlist> list, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
