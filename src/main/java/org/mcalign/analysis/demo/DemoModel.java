package org.mcalign.analysis.demo;

/**
 * A simulated model of the demo: the model id it stands in for (the paper's ids, so that the
 * analyses treat it as that model), its planted behaviour, the noise (sd, on the pro
 * probability) it adds per response, and the share of responses written in the prompt's language.
 */
public record DemoModel(String id, DemoBehaviour behaviour, double noise, double languageFidelity) {
  public DemoModel {
    if (noise < 0) throw new IllegalArgumentException("noise must be >= 0");
    if (languageFidelity < 0 || languageFidelity > 1) throw new IllegalArgumentException("languageFidelity must be in [0, 1]");
  }
}
