package org.mcalign.analysis.demo;

/** The cultural behaviour planted in a simulated demo model. */
public enum DemoBehaviour {
  /** Answers with the United States' opinions whatever the prompt language. */
  US_CENTRIC,
  /** Answers with the opinions of the prompt language's speakers (the per-language ground truth). */
  NATIVE,
  /** Answers at random: each response's pro share is uniform, unrelated to any ground truth. */
  RANDOM,
  /** Answers with the opinions of the country the prompt names (demographic prompting), else native. */
  COUNTRY_FOLLOWING
}
