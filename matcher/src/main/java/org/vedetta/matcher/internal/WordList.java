package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words of every language, folded: exact words, stems written with a trailing {@code *}, and phrases of
 * several words. Finds where any of them occurs in a folded sentence, as whole words. Each word of the sentence
 * is looked up once: exact words in a set, stems along a trie of their letters, phrases by their first word; so the
 * cost grows with the sentence, not with the list.
 */
public final class WordList {

  /** A node of the stem trie: the stems ending here match every word that reaches it. */
  private static final class Node {
    final Map<Character, Node> next = new HashMap<>(4);
    boolean stem;
  }

  private final Set<String> words = new HashSet<>();
  private final Node stems = new Node();
  /** Phrases by their first word (the folded text up to the first character that is not a word character). */
  private final Map<String, List<String>> phrases = new HashMap<>();
  private boolean empty = true;

  public WordList(Map<String, List<String>> byLanguage) {
    byLanguage.values().forEach(list -> list.forEach(this::add));
  }

  private void add(String raw) {
    String w = FoldedText.fold(raw.trim());
    if (w.isEmpty()) {
      return;
    }
    empty = false;
    if (w.endsWith("*")) {
      Node node = stems;
      for (char c : w.substring(0, w.length() - 1).toCharArray()) {
        node = node.next.computeIfAbsent(c, k -> new Node());
      }
      node.stem = true;
    } else if (w.chars().anyMatch(c -> !AliasAutomaton.isWordChar((char) c))) {
      int first = 0;
      while (first < w.length() && AliasAutomaton.isWordChar(w.charAt(first))) {
        first++;
      }
      phrases.computeIfAbsent(w.substring(0, first), k -> new ArrayList<>()).add(w);
    } else {
      words.add(w);
    }
  }

  public boolean isEmpty() {
    return empty;
  }

  /** {@code [start, end)} of every occurrence in the folded sentence, in order. */
  public List<int[]> find(String folded) {
    List<int[]> found = new ArrayList<>();
    scan(folded, found, false);
    return found;
  }

  public boolean occursIn(String folded) {
    return scan(folded, null, true);
  }

  /** Adds every occurrence to {@code found}; with {@code first}, stops at the first and returns whether there is one. */
  private boolean scan(String folded, List<int[]> found, boolean first) {
    if (empty) {
      return false;
    }
    int n = folded.length();
    int i = 0;
    while (i < n) {
      if (!AliasAutomaton.isWordChar(folded.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && AliasAutomaton.isWordChar(folded.charAt(j))) {
        j++;
      }
      if (i == 0 || !AliasAutomaton.isWordChar(folded.charAt(i - 1))) {
        String token = folded.substring(i, j);
        if (words.contains(token) || stemOf(folded, i, j)) {
          if (first) {
            return true;
          }
          found.add(new int[] {i, j});
        }
        List<String> starting = phrases.get(token);
        if (starting != null) {
          for (String phrase : starting) {
            int end = i + phrase.length();
            if (folded.startsWith(phrase, i) && (end == n || !AliasAutomaton.isWordChar(folded.charAt(end)))) {
              if (first) {
                return true;
              }
              found.add(new int[] {i, end});
            }
          }
        }
      }
      i = j;
    }
    if (found != null) {
      found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    }
    return found != null && !found.isEmpty();
  }

  /** Whether the word {@code [from, to)} starts with one of the stems. */
  private boolean stemOf(String folded, int from, int to) {
    Node node = stems;
    for (int k = from; k < to; k++) {
      node = node.next.get(folded.charAt(k));
      if (node == null) {
        return false;
      }
      if (node.stem) {
        return true;
      }
    }
    return false;
  }
}
