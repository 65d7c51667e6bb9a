package org.mcalign.wvs;

/**
 * Stage 1 on generated microdata of the real joint file's size: 157,000 respondents with about
 * 2,400 more items (about 1.5 GB; {@code --quick}: 20,000 respondents). It shows the reader's
 * throughput and the row store's memory (four bits per respondent and candidate column) at the
 * real scale: {@code java -Xmx1g -jar target/mcalign.jar bench wvs-wide}.
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
