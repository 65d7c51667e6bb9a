/**
 * Stages 7–8 of the paper "Multilingual != Multicultural": every analysis, regression and
 * figure from the published scored responses, each a function of (data, settings, seed).
 *
 * <ul>
 *   <li>{@link org.mcalign.analysis.Analyses}: the single entry point for notebooks (which
 *       dataset, its inputs, the cached run at the paper's settings, saving outputs).
 *   <li>{@link org.mcalign.analysis.AnalysisSettings}: every setting the paper fixes (rounds
 *       100/1,000, 500 rows per group, error rate 0.045, ...) with the paper's values.
 *   <li>{@link org.mcalign.analysis.Baselines}: the seeded fifty-percent and uniform baselines.
 *   <li>{@link org.mcalign.analysis.TotalGroundTruthAlignment}: the paper's
 *       {@code analyze_total_gt_alignment} with per-round consistency on the same resample; the
 *       hot path works on int-coded columns, multiplicities per row and counts per distinct
 *       score instead of sorting or building the self-join.
 *   <li>{@link org.mcalign.analysis.MultilingualRegression} (RQ1),
 *       {@link org.mcalign.analysis.UsCentricBias} (RQ2),
 *       {@link org.mcalign.analysis.SelfConsistency}, {@link org.mcalign.analysis.LanguageBreakdown},
 *       {@link org.mcalign.analysis.Hypotheses} and {@link org.mcalign.analysis.Demographic}: the
 *       other scripts of the paper.
 *   <li>{@link org.mcalign.analysis.PaperAnalysis}: all of it in one call, timed per part;
 *       {@link org.mcalign.analysis.AnalysisOutput} writes tables, regressions, figures and
 *       provenance; {@link org.mcalign.analysis.ReplicationReport}: the paper's tables beside
 *       ours over several seeds, plus our estimator bootstrap.
 * </ul>
 */
package org.mcalign.analysis;
