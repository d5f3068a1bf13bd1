package org.vedetta.ingest.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Language tags as found in pages and feeds ({@code en-US}, {@code it_IT}, {@code EN}) to ISO 639-1. */
final class Languages {

  private static final Pattern ISO_639_1 = Pattern.compile("[a-z]{2}");

  private Languages() {}

  /** The ISO 639-1 code of a language tag, or {@code null} when there is none. */
  static String code(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String primary = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return ISO_639_1.matcher(primary).matches() ? primary : null;
  }

  /** The first argument that is a language tag, as ISO 639-1, or {@code null}. */
  static String first(String... tags) {
    for (String tag : tags) {
      String code = code(tag);
      if (code != null) {
        return code;
      }
    }
    return null;
  }
}
