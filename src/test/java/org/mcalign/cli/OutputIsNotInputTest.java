package org.mcalign.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.llm.SimulatedServer;
import org.mcalign.prompts.PaperData;
import org.mcalign.prompts.PromptTable;

/**
 * Every command with an output option refuses an output that is one of its inputs (the same
 * path, another spelling of it, a link to it), its response store or its other output, and a
 * folder output that holds or lies in what it reads: exit code 1, a message naming both
 * options, and every input byte for byte as it was.
 */
class OutputIsNotInputTest {
  @TempDir Path dir;
  Path data, prompts, stances, groundTruth, responses, answers, store, requests, microdata;

  @BeforeEach
  void inputs() throws Exception {
    data = PaperData.dir();
    prompts = PaperData.surveyPrompts(8, dir.resolve("prompts.csv"));
    stances = Files.copy(data.resolve("stance_labels.json"), dir.resolve("stance_labels.json"));
    groundTruth = Files.copy(data.resolve("ground_truth.csv"), dir.resolve("ground_truth.csv"));
    responses = dir.resolve("responses.csv");
    answers = dir.resolve("answers.jsonl");
    store = dir.resolve("s.db");
    try (SimulatedServer s = SimulatedServer.start()) {
      assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it", "--base-url", s.baseUrl(),
          "--store", store.toString(), "--yes", "--out", responses.toString()));
      assertEquals(0, Main.run("classify", "run", "--responses", responses.toString(), "--stances", stances.toString(),
          "--base-url", s.baseUrl(), "--store", store.toString(), "--yes", "--out", answers.toString()));
    }
    requests = dir.resolve("requests.jsonl");
    assertEquals(0, Main.run("respond", "--prompts", prompts.toString(), "--model", "gpt-4o", "--requests-only", "--out",
        requests.toString()));
    microdata = dir.resolve("micro/EVS.csv");
    assertEquals(0, Main.run("wvs-synthesize", "--respondents", "300", "--out", microdata.toString()));
  }

  /** Runs the command, expects a refusal naming both options, and checks that no file under the folder changed. */
  private void refused(String[] names, String... args) throws Exception {
    List<String> before = digests();
    CliRun r = CliRun.of(args);
    assertEquals(1, r.code(), String.join(" ", args) + "\n" + r.err());
    for (String n : names) assertTrue(r.err().contains(n), n + " not named in: " + r.err());
    assertTrue(r.err().contains("nothing was written"), r.err());
    assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
    assertEquals(before, digests(), String.join(" ", args) + " changed a file");
  }

  private List<String> digests() throws Exception {
    List<String> out = new ArrayList<>();
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (var s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        if (p.getFileName().toString().startsWith(".")) continue; // lock files
        out.add(dir.relativize(p) + " " + HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  private static String[] names(String... n) {
    return n;
  }

  @Test
  void export() throws Exception {
    refused(names("--out", "--store"), "export", "--store", store.toString(), "--out", store.toString());
    refused(names("--csv", "--store"), "export", "--store", store.toString(), "--csv", store.toString());
    refused(names("--csv", "--store"), "export", "--store", store.toString(), "--csv", store + "-wal");
    refused(names("--csv", "--out"), "export", "--store", store.toString(), "--out", dir.resolve("x").toString(), "--csv",
        dir.resolve("sub/../x").toString());
    refused(names("--csv", "--prompts"), "export", "--store", store.toString(), "--csv", prompts.toString(), "--prompts",
        prompts.toString());
  }

  @Test
  void respond() throws Exception {
    String[] base = {"respond", "--prompts", prompts.toString(), "--model", "gemma-2-27b-it", "--base-url", "http://127.0.0.1:9/v1",
        "--yes"};
    refused(names("--out", "--prompts"), concat(base, "--store", store.toString(), "--out", prompts.toString()));
    refused(names("--out", "--store"), concat(base, "--store", store.toString(), "--out", store.toString()));
    refused(names("--store", "--prompts"), concat(base, "--store", prompts.toString(), "--out", dir.resolve("o.csv").toString()));
    refused(names("--out", "--prompts"), "respond", "--prompts", prompts.toString(), "--model", "gpt-4o", "--requests-only",
        "--out", prompts.toString());
  }

  @Test
  void score() throws Exception {
    String[] base = {"score", "--responses", responses.toString(), "--answers", answers.toString(), "--ground-truth",
        groundTruth.toString()};
    refused(names("--out", "--responses"), concat(base, "--out", responses.toString()));
    refused(names("--out", "--answers"), concat(base, "--out", answers.toString()));
    refused(names("--out", "--ground-truth"), concat(base, "--out", groundTruth.toString()));
    // another name of the same file: through a symbolic link and a hard link
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), responses);
    refused(names("--out", "--responses"), concat(base, "--out", link.toString()));
    Path hard = Files.createLink(dir.resolve("hard.csv"), responses);
    refused(names("--out", "--responses"), concat(base, "--out", hard.toString()));
  }

  @Test
  void classify() throws Exception {
    refused(names("--out", "--responses"), "classify", "requests", "--responses", responses.toString(), "--stances",
        stances.toString(), "--out", responses.toString());
    refused(names("--out", "--stances"), "classify", "requests", "--responses", responses.toString(), "--stances",
        stances.toString(), "--out", stances.toString());
    String[] run = {"classify", "run", "--responses", responses.toString(), "--stances", stances.toString(), "--base-url",
        "http://127.0.0.1:9/v1", "--yes"};
    refused(names("--out", "--responses"), concat(run, "--store", store.toString(), "--out", responses.toString()));
    refused(names("--out", "--store"), concat(run, "--store", store.toString(), "--out", store.toString()));
    refused(names("--store", "--responses"), concat(run, "--store", responses.toString(), "--out", dir.resolve("c.jsonl").toString()));
  }

  @Test
  void translate() throws Exception {
    Path en = PromptTable.write(PromptTable.read(data.resolve("translated_prompts_with_english_no_controversy.csv")).stream()
        .filter(r -> r.language().equals("en")).limit(5).toList(), dir.resolve("en.csv"));
    refused(names("--out", "--prompts"), "translate", "requests", "--prompts", en.toString(), "--out", en.toString());
    refused(names("--out", "--replies"), "translate", "clean", "--prompts", en.toString(), "--replies", answers.toString(),
        "--out", answers.toString());
    refused(names("--out", "--prompts"), "translate", "clean", "--prompts", en.toString(), "--replies", answers.toString(),
        "--out", en.toString());
  }

  @Test
  void collect() throws Exception {
    refused(names("--store", "--requests"), "collect", "--requests", requests.toString(), "--base-url", "http://127.0.0.1:9/v1",
        "--store", requests.toString());
  }

  @Test
  void wvsGroundTruth() throws Exception {
    refused(names("--out", "--microdata"), "wvs-ground-truth", "--microdata", microdata.toString(), "--out",
        microdata.getParent().toString());
    refused(names("--out", "--microdata"), "wvs-ground-truth", "--microdata", microdata.toString(), "--out", microdata.toString());
  }

  @Test
  void analyzeNeverWritesIntoTheDataset() throws Exception {
    Path copy = Files.createDirectories(dir.resolve("dataset"));
    Files.copy(data.resolve("ground_truth.csv"), copy.resolve("ground_truth.csv"));
    refused(names("--out", "--data"), "analyze", "all", "--data", copy.toString(), "--out", copy.toString());
    refused(names("--out", "--data"), "analyze", "all", "--data", copy.toString(), "--out", copy.resolve("plots").toString());
    refused(names("--out", "--data"), "analyze", "all", "--data", copy.toString(), "--out", dir.toString());
    assertFalse(Files.exists(copy.resolve("plots")));
  }

  private static String[] concat(String[] a, String... b) {
    List<String> l = new ArrayList<>(List.of(a));
    l.addAll(List.of(b));
    return l.toArray(String[]::new);
  }
}
