"""Plays with the rnnbook kernel as a learner does, through jupyter_client, and checks what comes back.

Usage: /usr/bin/python3 kernel_session.py KERNEL_DIR OUT_DIR
The kernelspec is found through JUPYTER_PATH (set by the caller). Prints "PASS name" or "FAIL name: why" per
check and exits 0 only when every check passed. The checks:
  interrupt   a busy loop that never looks at its interrupt flag is stopped by Kernel > Interrupt: the cell gets
              its reply (an "Interrupted" error) and later cells print and return values again;
  interrupt-compiling  an interrupt while the cell's statements are still being compiled (JShell compiles and runs
              a cell one statement at a time; no statement is running) stops the rest of the cell: the cell gets
              the "Interrupted" error and its last statement never prints; the next cell runs as usual;
  restart     after a restart, a name from an earlier cell is a compile error that hints "Run All Above";
  compile     a compile error carries the compiler's message in evalue;
  coalesce    a cell's printed lines come back as one stream output;
  learner     a shape error thrown inside the engine names the learner's line and both shapes;
  fast-path   the kernel's JVM has the Vector API module (the engine's SIMD path);
  quiet       the kernel wrote nothing to its stdout or stderr;
  logs        the kernel log is private (0600), holds no signing key, and no .lck file is left.
"""
import os
import stat
import sys
import time

from jupyter_client.manager import KernelManager

LONG_LOOP = "long s = 0;\nfor (long i = 0; i < 500_000_000_000L; i++) { s += i % 7; }\ns"
results = []


def check(name, ok, why=""):
    results.append(ok)
    print(("PASS %s" % name) if ok else ("FAIL %s: %s" % (name, why)), flush=True)


def run(kc, code, timeout=60):
    """Executes code; returns (reply content, list of iopub messages other than status/execute_input)."""
    seen = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=seen.append)
    return reply["content"], [m for m in seen if m["msg_type"] not in ("status", "execute_input")]


