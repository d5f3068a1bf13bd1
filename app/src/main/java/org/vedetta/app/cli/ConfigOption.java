package org.vedetta.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.settings.Problem;
import org.vedetta.settings.SettingsException;

/** Loads a config directory for a command, printing every problem (file:line: field: message) when it fails. */
final class ConfigOption {

  private ConfigOption() {}

  static Optional<VedettaConfig> load(Path dir, PrintWriter err) {
    try {
      return Optional.of(VedettaConfig.load(dir));
    } catch (SettingsException e) {
      err.println("vedetta: the configuration in " + dir + " has " + e.problems().size() + " problem"
          + (e.problems().size() == 1 ? "" : "s") + ":");
      for (Problem p : e.problems()) {
        err.println("  " + p);
      }
      err.flush();
      return Optional.empty();
    }
  }
}
