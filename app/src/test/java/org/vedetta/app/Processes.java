package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Vedetta processes started from the packaged jar ({@code target/vedetta.jar}, built at {@code package}, before
 * failsafe runs), as {@code java -jar vedetta.jar run --config DIR --roles ROLES}. Each one's stdout and stderr
 * go to {@code <logDir>/<name>.log}.
 *
 * <p>{@link #close} stops them all (SIGTERM, then a kill after 20 s); as an extension it also does so after each
 * test, and prints the tail of every log when the test failed. A JVM shutdown hook kills whatever is left should
 * the test JVM be stopped first.
 */
final class Processes implements AfterEachCallback, AutoCloseable {

  private static final Pattern HTTP_PORT = Pattern.compile("HTTP on [^ ]+:(\\d+),");
  private static final int TAIL_LINES = 40;

  private final Path logDir;
  private final Map<String, Process> running = new LinkedHashMap<>();
  private final Thread killer = new Thread(this::kill, "kill-vedetta-processes");
  private boolean hooked;

  Processes(Path logDir) {
    this.logDir = logDir.toAbsolutePath();
  }

  /** Starts {@code vedetta run --config config --roles roles} as {@code name}. */
  synchronized void start(String name, Path config, String roles) {
    Path jar = moduleDir().resolve("target").resolve("vedetta.jar");
    assertThat(jar).as("the packaged jar (mvn package builds it)").isRegularFile();
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    try {
      Files.createDirectories(logDir);
      Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(),
          "run", "--config", config.toAbsolutePath().toString(), "--roles", roles)
          .redirectErrorStream(true)
          .redirectOutput(log(name).toFile())
          .start();
      running.put(name, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(killer);
      hooked = true;
    }
  }

  /** {@code vedetta_articles_matched_total} of a matcher process, from its {@code /metrics}. */
  double matched(String name) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + httpPort(name) + "/metrics");
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString())
        .body();
    Matcher m = Pattern.compile("(?m)^vedetta_articles_matched_total (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** The process id of {@code name}. */
  synchronized long pid(String name) {
    return running.get(name).pid();
  }

  /** Kills {@code name} at once, as {@code kill -9} would, and waits until it is gone. */
  void kill(String name) throws InterruptedException {
    Process process = running.get(name);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits until each named process says it is running; fails at once, with its log, when one exits. */
  void awaitRunning(Duration timeout, String... names) {
    for (String name : names) {
      await(name + " running").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
        Process process = running.get(name);
        assertThat(process.isAlive()).as("%s exited with %s:%n%s", name,
            process.isAlive() ? null : process.exitValue(), tail(name)).isTrue();
        return output(name).contains("Vedetta is running");
      });
    }
  }

  /** The port of the HTTP surface {@code name} logged at start. */
  int httpPort(String name) {
    Matcher m = HTTP_PORT.matcher(output(name));
    assertThat(m.find()).as("%s logged its HTTP port:%n%s", name, tail(name)).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** Everything {@code name} wrote so far. */
  String output(String name) {
    try {
      return Files.readString(log(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops every process: SIGTERM to all, then for each a kill when it has not exited within 20 s. */
  @Override
  public synchronized void close() {
    running.values().forEach(Process::destroy);
    for (Process process : running.values()) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    if (hooked) {
      Runtime.getRuntime().removeShutdownHook(killer);
      hooked = false;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
    if (context.getExecutionException().isPresent()) {
      for (String name : running.keySet()) {
        System.err.printf("---- last %d lines of %s (%s)%n%s%n", TAIL_LINES, name, log(name), tail(name));
      }
    }
    running.clear();
  }

  private void kill() {
    new ArrayList<>(running.values()).forEach(Process::destroyForcibly);
  }

  private String tail(String name) {
    List<String> lines = output(name).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
  }

  private Path log(String name) {
    return logDir.resolve(name + ".log");
  }

  /** The app module's directory: failsafe's {@code basedir}, else the working directory. */
  private static Path moduleDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }
}
