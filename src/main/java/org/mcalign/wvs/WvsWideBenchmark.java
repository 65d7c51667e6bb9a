package org.mcalign.wvs;

/**
 * Stage 1 on generated microdata of the real joint file's size: 157,000 respondents with about
 * 2,400 more items (about 860 MB; {@code --quick}: 20,000 respondents). It shows the reader's
 * throughput at the real width and that memory does not grow with it: the per-respondent codes
 * go to temporary files ({@link RowSpill}, {@link SampleStore}), and the whole-process line gives
 * the peak RSS with the JVM's default heap: {@code java -jar target/mcalign.jar bench wvs-wide}.
 */
public final class WvsWideBenchmark extends WvsBenchmark {
  public WvsWideBenchmark() {
    super("wvs-wide");
  }

  @Override
  int extraItems() {
    return 2_400;
  }
}
