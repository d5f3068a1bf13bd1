package org.vedetta.settings;

/** A settings record that checks its own values once it is read. */
public interface Validated {

  /** Adds a problem for every invalid value; field names are the YAML's snake_case keys. */
  void validate(Problems problems);
}
