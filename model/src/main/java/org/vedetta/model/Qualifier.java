package org.vedetta.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How exactly a quantity was stated. */
public enum Qualifier {
  /** "1,500 soldiers". */
  @JsonProperty("exact") EXACT,
  /** "circa 1.500", "about 1,500", and ranges "10,000–12,000". */
  @JsonProperty("about") ABOUT,
  /** "fino al 40%", "up to 2,000". */
  @JsonProperty("up_to") UP_TO,
  /** "more than 2,000", "oltre 2.000". */
  @JsonProperty("at_least") AT_LEAST,
  /** "migliaia", "thousands": an order of magnitude only. */
  @JsonProperty("vague") VAGUE
}
