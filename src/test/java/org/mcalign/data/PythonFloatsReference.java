package org.mcalign.data;

/** Test access to {@link PythonFloats#reprBySearch} from other packages' tests. */
public final class PythonFloatsReference {
  private PythonFloatsReference() {}

  public static String reprBySearch(double x) {
    return PythonFloats.reprBySearch(x);
  }
}
