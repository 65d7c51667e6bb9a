package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimateTest {
  @Test
  void tokenizerFollowsTheModel() {
    CostEstimate.Prices p = CostEstimate.Prices.defaults();
    assertEquals("o200k_base", CostEstimate.encodingFor("gpt-4o-2024-08-06", p).getName());
    assertEquals("o200k_base", CostEstimate.encodingFor("gpt-4.1", p).getName());
    assertEquals("cl100k_base", CostEstimate.encodingFor("gpt-3.5-turbo-0125", p).getName());
    assertEquals("cl100k_base", CostEstimate.encodingFor("gpt-4-turbo-2024-04-09", p).getName());
    assertEquals(0.15, p.priceOf("gpt-4o-mini-2024-07-18").orElseThrow().input(), "longest prefix wins");
  }

  @Test
  void promptTokensFollowOpenAisChatFormat() {
    var enc = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    ChatRequest r = ChatRequest.builder("a").model("gpt-3.5-turbo").system("You are terse.").user("hello world").build();
    // 3 priming + per message 3 + role + content
    long expected = 3 + (3 + enc.countTokens("system") + enc.countTokens("You are terse."))
        + (3 + enc.countTokens("user") + enc.countTokens("hello world"));
    assertEquals(expected, CostEstimate.promptTokens(r, enc));
    assertEquals(2, enc.countTokens("hello world"));
  }

  @Test
  void costIsTokensTimesPriceWithTheBatchDiscount() {
    List<ChatRequest> reqs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) reqs.add(ChatRequest.builder("r" + i).model("gpt-4o").user("hello world").maxTokens(100).build());
    CostEstimate direct = CostEstimate.of(reqs, false);
    var enc = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    long in = 1000L * (3 + 3 + enc.countTokens("user") + enc.countTokens("hello world"));
    double expected = in * 2.50 / 1e6 + 1000 * 100 * 10.00 / 1e6;
    assertEquals(in, direct.inputTokens());
    assertEquals(expected, direct.totalUsd(), 1e-9);
    assertEquals(expected / 2, CostEstimate.of(reqs, true).totalUsd(), 1e-9);
    assertTrue(direct.toString().contains("gpt-4o"));
    assertTrue(direct.toHtml().startsWith("<table>"));
  }

  @Test
  void selfHostedModelsAreListedWithoutPrice() {
    CostEstimate e = CostEstimate.of(List.of(ChatRequest.builder("a").model("google/gemma-2-27b-it").user("x").build()), false);
    assertEquals(0, e.totalUsd());
    assertEquals(List.of("google/gemma-2-27b-it"), e.unpricedModels());
    assertTrue(e.toString().contains("no price"));
  }

  @Test
  void refusesAboveTheLimitUnlessConfirmed() {
    List<ChatRequest> reqs = new ArrayList<>();
    for (int i = 0; i < 100; i++) reqs.add(ChatRequest.builder("r" + i).model("gpt-4-turbo").user("x").maxTokens(1000).build());
    CostEstimate e = CostEstimate.of(reqs, false); // 100 × 1000 × $30/M = $3 output alone
    CostLimitException ex = assertThrows(CostLimitException.class, () -> e.requireWithin(1.0, false));
    assertTrue(ex.getMessage().contains("above the limit of $1.00"), ex.getMessage());
    e.requireWithin(1.0, true);
    e.requireWithin(10.0, false);
  }
}
