package org.mcalign.llm;

import java.util.ArrayList;
import java.util.List;

/** Request lines for tests, in the paper's format. */
final class TestRequests {
  private TestRequests() {}

  static List<ChatRequest> answers(int n, String model) {
    List<ChatRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ChatRequest.builder(String.format("%s-answers-%05d", model, i)).model(model)
          .user("List the most common arguments about topic " + (i % 37) + ". Output format: 1. <argument> 2. argument etc...")
          .build());
    }
    return out;
  }
}
