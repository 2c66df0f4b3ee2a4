"""prismd over real ZeroMQ sockets: documents in, records out on every topic,
every malformed input answered on `err` while the daemon goes on, control
commands, `prism process` giving the same results as the daemon, and the
documents a worker holds run as one batch, plugin by plugin."""
import json
import os

import msgpack
import pytest

from conftest import TESTS, needs_plugin, only, process, sets_only

STORY = ("KYIV, Ukraine (AP) — Ukraine’s foreign minister met his Polish "
         "counterpart on Tuesday. “We agreed on 10,000 more shells,” he said.\n"
         "The talks in Rzeszów lasted 3½ hours.")


def by_topic(records):
    out = {}
    for topic, rec in records:
        out.setdefault(topic, []).append(rec)
    return out


def test_document_in_records_out_on_every_topic(daemon):
    daemon.send({"id": "s1", "text": STORY, "title": "Talks", "url": "https://example.org/1",
                 "source": "wire", "lang": "en", "meta": {"feed": 7}})
    daemon.send({"id": "bad"})  # missing text: answered on err
    got = daemon.collect(3)
    t = by_topic(got)
    assert set(t) == {"doc", "r.example", "err"}, got
    doc = t["doc"][0]
    assert doc["id"] == "s1" and doc["text"] == STORY
    assert doc["title"] == "Talks" and doc["meta"] == {"feed": 7}
    assert doc["source"] == "wire" and doc["lang"] == "en"
    assert isinstance(doc["ts"], int) and doc["ts"] > 1_600_000_000_000
    assert doc["pub"] and isinstance(doc["elapsed_us"], int)
    res = doc["results"]["example"]
    # 13 + 8 + 7 words and numbers: the tokenizer splits off "’s" and
    # reads "3½" as the number 3 and the symbol ½ (not a word)
    assert res["words"] == 28 and res["sentences"] == 3
    assert doc["prov"]["example"]["version"] == "1.0.0"
    assert len(doc["prov"]["example"]["config"]) == 16
    r = t["r.example"][0]
    assert r["id"] == "s1" and r["seq"] == doc["seq"] and r["result"] == res
    assert r["prov"] == doc["prov"]["example"]
    err = t["err"][0]
    assert err["code"] == "missing_text" and err["id"] == "bad"
    assert err["pub"] == doc["pub"]
    # seq counts published records (doc and err) one by one
    assert sorted([doc["seq"], err["seq"]]) == [min(doc["seq"], err["seq"]),
                                                min(doc["seq"], err["seq"]) + 1]


def test_code_point_spans_on_non_ascii_text(daemon_factory):
    d = daemon_factory(sets=[f"plugin.liar.path={TESTS}/liar.so"])
    text = "Zürich — 東京 🚀 São Paulo"
    d.send({"id": "u", "text": text})
    doc = [r for t, r in d.collect(3) if t == "doc"][0]
    assert doc["results"]["liar"] == {"start": 0, "end": len(text)}
    ex = doc["results"]["example"]
    assert ex["characters"] == len(text)
    s = ex["longest_sentence"]
    assert text[s["start"]:s["end"]] == text


MALFORMED = [
    ("not_msgpack", b"\xc1\x00garbage"),
    ("not_msgpack", b'{"id": "json", "text": "not msgpack"}'),
    ("not_a_map", msgpack.packb(["id", "text"])),
    ("not_a_map", msgpack.packb("just text")),
    ("missing_id", msgpack.packb({"text": "no id"})),
    ("bad_id", msgpack.packb({"id": 12, "text": "numeric id"})),
    ("bad_id", msgpack.packb({"id": "x" * 300, "text": "long id"})),
    ("missing_text", msgpack.packb({"id": "no-text"})),
    ("bad_text", msgpack.packb({"id": "t", "text": 5})),
    ("bad_text", msgpack.packb({"id": "t", "text": b"bytes not str"})),
    ("bad_utf8", b"\x82\xa2id\xa1u\xa4text\xa4ab\xff\xfe"),
    ("bad_utf8", b"\x82\xa2id\xa1u\xa4text\xa3\xed\xa0\x80"),
    ("bad_field", msgpack.packb({"id": "m", "text": "t", "meta": [1, 2]})),
    ("bad_field", msgpack.packb({"id": "r", "text": "t", "results": {}})),
]


def nest(depth):
    body = b"\x91" * depth + b"\xc0"  # [[[...nil...]]]
    return b"\x83\xa2id\xa4deep\xa4text\xa1t\xa4meta\x81\xa1x" + body


CASES = MALFORMED + [("too_deep", nest(100000))]


@pytest.mark.parametrize("code,payload", CASES,
                         ids=[f"{i}-{c}" for i, (c, _) in enumerate(CASES)])
def test_malformed_input_is_answered_and_daemon_goes_on(daemon, code, payload):
    daemon.send(payload)
    daemon.send({"id": "after", "text": "The daemon still works."})
    got = daemon.collect(until=lambda t, r: t == "doc")
    t = by_topic(got)
    assert [e["code"] for e in t.get("err", [])] == [code], got
    assert t["doc"][0]["id"] == "after"
    err = t["err"][0]
    assert err["message"]
    if code != "too_large":  # the original payload comes back for replay
        assert err["payload"] == payload
    assert daemon.proc.poll() is None


