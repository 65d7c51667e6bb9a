package org.mcalign.notebook.findings;

import org.mcalign.analysis.AnalysisInputs;

/** What every notebook's findings share: the dataset's inputs, whether it is the DEMO, and the files its last cell writes. */
abstract class NotebookFindings {
  final AnalysisInputs in;
  final boolean demo;
  final Outputs outputs;

  NotebookFindings(AnalysisInputs in, String outputFolder) {
    this.in = in;
    this.demo = Prose.demo(in);
    this.outputs = new Outputs(in, outputFolder);
  }
}
