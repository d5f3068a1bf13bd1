package org.vedetta.app.knowledge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vedetta.app.config.VersionedFile;
import org.vedetta.app.config.VersionedFile.StaleVersionException;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.matcher.knowledge.KnowledgeSet;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;

/**
 * The knowledge set as analysts edit it from the console: an alias of an entity ({@code entities.yml}) or a
 * baseline fact ({@code facts.yml}). An edit becomes a {@link Draft}: the file's new text, checked by the very
 * loader that reads the knowledge set at start, with every problem found (file, line, field). A draft without
 * problems can be previewed ({@link KnowledgePreview}) and saved: atomically, the previous text kept in
 * {@code <file>.bak}, refused when the file changed since the draft was made.
 */
public final class KnowledgeEditor {

  /** A problem of an edit, for the person making it. */
  public record Issue(String field, String message) {}

  /**
   * An alias to add.
   *
   * @param entity       the entity's id
   * @param language     ISO 639-1 code of the alias
   * @param alias        the name as written
   * @param ambiguous    whether it counts only next to one of the entity's context words
   * @param contextWords words to add to those (for an ambiguous alias)
   */
  public record AliasEdit(String entity, String language, String alias, boolean ambiguous,
      List<String> contextWords) {}

  /**
   * An edit as checked.
   *
   * @param file      {@code entities.yml} or {@code facts.yml}
   * @param text      the file's text with the edit
   * @param basedOn   the version of the file the edit was made on
   * @param knowledge the knowledge set with the edit, or {@code null} when it has problems
   * @param issues    its problems; empty when it can be saved
   */
  public record Draft(String file, String text, String basedOn, KnowledgeSet knowledge, List<Issue> issues) {
    public boolean valid() {
      return issues.isEmpty();
    }
  }

  static final String ENTITIES = "entities.yml";
  static final String FACTS = "facts.yml";

  private final Path dir;
  private final String displayDir;

  /** @param displayDir how problems name the directory, e.g. {@code config/knowledge} */
  public KnowledgeEditor(Path dir, String displayDir) {
    this.dir = dir;
    this.displayDir = displayDir;
  }

  /** The knowledge set as the files hold it now. */
  public KnowledgeSet current() {
    return KnowledgeSet.load(dir, displayDir);
  }

  /** The draft of adding an alias. */
  public Draft draft(AliasEdit edit) {
    List<Issue> issues = new ArrayList<>();
    require(issues, "entity", edit.entity());
    require(issues, "language", edit.language());
    require(issues, "alias", edit.alias());
    if (edit.language() != null && !edit.language().isBlank() && !edit.language().matches("[a-z]{2}")) {
      issues.add(new Issue("language", "must be an ISO 639-1 code such as en, it, ru"));
    }
    if (edit.ambiguous() && edit.contextWords().stream().allMatch(String::isBlank)) {
      issues.add(new Issue("context_words", "an ambiguous alias needs at least one context word"));
    }
    VersionedFile.Version file = file(ENTITIES).read();
    if (!issues.isEmpty()) {
      return new Draft(ENTITIES, file.text(), file.version(), null, issues);
    }
    try {
      return checked(ENTITIES, KnowledgeText.addAlias(file.text(), edit.entity(), edit.language(),
          edit.alias().strip(), edit.ambiguous(), edit.contextWords()), file.version());
    } catch (IllegalArgumentException e) {
      return new Draft(ENTITIES, file.text(), file.version(), null, List.of(new Issue("alias", e.getMessage())));
    }
  }

  /** The draft of adding a baseline fact ({@code replacedId} null) or changing the one with that id. */
  public Draft draft(Fact fact, String replacedId) {
    VersionedFile.Version file = file(FACTS).read();
    if (fact.id() == null || fact.id().isBlank()) {
      return new Draft(FACTS, file.text(), file.version(), null, List.of(new Issue("id", "is required")));
    }
    try {
      return checked(FACTS, KnowledgeText.putFact(file.text(), fact, replacedId), file.version());
    } catch (IllegalArgumentException e) {
      return new Draft(FACTS, file.text(), file.version(), null, List.of(new Issue("id", e.getMessage())));
    }
  }

  /**
   * Saves a draft without problems.
   *
   * @return its problems, or why it could not be written; empty when it was saved
   */
  public List<Issue> save(Draft draft) {
    if (!draft.valid()) {
      return draft.issues();
    }
    try {
      file(draft.file()).write(draft.text(), draft.basedOn());
      return List.of();
    } catch (StaleVersionException e) {
      return List.of(new Issue("", e.getMessage()));
    } catch (IOException e) {
      return List.of(new Issue("", "cannot write " + displayDir + "/" + draft.file() + ": " + e.getMessage()));
    }
  }

  /** The draft checked by the knowledge set's loader, with the other files as they are. */
  private Draft checked(String file, String text, String basedOn) {
    try {
      return new Draft(file, text, basedOn, KnowledgeSet.load(dir, displayDir, Map.of(file, text)), List.of());
    } catch (SettingsException e) {
      return new Draft(file, text, basedOn, null, e.problems().stream()
          .map(p -> new Issue(p.field(), where(p) + p.message())).toList());
    }
  }

  private static String where(Problem p) {
    return p.file().substring(p.file().lastIndexOf('/') + 1) + (p.line() > 0 ? ":" + p.line() : "") + ": ";
  }

  private VersionedFile file(String name) {
    return new VersionedFile(dir.resolve(name), displayDir + "/" + name);
  }

  private static void require(List<Issue> issues, String field, String value) {
    if (value == null || value.isBlank()) {
      issues.add(new Issue(field, "is required"));
    }
  }
}
