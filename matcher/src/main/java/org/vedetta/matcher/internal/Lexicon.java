package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word lists read together. A claim reader looks a sentence up in dozens of lists (each event type's triggers,
 * units, roles, the markers...); entered in one lexicon, the sentence is cut into words and each word looked up
 * once for all of them — one hash lookup, one walk of the stem trie, the phrases starting with it — and each list
 * then takes its own hits. The last sentence read is kept per thread, so the cost of a sentence grows with its
 * words, not with the number of lists or of the words in them.
 *
 * <p>Lists are added while the reader is built; it is read by any number of threads after.
 */
public final class Lexicon {

  private static final int[] NONE = {};

  /** A node of the stem trie: the lists whose stems end here. Children are kept by letter in a sorted array. */
  private static final class Node {
    char[] letters = new char[0];
    Node[] children = new Node[0];
    int[] lists = NONE;

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

  /** A phrase of several words and the list it belongs to. */
  private record PhraseOf(String phrase, int list) {}

  /**
   * What a word of a sentence may start: the lists holding it as an exact word, and the phrases whose first word
   * it is (the folded text up to the first character that is not a word character).
   */
  private static final class Entry {
    int[] lists = NONE;
    List<PhraseOf> phrases = List.of();
  }

  /** Exact words and the first words of phrases, each looked up once per word of a sentence. */
  private final Map<String, Entry> words = new HashMap<>();
  private final Node stems = new Node();
  private int lists;
  private final ThreadLocal<Hits> last = new ThreadLocal<>();

  /** Adds a list of words of every language: exact words, stems with a trailing {@code *}, phrases. */
  public WordList add(Map<String, List<String>> byLanguage) {
    int list = lists++;
    boolean any = false;
    for (List<String> words : byLanguage.values()) {
      for (String raw : words) {
        any |= add(raw, list);
      }
    }
    return new WordList(this, list, !any);
  }

  private boolean add(String raw, int list) {
    String w = FoldedText.fold(raw.trim());
    if (w.isEmpty()) {
      return false;
    }
    if (w.endsWith("*")) {
      Node node = stems;
      for (char c : w.substring(0, w.length() - 1).toCharArray()) {
        node = node.nextOrAdd(c);
      }
      node.lists = with(node.lists, list);
    } else if (w.chars().anyMatch(c -> !AliasAutomaton.isWordChar((char) c))) {
      int first = 0;
      while (first < w.length() && AliasAutomaton.isWordChar(w.charAt(first))) {
        first++;
      }
      Entry entry = words.computeIfAbsent(w.substring(0, first), k -> new Entry());
      if (entry.phrases.isEmpty()) {
        entry.phrases = new ArrayList<>();
      }
      entry.phrases.add(new PhraseOf(w, list));
    } else {
      Entry entry = words.computeIfAbsent(w, k -> new Entry());
      entry.lists = with(entry.lists, list);
    }
    return true;
  }

  private static int[] with(int[] lists, int list) {
    for (int l : lists) {
      if (l == list) {
        return lists;
      }
    }
    int[] more = Arrays.copyOf(lists, lists.length + 1);
    more[lists.length] = list;
    return more;
  }

  /** {@code [start, end)} of every occurrence of list {@code list}'s words in the folded sentence, in order. */
  List<int[]> find(int list, String folded) {
    List<int[]> hits = hits(folded).of(list);
    return hits == null ? new ArrayList<>() : new ArrayList<>(hits);
  }

  boolean occursIn(int list, String folded) {
    return hits(folded).of(list) != null;
  }

  private Hits hits(String folded) {
    Hits hits = last.get();
    if (hits != null && hits.text == folded && hits.byList.length == lists) {
      return hits;
    }
    hits = read(folded);
    last.set(hits);
    return hits;
  }

  /** Every list's occurrences in the sentence: each word looked up once. */
  private Hits read(String folded) {
    Hits hits = new Hits(folded, lists);
    Tokens sentence = Tokens.of(folded);
    int n = folded.length();
    for (int w = 0; w < sentence.size(); w++) {
      int i = sentence.start(w);
      int j = sentence.end(w);
      Entry entry = words.get(sentence.word(w));
      if (entry != null) {
        for (int list : entry.lists) {
          hits.add(list, w, i, j);
        }
      }
      Node node = stems;
      for (int k = i; k < j && node != null; k++) {
        node = node.next(folded.charAt(k));
        if (node != null) {
          for (int list : node.lists) {
            hits.add(list, w, i, j);
          }
        }
      }
      for (PhraseOf p : entry == null ? List.<PhraseOf>of() : entry.phrases) {
        int end = i + p.phrase().length();
        if (folded.startsWith(p.phrase(), i) && (end == n || !AliasAutomaton.isWordChar(folded.charAt(end)))) {
          hits.addPhrase(p.list(), i, end);
        }
      }
    }
    hits.sortPhrases();
    return hits;
  }

  /** The occurrences of one sentence, by list ({@code null} for a list with none). */
  private static final class Hits {
    final String text;
    final List<int[]>[] byList;
    /** The last word each list took a hit at (plus one), so a word matching a list twice counts once. */
    final int[] lastWord;
    boolean phrasesAdded;

    @SuppressWarnings("unchecked")
    Hits(String text, int lists) {
      this.text = text;
      this.byList = new List[lists];
      this.lastWord = new int[lists];
    }

    List<int[]> of(int list) {
      return byList[list];
    }

    void add(int list, int word, int start, int end) {
      if (lastWord[list] == word + 1) {
        return;
      }
      lastWord[list] = word + 1;
      listOf(list).add(new int[] {start, end});
    }

    /** A phrase: every occurrence, as each phrase of a list is looked for on its own. */
    void addPhrase(int list, int start, int end) {
      listOf(list).add(new int[] {start, end});
      phrasesAdded = true;
    }

    private List<int[]> listOf(int list) {
      List<int[]> hits = byList[list];
      if (hits == null) {
        hits = new ArrayList<>(2);
        byList[list] = hits;
      }
      return hits;
    }

    void sortPhrases() {
      if (!phrasesAdded) {
        return;
      }
      for (List<int[]> hits : byList) {
        if (hits != null && hits.size() > 1) {
          hits.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        }
      }
    }
  }
}
