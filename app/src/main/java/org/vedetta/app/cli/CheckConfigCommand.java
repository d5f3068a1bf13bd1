package org.vedetta.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vedetta.app.config.VedettaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vedetta check-config}: validates a config directory and reports every problem with file and line. */
@Command(name = "check-config", description = "Validate the configuration and report every problem.")
final class CheckConfigCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-c", "--config"}, defaultValue = "config", description = "Config directory (default: ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() {
    return ConfigOption.load(config, spec.commandLine().getErr()).map(this::report).orElse(2);
  }

  private int report(VedettaConfig c) {
    var out = spec.commandLine().getOut();
    out.printf("%s is valid: %d sources, %d watchlists, %d subscribers; knowledge: %d entities, %d treaties,"
            + " %d event types, %d facts%n", config, c.sources().size(), c.watchlists().size(), c.subscribers().size(),
        c.knowledge().entities().size(), c.knowledge().treaties().size(), c.knowledge().events().size(),
        c.knowledge().facts().size());
    out.flush();
    return 0;
  }
}
