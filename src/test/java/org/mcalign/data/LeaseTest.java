package org.mcalign.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One holder at a time, refused at once with who holds it; free again when released. (Across processes: {@code StoreLeaseIT}.) */
class LeaseTest {
  @TempDir Path dir;

  @Test
  void aSecondHolderIsRefusedNamingTheFirstAndTheLeaseIsFreeAfterRelease() throws Exception {
    Path lock = dir.resolve("s.db.lock");
    try (Lease first = Lease.acquire(lock, "response store s.db", "collect run 'a'")) {
      assertEquals(ProcessHandle.current().pid(), first.holder().pid());
      LeaseHeldException e = assertThrows(LeaseHeldException.class, () -> Lease.acquire(lock, "response store s.db", "second"));
      assertTrue(e.getMessage().startsWith("response store s.db is being written by another process: pid "
          + ProcessHandle.current().pid()), e.getMessage());
      assertTrue(e.getMessage().contains("collect run 'a'"), e.getMessage());
      assertEquals(first.holder().since(), e.holder().orElseThrow().since());
      assertEquals(first.holder(), Lease.holder(lock).orElseThrow());
    }
    // read only now: opening a locked file in its holder's process would drop the lock
    assertTrue(Files.readString(lock).contains("\"pid\": " + ProcessHandle.current().pid()));
    assertTrue(Lease.holder(lock).isEmpty());
    try (Lease again = Lease.acquire(lock, "response store s.db", "third")) {
      assertEquals("third", again.holder().purpose());
    }
  }

  @Test
  void closingTwiceIsHarmless() {
    Lease l = Lease.acquire(dir.resolve("x.lock"), "x", "p");
    l.close();
    l.close();
    Lease.acquire(dir.resolve("x.lock"), "x", "p").close();
  }
}
