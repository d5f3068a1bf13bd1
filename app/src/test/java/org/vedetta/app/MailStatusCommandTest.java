package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.cli.Vedetta;
import picocli.CommandLine;

/** {@code vedetta mail-status} on a stopped service's database. */
class MailStatusCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new Vedetta()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void listsEverySubscriberWithItsNextDigest() throws Exception {
    TestConfigs.copyDemo(dir);

    assertThat(run("mail-status", "-c", dir.toString())).isZero();

    assertThat(out.toString()).startsWith("ADDRESS").contains("NEXT DIGEST")
        .containsPattern(TestConfigs.SUBSCRIBER + " +yes +0 +- +\\d{4}-\\d\\d-\\d\\d (05|06):00 UTC +ok");
  }

  @Test
  void releaseSaysWhenThereWasNothingToRelease() throws Exception {
    TestConfigs.copyDemo(dir);

    assertThat(run("mail-status", "-c", dir.toString(), "--release", TestConfigs.SUBSCRIBER)).isZero();

    assertThat(out.toString()).startsWith(TestConfigs.SUBSCRIBER + " had no failures to release");
  }
}
