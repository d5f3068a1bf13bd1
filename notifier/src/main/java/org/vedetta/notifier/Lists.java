package org.vedetta.notifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Copies settings lists so that a blank YAML item stays a {@code null} that validation can name. */
final class Lists {

  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    if (list == null) {
      return List.of();
    }
    return list.stream().anyMatch(Objects::isNull)
        ? Collections.unmodifiableList(new ArrayList<>(list))
        : List.copyOf(list);
  }
}
