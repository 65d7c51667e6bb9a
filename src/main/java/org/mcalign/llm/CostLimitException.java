package org.mcalign.llm;

/** An estimated cost above the limit the user set, not confirmed. Nothing was sent. */
public class CostLimitException extends LlmException {
  public CostLimitException(String message) {
    super(message);
  }
}
