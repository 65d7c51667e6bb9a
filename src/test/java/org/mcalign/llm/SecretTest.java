package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {
  @TempDir Path dir;

  @Test
  void dotEnvParsesQuotesExportAndComments() {
    Map<String, String> m = DotEnv.parse(List.of(
        "# a comment", "", "OPENAI_API_KEY=sk-abc  # trailing comment", "export OTHER='x y # not a comment'",
        "Q=\"double\"", "EMPTY="), "test.env");
    assertEquals("sk-abc", m.get("OPENAI_API_KEY"));
    assertEquals("x y # not a comment", m.get("OTHER"));
    assertEquals("double", m.get("Q"));
    assertEquals("", m.get("EMPTY"));
  }

  @Test
  void dotEnvErrorsNameTheLineButNeverEchoIt() {
    LlmException e = assertThrows(LlmException.class,
        () -> DotEnv.parse(List.of("A=1", "fake-secret-value-without-name"), "my.env"));
    assertTrue(e.getMessage().startsWith("my.env:2:"), e.getMessage());
    assertFalse(e.getMessage().contains("fake-secret-value"), e.getMessage());
    LlmException q = assertThrows(LlmException.class, () -> DotEnv.parse(List.of("K=\"sk-unterminated"), "q.env"));
    assertFalse(q.getMessage().contains("sk-unterminated"));
  }

  @Test
  void environmentWinsOverDotEnvAndDotEnvIsFoundInParents() throws Exception {
    Files.writeString(dir.resolve(".env"), "MY_KEY=from-dotenv-123\n");
    Path sub = Files.createDirectories(dir.resolve("a/b"));
    assertEquals("from-dotenv-123", Secret.find("MY_KEY", Map.of(), sub).orElseThrow().reveal());
    assertTrue(Secret.find("MY_KEY", Map.of(), sub).orElseThrow().source().contains(".env"));
    assertEquals("from-env-456", Secret.find("MY_KEY", Map.of("MY_KEY", "from-env-456"), sub).orElseThrow().reveal());
    assertTrue(Secret.find("NOT_THERE", Map.of(), sub).isEmpty());
  }

  @Test
  void keyNeverShowsInToStringOfSecretOrEndpoint() {
    Secret s = Secret.of("sk-live-SUPERSECRET-42", "test");
    assertFalse(s.toString().contains("SUPERSECRET"));
    Endpoint e = Endpoint.of("http://127.0.0.1:9/v1").withKey(s);
    assertFalse(e.toString().contains("SUPERSECRET"), e.toString());
    assertTrue(e.toString().contains("redacted"));
    assertTrue(s.occursIn("xx sk-live-SUPERSECRET-42 yy"));
  }

  @Test
  void endpointNormalisesAndRejectsBadUrls() {
    assertEquals(List.of("http://gpu:8000/v1", "http://gpu2:8000/v1"), Endpoint.of("http://gpu:8000,http://gpu2:8000/v1/").baseUrls());
    assertThrows(LlmException.class, () -> Endpoint.of("gpu:8000"));
    LlmException e = assertThrows(LlmException.class, () -> Endpoint.of("http://user:sk-x@host/v1"));
    assertFalse(e.getMessage().contains("sk-x"));
    assertTrue(Endpoint.of(Endpoint.OPENAI_BASE_URL).isOpenAi());
  }

  /** A made-up key in OpenAI's project-key shape, assembled at run time so no key-shaped literal sits in the source. */
  private static String fakeOpenAiKey(String body) {
    return String.join("-", "sk", "proj", body);
  }

  @Test
  void redactionRemovesKnownKeysAuthorizationHeadersAndBearerTokens() {
    Secret.of("vllm-key-KNOWN-0123456789", "test");
    String echoed = "HTTP 401 (Incorrect API key. Request headers: {Authorization: Bearer other-TOKEN-998877,"
        + " X-client-request-id: a-1, Content-type: application/json}) {\"authorization\": \"Bearer abc.def-123\"}"
        + " key vllm-key-KNOWN-0123456789 and " + fakeOpenAiKey("AbCdEf0123456789xyz");
    String r = Secret.redact(echoed);
    for (String leaked : List.of("other-TOKEN-998877", "abc.def-123", "vllm-key-KNOWN-0123456789", "AbCdEf0123456789xyz")) {
      assertFalse(r.contains(leaked), leaked + " in " + r);
    }
    assertTrue(r.contains("Authorization: Bearer [redacted]"), r);
    assertTrue(r.contains("X-client-request-id: a-1"), "other headers stay: " + r);
    assertEquals("authorization failed for request x", Secret.redact("authorization failed for request x"));
    LlmException e = new LlmException("server said: Authorization: Bearer leaked-123456");
    assertFalse(e.getMessage().contains("leaked-123456"), e.getMessage());
  }

  @Test
  void aKeyGivenWhereAVariableNameBelongsIsRefusedWithoutRepeatingIt() {
    assertEquals("MY_VLLM_KEY", Secret.requireVariableName("--api-key-env", "MY_VLLM_KEY"));
    assertEquals("OPENAI_API_KEY", Secret.requireVariableName("--api-key-env", "OPENAI_API_KEY"));
    for (String pasted : List.of(fakeOpenAiKey("abcDEF123456789012345"), "abcdef0123456789abcdef0123456789", "token with spaces")) {
      LlmException e = assertThrows(LlmException.class, () -> Secret.requireVariableName("--api-key-env", pasted));
      assertFalse(e.getMessage().contains(pasted), e.getMessage());
      assertTrue(e.getMessage().startsWith("--api-key-env expects the NAME of an environment variable"), e.getMessage());
    }
  }

  @Test
  void theOpenAiKeyIsForTheOpenAiHostOnly() {
    assertTrue(Endpoint.of("https://api.openai.com/v1").isOpenAi());
    assertFalse(Endpoint.of("http://evil.example/api.openai.com/v1").isOpenAi(), "the host decides, not the text");
    assertFalse(Endpoint.of("http://api.openai.com.evil.example/v1").isOpenAi());
    // without --api-key-env another server gets MCA_VLLM_API_KEY or nothing: never OPENAI_API_KEY
    Endpoint vllm = Endpoint.withScopedKey(List.of("http://127.0.0.1:9/v1"), null);
    assertTrue(vllm.key().isEmpty() || vllm.key().get().variable().orElseThrow().equals(Endpoint.VLLM_KEY_NAME), vllm.toString());
    LlmException mixed = assertThrows(LlmException.class, () -> Endpoint.of("https://api.openai.com/v1", "http://gpu:8000/v1"));
    assertTrue(mixed.getMessage().contains("cannot mix"), mixed.getMessage());
  }
}
