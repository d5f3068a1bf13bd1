package org.vedetta.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Collects what is wrong while validating, by field path, so every problem is reported at once.
 * A view made with {@link #at} prefixes the fields it is given.
 */
public final class Problems {

  /** A problem before its line is known. */
  public record Found(String field, String message) {}

  private final List<Found> found;
  private final String prefix;

  public Problems() {
    this(new ArrayList<>(), "");
  }

  private Problems(List<Found> found, String prefix) {
    this.found = found;
    this.prefix = prefix;
  }

  /** A view for a nested field: {@code at("mail")} then {@code add("host", ...)} reports {@code mail.host}. */
  public Problems at(String field) {
    return new Problems(found, join(field));
  }

  /** A view for the index-th item of a list field: {@code sources[2]}. */
  public Problems at(String listField, int index) {
    return new Problems(found, join(listField) + "[" + index + "]");
  }

  public void add(String field, String message) {
    found.add(new Found(join(field), message));
  }

  /** Adds the problem unless {@code ok}. */
  public void check(boolean ok, String field, String message) {
    if (!ok) {
      add(field, message);
    }
  }

  /** Adds "is required" when the value is null or blank. Returns whether it was present. */
  public boolean require(Object value, String field) {
    boolean present = value != null && !(value instanceof String s && s.isBlank());
    check(present, field, "is required");
    return present;
  }

  /** Validates every item of a list field, each under its own index. */
  public <T extends Validated> void each(String listField, List<T> items) {
    eachWith(listField, items, Validated::validate);
  }

  /** Runs {@code check} on every item of a list field, each under its own index. */
  public <T> void eachWith(String listField, List<T> items, BiConsumer<T, Problems> check) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (item == null) {
        at(listField, i).add("", "is empty");
      } else {
        check.accept(item, at(listField, i));
      }
    }
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Found> found() {
    return List.copyOf(found);
  }

  private String join(String field) {
    if (field == null || field.isEmpty()) {
      return prefix;
    }
    return prefix.isEmpty() ? field : prefix + "." + field;
  }
}
