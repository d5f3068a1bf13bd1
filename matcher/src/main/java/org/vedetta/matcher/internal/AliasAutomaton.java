package org.vedetta.matcher.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Aho–Corasick automaton over every folded alias of the knowledge set: a single pass over the text finds
 * all of them, so the cost per character does not grow with the number of aliases. Matches are whole words
 * only, and overlapping matches resolve to the leftmost, then longest.
 *
 * @param <T> what an alias stands for
 */
public final class AliasAutomaton<T> {

  /** An alias found in folded text: {@code [start, end)} in folded offsets. */
  public record Hit<T>(int start, int end, List<T> targets) {}

  // Transitions of state s: keys[s] (sorted) -> next[s]; the root is state 0.
  private final char[][] keys;
  private final int[][] next;
  private final int[] fail;
  private final int[] depth;
  /** Targets of the alias ending exactly at a state, or null. */
  private final List<List<T>> terminal;
  /** Nearest state on the fail chain (excluding itself) that is terminal, or -1. */
  private final int[] dictLink;

  private AliasAutomaton(List<Map<Character, Integer>> trie, List<List<T>> terminal, int[] depth) {
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
    this.terminal = terminal;
    this.depth = depth;
    this.fail = new int[n];
    this.dictLink = new int[n];
    Arrays.fill(dictLink, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int child : next[0]) {
      fail[child] = 0;
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int i = 0; i < keys[s].length; i++) {
        char c = keys[s][i];
        int child = next[s][i];
        int f = fail[s];
        int target;
        while ((target = step(f, c)) < 0 && f != 0) {
          f = fail[f];
        }
        fail[child] = target >= 0 && target != child ? target : 0;
        int fc = fail[child];
        dictLink[child] = terminal.get(fc) != null ? fc : dictLink[fc];
        queue.add(child);
      }
    }
  }

  /** Builds the automaton from folded aliases; an alias listed twice keeps every target. */
  public static <T> AliasAutomaton<T> build(Map<String, List<T>> aliases) {
    List<Map<Character, Integer>> trie = new ArrayList<>();
    List<List<T>> terminal = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    trie.add(new HashMap<>());
    terminal.add(null);
    depths.add(0);
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
          depths.add(depths.get(s) + 1);
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
    int[] depth = depths.stream().mapToInt(Integer::intValue).toArray();
    return new AliasAutomaton<>(trie, terminal, depth);
  }

  public int states() {
    return keys.length;
  }

  /** Every whole-word alias in {@code text}, leftmost-longest, not overlapping, in text order. */
  public List<Hit<T>> find(CharSequence text) {
    List<Hit<T>> hits = new ArrayList<>();
    int s = 0;
    int lastEnd = 0;
    // Best candidate starting at the smallest start seen so far; emitted once no longer match can extend it.
    int candStart = -1;
    int candEnd = -1;
    List<T> candTargets = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int t;
      while ((t = step(s, c)) < 0 && s != 0) {
        s = fail[s];
      }
      s = Math.max(t, 0);
      int end = i + 1;
      boolean wordEnd = end == text.length() || !isWordChar(text.charAt(end));
      for (int o = terminal.get(s) != null ? s : dictLink[s]; o >= 0; o = dictLink[o]) {
        int start = end - depth[o];
        if (!wordEnd || start < lastEnd || (start > 0 && isWordChar(text.charAt(start - 1)))) {
          continue;
        }
        if (candStart < 0 || start < candStart || (start == candStart && end > candEnd)) {
          candStart = start;
          candEnd = end;
          candTargets = terminal.get(o);
        }
      }
      // No alias is longer than the current state's depth, so a candidate that starts before every live
      // partial match is final.
      if (candStart >= 0 && candStart < end - depth[s]) {
        hits.add(new Hit<>(candStart, candEnd, candTargets));
        lastEnd = candEnd;
        candStart = -1;
      }
    }
    if (candStart >= 0) {
      hits.add(new Hit<>(candStart, candEnd, candTargets));
    }
    return hits;
  }

  private int step(int s, char c) {
    char[] k = keys[s];
    int i = k.length < 8 ? linear(k, c) : Arrays.binarySearch(k, c);
    return i >= 0 ? next[s][i] : -1;
  }

  private static int linear(char[] k, char c) {
    for (int i = 0; i < k.length; i++) {
      if (k[i] == c) {
        return i;
      }
    }
    return -1;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }
}
