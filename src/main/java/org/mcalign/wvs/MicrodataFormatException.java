package org.mcalign.wvs;

/**
 * The microdata file is not in the expected format: the message names the file, the line
 * (1-based, the header is line 1), the column where known, and what was expected.
 */
public final class MicrodataFormatException extends RuntimeException {
  private final String file;
  private final long line;

  public MicrodataFormatException(String file, long line, String message) {
    super(file + (line > 0 ? ", line " + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  /** The file's name as given to the reader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the error, or 0 when it concerns the whole file. */
  public long line() {
    return line;
  }
}
