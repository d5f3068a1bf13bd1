package org.vedetta.app.watchlists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.vedetta.notifier.Watchlist;
import org.vedetta.notifier.WatchlistsSettings;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;
import org.vedetta.settings.YamlSettings;

/**
 * A config directory's {@code watchlists.yml} as the console edits it. Each read carries a version (a hash of
 * the file's bytes); a write names the version it was based on and is refused when the file changed since, by
 * hand or from another browser, so no edit silently undoes another. A write replaces the file atomically and
 * keeps the previous content in {@code watchlists.yml.bak}.
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

  /** The file changed since the version a write was based on. */
  public static final class StaleVersionException extends Exception {
    StaleVersionException() {
      super(NAME + " changed since this edit began (by hand or in another window): reload and edit again");
    }
  }

  private final Path file;
  private final String displayName;

  public WatchlistsFile(Path configDir) {
    this.file = configDir.resolve(NAME);
    this.displayName = configDir.toString().replace('\\', '/') + "/" + NAME;
  }

  /**
   * Reads the file.
   *
   * @throws SettingsException when it cannot be read or is not valid (file, line and field of each problem)
   */
  public Snapshot read() {
    byte[] bytes = bytes();
    String text = new String(bytes, StandardCharsets.UTF_8);
    return new Snapshot(YamlSettings.parse(text, displayName, WatchlistsSettings.class).watchlists(), version(bytes));
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
  public synchronized void write(String text, String basedOn) throws StaleVersionException, IOException {
    byte[] current = bytes();
    if (!version(current).equals(basedOn)) {
      throw new StaleVersionException();
    }
    Path backup = file.resolveSibling(NAME + ".bak");
    Path next = file.resolveSibling(NAME + ".next");
    Files.write(backup, current);
    Files.writeString(next, text, StandardCharsets.UTF_8);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private byte[] bytes() {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SettingsException(new Problem(displayName, 0, "", "file not found"));
    } catch (IOException e) {
      throw new SettingsException(new Problem(displayName, 0, "", "cannot be read: " + e.getMessage()));
    }
  }

  private static String version(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