def stdout_of(msgs):
    return "".join(m["content"]["text"] for m in msgs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def result_of(msgs):
    return [m["content"]["data"].get("text/plain") for m in msgs if m["msg_type"] == "execute_result"]


def errors_of(msgs):
    return [m["content"] for m in msgs if m["msg_type"] == "error"]


def wait_started(kc, msg_id):
    """Waits (up to 60 s) until the kernel has taken the cell msg_id (its execute_input)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        m = kc.get_iopub_msg(timeout=60)
        if m["msg_type"] == "execute_input" and m["parent_header"].get("msg_id") == msg_id:
            break


def interrupt(km, kc):
    run(kc, "int n = 5;")
    msg_id = kc.execute(LONG_LOOP)
    # wait until the kernel has started the cell, then give it time to be deep in the loop
    wait_started(kc, msg_id)
    time.sleep(2)
    t0 = time.monotonic()
    km.interrupt_kernel()
    reply = None
    while time.monotonic() - t0 < 30:
        m = kc.get_shell_msg(timeout=30)
        if m["parent_header"].get("msg_id") == msg_id:
            reply = m["content"]
            break
    took = time.monotonic() - t0
    check("interrupt: the interrupted cell gets its reply",
          reply is not None and reply["status"] == "error" and reply.get("ename") == "EvaluationInterruptedException",
          "reply %r" % reply)
    print("   (reply %.2f s after the interrupt)" % took, flush=True)
    reply, msgs = run(kc, 'System.out.println("after the interrupt");')
    check("interrupt: a later cell prints", reply["status"] == "ok" and stdout_of(msgs) == "after the interrupt\n",
          "status %s, outputs %r" % (reply["status"], msgs))
    reply, msgs = run(kc, "n + 1")
    check("interrupt: a later cell returns its value, earlier variables kept",
          reply["status"] == "ok" and result_of(msgs) == ["6"], "status %s, outputs %r" % (reply["status"], msgs))


def interrupt_compiling(km, kc):
    # 300 short statements: most of the cell's time is JShell compiling them, one by one
    code = "".join("int v%d = %d;\n" % (i, i) for i in range(300)) + 'System.out.println("reached the end");'
    msg_id = kc.execute(code)
    wait_started(kc, msg_id)
    time.sleep(1)
    km.interrupt_kernel()
    reply, printed, shown = None, "", ""
    t0 = time.monotonic()
    while time.monotonic() - t0 < 120 and reply is None:
        m = kc.get_shell_msg(timeout=120)
        if m["parent_header"].get("msg_id") == msg_id:
            reply = m["content"]
    while True:   # the cell's outputs, up to its idle
        m = kc.get_iopub_msg(timeout=30)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream":
            printed += m["content"]["text"]
        if m["msg_type"] == "error":
            shown += "\n".join(m["content"]["traceback"])
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    check("interrupt-compiling: the rest of the cell does not run",
          reply is not None and reply["status"] == "error" and "reached the end" not in printed,
          "reply %r, printed %r" % (reply and (reply["status"], reply.get("ename")), printed[-200:]))
    check("interrupt-compiling: the error says to run the cell again to its end",
          "run this cell again to its end" in shown, "traceback %r" % shown[:400])
    reply, msgs = run(kc, 'System.out.println("next cell");')
    check("interrupt-compiling: the next cell runs", reply["status"] == "ok" and stdout_of(msgs) == "next cell\n",
          "status %s, outputs %r" % (reply["status"], msgs))


def restart(km, kc):
    run(kc, 'String sentence = "the cat sat";')
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    reply, msgs = run(kc, "sentence.length()")
    errs = errors_of(msgs)
    tb = "\n".join(errs[0]["traceback"]) if errs else ""
    check("restart: a name from a cell above gets the Run All Above hint",
          reply["status"] == "error" and "cannot find symbol" in errs[0]["evalue"]
          and "'sentence' is not defined in this kernel" in tb and "Cell > Run All Above" in tb,
          "errors %r" % errs)


def compile_error(kc):
    reply, msgs = run(kc, 'String s = 1;')
    errs = errors_of(msgs)
    check("compile: evalue holds the compiler's message",
          len(errs) == 1 and "incompatible types: int cannot be converted to java.lang.String" in errs[0]["evalue"],
          "errors %r" % errs)


def coalesce(kc):
    reply, msgs = run(kc, 'System.out.println("first");\nfor (int i = 0; i < 30; i++) { System.out.println(i); }\n'
                          'System.out.println("last");')
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    expected = "first\n" + "".join("%d\n" % i for i in range(30)) + "last\n"
    check("coalesce: one stream output per cell",
          len(streams) == 1 and streams[0]["content"]["text"] == expected,
          "%d stream outputs: %r" % (len(streams), [s["content"]["text"][:40] for s in streams]))


def learner_line(kc):
    reply, msgs = run(kc, "import rnnbook.tensor.Matrix;\nMatrix x = Matrix.zeros(2, 3);\n"
                          "Matrix w = Matrix.zeros(4, 5);\nMatrix h = x.matmul(w);")
    errs = errors_of(msgs)
    tb = errs[0]["traceback"] if errs else []
    check("learner: a shape error names the learner's line and both shapes",
          len(errs) == 1 and errs[0]["ename"] == "IllegalArgumentException"
          and "(2, 3)" in errs[0]["evalue"] and "(4, 5)" in errs[0]["evalue"]
          and len(tb) > 1 and tb[1] == "--> line 4 of this cell: Matrix h = x.matmul(w);",
          "errors %r" % errs)


def fast_path(kc):
    reply, msgs = run(kc, 'ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()')
    check("fast-path: the kernel JVM has jdk.incubator.vector", result_of(msgs) == ["true"], "outputs %r" % msgs)


def main():
    kernel_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    out_path, err_path = os.path.join(out_dir, "kernel.out"), os.path.join(out_dir, "kernel.err")
    km = KernelManager(kernel_name="rnnbook")
    out, err = open(out_path, "w"), open(err_path, "w")   # kept open: a restart starts the kernel with them again
    km.start_kernel(stdout=out, stderr=err)
    key = km.session.key.decode()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        for scenario in (lambda: interrupt(km, kc), lambda: interrupt_compiling(km, kc), lambda: compile_error(kc), lambda: coalesce(kc),
                         lambda: learner_line(kc), lambda: fast_path(kc), lambda: restart(km, kc)):
            try:
                scenario()
            except Exception as e:  # a time-out is a failure of the scenario, not of the whole run
                check("scenario", False, "%s: %s" % (type(e).__name__, e))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        out.close()
        err.close()
    with open(out_path) as f, open(err_path) as g:
        out, err = f.read(), g.read()
    check("quiet: nothing on the kernel's stdout and stderr", out == "" and err == "",
          "stdout %r, stderr %r" % (out[:300], err[:300]))
    log = os.path.join(kernel_dir, "kernel.log")
    mode = stat.S_IMODE(os.stat(log).st_mode) if os.path.exists(log) else None
    logs = [os.path.join(kernel_dir, f) for f in os.listdir(kernel_dir) if ".log" in f]
    leaked = [f for f in logs if key in open(f, errors="replace").read()]
    locks = [f for f in os.listdir(kernel_dir) if f.endswith(".lck")]
    check("logs: private, no key, no lock files", mode == 0o600 and not leaked and not locks,
          "mode %s, key in %r, lock files %r" % (oct(mode) if mode is not None else None, leaked, locks))
    print("%d of %d checks passed" % (sum(results), len(results)), flush=True)
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
