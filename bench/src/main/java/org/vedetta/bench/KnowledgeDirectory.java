package org.vedetta.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a benchmark finds the knowledge set: the directory given, else {@code config/knowledge} of the checkout. */
final class KnowledgeDirectory {

  private KnowledgeDirectory() {}

  /**
   * {@code given} if it holds {@code entities.yml}; without one, {@code config/knowledge} seen from {@code bench/}
   * (or from {@code vedetta.bench.dir}) or from the root of the checkout.
   *
   * @throws IllegalArgumentException naming the directories looked at, when none holds the knowledge set
   */
  static Path find(Path given) {
    List<Path> candidates = new ArrayList<>();
    if (given != null) {
      candidates.add(given);
    } else {
      String benchDir = System.getProperty("vedetta.bench.dir");
      if (benchDir != null) {
        candidates.add(Path.of(benchDir).resolve("../config/knowledge"));
      }
      candidates.add(Path.of("../config/knowledge"));
      candidates.add(Path.of("config/knowledge"));
    }
    return candidates.stream().map(p -> p.toAbsolutePath().normalize())
        .filter(p -> Files.isRegularFile(p.resolve("entities.yml"))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--knowledge: no entities.yml in " + candidates
            .stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
  }
}
