package org.mcalign.prompts;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcalign.data.Paper;

class ServedModelsTest {

  /** vLLM's default names are the Hugging Face ids the paper's vllm_batch_responses.py requests. */
  @Test
  void paperOpenModelsAreServedUnderTheirHuggingFaceIds() {
    ServedModels s = ServedModels.huggingFace();
    assertEquals("google/gemma-2-2b-it", s.of("gemma-2-2b-it"));
    assertEquals("google/gemma-2-27b-it", s.of("gemma-2-27b-it"));
    assertEquals("allenai/OLMo-2-1124-7B-Instruct", s.of("OLMo-2-1124-7B-Instruct"));
    assertEquals("allenai/OLMo-2-0325-32B-Instruct", s.of("OLMo-2-0325-32B-Instruct"));
    assertEquals("my-org/other-model", s.of("my-org/other-model"), "any other id goes as it is");
    for (String m : org.mcalign.data.Study.paper().modelsOf("openai")) assertEquals(m, s.of(m));
    for (String m : org.mcalign.data.Study.paper().modelNames()) assertEquals(m, ServedModels.asIs().of(m));
  }

  @Test
  void overridesWinAndRequestsKeepTheirIds() {
    ServedModels s = ServedModels.huggingFace().with(ServedModels.parse(" gemma-2-27b-it = gemma ,, OLMo-2-1124-7B-Instruct=olmo7", "MCA_VLLM_SERVED_MODELS"));
    assertEquals("gemma", s.of("gemma-2-27b-it"));
    assertEquals("olmo7", s.of("OLMo-2-1124-7B-Instruct"));
    assertEquals("google/gemma-2-9b-it", s.of("gemma-2-9b-it"));
    BatchRequestLine r = new BatchRequestLine("gemma-2-27b-it-answers-1", "gemma-2-27b-it", List.of(Map.of("role", "user", "content", "hi")));
    BatchRequestLine sent = s.apply(List.of(r)).get(0);
    assertEquals("gemma", sent.model());
    assertEquals(r.customId(), sent.customId(), "the store's key stays the paper's id");
    assertEquals(r.messages(), sent.messages());
  }

  @Test
  void malformedOverridesNameTheirSource() {
    for (String bad : List.of("gemma-2-27b-it", "=gemma", "gemma-2-27b-it=")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServedModels.parse(bad, "MCA_VLLM_SERVED_MODELS"));
      assertTrue(e.getMessage().startsWith("MCA_VLLM_SERVED_MODELS: expected model-id=served-name"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> ServedModels.huggingFace().with(Map.of("gemma-2-27b-it", " ")));
  }
}
