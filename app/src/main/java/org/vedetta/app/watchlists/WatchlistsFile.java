package org.vedetta.app.watchlists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vedetta.app.config.VersionedFile;
import org.vedetta.app.config.VersionedFile.StaleVersionException;
import org.vedetta.notifier.Watchlist;
import org.vedetta.notifier.WatchlistsSettings;
import org.vedetta.settings.SettingsException;
import org.vedetta.settings.YamlSettings;

/**
 * A config directory's {@code watchlists.yml} as the console edits it: versioned, replaced atomically, the
 * previous content kept in {@code watchlists.yml.bak} ({@link VersionedFile}).
 */
public final class WatchlistsFile {

  /** The file's name in the config directory. */
  public static final String NAME = "watchlists.yml";

  private static final String HEADER = """
      # Watchlists: what subscribers hear about (see README "Watchlists"). Edit by hand or in the console
      # (/watchlists); the console rewrites this file and keeps the previous version in watchlists.yml.bak.
      """;

  /**
   * The file's watchlists at one version.
   *
   * @param watchlists the watchlists, in file order
   * @param version    identifies the content they were read from
   */
  public record Snapshot(List<Watchlist> watchlists, String version) {
    public Snapshot {
      watchlists = List.copyOf(watchlists);
    }
  }

  private final VersionedFile file;

  public WatchlistsFile(Path configDir) {
    this.file = new VersionedFile(configDir.resolve(NAME), configDir.toString().replace('\\', '/') + "/" + NAME);
  }

  /**
   * Reads the file.
   *
   * @throws SettingsException when it cannot be read or is not valid (file, line and field of each problem)
   */
  public Snapshot read() {
    VersionedFile.Version read = file.read();
    return new Snapshot(YamlSettings.parse(read.text(), file.displayName(), WatchlistsSettings.class).watchlists(),
        read.version());
  }

  /** The text the file would hold with {@code watchlists}. */
  public String render(List<Watchlist> watchlists) {
    return HEADER + YamlSettings.write(new WatchlistsSettings(watchlists));
  }

  /**
   * Replaces the file's content with {@code text} if it is still at {@code basedOn}.
   *
   * @throws StaleVersionException when the file changed since {@code basedOn}
   * @throws IOException           when it cannot be written (e.g. a read-only config directory)
   */
  public void write(String text, String basedOn) throws StaleVersionException, IOException {
    file.write(text, basedOn);
  }
}
