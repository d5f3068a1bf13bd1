package org.vedetta.matcher.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Words of every language, folded: exact words, stems written with a trailing {@code *}, and phrases of several
 * words. Finds where any of them occurs in a folded sentence, as whole words. A list belongs to a {@link Lexicon}
 * that reads a sentence once for all its lists.
 */
public final class WordList {

  private final Lexicon lexicon;
  private final int id;
  private final boolean empty;

  WordList(Lexicon lexicon, int id, boolean empty) {
    this.lexicon = lexicon;
    this.id = id;
    this.empty = empty;
  }

  /** A list read on its own (its own lexicon). */
  public static WordList of(Map<String, List<String>> byLanguage) {
    return new Lexicon().add(byLanguage);
  }

  public boolean isEmpty() {
    return empty;
  }

  /** {@code [start, end)} of every occurrence in the folded sentence, in order. */
  public List<int[]> find(String folded) {
    return empty ? new ArrayList<>() : lexicon.find(id, folded);
  }

  public boolean occursIn(String folded) {
    return !empty && lexicon.occursIn(id, folded);
  }
}
