package org.mcalign.data;

import java.util.Optional;

/**
 * Another process (or another part of this one) is writing the resource right now: a response
 * store or an output folder has one writer at a time. The message names the holder (pid, host,
 * start time, what it does) and what to do. The command line exits with code 4.
 */
public class LeaseHeldException extends IllegalStateException {
  private final transient Optional<Lease.Holder> holder;

  public LeaseHeldException(String resource, Optional<Lease.Holder> holder) {
    super(resource + " is being written by another process: "
        + holder.map(Lease.Holder::describe).orElse("holder not recorded yet")
        + ". Only one process may write it at a time: wait until that one ends (or stop it), then run again.");
    this.holder = holder;
  }

  public Optional<Lease.Holder> holder() {
    return holder;
  }
}
