package org.vedetta.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Lucene's counterpart of Vedetta's folding: words split, lower-cased and stripped of accents. The default
 * tokenizer ({@link Tokenizing#WORDS}) cuts at every character that is not a letter or digit, which is where
 * Vedetta's automaton requires a word boundary; {@link Tokenizing#STANDARD} is Lucene's UAX#29 tokenizer, which
 * keeps {@code dell'Iran} or {@code l'Union} as one token and so misses mentions Vedetta finds.
 */
final class FoldingAnalyzer extends Analyzer {

  /** How the text is cut into tokens. */
  enum Tokenizing { WORDS, STANDARD }

  private final Tokenizing tokenizing;

  FoldingAnalyzer(Tokenizing tokenizing) {
    this.tokenizing = tokenizing;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = tokenizing == Tokenizing.WORDS
        ? CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit)
        : new StandardTokenizer();
    return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
