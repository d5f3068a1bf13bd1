package org.vedetta.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a claim compares with what is already known. */
public enum Verdict {
  /** No known fact has the claim's key. */
  @JsonProperty("new") NEW,
  /** The quantity lies outside every known figure by more than the tolerance, or a treaty moved to a later stage. */
  @JsonProperty("changed") CHANGED,
  /** An official confirmation of what was only reported. */
  @JsonProperty("confirmed") CONFIRMED,
  /** Matches a known fact: no alert. */
  @JsonProperty("known") KNOWN;

  /** Whether this verdict is news worth telling someone. */
  public boolean isDevelopment() {
    return this != KNOWN;
  }
}
