"""`prism check-plugin`, the conformance harness: the project's own plugins pass
it (under ASan's leak checker when `make test` runs it on build/asan), and it
catches a crash, a hang, a failed init, a wrong ABI and a leak."""
import os

import pytest

from conftest import BUILD, PLUGINS, TESTS, plugin_built, run_cli

ASAN = "asan" in os.path.basename(os.path.normpath(BUILD))


def check(path, *args):
    p = run_cli(["check-plugin", *args, path], check=False, timeout=300)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


@pytest.mark.parametrize("name", ["example", "dateline", "entities", "sentiment"])
def test_project_plugins_pass(name):
    if not plugin_built(name):
        pytest.skip(f"{name}.so not built")
    rc, out, err = check(os.path.join(PLUGINS, f"{name}.so"))
    assert rc == 0, out + err
    assert f"{name}: passed every check" in out
    assert "FAIL" not in out
    assert "LeakSanitizer" not in err


def test_finds_a_crash_and_a_hang():
    rc, out, _ = check(os.path.join(TESTS, "fragile.so"), "--timeout", "2")
    assert rc == 1
    # a SIGSEGV; under ASan, its report and exit status 1
    assert ("FAIL  empty text: crashed with signal 11" in out
            or "FAIL  empty text: the process died with exit status 1" in out)
    assert "FAIL  1 MiB of dots: did not finish within 2 s" in out
    assert "ok    ordinary news story" in out
    assert "fragile: FAILED" in out


def test_reports_a_failed_init():
    rc, out, _ = check(os.path.join(TESTS, "init_fails.so"))
    assert rc == 1
    assert "FAIL  loads and initialises: plugin init_fails" in out
    assert "init failed: model file is missing" in out


def test_reports_another_abi():
    rc, out, _ = check(os.path.join(TESTS, "bad_abi.so"))
    assert rc == 1 and "FAIL  loads" in out and "another ABI major" in out


@pytest.mark.skipif(not ASAN, reason="leaks are caught in the sanitizer build")
def test_finds_a_leak():
    rc, out, err = check(os.path.join(TESTS, "leaky.so"))
    assert rc != 0
    assert "ERROR: LeakSanitizer: detected memory leaks" in err
