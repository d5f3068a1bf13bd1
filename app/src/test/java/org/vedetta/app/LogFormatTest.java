package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.vedetta.model.Json;

/** The service's logback.xml: one line per event, as text by default or as JSON on request. */
class LogFormatTest {

  @Test
  void textKeepsAStackTraceOnItsEventsLine() throws Exception {
    String out = logOneFailure(null);

    assertThat(out.lines()).hasSize(2);
    assertThat(out.lines().findFirst().orElseThrow()).endsWith("Z WARN Probe - polled ansa: 3 items");
    assertThat(out.lines().skip(1).findFirst().orElseThrow() + "\n").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ERROR Probe - source 'ansa' failed"
        + " \\| java.lang.IllegalStateException: feed gone \\| at .*\\R");
  }

  @Test
  void jsonWritesOneObjectPerEvent() throws Exception {
    String out = logOneFailure("JSON");

    assertThat(out.lines()).hasSize(2);
    assertThat(Json.mapper().readTree(out.lines().findFirst().orElseThrow()).get("formattedMessage").asText())
        .isEqualTo("polled ansa: 3 items");
    JsonNode event = Json.mapper().readTree(out.lines().skip(1).findFirst().orElseThrow());
    assertThat(event.get("level").asText()).isEqualTo("ERROR");
    assertThat(event.get("loggerName").asText()).isEqualTo("org.vedetta.Probe");
    assertThat(event.get("formattedMessage").asText()).isEqualTo("source 'ansa' failed");
    assertThat(event.get("throwable").get("className").asText()).isEqualTo("java.lang.IllegalStateException");
  }

  /** Configures a fresh logging context from logback.xml, writing to a buffer, and logs a warning and an error. */
  private static String logOneFailure(String format) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.start();
    try {
      if (format != null) {
        context.putProperty("VEDETTA_LOG_FORMAT", format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getClassLoader().getResource("logback.xml"));
      Logger log = context.getLogger("org.vedetta.Probe");
      log.warn("polled {}: {} items", "ansa", 3);
      log.error("source '{}' failed", "ansa", new IllegalStateException("feed gone"));
    } finally {
      context.stop();
      System.setOut(console);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
