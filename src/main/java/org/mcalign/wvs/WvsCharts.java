package org.mcalign.wvs;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import tech.tablesaw.api.Table;

/** Quick-look charts of stage 1 (the paper's styled figures are the plot package's). */
public final class WvsCharts {
  private WvsCharts() {}

  /** Country × country correlation of pro scores (the paper's figure's data), coolwarm −1…1. */
  public static HeatMapChart correlationHeatmap(GroundTruth gt) {
    Table corr = gt.countryCorrelations();
    List<String> names = corr.stringColumn(0).asList();
    HeatMapChart chart = new HeatMapChartBuilder().width(760).height(640)
        .title("Correlation of pro scores between countries (over items)").build();
    chart.getStyler().setShowValue(true).setMin(-1).setMax(1)
        .setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11))
        .setRangeColors(new Color[] {new Color(59, 76, 192), new Color(221, 221, 221), new Color(180, 4, 38)})
        .setHeatMapValueDecimalPattern("0.00");
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setXAxisLabelRotation(90);
    // rows top to bottom in the table's order, the strictly lower triangle shown, as the paper's
    // seaborn figure masks np.triu (diagonal included); XChart counts y upwards, so rows are reversed
    int n = names.size();
    List<String> rows = new ArrayList<>(names);
    java.util.Collections.reverse(rows);
    List<Number[]> heat = new ArrayList<>();
    for (int col = 0; col < n; col++) {
      for (int row = col + 1; row < n; row++) {
        double v = corr.doubleColumn(col + 1).getDouble(row);
        heat.add(new Number[] {col, n - 1 - row, Double.isNaN(v) ? null : Math.round(v * 100) / 100.0});
      }
    }
    chart.addSeries("pearson r", names, rows, heat);
    return chart;
  }

  /** Self-consistency per country as bars (ascending, as the file). */
  public static CategoryChart selfConsistencyBars(GroundTruth gt) {
    Table sc = gt.selfConsistency();
    CategoryChart chart = new CategoryChartBuilder().width(760).height(380)
        .title("Ground-truth self-consistency per country (" + gt.settings().rounds() + " rounds of "
            + gt.settings().sampleSize() + " respondents)")
        .xAxisTitle("country").yAxisTitle("self-consistency (Pearson r)").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    List<String> c = new ArrayList<>();
    List<Double> v = new ArrayList<>();
    for (int r = 0; r < sc.rowCount(); r++) {
      double value = sc.doubleColumn(1).getDouble(r);
      if (Double.isNaN(value)) continue;
      c.add(sc.stringColumn(0).get(r));
      v.add(value);
    }
    chart.addSeries("self_consistency", c, v);
    return chart;
  }
}
