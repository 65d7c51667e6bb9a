package org.mcalign.plot;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.mcalign.data.Benchmark;
import org.mcalign.data.Dataset;
import org.mcalign.data.Study;
import org.mcalign.data.PaperFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code mcalign bench plot}: time to render each paper figure at 2× density and encode its PNG,
 * the WVS figures from the paper's ground truth, the others from seeded inputs of the paper's
 * sizes (100 bootstrap rounds × 9 models × 4 languages).
 */
public final class PlotBenchmark extends Benchmark.Steps {
  public PlotBenchmark() {
    super("plot");
  }

  @Override
  protected void measure(Settings settings, List<Measurement> rows) throws Exception {
    int warmups = settings.quick() ? 0 : 2;
    SplittableRandom rng = new SplittableRandom(settings.seed());
    PaperFiles files = PaperFiles.of(Dataset.resolve());
    Table every = files.groundTruthEveryCountry(), global = files.groundTruthGlobal(), perLang = files.groundTruthPerLanguage();
    Table perRound = perRound(rng);
    Table scatter = scatter(perRound);
    double[] fitted = perRound.doubleColumn("value").asDoubleArray();
    double[] resid = new double[fitted.length];
    for (int i = 0; i < resid.length; i++) resid[i] = rng.nextGaussian() * 0.05;
    String rounds = String.format("%,d rows", perRound.rowCount());
    add(rows, warmups, "country_correlations.png", every.rowCount() + " ground-truth rows", () -> Figures.countryCorrelations(every, global));
    add(rows, warmups, "wvs_language_correlations.png", perLang.rowCount() + " rows", () -> Figures.languageCorrelations(perLang));
    add(rows, warmups, "country_distributions.png", every.rowCount() + " rows, 14 violins", () -> Figures.countryDistributions(every, global));
    add(rows, warmups, "model-self_consistency.png", rounds, () -> Figures.selfConsistency(perRound.copy().setName("c")
        .addColumns(perRound.doubleColumn("value").copy().setName("self-consistency"))));
    add(rows, warmups, "multilingual_benchmarks_alignment-model.png", String.format("%,d points", scatter.rowCount()),
        () -> Figures.capabilityVsAlignment(scatter));
    add(rows, warmups, "rq2-residuals.png", String.format("%,d points + LOWESS", fitted.length), () -> Figures.rq2Residuals(fitted, resid, "y ~ x"));
    Measurement all = Measurement.time("plot: all six above", rounds, warmups, 6, "figures", () -> {
      Figures.countryCorrelations(every, global).png();
      Figures.languageCorrelations(perLang).png();
      Figures.countryDistributions(every, global).png();
      Figures.selfConsistency(perRound.copy().addColumns(perRound.doubleColumn("value").copy().setName("self-consistency"))).png();
      Figures.capabilityVsAlignment(scatter).png();
      Figures.rq2Residuals(fitted, resid, "y ~ x").png();
    });
    rows.add(all);
  }

  private static void add(List<Measurement> rows, int warmups, String name, String input, Supplier<Figure> f) throws Exception {
    rows.add(Measurement.time("plot: " + name, input, warmups, 1, "figures", () -> f.get().png()));
  }

  /** 100 rounds × 9 models × 4 languages of a value near 0.5. */
  private static Table perRound(SplittableRandom rng) {
    StringColumn m = StringColumn.create("model"), l = StringColumn.create("language");
    DoubleColumn v = DoubleColumn.create("value");
    for (int r = 0; r < 100; r++)
      for (String model : Study.paper().modelNames())
        for (String lang : Study.paper().languageCodes()) {
          m.append(model);
          l.append(lang);
          v.append(0.5 + 0.1 * rng.nextGaussian());
        }
    return Table.create("per round", m, l, v);
  }

  private static Table scatter(Table perRound) {
    Table t = Table.create("scatter");
    StringColumn model = perRound.stringColumn("model").copy().setName("model_name");
    StringColumn fam = StringColumn.create("family");
    DoubleColumn cap = DoubleColumn.create("multilingual capability"), co = DoubleColumn.create("coefficient"), p = DoubleColumn.create("p_value");
    for (int i = 0; i < perRound.rowCount(); i++) {
      String m = model.get(i);
      fam.append(Study.paper().familyOf(m).orElseThrow());
      cap.append(20 + 7 * Study.paper().modelNames().indexOf(m));
      co.append(0.5);
      p.append(0.01);
    }
    return t.addColumns(model, perRound.stringColumn("language").copy(), cap,
        perRound.doubleColumn("value").copy().setName("cultural alignment"), fam, co, p);
  }
}
