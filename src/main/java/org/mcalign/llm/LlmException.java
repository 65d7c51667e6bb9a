package org.mcalign.llm;

/**
 * A failure talking to a model endpoint or managing a run: the message names the request
 * (custom_id), endpoint or batch, what happened and what to do. Never contains a key: the
 * message is redacted ({@link Secret#redact}) when the exception is made.
 */
public class LlmException extends RuntimeException {
  private final int statusCode;

  public LlmException(String message) {
    this(message, -1, null);
  }

  public LlmException(String message, Throwable cause) {
    this(message, -1, cause);
  }

  public LlmException(String message, int statusCode, Throwable cause) {
    // a server may echo the request's headers (the key) in its error: no message keeps a key
    super(Secret.redact(message), cause);
    this.statusCode = statusCode;
  }

  /** HTTP status of the failed call, or -1 when there was none (connection error, bad input). */
  public int statusCode() {
    return statusCode;
  }
}
