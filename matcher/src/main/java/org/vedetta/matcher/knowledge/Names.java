package org.vedetta.matcher.knowledge;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Surface forms per ISO 639-1 language. */
final class Names {

  private Names() {}

  static Map<String, List<String>> copy(Map<String, List<String>> names) {
    return names == null ? Map.of() : Map.copyOf(names);
  }

  static Stream<String> all(Map<String, List<String>> names) {
    return names.values().stream().flatMap(List::stream);
  }

  /** The first name in {@code language}, else {@link #display(Map, String)}. */
  static String display(Map<String, List<String>> names, String language, String fallback) {
    List<String> own = names.get(language);
    return own != null && !own.isEmpty() ? own.get(0) : display(names, fallback);
  }

  /** The first English name, else any first name, else the fallback. */
  static String display(Map<String, List<String>> names, String fallback) {
    List<String> en = names.get("en");
    if (en != null && !en.isEmpty()) {
      return en.get(0);
    }
    return names.values().stream().filter(l -> !l.isEmpty()).map(l -> l.get(0)).findFirst().orElse(fallback);
  }
}
