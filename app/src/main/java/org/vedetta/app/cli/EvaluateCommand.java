package org.vedetta.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vedetta.app.analyze.Baseline;
import org.vedetta.matcher.eval.Evaluation;
import org.vedetta.matcher.eval.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vedetta evaluate}: precision and recall of the matcher on the labelled set. */
@Command(name = "evaluate", description = "Score the matcher on the labelled evaluation set.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-k", "--knowledge"}, defaultValue = "config/knowledge",
      description = "Knowledge set directory (default: ${DEFAULT-VALUE}).")
  Path knowledge;

  @Option(names = "--set", description = "Labelled set directory (default: <knowledge>/eval).")
  Path set;

  @Option(names = "--misses", description = "List every missed or unexpected item.")
  boolean misses;

  @Override
  public Integer call() {
    Evaluation.Report report = new Evaluation(Baseline.matcher(knowledge))
        .run(set != null ? set : knowledge.resolve("eval"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%d labelled cases%n%n%-14s %9s %9s %9s   %s%n", report.cases(), "", "precision", "recall", "F1",
        "tp/fp/fn");
    line(out, "mentions", report.mentions());
    line(out, "claims", report.claims());
    line(out, "developments", report.developments());
    out.printf("%-14s %9.3f   (share of developments found with the expected verdict)%n%n", "verdicts",
        report.verdicts());
    out.printf("per language   mentions P/R      claims P/R        developments P/R%n");
    for (Map.Entry<String, List<Score>> e : report.byLanguage().entrySet()) {
      List<Score> s = e.getValue();
      out.printf("%-14s %.2f/%.2f         %.2f/%.2f         %.2f/%.2f%n", e.getKey(), s.get(0).precision(),
          s.get(0).recall(), s.get(1).precision(), s.get(1).recall(), s.get(2).precision(), s.get(2).recall());
    }
    if (misses) {
      out.println();
      report.misses().forEach(m -> out.println("  " + m));
    }
    out.flush();
    return 0;
  }

  private static void line(PrintWriter out, String name, Score s) {
    out.printf("%-14s %9s %9.3f %9.3f %9.3f   %d/%d/%d%n", name, "", s.precision(), s.recall(), s.f1(),
        s.truePositives(), s.falsePositives(), s.falseNegatives());
  }
}
