package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * A node of the stem trie: the stems ending here match every word that reaches it. Its children are kept by
   * letter in a sorted array (a lookup is a binary search over a few letters, with no boxing).
   */
  private static final class Node {
    char[] letters = new char[0];
    Node[] children = new Node[0];
    boolean stem;

    Node next(char c) {
      int at = Arrays.binarySearch(letters, c);
      return at >= 0 ? children[at] : null;
    }

    Node nextOrAdd(char c) {
      int at = Arrays.binarySearch(letters, c);
      if (at >= 0) {
        return children[at];
      }
      int insert = -at - 1;
      char[] moreLetters = new char[letters.length + 1];
      Node[] moreChildren = new Node[children.length + 1];
      System.arraycopy(letters, 0, moreLetters, 0, insert);
      System.arraycopy(children, 0, moreChildren, 0, insert);
      moreLetters[insert] = c;
      moreChildren[insert] = new Node();
      System.arraycopy(letters, insert, moreLetters, insert + 1, letters.length - insert);
      System.arraycopy(children, insert, moreChildren, insert + 1, children.length - insert);
      letters = moreLetters;
      children = moreChildren;
      return children[insert];
    }
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
        node = node.nextOrAdd(c);
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
    Tokens sentence = words(folded);
    for (int w = 0; w < sentence.size(); w++) {
      int i = sentence.start(w);
      int j = sentence.end(w);
      String token = sentence.word(w);
      if (words.contains(token) || stemOf(folded, i, j)) {
        if (first) {
          return true;
        }
        found.add(new int[] {i, j});
      }
      List<String> starting = phrases.isEmpty() ? null : phrases.get(token);
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
    if (found != null) {
      found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    }
    return found != null && !found.isEmpty();
  }

  /**
   * The sentence cut into words. A sentence is looked up in many lists one after another (every event type's
   * triggers, units, markers...), so the last sentence cut is kept per thread: it is cut, and its words hashed, once.
   */
  private static Tokens words(String folded) {
    Tokens last = LAST.get();
    if (last != null && last.text() == folded) {
      return last;
    }
    Tokens tokens = Tokens.of(folded);
    LAST.set(tokens);
    return tokens;
  }

  private static final ThreadLocal<Tokens> LAST = new ThreadLocal<>();

  /** Whether the word {@code [from, to)} starts with one of the stems. */
  private boolean stemOf(String folded, int from, int to) {
    Node node = stems;
    for (int k = from; k < to; k++) {
      node = node.next(folded.charAt(k));
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
