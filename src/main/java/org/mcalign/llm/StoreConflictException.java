package org.mcalign.llm;

/**
 * A request whose body differs from the one stored under the same run and custom_id: the
 * stored answer would not answer it. Use a new run name or new custom_ids.
 */
public class StoreConflictException extends LlmException {
  public StoreConflictException(String message) {
    super(message);
  }
}
