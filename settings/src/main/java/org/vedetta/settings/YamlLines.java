package org.vedetta.settings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Finds the line of a field path such as {@code subscribers[1].digest_cron} in a YAML document. */
final class YamlLines {

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private final Node root;

  YamlLines(String yaml) {
    Node composed;
    try {
      composed = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
    } catch (RuntimeException e) {
      composed = null;
    }
    this.root = composed;
  }

  /** The 1-based line of the deepest node of the path that exists, or 1 for an empty document. */
  int lineOf(String path) {
    Node node = root;
    if (node == null) {
      return 1;
    }
    int line = node.getStartMark().getLine() + 1;
    Matcher m = SEGMENT.matcher(path);
    while (m.find() && node != null) {
      Node next = null;
      if (m.group(1) != null && node instanceof MappingNode map) {
        for (NodeTuple tuple : map.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(m.group(1))) {
            line = key.getStartMark().getLine() + 1;
            next = tuple.getValueNode();
            break;
          }
        }
      } else if (m.group(2) != null && node instanceof SequenceNode seq) {
        int index = Integer.parseInt(m.group(2));
        if (index < seq.getValue().size()) {
          next = seq.getValue().get(index);
          line = next.getStartMark().getLine() + 1;
        }
      }
      node = next;
    }
    if (node instanceof ScalarNode) {
      line = node.getStartMark().getLine() + 1;
    }
    return line;
  }
}
