package org.vedetta.ingest.internal;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Language tags as found in pages and feeds ({@code en-US}, {@code it_IT}, {@code EN}) to ISO 639-1, and the
 * language of a text that does not say, detected with the Optimaize language-detector (character n-gram
 * profiles, as in Google's language-detection library).
 *
 * <p>Detection chooses among {@link #DETECTED}: the languages Vedetta's sources write in and their neighbours,
 * so that, say, a Belarusian or Polish text is not forced into Russian or Ukrainian. It answers only for at
 * least {@value #MIN_LETTERS} letters and a probability of at least {@value #MIN_PROBABILITY}; otherwise the
 * language stays unknown.
 */
public final class Languages {

  /** The languages detection chooses among, ISO 639-1. */
  static final List<String> DETECTED =
      List.of("it", "en", "fr", "de", "es", "pt", "nl", "pl", "ro", "ru", "uk", "be", "bg", "sr");
  static final int MIN_LETTERS = 20;
  static final double MIN_PROBABILITY = 0.90;

  private static final Pattern ISO_639_1 = Pattern.compile("[a-z]{2}");
  /** Detection reads at most this many characters: a few paragraphs are plenty. */
  private static final int MAX_CHARS = 3000;

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

  /** The language {@code text} is written in, as ISO 639-1, or {@code null} when too short or unsure. */
  public static String detect(String text) {
    if (text == null) {
      return null;
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
      return null;
    }
    List<DetectedLanguage> found = Detector.INSTANCE.getProbabilities(sample);
    if (found.isEmpty() || found.get(0).getProbability() < MIN_PROBABILITY) {
      return null;
    }
    return found.get(0).getLocale().getLanguage();
  }

  /** Loaded on first use: reading the profiles takes a moment and some memory. */
  private static final class Detector {
    static final LanguageDetector INSTANCE = load();

    private static LanguageDetector load() {
      try {
        List<LanguageProfile> profiles =
            new LanguageProfileReader().readBuiltIn(DETECTED.stream().map(LdLocale::fromString).toList());
        return LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(profiles)
            .seed(1L)
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the language profiles of language-detector", e);
      }
    }
  }
}
