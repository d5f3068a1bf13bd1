package org.vedetta.matcher.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.vedetta.settings.YamlSettings;

/**
 * {@code eval/real/labelled-ids.yml}: the ids of the knowledge set the corpora's mentions were labelled with (the real
 * corpus's and the invented passages'). An id added to the knowledge set since was never asked of the annotators, so
 * a mention of it is neither right nor wrong: it is not scored (what it helps the matcher read, claims and
 * developments, is).
 *
 * @param ids the ids the labels may name
 */
public record LabelledIds(List<String> ids) {

  public LabelledIds {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  /** The ids of the real corpus folder's file, or {@code null} (every id is scored) when it has none. */
  public static Set<String> read(Path realCorpusDir) {
    Path file = realCorpusDir.resolve("labelled-ids.yml");
    return Files.isRegularFile(file)
        ? Set.copyOf(YamlSettings.read(file, "eval/real/labelled-ids.yml", LabelledIds.class).ids()) : null;
  }
}
