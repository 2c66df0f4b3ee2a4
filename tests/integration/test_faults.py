"""Fault isolation and lifecycle (DESIGN §5), each row against a running prismd:
crashing, aborting, hanging and failing plugins, a worker killed under load,
backpressure, drain on SIGTERM, hot reload (command, SIGHUP, a changed .so) and
worker recycling. The `faulty` test plugin misbehaves on marked documents."""
import os
import shutil
import signal
import threading
import time

import msgpack
import pytest
import zmq

from conftest import REAL_SIGNALS, TESTS

FAULTY = f"plugin.faulty.path={TESTS}/faulty.so"


def docs_of(records, topic="doc"):
    return [r for t, r in records if t == topic]


def ids(records, topic="doc"):
    return [r["id"] for r in docs_of(records, topic)]


def wait_for(pred, timeout=20.0, step=0.05):
    deadline = time.time() + timeout
    while time.time() < deadline:
        v = pred()
        if v:
            return v
        time.sleep(step)
    raise AssertionError("condition not met in time")


def worker_pids(daemon):
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == daemon.proc.pid:
                    out.append(int(pid))
            except OSError:
                pass
    return out


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


@pytest.mark.parametrize("marker", ["PRISM_TEST_CRASH", "PRISM_TEST_ABORT"])
def test_crash_costs_one_document(daemon_factory, marker):
    d = daemon_factory(sets=[FAULTY], env=REAL_SIGNALS)
    sent = [f"ok{i}" for i in range(40)]
    for i, name in enumerate(sent):
        d.send({"id": name, "text": f"Ordinary story {i}."})
        if i == 10:
            d.send({"id": "bomb", "text": f"This one {marker}s the worker."})
    got = d.collect(until=lambda t, r: False, timeout=3.0)
    errs = docs_of(got, "err")
    assert [(e["id"], e["code"], e["plugin"]) for e in errs] == [("bomb", "plugin_crash", "faulty")]
    assert "faulty" in errs[0]["message"]
    assert msgpack.unpackb(errs[0]["payload"])["id"] == "bomb"
    # every other document exactly once
    assert sorted(ids(got)) == sorted(sent)
    st = d.ctl("stats")
    assert st["plugin_crashes"] == 1 and st["retries"] == 1
    assert st["worker_deaths"] >= 2  # the first try and the retry
    wait_for(lambda: d.ctl("health")["status"] == "ok")


def test_a_crash_inside_a_batch_costs_only_its_document(daemon_factory):
    """A worker busy with a slow document takes the next ones as one batch.
    When a plugin crashes on one in the middle, the broker names that
    document (from the status page), not the batch's first; the rest of the
    batch goes to the next worker and is answered once."""
    d = daemon_factory(sets=[FAULTY], env=REAL_SIGNALS, workers=1)
    sent = ["slow"]
    d.send({"id": "slow", "text": "PRISM_TEST_SLOW first"})
    for i in range(12):
        d.send({"id": f"a{i}", "text": f"Ordinary story {i}."})
        sent.append(f"a{i}")
        if i == 6:
            d.send({"id": "bomb", "text": "This one PRISM_TEST_CRASHes the worker."})
    got = d.collect(until=lambda t, r: False, timeout=3.0)
    errs = docs_of(got, "err")
    assert [(e["id"], e["code"], e["plugin"]) for e in errs] == [("bomb", "plugin_crash", "faulty")]
    assert sorted(ids(got)) == sorted(sent)
    st = d.ctl("stats")
    assert st["plugin_crashes"] == 1 and st["retries"] == 1
    assert st["batches"] < st["published"]  # some ran together
    wait_for(lambda: d.ctl("health")["status"] == "ok")


def test_hang_is_killed_and_answered(daemon_factory):
    d = daemon_factory(sets=[FAULTY, "daemon.plugin_timeout_ms=400"])
    d.send({"id": "stuck", "text": "PRISM_TEST_HANG forever"})
    for i in range(20):
        d.send({"id": f"ok{i}", "text": "fine"})
    got = d.collect(until=lambda t, r: False, timeout=3.0)
    errs = docs_of(got, "err")
    assert [(e["id"], e["code"], e["plugin"]) for e in errs] == [("stuck", "plugin_timeout", "faulty")]
    assert sorted(ids(got)) == sorted(f"ok{i}" for i in range(20))
    assert d.ctl("stats")["plugin_timeouts"] == 1
    wait_for(lambda: d.ctl("health")["status"] == "ok")


