package org.vedetta.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;
import org.vedetta.settings.YamlSettings;

/**
 * The file {@code sources.yml}: at least one source, ids unique.
 *
 * @param sources the sources, in file order
 */
public record SourcesSettings(List<SourceSettings> sources) implements Validated {

  public SourcesSettings {
    // Not List.copyOf: an empty list item must reach validate() to be reported with its line.
    sources = sources == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sources));
  }

  /**
   * Reads and validates a sources file; {@code displayName} is how errors name it.
   *
   * @throws org.vedetta.settings.SettingsException listing every problem with its line
   */
  public static SourcesSettings read(Path file, String displayName) {
    return YamlSettings.read(file, displayName, SourcesSettings.class);
  }

  @Override
  public void validate(Problems problems) {
    problems.check(!sources.isEmpty(), "sources", "must list at least one source");
    problems.each("sources", sources);
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      SourceSettings source = sources.get(i);
      if (source == null || source.id() == null) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(source.id(), i);
      if (first != null) {
        problems.at("sources", i)
            .add("id", "duplicate id '" + source.id() + "', already used by sources[" + first + "]");
      }
    }
  }
}
