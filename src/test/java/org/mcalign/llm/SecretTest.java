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
}
