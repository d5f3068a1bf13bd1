package org.vedetta.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;

/**
 * A settings file the console edits. Each read carries a version (a hash of the file's bytes); a write names the
 * version it was based on and is refused when the file changed since, by hand or from another browser, so no edit
 * silently undoes another. A write replaces the file atomically and keeps the previous content in
 * {@code <name>.bak}.
 */
public final class VersionedFile {

  /** The text of the file at one version. */
  public record Version(String text, String version) {}

  /** The file changed since the version a write was based on. */
  public static final class StaleVersionException extends Exception {
    StaleVersionException(String name) {
      super(name + " changed since this edit began (by hand or in another window): reload and edit again");
    }
  }

  private final Path file;
  private final String displayName;

  /** @param displayName how errors name the file, e.g. {@code config/watchlists.yml} */
  public VersionedFile(Path file, String displayName) {
    this.file = file;
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * The file's text and version.
   *
   * @throws SettingsException when it cannot be read
   */
  public Version read() {
    byte[] bytes = bytes();
    return new Version(new String(bytes, StandardCharsets.UTF_8), version(bytes));
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
      throw new StaleVersionException(file.getFileName().toString());
    }
    String name = file.getFileName().toString();
    Path backup = file.resolveSibling(name + ".bak");
    Path next = file.resolveSibling(name + ".next");
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
