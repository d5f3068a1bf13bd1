package org.vedetta.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vedetta.matcher.Mentions;
import org.vedetta.model.Mention;

/** Vedetta's side: {@link Mentions#find(String)} per document, reduced to the distinct entity ids. */
final class VedettaEngine implements Engine {

  private final Mentions mentions;

  VedettaEngine(Mentions mentions) {
    this.mentions = mentions;
  }

  @Override
  public List<Set<String>> match(List<String> docs) {
    List<Set<String>> out = new ArrayList<>(docs.size());
    for (String doc : docs) {
      Set<String> ids = new HashSet<>();
      for (Mention m : mentions.find(doc)) {
        ids.add(m.entityId());
      }
      out.add(ids);
    }
    return out;
  }

  /** The mentions of one entity in a document, as {@code "surface" in …context…}, for reports. */
  List<String> explain(String doc, String entityId) {
    List<String> out = new ArrayList<>();
    for (Mention m : mentions.find(doc)) {
      if (m.entityId().equals(entityId)) {
        out.add("\"" + m.surface() + "\" in " + Snippets.around(doc, m.start(), m.end()));
      }
    }
    return out;
  }
}
