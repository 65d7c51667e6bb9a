package org.mcalign.llm;

/** A request line that is not {@code {custom_id, method, url, body}} as the Batch API expects. */
public class RequestFormatException extends LlmException {
  public RequestFormatException(String message) {
    super(message);
  }
}
