package org.mcalign.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mcalign.llm.Export;
import org.mcalign.llm.LlmException;
import org.mcalign.llm.ResponseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcalign export}: writes a run's stored answers as JSONL (and CSV). */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write the stored answers of a run: JSONL in the Batch API output format (custom_id + response body), optionally the paper's CSV.",
        "Reads one snapshot of the store (a running collect may go on); both files hold the same answers."})
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, description = "SQLite response store.")
  Path store;

  @Option(names = "--run", description = "Run name (default: the store's only run).")
  String run;

  @Option(names = "--out", description = "JSONL output file.")
  Path out;

  @Option(names = "--csv", description = "CSV output file (the paper's all_prompts_responses layout).")
  Path csv;

  @Option(names = "--prompts", description = "The paper's prompt table (translated_prompts_with_english_no_controversy.csv) whose columns the CSV repeats.")
  Path prompts;

  @Override
  public Integer call() {
    if (out == null && csv == null) throw new LlmException("nothing to write: give --out F.jsonl and/or --csv F.csv");
    new PathGuard().store("--store", store).input("--prompts", prompts).output("--out", out).output("--csv", csv).check();
    try (ResponseStore db = ResponseStore.openExisting(store)) {
      String name = run;
      if (name == null) {
        List<String> runs = db.runs();
        if (runs.size() != 1) throw new LlmException(store + " holds " + runs.size() + " runs " + runs + ": choose one with --run");
        name = runs.get(0);
      }
      if (!db.runs().contains(name)) throw new LlmException("run '" + name + "' is not in " + store + " (runs: " + db.runs() + ")");
      // one snapshot for both files: a collection running meanwhile cannot make them differ
      ResponseStore.Snapshot snap = Export.write(db, name, Optional.ofNullable(out), Optional.ofNullable(csv), Optional.ofNullable(prompts));
      ResponseStore.RunStatus st = snap.status();
      for (Path p : java.util.Arrays.asList(out, csv)) if (p != null) System.err.println("export: " + snap.answers().size() + " answers → " + p);
      if (!st.complete()) System.err.println("export: warning: " + (st.total() - st.done()) + " requests of run " + name + " have no answer yet");
      System.out.println(st);
      return 0;
    }
  }
}
