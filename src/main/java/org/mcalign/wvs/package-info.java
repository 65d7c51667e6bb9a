/**
 * Stage 1: the WVS ground truth from the EVS/WVS joint microdata, streamed in one pass.
 *
 * <ul>
 *   <li>{@link org.mcalign.wvs.Microdata}: the one-pass reader (hand-written byte CSV tokenizer;
 *       per (country, language) cell, weight sums per (item, code); item maxima); four bits per
 *       respondent and candidate item go to a temporary file ({@link org.mcalign.wvs.RowSpill}).
 *   <li>{@link org.mcalign.wvs.SampleStore}: what the self-consistency draws read, two bits per
 *       tested respondent and kept item, in memory up to a budget, else read from a temporary
 *       file country by country each round: the heap does not grow with respondents × items.
 *   <li>{@link org.mcalign.wvs.ProRule}: item selection and the pro rule.
 *   <li>{@link org.mcalign.wvs.GroundTruth}: the paper's five tables, self-consistency, and their
 *       all-or-nothing output with provenance; {@link org.mcalign.wvs.GroundTruthSettings}.
 *   <li>{@link org.mcalign.wvs.MicrodataSynthesizer}: generated microdata with planted differences.
 *   <li>{@link org.mcalign.wvs.WvsStage}, {@link org.mcalign.wvs.WvsCharts}: the notebook's entry points.
 * </ul>
 *
 * <p>Definitions follow the paper's {@code scripts/process_wvs.py}. Where the code is more
 * specific than the prose: a country's language is chosen by total {@code gwght} alone (not
 * {@code gwght × pwght}), over all its rows; the self-consistency samples are drawn among
 * respondents with a valid answer to the item, zero weights included (a sample weighing 0 in
 * total scores NaN, and NaN propagates to the country's correlation, as in polars); a (group,
 * item) without any valid answer has no row, one whose valid answers weigh 0 has pro_score NaN.
 * The paper's unseeded shuffle is seeded here; its unwritten 50-round bootstrap is not computed.
 */
package org.mcalign.wvs;
