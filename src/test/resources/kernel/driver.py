"""Drives the installed 'java' kernel through jupyter_client, as nbconvert does, and prints
one JSON document with everything the kernel sent back (KernelIT asserts on it).
Run with Debian's python3 (jupyter_client 7): python3 driver.py > out.json
(--smoke: start the kernel, run one cell, print its status and value)."""
import json
import os
import shutil
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 120


def smoke():
    """Starts the kernel, runs one cell, prints {"ok": ..., "value": ...}."""
    km = KernelManager(kernel_name="java")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        reply = kc.execute_interactive("6 * 7", timeout=TIMEOUT, output_hook=lambda m: outputs.append(m))
        values = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        json.dump({"status": reply["content"]["status"], "values": values}, sys.stdout)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


outputs = []


def main():
    km = KernelManager(kernel_name="java")
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    result = {"startup_seconds": time.monotonic() - t0, "cells": {}}
    try:
        def execute(name, code, on_message=None):
            sent = time.monotonic()
            msg_id = kc.execute(code)
            return collect(name, msg_id, sent, code, on_message)

        def collect(name, msg_id, sent, code, on_message=None):
            """The cell's iopub messages until idle; on_message sees each as it arrives (to react to events)."""
            messages = []
            while True:
                m = kc.get_iopub_msg(timeout=TIMEOUT)
                if m["parent_header"].get("msg_id") != msg_id:
                    continue
                messages.append({"type": m["msg_type"], "at": time.monotonic() - sent, "content": m["content"]})
                if on_message is not None:
                    on_message(m)
                if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                    break
            while True:
                r = kc.get_shell_msg(timeout=TIMEOUT)
                if r["parent_header"].get("msg_id") == msg_id:
                    break
            result["cells"][name] = {"code": code, "messages": messages, "reply": r["content"],
                                     "seconds": time.monotonic() - sent}
            return result["cells"][name]

        execute("multi", "int a = 20;\nint b = 22;\nString label = \"sum\";\nlabel + \"=\" + (a + b)")
        execute("expression", "a * b")
        execute("table", "var t = Table.create(\"scores\", StringColumn.create(\"model_name\", \"m1\", \"m2\"),"
                         " DoubleColumn.create(\"metric_value\", 0.5, 0.25));\nt")
        execute("chart", "var c = new XYChartBuilder().width(400).height(300).title(\"demo\").build();\n"
                         "c.addSeries(\"s\", new double[] {1, 2, 3}, new double[] {2, 3, 1});\nc")
        # each line must reach the client while the cell runs: the cell goes on only once the
        # driver has seen the line (it waits for a file the driver creates on receiving it)
        seen = tempfile.mkdtemp(prefix="kernel-it-")
        try:
            def mark_seen(m):
                if m["msg_type"] == "stream":
                    for line in m["content"]["text"].splitlines():
                        if line.startswith("tick "):
                            open(os.path.join(seen, line.replace(" ", "-")), "w").close()
            execute("stream", "var seen = java.nio.file.Path.of(\"" + seen + "\");\n"
                              "for (int i = 0; i < 4; i++) {\n  System.out.println(\"tick \" + i);\n"
                              "  while (!java.nio.file.Files.exists(seen.resolve(\"tick-\" + i))) Thread.sleep(5);\n}",
                    on_message=mark_seen)
        finally:
            shutil.rmtree(seen, ignore_errors=True)
        execute("compile_error", "int ok = 1;\nint wrong = \"text\";")
        execute("runtime_error", "int ratio(int x, int y) {\n  return x / y;\n}\nratio(a, 0)")
        execute("display", "var id = display(\"first\");\nupdateDisplay(id, \"second\");")
        execute("null_pointer", "String s = null;\ns.length()")
        # interrupt a loop that never checks for interruption (once it says it runs), then use earlier state
        interrupted = {}

        def interrupt_when_spinning(m):
            if m["msg_type"] == "stream" and "spinning" in m["content"]["text"] and not interrupted:
                interrupted["at"] = time.monotonic()
                km.interrupt_kernel()
        execute("loop", "long spins = 0;\nwhile (true) { if (spins++ == 0) System.out.println(\"spinning\"); }",
                on_message=interrupt_when_spinning)
        result["interrupt_seconds"] = time.monotonic() - interrupted["at"]
        execute("after_interrupt", "a + b + (spins > 0 ? 1 : 0)")

        # "Run All": a failing cell, then cells queued behind it are aborted, not run
        ids = [kc.execute("throw new IllegalStateException(\"stop here\");"),
               kc.execute("int afterError = 1;"), kc.execute("afterError + 1")]
        replies = {}
        while len(replies) < len(ids):
            r = kc.get_shell_msg(timeout=TIMEOUT)
            pid = r["parent_header"].get("msg_id")
            if pid in ids:
                replies[pid] = r["content"]
        result["queued_after_error"] = [replies[i] for i in ids]
        # sent after every queued reply arrived, hence after the failure: it runs
        execute("after_abort", "a + 1")

        code = "int n = 1;\nStr"
        mid = kc.complete(code, len(code))
        result["complete"] = reply_to(kc, mid)["content"]
        result["is_complete"] = {}
        for c in ["int x = 1;", "for (int i = 0; i < 3; i++) {", "int x = ;)"]:
            mid = kc.is_complete(c)
            result["is_complete"][c] = reply_to(kc, mid)["content"]
        mid = kc.inspect("Math.max(1, 2)", 6)
        result["inspect"] = reply_to(kc, mid)["content"]
        mid = kc.inspect("Math.max", len("Math.max"))
        result["inspect_bare_method"] = reply_to(kc, mid)["content"]

        # round trip of a trivial cell after warm-up
        times = []
        for i in range(10):
            t = time.monotonic()
            execute("trivial", "1 + 1")
            times.append(time.monotonic() - t)
        times.sort()
        result["trivial_median_seconds"] = times[len(times) // 2]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    json.dump(result, sys.stdout)


def reply_to(kc, msg_id):
    while True:
        r = kc.get_shell_msg(timeout=TIMEOUT)
        if r["parent_header"].get("msg_id") == msg_id:
            return r


if __name__ == "__main__":
    smoke() if sys.argv[1:] == ["--smoke"] else main()
