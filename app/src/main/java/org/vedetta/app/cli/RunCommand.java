package org.vedetta.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.pipeline.Role;
import org.vedetta.app.pipeline.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vedetta run}: the service, until stopped (Ctrl-C or SIGTERM stops it cleanly). */
@Command(name = "run", description = "Run the service on a configuration directory.")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-c", "--config"}, defaultValue = "config", description = "Config directory (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--roles", defaultValue = "ingest,matcher,notifier",
      description = "Roles this process runs, comma-separated (default: ${DEFAULT-VALUE}).")
  String roles;

  @Override
  public Integer call() throws InterruptedException {
    var loaded = ConfigOption.load(config, spec.commandLine().getErr());
    if (loaded.isEmpty()) {
      return 2;
    }
    VedettaConfig c = loaded.get();
    Service service = Service.start(c, Role.parse(roles), Service.Options.defaults());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "vedetta-shutdown"));
    spec.commandLine().getOut().printf("Vedetta is running (Kafka %s). Ctrl-C stops it.%n", service.bootstrapServers());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
