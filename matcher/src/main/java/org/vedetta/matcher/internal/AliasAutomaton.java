package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One automaton (a trie) over every folded alias of the knowledge set. A match can only start where a word
 * starts, so the text is read once, word start by word start, walking the trie as far as the text allows: the
 * cost per character depends on how far the text agrees with some alias, not on how many aliases there are.
 * Matches are whole words; overlapping matches resolve to the leftmost, then longest.
 *
 * @param <T> what an alias stands for
 */
public final class AliasAutomaton<T> {

  /** An alias found in folded text: {@code [start, end)} in folded offsets. */
  public record Hit<T>(int start, int end, List<T> targets) {}

  private static final boolean[] WORD = new boolean[0x10000];

  static {
    for (int c = 0; c < WORD.length; c++) {
      WORD[c] = Character.isLetterOrDigit((char) c);
    }
  }

  /** The root's transitions, one slot per character: most steps start there. */
  private final int[] root = new int[0x10000];
  // Transitions of state s > 0: keys[s] (sorted) -> next[s].
  private final char[][] keys;
  private final int[][] next;
  /** Targets of the alias ending exactly at a state, or null. */
  private final List<List<T>> terminal;

  private AliasAutomaton(List<Map<Character, Integer>> trie, List<List<T>> terminal) {
    int n = trie.size();
    this.keys = new char[n][];
    this.next = new int[n][];
    for (int s = 0; s < n; s++) {
      Map<Character, Integer> edges = trie.get(s);
      char[] k = new char[edges.size()];
      int i = 0;
      for (char c : edges.keySet()) {
        k[i++] = c;
      }
      Arrays.sort(k);
      int[] t = new int[k.length];
      for (i = 0; i < k.length; i++) {
        t[i] = edges.get(k[i]);
      }
      keys[s] = k;
      next[s] = t;
    }
    for (int i = 0; i < keys[0].length; i++) {
      root[keys[0][i]] = next[0][i];
    }
    this.terminal = terminal;
  }

  /** Builds the automaton from folded aliases; an alias listed twice keeps every target. */
  public static <T> AliasAutomaton<T> build(Map<String, List<T>> aliases) {
    List<Map<Character, Integer>> trie = new ArrayList<>();
    List<List<T>> terminal = new ArrayList<>();
    trie.add(new HashMap<>());
    terminal.add(null);
    for (Map.Entry<String, List<T>> alias : aliases.entrySet()) {
      String word = alias.getKey();
      if (word.isEmpty()) {
        continue;
      }
      int s = 0;
      for (int i = 0; i < word.length(); i++) {
        Integer t = trie.get(s).get(word.charAt(i));
        if (t == null) {
          t = trie.size();
          trie.add(new HashMap<>());
          terminal.add(null);
          trie.get(s).put(word.charAt(i), t);
        }
        s = t;
      }
      List<T> targets = terminal.get(s) == null ? new ArrayList<>() : new ArrayList<>(terminal.get(s));
      for (T target : alias.getValue()) {
        if (!targets.contains(target)) {
          targets.add(target);
        }
      }
      terminal.set(s, List.copyOf(targets));
    }
    return new AliasAutomaton<>(trie, terminal);
  }

  /** Every whole-word alias in {@code text}, leftmost-longest, not overlapping, in text order. */
  public List<Hit<T>> find(CharSequence text) {
    List<Hit<T>> hits = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!WORD[text.charAt(i)]) {
        i++;
        continue;
      }
      // i starts a word: walk the trie, remembering the longest alias that ends where a word ends.
      int s = root[text.charAt(i)];
      int end = -1;
      List<T> targets = null;
      int j = i + 1;
      while (s != 0) {
        if (terminal.get(s) != null && (j == n || !WORD[text.charAt(j)])) {
          end = j;
          targets = terminal.get(s);
        }
        if (j == n) {
          break;
        }
        s = step(s, text.charAt(j));
        j++;
      }
      if (end > 0) {
        hits.add(new Hit<>(i, end, targets));
        i = end;
      } else {
        while (i < n && WORD[text.charAt(i)]) {
          i++;
        }
      }
    }
    return hits;
  }

  private int step(int s, char c) {
    char[] k = keys[s];
    int i;
    if (k.length < 8) {
      i = -1;
      for (int x = 0; x < k.length; x++) {
        if (k[x] == c) {
          i = x;
          break;
        }
      }
    } else {
      i = Arrays.binarySearch(k, c);
    }
    return i >= 0 ? next[s][i] : 0;
  }

  static boolean isWordChar(char c) {
    return WORD[c];
  }
}
