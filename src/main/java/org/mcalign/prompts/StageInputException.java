package org.mcalign.prompts;

/**
 * A stage input (prompt table, response file, classifier output) is not what the stage
 * expects; the message names the file, line or request and what was expected.
 */
public class StageInputException extends RuntimeException {
  public StageInputException(String message) {
    super(message);
  }

  public StageInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
