package org.mcalign.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the response store identifies a request within a run: by its content, the SHA-256 of the
 * canonical body (model, messages and every parameter), so that filtering, reordering or
 * extending a prompt file finds every stored answer, whatever the custom_ids. A prompt repeated
 * on purpose (the paper's prompt table holds 204 repeats: each is sampled again) is told apart
 * by its occurrence: the n-th request with the same body in a list is {@code hash#n}. Repeats are
 * interchangeable, so any order of them reuses the same answers.
 */
final class ContentKeys {
  private ContentKeys() {}

  static String key(String bodyHash, int occurrence) {
    return bodyHash + "#" + occurrence;
  }

  /** The content key of each request of {@code requests}, in order. */
  static List<String> of(List<ChatRequest> requests) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>(requests.size());
    for (ChatRequest r : requests) out.add(key(r.bodyHash(), seen.merge(r.bodyHash(), 1, Integer::sum) - 1));
    return out;
  }
}
