package org.vedetta.matcher;

import java.util.ArrayList;
import java.util.List;
import org.vedetta.matcher.internal.FoldedText;
import org.vedetta.matcher.internal.MentionFinder;
import org.vedetta.matcher.internal.Sentences;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.model.Mention;

/**
 * Finds the tracked entities and treaties named in a text: one automaton over every folded alias of the
 * knowledge set, whole words only, ambiguous aliases kept only where their context words appear in the same
 * sentence. Offsets refer to the original text. Immutable and thread-safe.
 */
public final class Mentions {

  private final MentionFinder finder;

  public Mentions(KnowledgeSet knowledge) {
    this.finder = new MentionFinder(knowledge);
  }

  /** How many distinct folded aliases the automaton holds. */
  public int aliases() {
    return finder.aliases();
  }

  /** Mentions in {@code text}, in text order. */
  public List<Mention> find(String text) {
    FoldedText folded = FoldedText.of(text);
    return toMentions(folded, finder.find(folded, () -> Sentences.split(text).stream()
        .map(s -> new int[] {folded.foldedIndexOf(s.start()), folded.foldedIndexOf(s.end())}).toList()), false);
  }

  static List<Mention> toMentions(FoldedText text, List<MentionFinder.Found> found, boolean inTitle) {
    List<Mention> mentions = new ArrayList<>(found.size());
    for (MentionFinder.Found f : found) {
      int start = text.originalStart(f.start());
      int end = text.originalEnd(f.end());
      mentions.add(new Mention(f.target().id(), f.target().kind(), text.original().substring(start, end), start,
          end, inTitle));
    }
    return mentions;
  }
}
