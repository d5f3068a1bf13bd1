package org.vedetta.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a tracked name refers to. */
public enum EntityKind {
  @JsonProperty("state") STATE,
  @JsonProperty("person") PERSON,
  @JsonProperty("organisation") ORGANISATION,
  @JsonProperty("treaty") TREATY
}
