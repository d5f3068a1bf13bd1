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

  /**
   * Adds a list of words of every language: exact words, stems with a trailing {@code *} (which may hold an
   * apostrophe or a hyphen: "прем'єр*", "пресс-конференц*"), phrases.
   */
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
    return hits(folded).of(list);
  }

  boolean occursIn(int list, String folded) {
    return hits(folded).has(list);
  }

  /** The sentence's words, as the lexicon cut it (once per sentence for every reader of it). */
  Tokens tokens(String folded) {
    return hits(folded).tokens;
  }

  private Hits hits(String folded) {
    Hits hits = last.get();
    if (hits != null && hits.tokens.text() == folded && hits.count.length == lists) {
      return hits;
    }
    hits = read(folded);
    last.set(hits);
    return hits;
  }

  /** Every list's occurrences in the sentence: each word looked up once. */
  private Hits read(String folded) {
    Tokens sentence = Tokens.of(folded);
    Hits hits = new Hits(sentence, lists);
    int n = folded.length();
    for (int w = 0; w < sentence.size(); w++) {
      int i = sentence.start(w);
      int j = sentence.end(w);
      Entry entry = words.get(sentence.word(w));
      if (entry != null) {
        for (int list : entry.lists) {
          hits.add(list, w);
        }
      }
      Node node = stems;
      int word = w;
      for (int k = i; node != null && k < n; k++) {
        if (k == sentence.end(word)) {
          // A stem may run on over an apostrophe or a hyphen into the next word ("прем'єр*", "пресс-конференц*"):
          // then it is found as a phrase.
          char joint = folded.charAt(k);
          if (joint != '\'' && joint != '-' || word + 1 == sentence.size() || sentence.start(word + 1) != k + 1) {
            break;
          }
          word++;
        }
        node = node.next(folded.charAt(k));
        if (node != null) {
          for (int list : node.lists) {
            if (word == w) {
              hits.add(list, w);
            } else {
              hits.addPhrase(list, i, sentence.end(word));
            }
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
    return hits;
  }

  /**
   * The occurrences of one sentence, by list: the words each list holds (word indexes, in order, each once), and
   * the phrases found, as (list, start, end).
   */
  private static final class Hits {
    final Tokens tokens;
    /** Per list, how many words of the sentence it holds, and which (word indexes). */
    final int[] count;
    final int[][] words;
    /** Per list, how many phrases of it the sentence holds. */
    final int[] phraseCount;
    int[] phrases = NONE;
    int phraseEnd;

    Hits(Tokens tokens, int lists) {
      this.tokens = tokens;
      this.count = new int[lists];
      this.words = new int[lists][];
      this.phraseCount = new int[lists];
    }

    void add(int list, int word) {
      int c = count[list];
      int[] at = words[list];
      if (c > 0 && at[c - 1] == word) {
        return; // The word matched this list already (as a word and as a stem, or by two stems).
      }
      if (at == null) {
        at = new int[2];
        words[list] = at;
      } else if (c == at.length) {
        at = Arrays.copyOf(at, c * 2);
        words[list] = at;
      }
      at[c] = word;
      count[list] = c + 1;
    }

    /** A phrase: every occurrence, as each phrase of a list is looked for on its own. */
    void addPhrase(int list, int start, int end) {
      if (phraseEnd > 0 && phrases[phraseEnd - 3] == list && phrases[phraseEnd - 2] == start) {
        phrases[phraseEnd - 1] = Math.max(end, phrases[phraseEnd - 1]); // A longer stem of the same list.
        return;
      }
      if (phraseEnd + 3 > phrases.length) {
        phrases = Arrays.copyOf(phrases, Math.max(12, phrases.length * 2));
      }
      phrases[phraseEnd++] = list;
      phrases[phraseEnd++] = start;
      phrases[phraseEnd++] = end;
      phraseCount[list]++;
    }

    boolean has(int list) {
      return count[list] > 0 || phraseCount[list] > 0;
    }

    List<int[]> of(int list) {
      List<int[]> found = new ArrayList<>(count[list] + phraseCount[list]);
      for (int w = 0; w < count[list]; w++) {
        int word = words[list][w];
        found.add(new int[] {tokens.start(word), tokens.end(word)});
      }
      if (phraseCount[list] > 0) {
        for (int p = 0; p < phraseEnd; p += 3) {
          if (phrases[p] == list) {
            found.add(new int[] {phrases[p + 1], phrases[p + 2]});
          }
        }
        found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
      }
      return found;
    }
  }
}
