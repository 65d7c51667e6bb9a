package org.mcalign.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mcalign.data.AtomicFiles;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter client over ZeroMQ (the wire protocol 5.3: signed multipart messages on
 * the shell channel), enough to start a kernel process and time requests to it. Used by the
 * kernel benchmark, where Python must not sit between the stopwatch and the kernel.
 */
final class KernelClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DELIM = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

  private final ZContext ctx = new ZContext();
  private final ZMQ.Socket shell;
  private final Mac mac;
  private final String session = UUID.randomUUID().toString();

  private KernelClient(Map<String, Object> connection) throws GeneralSecurityException {
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(((String) connection.get("key")).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    shell = ctx.createSocket(SocketType.DEALER);
    shell.setIdentity(session.getBytes(StandardCharsets.US_ASCII));
    shell.connect("tcp://127.0.0.1:" + connection.get("shell_port"));
  }

  /** Writes a connection file with free ports and a fresh key; returns its content. */
  static Map<String, Object> writeConnectionFile(Path file) throws IOException {
    Map<String, Object> c = new LinkedHashMap<>();
    for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
      try (ServerSocket s = new ServerSocket(0)) {
        c.put(port, s.getLocalPort());
      }
    }
    c.put("ip", "127.0.0.1");
    c.put("key", UUID.randomUUID().toString());
    c.put("transport", "tcp");
    c.put("signature_scheme", "hmac-sha256");
    c.put("kernel_name", KernelSpec.NAME);
    AtomicFiles.writeString(file, JSON.writeValueAsString(c));
    return c;
  }

  static KernelClient connect(Map<String, Object> connection) {
    try {
      return new KernelClient(connection);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getMessage(), e);
    }
  }

  /** Sends a request and waits for its reply's content (or throws after {@code timeoutMillis}). */
  JsonNode request(String type, Map<String, Object> content, long timeoutMillis) throws IOException {
    String id = UUID.randomUUID().toString();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("msg_id", id);
    header.put("session", session);
    header.put("username", "bench");
    header.put("date", Instant.now().toString());
    header.put("msg_type", type);
    header.put("version", "5.3");
    byte[][] parts = {
        JSON.writeValueAsBytes(header), "{}".getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(content)};
    shell.sendMore(DELIM);
    shell.sendMore(sign(parts));
    for (int i = 0; i < parts.length; i++) {
      if (i < parts.length - 1) shell.sendMore(parts[i]);
      else shell.send(parts[i]);
    }
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) throw new IOException(type + " got no reply within " + timeoutMillis + " ms");
      shell.setReceiveTimeOut((int) Math.min(left, Integer.MAX_VALUE));
      List<byte[]> frames = new ArrayList<>();
      byte[] f = shell.recv();
      if (f == null) continue;
      frames.add(f);
      while (shell.hasReceiveMore()) frames.add(shell.recv());
      int d = 0;
      while (d < frames.size() && !java.util.Arrays.equals(frames.get(d), DELIM)) d++;
      if (d + 5 >= frames.size() + 1) continue;
      JsonNode parent = JSON.readTree(frames.get(d + 3));
      if (parent.has("msg_id") && parent.get("msg_id").asText().equals(id)) {
        return JSON.readTree(frames.get(d + 5));
      }
    }
  }

  JsonNode execute(String code, long timeoutMillis) throws IOException {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("code", code);
    content.put("silent", false);
    content.put("store_history", true);
    content.put("user_expressions", Map.of());
    content.put("allow_stdin", false);
    content.put("stop_on_error", true);
    return request("execute_request", content, timeoutMillis);
  }

  private String sign(byte[][] parts) {
    synchronized (mac) {
      mac.reset();
      for (byte[] p : parts) mac.update(p);
      return HexFormat.of().formatHex(mac.doFinal());
    }
  }

  @Override
  public void close() {
    ctx.close();
  }
}
