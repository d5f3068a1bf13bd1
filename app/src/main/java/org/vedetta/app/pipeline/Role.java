package org.vedetta.app.pipeline;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A stage this process runs. Any subset can run in one process; they meet only on topics. */
public enum Role {
  INGEST, MATCHER, NOTIFIER;

  public static final Set<Role> ALL = EnumSet.allOf(Role.class);

  /** "ingest,matcher" → {INGEST, MATCHER}. */
  public static Set<Role> parse(String list) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : list.split(",")) {
      try {
        roles.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown role '" + name.trim() + "': expected ingest, matcher, notifier");
      }
    }
    return roles;
  }
}
