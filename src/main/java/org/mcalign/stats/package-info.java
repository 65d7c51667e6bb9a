/**
 * Statistics engine, matching scipy/numpy/patsy/statsmodels number for number; it knows
 * nothing of the paper.
 *
 * <ul>
 *   <li>{@link org.mcalign.stats.Correlation}: Pearson, Spearman (average ranks), mean alignment.
 *   <li>{@link org.mcalign.stats.Bootstrap}: seeded, parallel resampling whose results do not
 *       depend on the thread count; numpy percentiles. {@link org.mcalign.stats.GroupIndex}:
 *       group-by on primitive arrays (grouped correlations over resamples without copying).
 *   <li>{@link org.mcalign.stats.Formula} and {@link org.mcalign.stats.DesignMatrix}: patsy
 *       formulas with patsy's column names, order and full/reduced-rank coding.
 *   <li>{@link org.mcalign.stats.Ols} and {@link org.mcalign.stats.MixedLinearModel} (random
 *       intercept, REML/ML) returning {@link org.mcalign.stats.RegressionResults} with
 *       statsmodels' summaries; {@link org.mcalign.stats.CsvTables} reads a CSV for fitting.
 * </ul>
 */
package org.mcalign.stats;
