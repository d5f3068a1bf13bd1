package org.vedetta.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A benchmark's command line of {@code --name value} pairs, read against the names it knows. Every problem is
 * collected rather than thrown at once, so that {@link #check()} can name all of them together.
 */
final class Arguments {

  private final Map<String, String> given = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private Arguments() {}

  /**
   * {@code parse(args)}; when it throws {@link IllegalArgumentException}, prints its message and {@code usage} to
   * standard error and exits with status 2.
   */
  static <T> T parseOrExit(Function<String[], T> parse, String usage, String... args) {
    try {
      return parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(usage);
      System.exit(2);
      throw e;
    }
  }

  /** Pairs up {@code args}; an unknown name and a last name without a value are problems. */
  static Arguments parse(Set<String> names, String... args) {
    Arguments arguments = new Arguments();
    for (int i = 0; i < args.length; i += 2) {
      if (!names.contains(args[i])) {
        arguments.problem(args[i] + ": unknown option");
      } else if (i + 1 >= args.length) {
        arguments.problem(args[i] + ": missing value");
      } else {
        arguments.given.put(args[i], args[i + 1]);
      }
    }
    return arguments;
  }

  /** The value given for {@code name}, or null. */
  String value(String name) {
    return given.get(name);
  }

  /** The whole number given for {@code name}, from {@code min} to {@code max}; {@code fallback} if none or bad. */
  int number(String name, int fallback, int min, int max) {
    String value = given.get(name);
    if (value == null) {
      return fallback;
    }
    Integer n = number(name, value, min, max);
    return n == null ? fallback : n;
  }

  /** {@code value} (underscores allowed) as a whole number from {@code min} to {@code max}, or null, a problem. */
  Integer number(String name, String value, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      problem(name + ": '" + value + "' is not a whole number");
      return null;
    }
    if (n < min || n > max) {
      problem(name + ": " + n + " must be between " + min + " and " + max);
      return null;
    }
    return n;
  }

  void problem(String problem) {
    problems.add(problem);
  }

  /** @throws IllegalArgumentException naming every problem, one a line, if there is any */
  void check() {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
  }
}
