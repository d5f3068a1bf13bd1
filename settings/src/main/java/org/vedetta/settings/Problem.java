package org.vedetta.settings;

/**
 * One thing wrong in a settings file.
 *
 * @param file    the file as the user named it
 * @param line    1-based line, or 0 when the file itself is the problem
 * @param field   path of the field, e.g. {@code sources[2].url}; empty for the whole file
 * @param message what is wrong, said so the user can fix it
 */
public record Problem(String file, int line, String field, String message) {

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }
}
