package org.mcalign.prompts;

import java.util.List;

/**
 * What answers a list of chat requests, in request order: an OpenAI-compatible endpoint (direct
 * or batch), a response store replaying earlier answers, or a simulation. For classifier
 * requests an answer is the forced tool call's argument string.
 */
@FunctionalInterface
public interface ChatBackend {
  List<String> answer(List<BatchRequestLine> requests);
}
