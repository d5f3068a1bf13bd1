package org.vedetta.app.config;

import org.vedetta.settings.Problems;
import org.vedetta.settings.Validated;

/**
 * The demo's local news site.
 *
 * @param site directory of the site, relative to the config directory
 * @param port port on 127.0.0.1; the demo's sources.yml points at it
 */
public record DemoSettings(String site, int port) implements Validated {

  @Override
  public void validate(Problems problems) {
    problems.require(site, "site");
    problems.check(port > 0 && port <= 65535, "port", "must be between 1 and 65535");
  }
}
