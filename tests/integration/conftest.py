"""Shared fixtures for prism's integration tests.

Every test here drives the real programs in $PRISM_BUILD (default build/; `make
test` points it at the sanitizer build build/asan): `prism process` for the
pipeline, and a real `prismd` with real ZeroMQ sockets for the daemon. Helpers:

  process(docs, *sets, config=None) -> list of doc records (dicts), in order
  Daemon(...)                       -> a running prismd on free loopback ports
"""
import json
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, os.environ.get("PRISM_BUILD", "build"))
BIN = os.path.join(BUILD, "bin")
PLUGINS = os.path.join(BUILD, "plugins")
TESTS = os.path.join(BUILD, "tests")
CONFIG = os.path.join(ROOT, "config", "prism.conf")


def config_plugins(config=CONFIG):
    """The [plugin.NAME] sections of a config file."""
    import re
    with open(config, encoding="utf-8") as f:
        return re.findall(r"^\[plugin\.([a-z0-9_]+)\]", f.read(), re.M)


def only(*names, config=CONFIG):
    """--set flags that disable every plugin of the config but names, so a
    test of the daemon does not depend on which plugins the default config
    loads."""
    return [f"plugin.{p}.enabled=no" for p in config_plugins(config)
            if p not in names]


def sets_only(*names, config=CONFIG):
    """only(), as command-line arguments for process() and run_cli()."""
    return [a for s in only(*names, config=config) for a in ("--set", s)]


def base_sets():
    """--set flags that point the default config at this build's plugins."""
    return ["--set", f"daemon.plugin_dir={PLUGINS}"]


def run_cli(args, stdin=None, check=True, timeout=120):
    """Run build/bin/prism with args; return the CompletedProcess (bytes)."""
    p = subprocess.run([os.path.join(BIN, "prism")] + list(args), cwd=ROOT,
                       input=stdin, capture_output=True, timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"prism {' '.join(args)} exited {p.returncode}: "
                             f"{p.stderr.decode(errors='replace')}")
    if check:
        assert_no_sanitizer_report(p.stderr.decode(errors="replace"))
    return p


# For tests whose plugins crash on purpose: the sanitizers leave SIGSEGV and
# SIGABRT to the process, so a crash is the real signal prismd must see.
REAL_SIGNALS = {"ASAN_OPTIONS": "handle_segv=0:handle_abort=0:handle_sigbus=0"}


def assert_no_sanitizer_report(log):
    """Under `make test` the programs are built with ASan and UBSan: any
    report they print fails the test that caused it."""
    for mark in ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                 "runtime error:"):
        assert mark not in log, log[-4000:]


def process(docs, *sets, config=CONFIG):
    """Feed docs (dicts) to `prism process` as JSON Lines on stdin; return the
    records it prints, one per document, in order. Extra arguments are passed
    as they are, e.g. process(docs, "--set", "plugin.dateline.enabled=no")."""
    lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    args = ["process", "-c", config] + base_sets() + list(sets) + ["-"]
    p = run_cli(args, stdin=lines.encode())
    out = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    assert len(out) == len(docs), p.stderr.decode(errors="replace")
    return out


def plugin_built(name):
    return os.path.exists(os.path.join(PLUGINS, name + ".so"))


def needs_plugin(name):
    """Skip (not fail) a test whose plugin is not built, as nginx-tests' has()."""
    return pytest.mark.skipif(not plugin_built(name), reason=f"{name}.so not built")


# ---- a real daemon on free loopback ports -----------------------------------

import signal
import socket
import tempfile
import time

import msgpack
import zmq


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_probe(rec):
    """Whether a record answers one of wait_ready's probes."""
    return (isinstance(rec, dict) and isinstance(rec.get("id"), str)
            and rec["id"].startswith("__probe"))


