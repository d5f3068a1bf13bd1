package org.vedetta.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far two engines found the same entities, document by document.
 *
 * @param docs          documents compared
 * @param equalDocs     documents where both found exactly the same set of entity ids
 * @param vedettaPairs  (document, entity) pairs Vedetta found
 * @param lucenePairs   (document, entity) pairs Lucene found
 * @param onlyVedetta   pairs only Vedetta found
 * @param onlyLucene    pairs only Lucene found
 * @param byEntity      entity id → {pairs only Vedetta found, pairs only Lucene found}, for entities with any
 * @param disagreements the first documents where the sets differ, in corpus order
 */
record Agreement(int docs, int equalDocs, long vedettaPairs, long lucenePairs, long onlyVedetta, long onlyLucene,
    Map<String, int[]> byEntity, List<Disagreement> disagreements) {

  /** One document where the engines differ. */
  record Disagreement(int doc, Set<String> onlyVedetta, Set<String> onlyLucene) {
    Disagreement {
      onlyVedetta = Set.copyOf(onlyVedetta);
      onlyLucene = Set.copyOf(onlyLucene);
    }
  }

  Agreement {
    byEntity = Map.copyOf(byEntity);
    disagreements = List.copyOf(disagreements);
  }

  static Agreement of(List<Set<String>> vedetta, List<Set<String>> lucene, int keep) {
    if (vedetta.size() != lucene.size()) {
      throw new IllegalArgumentException("results for " + vedetta.size() + " and " + lucene.size() + " documents");
    }
    int equal = 0;
    long vPairs = 0;
    long lPairs = 0;
    long onlyV = 0;
    long onlyL = 0;
    Map<String, int[]> byEntity = new TreeMap<>();
    List<Disagreement> kept = new ArrayList<>();
    for (int d = 0; d < vedetta.size(); d++) {
      Set<String> v = vedetta.get(d);
      Set<String> l = lucene.get(d);
      vPairs += v.size();
      lPairs += l.size();
      if (v.equals(l)) {
        equal++;
        continue;
      }
      Set<String> vOnly = new HashSet<>(v);
      vOnly.removeAll(l);
      Set<String> lOnly = new HashSet<>(l);
      lOnly.removeAll(v);
      onlyV += vOnly.size();
      onlyL += lOnly.size();
      vOnly.forEach(id -> byEntity.computeIfAbsent(id, k -> new int[2])[0]++);
      lOnly.forEach(id -> byEntity.computeIfAbsent(id, k -> new int[2])[1]++);
      if (kept.size() < keep) {
        kept.add(new Disagreement(d, vOnly, lOnly));
      }
    }
    return new Agreement(vedetta.size(), equal, vPairs, lPairs, onlyV, onlyL, byEntity, kept);
  }

  double equalShare() {
    return docs == 0 ? 1 : (double) equalDocs / docs;
  }
}
