package org.mcalign.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcalign.data.WholeProcess;

/**
 * A kernel that cannot start says why on its own stderr (which nbconvert and Jupyter show) and
 * exits with 1. The case is the one met under load: another process took one of the ports Jupyter
 * wrote into the connection file before the kernel bound it.
 */
class KernelStartFailureTest {
  @TempDir Path dir;

  @Test
  void aTakenPortIsNamedOnTheProcessStderr() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket p2 = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket p3 = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket p4 = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket p5 = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int[] free = {p2.getLocalPort(), p3.getLocalPort(), p4.getLocalPort(), p5.getLocalPort()};
      p2.close();
      p3.close();
      p4.close();
      p5.close();
      Path conn = dir.resolve("kernel-test.json");
      Files.writeString(conn, String.format("{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"shell_port\": %d, \"iopub_port\": %d,"
          + " \"stdin_port\": %d, \"control_port\": %d, \"hb_port\": %d, \"key\": \"%s\", \"signature_scheme\": \"hmac-sha256\","
          + " \"kernel_name\": \"java\"}", free[0], free[1], free[2], free[3], taken.getLocalPort(), UUID.randomUUID()));
      Path err = dir.resolve("stderr.txt");
      Process p = new ProcessBuilder(WholeProcess.mcalign(List.of("kernel", "run", conn.toString())))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("the kernel kept running with its heartbeat port taken");
      }
      String text = Files.readString(err);
      assertEquals(1, p.exitValue(), text);
      assertTrue(text.contains("kernel: could not start on " + conn), text);
      assertTrue(text.contains("Address already in use") || text.contains(Integer.toString(taken.getLocalPort())),
          "the reason names the taken address: " + text);
    }
  }
}