class Daemon:
    """A real prismd on free loopback ports, with a PUSH socket to feed it,
    a SUB socket subscribed to everything, and a REQ for control. Of the
    default config's plugins only `plugins` are loaded (the example, unless
    said otherwise); extra --set flags go in `sets`. Stop it with stop() (SIGTERM; returns the exit
    code) or let the fixture do it."""

    def __init__(self, sets=(), workers=2, config=CONFIG, env=None,
                 plugins=("example",)):
        self.tmp = tempfile.mkdtemp(prefix="prism-it-")
        self.input = f"tcp://127.0.0.1:{free_port()}"
        self.output = f"tcp://127.0.0.1:{free_port()}"
        self.control = f"tcp://127.0.0.1:{free_port()}"
        args = [os.path.join(BIN, "prismd"), "-c", config,
                "--set", f"daemon.input={self.input}",
                "--set", f"daemon.output={self.output}",
                "--set", f"daemon.control={self.control}",
                "--set", f"daemon.workers={workers}",
                "--set", f"daemon.runtime_dir={self.tmp}"]
        for s in list(only(*plugins, config=config)) + list(sets):
            args += ["--set", s]
        self.log_path = os.path.join(self.tmp, "prismd.log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(args, cwd=ROOT, stdout=self.log,
                                     stderr=subprocess.STDOUT,
                                     env=dict(os.environ, **(env or {})))
        self.ctx = zmq.Context()
        self.sub = self.ctx.socket(zmq.SUB)
        self.sub.setsockopt(zmq.SUBSCRIBE, b"")
        self.sub.setsockopt(zmq.RCVHWM, 0)
        self.sub.setsockopt(zmq.LINGER, 0)
        self.sub.connect(self.output)
        self.push = self.ctx.socket(zmq.PUSH)
        self.push.setsockopt(zmq.SNDTIMEO, 10000)
        self.push.setsockopt(zmq.LINGER, 0)
        self.push.connect(self.input)
        try:
            self.wait_ready()
        except BaseException:
            # a daemon that never came up is stopped and its sockets
            # closed here: the fixture never sees it
            self.close()
            raise

    def logs(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode(errors="replace")

    def ctl(self, cmd, timeout=10000):
        req = self.ctx.socket(zmq.REQ)
        req.setsockopt(zmq.LINGER, 0)
        req.setsockopt(zmq.RCVTIMEO, timeout)
        req.connect(self.control)
        try:
            req.send(cmd.encode())
            return msgpack.unpackb(req.recv(), raw=False)
        finally:
            req.close()

    def wait_ready(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"prismd exited {self.proc.returncode}:\n{self.logs()}")
            try:
                h = self.ctl("health", timeout=500)
                if h.get("status") == "ok":
                    break
            except zmq.Again:
                pass
            time.sleep(0.05)
        else:
            raise AssertionError("prismd not ready:\n" + self.logs())
        # the SUB socket joins late (ZeroMQ's slow joiner): send probes until
        # one comes back, then forget them
        self.probes = 0
        for i in range(200):
            self.send({"id": f"__probe{i}", "text": "probe"})
            self.probes += 1
            if self.sub.poll(100):
                break
        time.sleep(0.2)
        self.drain_sub()

    def drain_sub(self):
        while self.sub.poll(50):
            self.sub.recv_multipart()

    def send(self, doc):
        """Sends a dict as msgpack, or bytes as they are."""
        self.push.send(doc if isinstance(doc, bytes) else msgpack.packb(doc))

    def collect(self, n=None, timeout=10.0, until=None):
        """Receives (topic, record) pairs: n of them, or until `until(topic,
        record)` is true, or until timeout seconds pass without one."""
        got = []
        while n is None or len(got) < n:
            if not self.sub.poll(int(timeout * 1000)):
                break
            topic, payload = self.sub.recv_multipart()
            rec = msgpack.unpackb(payload, raw=False, strict_map_key=False)
            if is_probe(rec):
                continue  # a start-up probe answered after the drain
            got.append((topic.decode(), rec))
            if until and until(got[-1][0], rec):
                break
        return got

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def close(self):
        self.stop()
        self.sub.close(0)
        self.push.close(0)
        self.ctx.term()
        self.log.close()


@pytest.fixture
def daemon_factory():
    made = []

    def make(*args, **kw):
        d = Daemon(*args, **kw)
        made.append(d)
        return d
    yield make
    for d in made:
        d.close()
        assert_no_sanitizer_report(d.logs())


@pytest.fixture
def daemon(daemon_factory):
    return daemon_factory()
