package org.mcalign.data;

/**
 * The paper's data could not be found or fetched. The message says what was tried and how to
 * get the data (a mirror named by {@code MCA_DATA}, a download by hand, or the demo dataset).
 */
public final class DatasetUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetUnavailableException(String message) {
    super(message);
  }

  public DatasetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
