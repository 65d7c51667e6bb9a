package org.mcalign.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether answers come from the simulated server, so that files made from them can say so (issue 18, Deliver 6). */
class ServerInfoSimulatedTest {
  @Test
  void theSimulatedServerIsToldApartFromAnyOther() throws IOException {
    try (SimulatedServer s = SimulatedServer.builder().start()) {
      assertTrue(ServerInfo.simulated(Endpoint.of(s.baseUrl()), Duration.ofSeconds(5)), "plain mode (no /v1/models)");
    }
    try (SimulatedServer s = SimulatedServer.builder().vllm(List.of("org/m"), 4096).start()) {
      assertTrue(ServerInfo.simulated(Endpoint.of(s.baseUrl()), Duration.ofSeconds(5)), "vLLM mode");
    }
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext("/", ex -> {
      byte[] b = "{\"object\":\"list\",\"data\":[{\"id\":\"org/m\",\"object\":\"model\",\"owned_by\":\"vllm\"}]}".getBytes();
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    other.start();
    try {
      String url = "http://127.0.0.1:" + other.getAddress().getPort() + "/v1";
      assertFalse(ServerInfo.simulated(Endpoint.of(url), Duration.ofSeconds(5)), "a vLLM-like server that is not ours");
      try (SimulatedServer s = SimulatedServer.builder().start()) {
        assertFalse(ServerInfo.simulated(Endpoint.of(s.baseUrl(), url), Duration.ofSeconds(5)), "one real server of two: not all simulated");
      }
    } finally {
      other.stop(0);
    }
  }
}
