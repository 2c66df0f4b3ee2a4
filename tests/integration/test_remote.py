"""Scale-out (DESIGN §7): a prism-worker started by hand connects to a broker's
worker endpoint over tcp and takes a share of the documents; when it leaves
(SIGTERM) or dies (SIGKILL) under load, no document is lost or doubled."""
import os
import signal
import subprocess
import time

import pytest

from conftest import BIN, CONFIG, ROOT, TESTS, free_port, only

FAULTY = f"plugin.faulty.path={TESTS}/faulty.so"


def start_remote(endpoint):
    args = [os.path.join(BIN, "prism-worker"), "-c", CONFIG, "--connect", endpoint]
    for s in only("example") + [FAULTY]:
        args += ["--set", s]
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_remote_worker_shares_the_load_and_leaves_cleanly(daemon_factory, how):
    ep = f"tcp://127.0.0.1:{free_port()}"
    d = daemon_factory(sets=[FAULTY, f"daemon.worker_endpoint={ep}",
                             "daemon.plugin_timeout_ms=1500"], workers=1)
    remote = start_remote(ep)
    try:
        deadline = time.time() + 20
        while d.ctl("stats")["workers_ready"] < 2:
            assert time.time() < deadline, d.logs()
            time.sleep(0.05)
        n = 120
        for i in range(n):
            d.send({"id": f"r{i}", "text": f"PRISM_TEST_SLOW {i}"})
        first = d.collect(30)
        remote.send_signal(how)
        remote.wait(10)
        got = first + d.collect(until=lambda t, r: False, timeout=4.0)
        docs = [r for t, r in got if t == "doc"]
        assert sorted(r["id"] for r in docs) == sorted(f"r{i}" for i in range(n))
        assert [r for t, r in got if t == "err"] == []
        pids = {r["results"]["faulty"]["pid"] for r in docs}
        assert remote.pid in pids and len(pids) >= 2  # both did work
    finally:
        if remote.poll() is None:
            remote.kill()
            remote.wait()
