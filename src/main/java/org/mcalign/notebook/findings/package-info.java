/**
 * What the analysis notebooks (07–12, and 01's figures) say, computed from the results they
 * show: every number a sentence states comes from the same result objects as the table or
 * figure beside it, so the text cannot drift from the outputs; every figure carries a caption
 * that says what its bars, whiskers, points and lines are (estimate, interval type and level,
 * n). On the paper's data a notebook's sentences compare with the paper; on the DEMO dataset
 * they say what was planted and whether it was recovered. One class per notebook; cells call
 * them ({@code var rq1 = Rq1Findings.of(run); rq1.coefficients()}).
 */
package org.mcalign.notebook.findings;
