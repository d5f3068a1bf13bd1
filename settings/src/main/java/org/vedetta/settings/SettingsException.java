package org.vedetta.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Settings that cannot be used, with every problem found. */
public class SettingsException extends RuntimeException {

  private final List<Problem> problems;

  public SettingsException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public SettingsException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
