package org.vedetta.app.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vedetta.matcher.knowledge.Fact;
import org.vedetta.settings.YamlSettings;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits of the knowledge set's YAML as text, so that everything around an edit — the analysts' comments, the
 * layout — stays as written: an alias goes into its entity's list of names (and, when it is ambiguous, into the
 * entity's context rules), a baseline fact is appended or its entry replaced. Positions come from the YAML parser,
 * never from searching the text. Each method returns the file's new text; it does not check the result against
 * the rest of the knowledge set (the loader does that).
 */
public final class KnowledgeText {

  /** A word that can stand unquoted in a flow list: letters, digits, and inner spaces, dots, hyphens, apostrophes. */
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}\\p{M} .'’\\-]*[\\p{L}\\p{N}\\p{M}.*])?");

  private KnowledgeText() {}

  /**
   * {@code entities.yml} with {@code alias} among {@code entityId}'s names in {@code language}; when
   * {@code ambiguous}, also among the entity's ambiguous names, with {@code contextWords} among the words that
   * confirm its sense (those not there yet).
   *
   * @throws IllegalArgumentException when the entity is not in the file, the alias is listed already, or the
   *                                  file's layout cannot take the edit (it says which part to edit by hand)
   */
  public static String addAlias(String entitiesYaml, String entityId, String language, String alias,
      boolean ambiguous, List<String> contextWords) {
    Edits edits = new Edits(entitiesYaml);
    MappingNode entity = item(edits.root(), "entities", entityId)
        .orElseThrow(() -> new IllegalArgumentException("no entity '" + entityId + "' in entities.yml"));
    MappingNode names = child(entity, "names").filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
        .orElseThrow(() -> new IllegalArgumentException("entity '" + entityId + "' has no names: edit it by hand"));
    Optional<Node> list = child(names, language);
    if (list.isPresent()) {
      List<String> present = scalars(list.get());
      if (present.stream().anyMatch(a -> a.equalsIgnoreCase(alias))) {
        throw new IllegalArgumentException("'" + alias + "' is listed already under names." + language);
      }
      edits.appendToFlowList(list.get(), List.of(alias), "names." + language);
    } else {
      NodeTuple last = names.getValue().get(names.getValue().size() - 1);
      edits.insertLine(contentEnd(last.getValueNode()), last.getKeyNode().getStartMark().getColumn(),
          language + ": [" + flowItem(alias) + "]");
    }
    if (ambiguous) {
      Optional<Node> context = child(entity, "context");
      if (context.isEmpty()) {
        NodeTuple last = entity.getValue().get(entity.getValue().size() - 1);
        int column = last.getKeyNode().getStartMark().getColumn();
        String indent = " ".repeat(column + 2);
        edits.insertLine(contentEnd(last.getValueNode()), column, "context:\n" + indent + "ambiguous: ["
            + flowItem(alias) + "]\n" + indent + "requires: [" + String.join(", ",
                distinct(contextWords, List.of()).stream().map(KnowledgeText::flowItem).toList()) + "]");
      } else {
        MappingNode rules = (MappingNode) context.get();
        Node ambiguousList = child(rules, "ambiguous")
            .orElseThrow(() -> new IllegalArgumentException("context of '" + entityId + "' has no ambiguous list:"
                + " edit it by hand"));
        edits.appendToFlowList(ambiguousList, List.of(alias), "context.ambiguous");
        Node requires = child(rules, "requires")
            .orElseThrow(() -> new IllegalArgumentException("context of '" + entityId + "' has no requires list:"
                + " edit it by hand"));
        List<String> missing = distinct(contextWords, scalars(requires));
        if (!missing.isEmpty()) {
          edits.appendToFlowList(requires, missing, "context.requires");
        }
      }
    } else if (contextWords.stream().anyMatch(w -> !w.isBlank())) {
      throw new IllegalArgumentException("context words are for an ambiguous alias: tick 'ambiguous' or leave them"
          + " out");
    }
    return edits.apply();
  }

  /**
   * {@code facts.yml} with {@code fact}: in place of the entry with id {@code replacedId}, or appended when that is
   * {@code null}. Comments inside a replaced entry go with it; every other line stays.
   *
   * @throws IllegalArgumentException when {@code replacedId} is not in the file
   */
  public static String putFact(String factsYaml, Fact fact, String replacedId) {
    Edits edits = new Edits(factsYaml);
    Node facts = child((MappingNode) edits.root(), "facts")
        .orElseThrow(() -> new IllegalArgumentException("facts.yml has no facts list: edit it by hand"));
    if (!(facts instanceof SequenceNode list) || list.getFlowStyle() != FlowStyle.BLOCK || list.getValue().isEmpty()) {
      throw new IllegalArgumentException("facts.yml's facts are not a list of entries: edit it by hand");
    }
    int column = list.getValue().get(0).getStartMark().getColumn();
    String entry = indented(YamlSettings.write(fact).strip(), column);
    if (replacedId == null) {
      Node last = list.getValue().get(list.getValue().size() - 1);
      edits.insertLine(contentEnd(last), 0, "\n" + " ".repeat(column - 2) + "- " + entry);
    } else {
      MappingNode old = item(edits.root(), "facts", replacedId)
          .orElseThrow(() -> new IllegalArgumentException("no fact '" + replacedId + "' in facts.yml"));
      edits.replace(old.getStartMark().getIndex(), contentEnd(old), entry);
    }
    return edits.apply();
  }

  /** {@code text} with every line but the first indented by {@code column} spaces. */
  private static String indented(String text, int column) {
    return text.replace("\n", "\n" + " ".repeat(column));
  }

  /** A value as an item of a flow list: plain when that is safe, else double-quoted. */
  static String flowItem(String value) {
    String v = value.strip();
    if (PLAIN.matcher(v).matches() && !v.contains(": ") && !v.contains(" #")) {
      return v;
    }
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static List<String> distinct(List<String> words, List<String> present) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      String word = w.strip();
      boolean known = word.isEmpty() || present.stream().anyMatch(p -> p.equalsIgnoreCase(word))
          || out.stream().anyMatch(o -> o.equalsIgnoreCase(word));
      if (!known) {
        out.add(word);
      }
    }
    return out;
  }

  /** The entry of list {@code listKey} whose {@code id} is {@code id}. */
  private static Optional<MappingNode> item(Node root, String listKey, String id) {
    return child((MappingNode) root, listKey).filter(SequenceNode.class::isInstance)
        .flatMap(list -> ((SequenceNode) list).getValue().stream()
            .filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
            .filter(m -> child(m, "id").filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).getValue().equals(id)).orElse(false))
            .findFirst());
  }

  private static Optional<Node> child(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(t.getValueNode());
      }
    }
    return Optional.empty();
  }

  private static List<String> scalars(Node list) {
    if (!(list instanceof SequenceNode seq)) {
      return List.of();
    }
    return seq.getValue().stream().filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue())
        .toList();
  }

  /**
   * Where a node's own text ends, as a code point index: a block collection's end mark lies at the next token,
   * past blank lines and comments, so its last item's end is taken instead.
   */
  private static int contentEnd(Node node) {
    if (node instanceof MappingNode map && map.getFlowStyle() == FlowStyle.BLOCK && !map.getValue().isEmpty()) {
      return contentEnd(map.getValue().get(map.getValue().size() - 1).getValueNode());
    }
    if (node instanceof SequenceNode seq && seq.getFlowStyle() == FlowStyle.BLOCK && !seq.getValue().isEmpty()) {
      return contentEnd(seq.getValue().get(seq.getValue().size() - 1));
    }
    return node.getEndMark().getIndex();
  }

  /** Insertions and a replacement at code point positions of one text, applied from the last to the first. */
  private static final class Edits {
    private record Edit(int from, int to, String text) {}

    private final String text;
    private final Node root;
    private final List<Edit> edits = new ArrayList<>();

    Edits(String text) {
      this.text = text;
      this.root = new Yaml().compose(new StringReader(text));
      if (!(root instanceof MappingNode)) {
        throw new IllegalArgumentException("the file is not a YAML mapping: edit it by hand");
      }
    }

    Node root() {
      return root;
    }

    /** Adds items before a flow list's closing bracket. */
    void appendToFlowList(Node list, List<String> items, String where) {
      if (!(list instanceof SequenceNode seq) || seq.getFlowStyle() != FlowStyle.FLOW) {
        throw new IllegalArgumentException(where + " is not a [ ] list: edit it by hand");
      }
      int close = seq.getEndMark().getIndex() - 1;
      if (codePointAt(close) != ']') {
        throw new IllegalArgumentException(where + " does not end with ']': edit it by hand");
      }
      String joined = String.join(", ", items.stream().map(KnowledgeText::flowItem).toList());
      edits.add(new Edit(close, close, (seq.getValue().isEmpty() ? "" : ", ") + joined));
    }

    /** Inserts {@code line} on a line of its own after position {@code at}, indented by {@code column}. */
    void insertLine(int at, int column, String line) {
      edits.add(new Edit(at, at, "\n" + " ".repeat(Math.max(0, column)) + line));
    }

    void replace(int from, int to, String replacement) {
      edits.add(new Edit(from, to, replacement));
    }

    String apply() {
      StringBuilder out = new StringBuilder(text);
      edits.stream().sorted((a, b) -> Integer.compare(b.from(), a.from())).forEach(e ->
          out.replace(charIndex(e.from()), charIndex(e.to()), e.text()));
      return out.toString();
    }

    private int codePointAt(int codePointIndex) {
      return text.codePointAt(charIndex(codePointIndex));
    }

    private int charIndex(int codePointIndex) {
      return text.offsetByCodePoints(0, codePointIndex);
    }
  }
}