def test_plugin_error_keeps_the_other_results(daemon_factory):
    d = daemon_factory(sets=[FAULTY])
    d.send({"id": "f", "text": "Please PRISM_TEST_FAIL now."})
    doc = docs_of(d.collect(until=lambda t, r: t == "doc"))[0]
    assert doc["errors"] == {"faulty": "faulty: asked to fail (PRISM_TEST_FAIL)"}
    assert "faulty" not in doc["results"] and doc["results"]["example"]["words"] == 3
    assert d.ctl("stats")["plugin_errors"] == 1


def test_kill_9_of_a_worker_under_load_loses_nothing(daemon_factory):
    d = daemon_factory(sets=[FAULTY])
    n = 150
    for i in range(n):
        d.send({"id": f"k{i}", "text": f"PRISM_TEST_SLOW story {i}"})
    first = d.collect(4)
    victim = worker_pids(d)[0]
    os.kill(victim, signal.SIGKILL)
    got = first + d.collect(until=lambda t, r: False, timeout=3.0)
    assert sorted(ids(got)) == sorted(f"k{i}" for i in range(n))  # once each
    assert docs_of(got, "err") == []
    assert victim not in worker_pids(d)
    wait_for(lambda: d.ctl("health")["status"] == "ok")


def test_backpressure_blocks_the_sender_without_loss(daemon_factory):
    d = daemon_factory(sets=[FAULTY, "daemon.queue_max=20", "daemon.input_hwm=10"],
                       workers=1)
    rss_before = rss_kb(d.proc.pid)
    d.push.setsockopt(zmq.SNDTIMEO, 1000)
    pad = "x" * 20000
    sent, blocked = [], False
    deadline = time.time() + 60  # fail, never hang, if the broker trickles
    for i in range(5000):
        if time.time() > deadline:
            break
        try:
            d.send({"id": f"b{i}", "text": f"PRISM_TEST_SLOW {pad}"})
        except zmq.Again:
            blocked = True
            break
        sent.append(f"b{i}")
    assert blocked, "the sender never blocked"
    st = d.ctl("stats")
    assert st["queue"] <= 20 and st["inflight"] <= 16  # queue_max, prefetch
    # the broker holds at most queue_max + prefetch documents: memory stays flat
    assert rss_kb(d.proc.pid) - rss_before < 30 * 1024
    got = d.collect(until=lambda t, r: False, timeout=5.0)
    assert sorted(ids(got)) == sorted(sent)
    assert docs_of(got, "err") == []


def test_sigterm_drains_every_accepted_document(daemon_factory):
    d = daemon_factory(sets=[FAULTY], workers=2)
    for i in range(200):
        d.send({"id": f"t{i}", "text": f"PRISM_TEST_SLOW {i}"})
    wait_for(lambda: d.ctl("stats")["accepted"] >= 30)
    got = []
    reader = threading.Thread(target=lambda: got.extend(d.collect(timeout=4.0)))
    reader.start()
    assert d.stop() == 0
    reader.join()
    log = d.logs()
    line = [l for l in log.splitlines() if "stopped:" in l][-1]
    accepted = int(line.split("stopped: ")[1].split()[0])
    published = int(line.split(", ")[1].split()[0])
    assert accepted == published
    # the start-up probes were published before; the rest came out once each
    assert len(set(ids(got))) == len(ids(got)) == accepted - d.probes


def replace_file(src, dst):
    tmp = dst + ".new"
    shutil.copyfile(src, tmp)
    os.rename(tmp, dst)  # atomic: a worker never sees half a file


def version_of(d, name):
    d.send({"id": name, "text": "version check"})
    doc = docs_of(d.collect(until=lambda t, r: t == "doc" and r["id"] == name))[-1]
    return doc["prov"]["faulty"]["version"]


