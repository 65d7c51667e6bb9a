/**
 * The paper's figures, regenerated with XChart and Java2D.
 *
 * <p>Building blocks: {@link org.mcalign.plot.Palette} (one colour family per model family in
 * the paper's order, a shade per model), {@link org.mcalign.plot.Panel} (one axes: an XChart
 * XYChart for the coordinate system, scatter and line series, plus Java2D layers for grouped
 * bars with asymmetric whiskers, violins, reference lines, text and ribbons; matplotlib's tick
 * choice and seaborn's styles), {@link org.mcalign.plot.Facets} (a grid of panels with shared
 * axes, titles, figure-level labels and one legend outside the data, rendered at 2× density),
 * {@link org.mcalign.plot.Heatmap} (annotated, optionally lower-triangle correlation maps),
 * {@link org.mcalign.plot.Interval} (seaborn's {@code errorbar} choices) and
 * {@link org.mcalign.plot.Figure} (the rendered image, its paper file name, PNG writing via
 * {@code AtomicFiles}, {@code toHtml()} for notebooks).
 *
 * <p>{@link org.mcalign.plot.Figures} has one method per paper figure taking Tablesaw tables
 * with the paper's column names; a new figure is a few lines composing the blocks above.
 */
package org.mcalign.plot;
