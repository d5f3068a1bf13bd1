package org.vedetta.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.vedetta.app.cli.Vedetta;
import picocli.CommandLine;

/** A {@code vedetta} command run in this JVM, as a user would type it: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Vedetta.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
