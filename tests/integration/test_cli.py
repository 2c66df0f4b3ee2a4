"""The command-line programs as a user runs them: --help everywhere, the tour's
send/sub/ctl against a real daemon, process on good and bad lines, plugins,
and prismd's refusal of a bad config with file:line."""
import json
import os
import subprocess
import time

import pytest

from conftest import BIN, CONFIG, ROOT, free_port, only, run_cli, sets_only

STORY = os.path.join(ROOT, "config", "examples", "baltic-ports.txt")
STORY_JSONL = os.path.join(ROOT, "config", "examples", "baltic-ports.jsonl")


@pytest.mark.parametrize("cmd", [["prism", "--help"], ["prismd", "--help"],
                                 ["prism-worker", "--help"]] +
                         [["prism", c, "--help"] for c in
                          ["process", "send", "sub", "ctl", "bench", "plugins",
                           "check-plugin"]])
def test_every_program_has_help(cmd):
    p = subprocess.run([os.path.join(BIN, cmd[0])] + cmd[1:], capture_output=True)
    assert p.returncode == 0
    assert b"usage:" in p.stdout


def test_unknown_command_and_option():
    p = run_cli(["frobnicate"], check=False)
    assert p.returncode == 2 and b"unknown command 'frobnicate'" in p.stderr
    p = run_cli(["process", "--bogus"], check=False)
    assert p.returncode == 2


def test_send_sub_ctl_tour(daemon):
    sub = subprocess.Popen([os.path.join(BIN, "prism"), "sub", "-e", daemon.output,
                            "-n", "2", "--timeout", "15000", "doc"],
                           stdout=subprocess.PIPE, cwd=ROOT)
    time.sleep(0.5)  # let the subscriber join
    run_cli(["send", "-e", daemon.input, STORY])
    run_cli(["send", "-e", daemon.input, STORY_JSONL])
    out, _ = sub.communicate(timeout=30)
    recs = [json.loads(l) for l in out.decode().splitlines()]
    assert [r["topic"] for r in recs] == ["doc", "doc"]
    assert {r["id"] for r in recs} == {"baltic-ports.txt", "baltic-ports"}
    text = open(STORY, encoding="utf-8").read()
    assert recs[0]["text"] == text or recs[1]["text"] == text
    st = run_cli(["ctl", "-e", daemon.control, "stats"])
    assert json.loads(st.stdout)["accepted"] >= 2
    assert run_cli(["ctl", "-e", daemon.control, "nonsense"], check=False).returncode == 1


def test_ctl_and_send_without_a_daemon():
    ep = f"tcp://127.0.0.1:{free_port()}"
    p = run_cli(["ctl", "-e", ep, "--timeout", "300", "health"], check=False)
    assert p.returncode == 1 and b"no answer from" in p.stderr
    p = run_cli(["send", "-e", ep, "--timeout", "300", STORY], check=False)
    assert p.returncode == 1 and b"took a document" in p.stderr


def test_process_answers_every_line(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "ok", "text": "Fine."}\n'
                 'this is not json\n'
                 '\n'
                 '{"id": "x"}\n'
                 '["id", "text"]\n', encoding="utf-8")
    p = run_cli(["process", "-c", CONFIG] + sets_only("example") + [str(f)])
    recs = [json.loads(l) for l in p.stdout.decode().splitlines()]
    assert [r.get("code") for r in recs] == [None, "bad_json", "missing_text", "not_a_map"]
    assert recs[0]["results"]["example"]["words"] == 1
    assert f"{f}:2: not JSON" in recs[1]["message"]
    assert f"{f}:4:" in recs[2]["message"] and recs[2]["id"] == "x"
    assert b"4 documents, 3 refused" in p.stderr


def test_plugins_lists_options():
    p = run_cli(["plugins", "-c", CONFIG] + sets_only("example"))
    assert b"example 1.0.0" in p.stdout and b"words_per_minute" in p.stdout


def test_prismd_refuses_a_bad_config(tmp_path):
    conf = tmp_path / "bad.conf"
    conf.write_text("[daemon]\nworkers = 2\nqueue_max = many\n")
    p = subprocess.run([os.path.join(BIN, "prismd"), "-c", str(conf)],
                       capture_output=True, timeout=30)
    assert p.returncode == 2
    assert f"{conf}:3: queue_max: 'many' is not an integer".encode() in p.stderr
    p = subprocess.run([os.path.join(BIN, "prismd"), "-c", CONFIG, "--check"],
                       capture_output=True, timeout=30)
    assert p.returncode == 0 and b"ok" in p.stdout


def test_prismd_stops_when_plugins_cannot_load(tmp_path):
    conf = tmp_path / "p.conf"
    conf.write_text(f"[daemon]\ninput = tcp://127.0.0.1:{free_port()}\n"
                    f"output = tcp://127.0.0.1:{free_port()}\n"
                    f"control = tcp://127.0.0.1:{free_port()}\n"
                    f"runtime_dir = {tmp_path}\nworkers = 1\n"
                    "[plugin.missing]\npath = /nonexistent/missing.so\n")
    p = subprocess.run([os.path.join(BIN, "prismd"), "-c", str(conf)],
                       capture_output=True, timeout=60)
    assert p.returncode == 1
    assert b"cannot load /nonexistent/missing.so" in p.stderr
