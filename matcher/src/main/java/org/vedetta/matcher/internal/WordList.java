package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words of every language, folded: exact words, stems written with a trailing {@code *}, and phrases of
 * several words. Finds where any of them occurs in a folded sentence, as whole words.
 */
public final class WordList {

  private final Set<String> words = new HashSet<>();
  private final List<String> stems = new ArrayList<>();
  private final List<String> phrases = new ArrayList<>();

  public WordList(Map<String, List<String>> byLanguage) {
    byLanguage.values().forEach(list -> list.forEach(this::add));
  }

  private void add(String raw) {
    String w = FoldedText.fold(raw.trim());
    if (w.endsWith("*")) {
      stems.add(w.substring(0, w.length() - 1));
    } else if (w.chars().anyMatch(c -> !AliasAutomaton.isWordChar((char) c))) {
      phrases.add(w);
    } else {
      words.add(w);
    }
  }

  public boolean isEmpty() {
    return words.isEmpty() && stems.isEmpty() && phrases.isEmpty();
  }

  /** Start offsets of every occurrence in the folded sentence, in order. */
  public List<int[]> find(String folded) {
    List<int[]> found = new ArrayList<>();
    int i = 0;
    int n = folded.length();
    while (i < n) {
      if (!AliasAutomaton.isWordChar(folded.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && AliasAutomaton.isWordChar(folded.charAt(j))) {
        j++;
      }
      String token = folded.substring(i, j);
      if (words.contains(token) || stems.stream().anyMatch(token::startsWith)) {
        found.add(new int[] {i, j});
      }
      i = j;
    }
    for (String phrase : phrases) {
      for (int at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
        int end = at + phrase.length();
        boolean startOk = at == 0 || !AliasAutomaton.isWordChar(folded.charAt(at - 1));
        boolean endOk = end == n || !AliasAutomaton.isWordChar(folded.charAt(end));
        if (startOk && endOk) {
          found.add(new int[] {at, end});
        }
      }
    }
    found.sort((a, b) -> Integer.compare(a[0], b[0]));
    return found;
  }

  public boolean occursIn(String folded) {
    return !find(folded).isEmpty();
  }
}
