/**
 * Statistics engine, matching scipy/numpy/patsy/statsmodels number for number; it knows
 * nothing of the paper. Nothing here is silently wrong: a rank-deficient design gets the
 * pseudo-inverse answer with numpy's rank rule ({@link org.mcalign.stats.Ols}), a singular
 * mixed model is refused, and a formula it cannot evaluate is an error naming the part.
 *
 * <ul>
 *   <li>{@link org.mcalign.stats.Correlation}: Pearson, Spearman (average ranks), mean alignment.
 *   <li>{@link org.mcalign.stats.Bootstrap}: seeded, parallel resampling whose results do not
 *       depend on the thread count; numpy percentiles. {@link org.mcalign.stats.Draws}: a round's
 *       {@code SplittableRandom} stream, draw for draw, counted in vectorised batches.
 *       {@link org.mcalign.stats.GroupIndex}:
 *       group-by on primitive arrays (grouped correlations over resamples without copying).
 *   <li>{@link org.mcalign.stats.Formula} and {@link org.mcalign.stats.DesignMatrix}: patsy
 *       formulas (C, Treatment, Sum, I, np.log and friends, center, standardize, **) with
 *       patsy's column names, order and full/reduced-rank coding.
 *   <li>{@link org.mcalign.stats.Ols} and {@link org.mcalign.stats.MixedLinearModel} (random
 *       intercept, REML/ML) returning {@link org.mcalign.stats.RegressionResults} with
 *       statsmodels' summaries, solved by one rank-revealing least-squares rule (QR + SVD, with a
 *       fast path that proves itself) and a QR-based REML profile; a CSV is read as pandas
 *       reads it ({@link org.mcalign.data.CsvIn}).
 * </ul>
 */
package org.mcalign.stats;
