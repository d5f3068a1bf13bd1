package org.vedetta.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.vedetta.matcher.knowledge.Entity;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.matcher.knowledge.Treaty;

/**
 * Lucene's side: a {@link Monitor} (default term-filtered presearcher, in memory) holding one
 * {@link MonitorQuery} per distinct analyzed alias of each entity and treaty, each a {@link PhraseQuery} (a
 * {@link TermQuery} for one word). An alias Vedetta marks ambiguous must also find one of its entity's context
 * words; Lucene checks that in the whole document, Vedetta in the same sentence. Documents are analyzed inside
 * {@link #match}, as Vedetta folds inside its {@code find}.
 */
final class MonitorEngine implements Closeable {

  static final String FIELD = "text";

  private final Analyzer analyzer;
  private final Monitor monitor;
  /** Query id → the entity or treaty id it stands for. */
  private final Map<String, String> targetOf = new HashMap<>();
  /** Query id → the analyzed alias, for reports. */
  private final Map<String, String> aliasOf = new HashMap<>();

  MonitorEngine(KnowledgeSet knowledge, Analyzer analyzer) throws IOException {
    this.analyzer = analyzer;
    List<MonitorQuery> queries = new ArrayList<>();
    for (Entity e : knowledge.entities()) {
      Entity.Context context = e.context();
      Set<List<String>> ambiguous = new HashSet<>();
      Query contextQuery = null;
      if (context != null) {
        context.ambiguous().forEach(a -> ambiguous.add(tokens(a)));
        contextQuery = anyOf(context.requires());
      }
      for (List<String> alias : distinctTokens(e.aliases())) {
        Query query = phrase(alias);
        if (ambiguous.contains(alias)) {
          if (contextQuery == null) {
            continue; // Vedetta never accepts an ambiguous alias without context words.
          }
          query = new BooleanQuery.Builder().add(query, Occur.MUST).add(contextQuery, Occur.MUST).build();
        }
        queries.add(query(e.id(), alias, query));
      }
    }
    for (Treaty t : knowledge.treaties()) {
      for (List<String> alias : distinctTokens(t.aliases())) {
        queries.add(query(t.id(), alias, phrase(alias)));
      }
    }
    this.monitor = new Monitor(analyzer);
    monitor.register(queries);
  }

  int queries() {
    return targetOf.size();
  }

  /** One document per {@link Monitor#match(Document, org.apache.lucene.monitor.MatcherFactory)} call. */
  Engine single() {
    return docs -> {
      List<Set<String>> out = new ArrayList<>(docs.size());
      try {
        for (String doc : docs) {
          MatchingQueries<QueryMatch> matches = monitor.match(document(doc), QueryMatch.SIMPLE_MATCHER);
          checkErrors(matches.getErrors());
          out.add(targets(matches.getMatches()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    };
  }

  /** {@code size} documents per {@link Monitor#match(Document[], org.apache.lucene.monitor.MatcherFactory)}. */
  Engine batched(int size) {
    return docs -> {
      List<Set<String>> out = new ArrayList<>(docs.size());
      try {
        for (int from = 0; from < docs.size(); from += size) {
          List<String> batch = docs.subList(from, Math.min(docs.size(), from + size));
          Document[] documents = new Document[batch.size()];
          for (int i = 0; i < documents.length; i++) {
            documents[i] = document(batch.get(i));
          }
          MultiMatchingQueries<QueryMatch> matches = monitor.match(documents, QueryMatch.SIMPLE_MATCHER);
          checkErrors(matches.getErrors());
          for (int i = 0; i < documents.length; i++) {
            out.add(targets(matches.getMatches(i)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    };
  }

  /** Queries the presearcher passed on for verification, summed over {@code docs} (one call per document). */
  long candidates(List<String> docs) throws IOException {
    long run = 0;
    for (String doc : docs) {
      run += monitor.match(document(doc), QueryMatch.SIMPLE_MATCHER).getQueriesRun();
    }
    return run;
  }

  /** The matches of one entity in a document, as {@code "alias" in …context…}, for reports. */
  List<String> explain(String doc, String entityId) throws IOException {
    List<String> out = new ArrayList<>();
    for (HighlightsMatch m : monitor.match(document(doc), HighlightsMatch.MATCHER).getMatches()) {
      if (!targetOf.get(m.getQueryId()).equals(entityId)) {
        continue;
      }
      // An ambiguous alias's query also highlights the context word it found, possibly sentences away.
      List<String> alias = tokens(aliasOf.get(m.getQueryId()));
      List<HighlightsMatch.Hit> hits = m.getHits(FIELD).stream().sorted().toList();
      String where = hits.stream().filter(h -> isAlias(doc, h, alias)).findFirst()
          .map(h -> Snippets.around(doc, h.startOffset, h.endOffset)).orElse("(no offsets)");
      String context = hits.stream().filter(h -> !isAlias(doc, h, alias)).findFirst()
          .map(h -> ", context word " + Snippets.around(doc, h.startOffset, h.endOffset)).orElse("");
      out.add("\"" + aliasOf.get(m.getQueryId()) + "\" in " + where + context);
    }
    return out;
  }

  private boolean isAlias(String doc, HighlightsMatch.Hit hit, List<String> alias) {
    return tokens(doc.substring(hit.startOffset, hit.endOffset)).equals(alias);
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }

  private MonitorQuery query(String target, List<String> alias, Query query) {
    String id = "q" + targetOf.size();
    targetOf.put(id, target);
    aliasOf.put(id, String.join(" ", alias));
    return new MonitorQuery(id, query);
  }

  private Set<String> targets(Iterable<QueryMatch> matches) {
    Set<String> ids = new HashSet<>();
    for (QueryMatch m : matches) {
      ids.add(targetOf.get(m.getQueryId()));
    }
    return ids;
  }

  private static void checkErrors(Map<String, Exception> errors) {
    if (!errors.isEmpty()) {
      Map.Entry<String, Exception> first = errors.entrySet().iterator().next();
      throw new IllegalStateException(errors.size() + " monitor queries failed, first " + first.getKey(),
          first.getValue());
    }
  }

  private static Document document(String text) {
    Document d = new Document();
    d.add(new TextField(FIELD, text, Field.Store.NO));
    return d;
  }

  private Set<List<String>> distinctTokens(Stream<String> aliases) {
    Set<List<String>> out = new LinkedHashSet<>();
    aliases.map(this::tokens).filter(t -> !t.isEmpty()).forEach(out::add);
    return out;
  }

  /** Any of the context words: a word, a phrase, or a stem written with a trailing {@code *}. */
  private Query anyOf(List<String> words) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (String word : words) {
      boolean stem = word.endsWith("*");
      List<String> t = tokens(stem ? word.substring(0, word.length() - 1) : word);
      if (t.isEmpty()) {
        continue;
      }
      any.add(stem && t.size() == 1 ? new PrefixQuery(new Term(FIELD, t.get(0))) : phrase(t), Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : any.build();
  }

  private static Query phrase(List<String> tokens) {
    return tokens.size() == 1 ? new TermQuery(new Term(FIELD, tokens.get(0)))
        : new PhraseQuery(FIELD, tokens.toArray(String[]::new));
  }

  List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
