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
    return p


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
