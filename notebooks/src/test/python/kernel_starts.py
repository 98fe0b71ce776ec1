"""Starts the rnnbook kernel N times in a row and checks each start answers within a time limit.

Usage: /usr/bin/python3 kernel_starts.py N TIMEOUT_SECONDS LOG_DIR
The kernelspec is found through JUPYTER_PATH (set by the caller). A start counts as clean when the kernel
answers kernel_info (wait_for_ready: the start-up hang shows here), on every tenth start (1, 11, 21, ...) also
runs one statement whose printed result comes back on stdout with status ok (a started kernel works), and the
kernel process wrote nothing to its stderr (its logs, which include the connection file and
its signing key, must go to the log file instead). Prints one line per start and a summary line
"clean K of N"; exits 0 only when K == N.
"""
import os
import sys
import time

from jupyter_client.manager import KernelManager


def stderr_problem(err_path):
    with open(err_path) as f:
        stderr = f.read()
    return "the kernel wrote to stderr: %r" % stderr[:300] if stderr else None


def one_start(timeout, log_dir, i):
    out_path = os.path.join(log_dir, "kernel-%02d.out" % i)
    err_path = os.path.join(log_dir, "kernel-%02d.err" % i)
    km = KernelManager(kernel_name="rnnbook")
    with open(out_path, "w") as out, open(err_path, "w") as err:
        km.start_kernel(stdout=out, stderr=err)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        if i % 10 != 1:
            return stderr_problem(err_path)
        seen = []
        reply = kc.execute_interactive("System.out.println(6 * 7);", timeout=timeout,
                                       output_hook=lambda m: seen.append(m))
        out = "".join(m["content"].get("text", "") for m in seen
                      if m["msg_type"] == "stream" and m["content"].get("name") == "stdout")
        err = [m for m in seen if m["msg_type"] == "error"
               or (m["msg_type"] == "stream" and m["content"].get("name") == "stderr")]
        if reply["content"]["status"] != "ok" or out.strip() != "42" or err:
            return "bad reply: status=%s stdout=%r errors=%r" % (reply["content"]["status"], out, err)
        return stderr_problem(err_path)
    except Exception as e:  # a timeout is the hang this test is about
        return "%s: %s" % (type(e).__name__, e)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    n, timeout, log_dir = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    os.makedirs(log_dir, exist_ok=True)
    clean = 0
    for i in range(1, n + 1):
        t0 = time.monotonic()
        problem = one_start(timeout, log_dir, i)
        took = time.monotonic() - t0
        if problem is None:
            clean += 1
            print("start %d: clean in %.1f s" % (i, took), flush=True)
        else:
            print("start %d: FAILED after %.1f s: %s" % (i, took, problem), flush=True)
    print("clean %d of %d" % (clean, n), flush=True)
    sys.exit(0 if clean == n else 1)


if __name__ == "__main__":
    main()
