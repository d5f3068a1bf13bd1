package org.vedetta.ingest.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vedetta.model.Ids;

/**
 * The second identity of an item: a hash of its normalised title and text, so an item republished under a new
 * guid and link (a feed that rewrites guids on every fetch, a CMS that moves a story) is still recognised.
 * Normalised means Unicode NFKC, lower-cased, every run of characters that are not letters or digits made one
 * space: markup, punctuation, typographic quotes and whitespace changes do not change the key.
 */
final class ContentKey {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private ContentKey() {}

  /** The key of a title and text, or {@code null} when both are empty once normalised. */
  static String of(String title, String text) {
    String t = normalise(title);
    String x = normalise(text);
    if (t.isEmpty() && x.isEmpty()) {
      return null;
    }
    return "content:" + Ids.of(t, x);
  }

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NOT_WORD.matcher(folded).replaceAll(" ").trim();
  }
}
