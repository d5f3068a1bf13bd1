package org.vedetta.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vedetta} command line. */
@Command(name = "vedetta", mixinStandardHelpOptions = true, version = "Vedetta 0.1.0",
    description = "Watches news sources and mails what is new about Russia's allies and treaties.",
    subcommands = {RunCommand.class, DemoCommand.class, CheckConfigCommand.class, AnalyzeCommand.class, DeadLetterCommand.class, CorrectionsCommand.class,
        EvaluateCommand.class, ExtractCommand.class, ScoreExtractionCommand.class, MailStatusCommand.class})
public final class Vedetta {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its error handling, as {@link #main} runs it. */
  public static CommandLine commandLine() {
    return new CommandLine(new Vedetta())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("vedetta: " + e.getMessage());
          return 1;
        });
  }
}
