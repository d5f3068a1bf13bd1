package org.vedetta.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts environment variables into settings text, as container deployments expect: {@code ${NAME}} is the
 * variable's value, {@code ${NAME:-default}} its value or, when it is unset or empty, {@code default};
 * {@code $${} writes a literal {@code ${}. Lines stay where they were, so problems still name the right line.
 * A variable that is unset and has no default is a problem of its own, with its line.
 */
public final class EnvironmentValues {

  private static final Pattern REFERENCE =
      Pattern.compile("\\$(\\$?)\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}\\n]*))?}");

  private EnvironmentValues() {}

  /**
   * The text with every reference replaced.
   *
   * @param environment a variable's value, or null when it is unset ({@code System::getenv})
   * @throws SettingsException naming each unset variable that has no default
   */
  public static String substitute(String text, String displayName, UnaryOperator<String> environment) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    List<Problem> problems = new ArrayList<>();
    while (m.find()) {
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement = m.group().substring(1);
      } else {
        String value = environment.apply(m.group(2));
        if (value != null && !value.isEmpty()) {
          replacement = value;
        } else if (m.group(3) != null) {
          replacement = m.group(3);
        } else {
          replacement = "";
          problems.add(new Problem(displayName, lineOf(text, m.start()), "", "environment variable " + m.group(2)
              + " is not set; set it, or give a default: ${" + m.group(2) + ":-value}"));
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
