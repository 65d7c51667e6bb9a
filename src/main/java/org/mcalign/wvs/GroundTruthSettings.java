package org.mcalign.wvs;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mcalign.data.Study;

/**
 * Settings of stage 1, defaulting to the paper's values: tested languages da, en, nl, pt
 * ({@code TESTED_LANGUAGES}); self-consistency with 100 rounds of 10 respondents per (country,
 * item). The paper's sampling was not seeded; here it is, and the seed goes into provenance.
 *
 * @param languages tested interview languages (ISO 639-1 as in {@code lnge_iso})
 * @param seed seed of the self-consistency samples
 * @param rounds self-consistency rounds
 * @param sampleSize respondents drawn per (country, item) and round
 */
public record GroundTruthSettings(Set<String> languages, long seed, int rounds, int sampleSize) {
  /** The paper's tested languages: its study's, sorted (da, en, nl, pt). */
  public static final List<String> PAPER_LANGUAGES = new TreeSet<>(Study.paper().languageCodes()).stream().toList();
  public static final long DEFAULT_SEED = 42;
  public static final int PAPER_ROUNDS = 100;
  public static final int PAPER_SAMPLE_SIZE = 10;

  public GroundTruthSettings {
    if (languages.isEmpty()) throw new IllegalArgumentException("at least one tested language is needed");
    if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
    if (sampleSize < 1) throw new IllegalArgumentException("sampleSize must be >= 1, got " + sampleSize);
    languages = Set.copyOf(new TreeSet<>(languages));
  }

  /** The paper's settings with a study's languages (the paper's study: da, en, nl, pt). */
  public static GroundTruthSettings of(Study study) {
    return paper().withLanguages(study.languageCodes());
  }

  /** The paper's settings with the default seed. */
  public static GroundTruthSettings paper() {
    return new GroundTruthSettings(Set.copyOf(PAPER_LANGUAGES), DEFAULT_SEED, PAPER_ROUNDS, PAPER_SAMPLE_SIZE);
  }

  public GroundTruthSettings withLanguages(java.util.Collection<String> l) {
    return new GroundTruthSettings(Set.copyOf(l), seed, rounds, sampleSize);
  }

  public GroundTruthSettings withSeed(long s) {
    return new GroundTruthSettings(languages, s, rounds, sampleSize);
  }

  public GroundTruthSettings withRounds(int r) {
    return new GroundTruthSettings(languages, seed, r, sampleSize);
  }

  /** Tested languages in alphabetical order. */
  public List<String> sortedLanguages() {
    return new TreeSet<>(languages).stream().toList();
  }
}