def test_over_the_size_limit(daemon):
    big = {"id": "big", "text": "a" * (3 * 1024 * 1024)}  # 3 MiB > 1 MiB
    daemon.send(big)
    daemon.send({"id": "after", "text": "still here"})
    got = daemon.collect(until=lambda t, r: t == "doc")
    t = by_topic(got)
    assert t["err"][0]["code"] == "too_large" and t["err"][0]["id"] == "big"
    assert "payload" not in t["err"][0]
    assert t["doc"][0]["id"] == "after"


def test_multipart_input_is_refused(daemon):
    daemon.push.send_multipart([msgpack.packb({"id": "a", "text": "x"}), b"second"])
    daemon.send({"id": "after", "text": "fine"})
    t = by_topic(daemon.collect(until=lambda t, r: t == "doc"))
    assert t["err"][0]["code"] == "not_msgpack"
    assert "one message frame" in t["err"][0]["message"]


def test_many_documents_each_published_once_in_seq_order(daemon):
    n = 500
    for i in range(n):
        daemon.send({"id": f"d{i}", "text": f"Document number {i}. It has two sentences."})
    got = daemon.collect(2 * n)
    docs = [r for t, r in got if t == "doc"]
    assert sorted(d["id"] for d in docs) == sorted(f"d{i}" for i in range(n))
    seqs = [d["seq"] for d in docs]
    assert seqs == sorted(seqs) and seqs[-1] - seqs[0] == n - 1
    assert all(d["results"]["example"]["sentences"] == 2 for d in docs)


def test_control_commands(daemon):
    for i in range(3):
        daemon.send({"id": f"c{i}", "text": "counted"})
    daemon.send({"text": "no id"})
    daemon.collect(7)
    st = daemon.ctl("stats")
    assert st["ok"] and st["accepted"] >= 3 and st["rejected"] >= 1
    assert st["rejected_by_code"]["missing_id"] == 1
    assert st["workers_ready"] == 2
    h = daemon.ctl("health")
    assert h["status"] == "ok" and h["workers_ready"] == 2 and h["workers_wanted"] == 2
    p = daemon.ctl("plugins")
    assert [x["name"] for x in p["plugins"]] == ["example"]
    assert p["plugins"][0]["version"] == "1.0.0"
    bad = daemon.ctl("frobnicate")
    assert bad["ok"] is False and "unknown command" in bad["error"]


def test_reload_keeps_documents_flowing(daemon):
    r = daemon.ctl("reload", timeout=30000)
    assert r == {"ok": True, "generation": 2}
    daemon.send({"id": "after-reload", "text": "New workers."})
    t = by_topic(daemon.collect(until=lambda t, r: t == "doc"))
    assert t["doc"][0]["id"] == "after-reload"
    assert daemon.ctl("stats")["reloads"] == 1


def test_prism_process_results_equal_the_daemons(daemon):
    docs = [{"id": "p1", "text": STORY},
            {"id": "p2", "text": "Short one.", "published": "2024-02-03T04:05:06Z"},
            {"id": "p3", "text": ""}]
    for d in docs:
        daemon.send(d)
    got = {r["id"]: r for t, r in daemon.collect(6) if t == "doc"}
    sets = [a for s in only("example") for a in ("--set", s)]
    for rec in process(docs, *sets):
        assert rec["results"] == got[rec["id"]]["results"]
        assert rec["prov"] == got[rec["id"]]["prov"]


def test_sigterm_exits_zero_after_publishing(daemon):
    for i in range(50):
        daemon.send({"id": f"t{i}", "text": "Before the end."})
    got = daemon.collect(100)
    assert len([1 for t, r in got if t == "doc"]) == 50
    assert daemon.stop() == 0
    assert "stopped" in daemon.logs()


ALL = ("example", "dateline", "entities", "sentiment")
STORIES = [
    "LONDON, March 3 (Reuters) - Mark Rutte met Joe Biden in Washington on "
    "Tuesday; NATO allies pledged more help for Ukraine.",
    "Shares of Acme Corp fell 4% after the company cut its outlook, "
    "analysts at Goldman Sachs said.",
    "What a lovely day in Paris! The Louvre was wonderful.",
    "Floods killed 12 people in Bangladesh, officials said on Friday.",
]


@needs_plugin("entities")
@needs_plugin("sentiment")
@pytest.mark.parametrize("batch", ["64K", "0"])
def test_documents_a_worker_holds_run_as_one_batch(daemon_factory, batch):
    """A worker busy with a slow document finds the next ones waiting and
    runs them as one batch, plugin by plugin (worker_batch_bytes); with 0,
    one at a time. Either way each record holds what `prism process` gives
    for that document alone."""
    d = daemon_factory(sets=[f"plugin.faulty.path={TESTS}/faulty.so",
                             f"daemon.worker_batch_bytes={batch}"],
                       workers=1, plugins=ALL)
    docs = [{"id": "slow", "text": "PRISM_TEST_SLOW: the first takes 20 ms."}]
    docs += [{"id": f"b{i}", "text": STORIES[i % len(STORIES)] + f" ({i})"}
             for i in range(40)]
    for doc in docs:
        d.send(doc)
    got = {r["id"]: r for t, r in d.collect(until=lambda t, r: False,
                                            timeout=3.0) if t == "doc"}
    assert sorted(got) == sorted(doc["id"] for doc in docs)
    st = d.ctl("stats")  # its counts include the start-up probes
    if batch == "0":
        assert st["batches"] == st["published"]
    else:
        assert 1 <= st["batches"] < st["published"] - 10
    for rec in process(docs, *sets_only(*ALL)):
        mine = got[rec["id"]]
        assert mine["results"]["faulty"]["ok"] is True
        for name in ALL:
            assert mine["results"][name] == rec["results"][name], (rec["id"], name)
