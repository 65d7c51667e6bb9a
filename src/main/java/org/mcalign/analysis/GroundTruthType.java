package org.mcalign.analysis;

/** The three ground-truth levels of the paper's {@code join_all_gt}. */
public enum GroundTruthType {
  GLOBAL("global"),
  LANGUAGE("language"),
  COUNTRY("country");

  private final String id;

  GroundTruthType(String id) {
    this.id = id;
  }

  /** The paper's name ({@code gt_type} column). */
  public String id() {
    return id;
  }

  public static GroundTruthType of(String id) {
    for (GroundTruthType t : values()) if (t.id.equals(id)) return t;
    throw new IllegalArgumentException("unknown ground-truth type '" + id + "'; expected global, language or country");
  }
}