def test_reload_loads_a_changed_plugin_file_and_drops_nothing(daemon_factory, tmp_path):
    so = str(tmp_path / "faulty.so")
    shutil.copyfile(f"{TESTS}/faulty.so", so)
    d = daemon_factory(sets=[f"plugin.faulty.path={so}"])
    assert version_of(d, "v-before") == "1"
    # a steady stream while the plugin is swapped and reloaded
    n = 400
    stop = threading.Event()

    def feed():
        push = d.ctx.socket(zmq.PUSH)
        push.connect(d.input)
        for i in range(n):
            push.send(msgpack.packb({"id": f"r{i}", "text": "during reload"}))
            time.sleep(0.004)
        push.close(linger=5000)
        stop.set()
    t = threading.Thread(target=feed)
    t.start()
    time.sleep(0.2)
    replace_file(f"{TESTS}/faulty_v2.so", so)
    assert d.ctl("reload", timeout=30000) == {"ok": True, "generation": 2}
    t.join()
    got = d.collect(until=lambda t_, r: False, timeout=3.0)
    assert sorted(i for i in ids(got) if i.startswith("r")) == sorted(f"r{i}" for i in range(n))
    assert version_of(d, "v-after") == "2"


def test_failed_reload_keeps_the_old_plugins(daemon_factory, tmp_path):
    so = str(tmp_path / "faulty.so")
    shutil.copyfile(f"{TESTS}/faulty.so", so)
    d = daemon_factory(sets=[f"plugin.faulty.path={so}"])
    replace_file(f"{TESTS}/bad_abi.so", so)
    r = d.ctl("reload", timeout=30000)
    assert r["ok"] is False and "ABI 99.0" in r["error"]
    assert d.ctl("health")["last_reload_error"]
    assert version_of(d, "still-old") == "1"  # the old workers still serve
    assert d.ctl("stats")["reload_failures"] == 1


def test_sighup_and_watched_plugin_folder_reload(daemon_factory, tmp_path):
    so = str(tmp_path / "faulty.so")
    shutil.copyfile(f"{TESTS}/faulty.so", so)
    d = daemon_factory(sets=[f"plugin.faulty.path={so}", "daemon.watch_plugins=yes"])
    d.proc.send_signal(signal.SIGHUP)
    wait_for(lambda: d.ctl("stats")["reloads"] == 1)
    replace_file(f"{TESTS}/faulty_v2.so", so)  # no command: the watch sees it
    wait_for(lambda: d.ctl("stats")["reloads"] == 2)
    assert version_of(d, "watched") == "2"


def test_workers_are_recycled_after_max_docs(daemon_factory):
    d = daemon_factory(sets=[FAULTY, "daemon.worker_max_docs=10"], workers=1)
    for i in range(35):
        d.send({"id": f"m{i}", "text": "count me"})
    got = d.collect(until=lambda t, r: False, timeout=3.0)
    docs = docs_of(got)
    assert sorted(x["id"] for x in docs) == sorted(f"m{i}" for i in range(35))
    pids = {x["results"]["faulty"]["pid"] for x in docs}
    assert len(pids) >= 3
    assert d.ctl("stats")["recycled"] >= 3


def test_workers_are_recycled_above_max_rss(daemon_factory):
    d = daemon_factory(sets=[FAULTY, "daemon.worker_max_rss_mb=1"], workers=1)
    for i in range(30):
        d.send({"id": f"m{i}", "text": "PRISM_TEST_SLOW grow"})
        time.sleep(0.05)
    got = d.collect(until=lambda t, r: False, timeout=3.0)
    assert sorted(ids(got)) == sorted(f"m{i}" for i in range(30))
    assert d.ctl("stats")["recycled"] >= 1


def test_drain_timeout_answers_what_is_left(daemon_factory):
    d = daemon_factory(sets=[FAULTY, "daemon.drain_timeout_ms=500"], workers=1)
    d.send({"id": "stuck", "text": "PRISM_TEST_HANG"})
    for i in range(5):
        d.send({"id": f"w{i}", "text": "waiting behind it"})
    wait_for(lambda: d.ctl("stats")["accepted"] >= 6 + d.probes)
    got = []
    reader = threading.Thread(target=lambda: got.extend(d.collect(timeout=3.0)))
    reader.start()
    assert d.stop() == 0
    reader.join()
    errs = docs_of(got, "err")
    assert sorted(e["id"] for e in errs) == sorted(["stuck"] + [f"w{i}" for i in range(5)])
    assert all(e["code"] == "internal" and "drain_timeout_ms" in e["message"] for e in errs)
