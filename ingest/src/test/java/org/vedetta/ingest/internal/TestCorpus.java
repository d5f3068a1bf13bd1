package org.vedetta.ingest.internal;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The labelled pages and feeds of the test resources ({@code corpus/}). */
public final class TestCorpus {

  private TestCorpus() {}

  /** The labelled pages ({@code corpus/pages}), as a directory. */
  public static Path pages() {
    return resource("/corpus/pages");
  }

  /** The real pages of the readability benchmark's frozen test part ({@code corpus/readability}). */
  public static Path readability() {
    return resource("/corpus/readability");
  }

  private static Path resource(String name) {
    URL url = TestCorpus.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("no " + name + " on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
