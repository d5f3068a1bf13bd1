package org.vedetta.notifier;

import java.util.Locale;

/**
 * How entity and treaty ids read in a mail, per language. The service takes them from the knowledge set
 * ({@code Corea del Nord} for {@code north_korea} in Italian); without it, ids are shown as words.
 */
@FunctionalInterface
public interface DisplayNames {

  /**
   * @param id       an entity or treaty id, e.g. {@code north_korea}
   * @param language ISO 639-1 code of the mail, e.g. {@code it}
   * @return the name to show; never {@code null}
   */
  String name(String id, String language);

  /** {@code north_korea} reads "North korea": good enough for tests and for ids without a knowledge set. */
  static DisplayNames fromIds() {
    return (id, language) -> id == null || id.isEmpty() ? ""
        : id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1).replace('_', ' ');
  }
}
