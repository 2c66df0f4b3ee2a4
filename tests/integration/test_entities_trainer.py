"""The entity tagger's trainer (plugins/entities/tools/train.c) on files
written here: CoNLL-format sentences plus hand-written prose with inline marks
(--prose), trained into a real model file that the real plugin then loads
through `prism process`. Checks that the prose reaches the model through the
core's tokenizer (curly possessives, em dashes), that a bad mark is reported
with its file and line, and that the committed training prose is well formed."""
import os
import subprocess

import pytest

from conftest import BUILD, PLUGINS, ROOT, needs_plugin, process

pytestmark = needs_plugin("entities")

TRAIN = os.path.join(BUILD, "entities", "train")
PROSE_TOOL = os.path.join(ROOT, "plugins", "entities", "tools", "prose.py")
PROSE_DIR = os.path.join(ROOT, "plugins", "entities", "prose")

# A few CoNLL-format sentences (word POS chunk tag), written for this test.
CONLL = """-DOCSTART- -X- -X- O

The DT B-NP O
mayor NN I-NP O
of IN B-PP O
Tallinn NNP B-NP B-LOC
met VBD B-VP O
Anna NNP B-NP B-PER
Kask NNP I-NP I-PER
. . O O

Shares VBZ B-NP O
of IN B-PP O
Baltic NNP B-NP B-ORG
Ferries NNP I-NP I-ORG
rose VBD B-VP O
. . O O
"""

# Prose in which an invented word, "Quillamarrow", is always a company: only
# the prose can teach the model that.
PROSE = """# written for this test
## t-001
{ORG|Quillamarrow} opened a bakery in {LOC|Tartu} in 2019.
{ORG|Quillamarrow}’s bread — rye, mostly — won a prize from {ORG|Baltic Ferries}.
## t-002
Critics in {LOC|Riga} praised {ORG|Quillamarrow} and its {MISC|Estonian} recipes.
{PER|Anna Kask} said {ORG|Quillamarrow} was the star of the {MISC|Riga Bread Fair}.
"""


TEXT = "Yesterday Anna Kask met Quillamarrow in Tallinn."


@pytest.fixture(scope="module")
def trainer():
    subprocess.run(["make", "-s", f"BUILD={os.path.relpath(BUILD, ROOT)}",
                    os.path.relpath(TRAIN, ROOT)], cwd=ROOT, check=True,
                   capture_output=True, timeout=300)
    return TRAIN


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return str(path)


def train(trainer, tmp_path, prose, *extra):
    gaz = write(tmp_path / "gaz.tsv", "CITY\tTallinn\nCITY\tTartu\nCITY\tRiga\n")
    conll = write(tmp_path / "train.txt", CONLL)
    out = str(tmp_path / "m.model")
    args = [trainer, "train", "--gaz", gaz, "--train", conll, "--stages", "1",
            "--epochs", "5", "--out", out] + list(extra)
    if prose is not None:
        args += ["--prose", write(tmp_path / "prose.txt", prose)]
    return subprocess.run(args, capture_output=True, text=True, timeout=300), out


def people(model, text):
    rec = process([{"id": "1", "text": text}], "--set",
                  f"plugin.entities.path={os.path.join(PLUGINS, 'entities.so')}",
                  "--set", f"plugin.entities.model={model}")[0]
    return [(m["text"], m["label"]) for m in rec["results"]["entities"]["mentions"]]


def test_prose_teaches_the_model_through_the_core_tokenizer(trainer, tmp_path):
    p, model = train(trainer, tmp_path, PROSE * 3, "--prose-times", "3")
    assert p.returncode == 0, p.stderr
    # The CoNLL document and the 6 of the prose (three copies of two).
    assert "prose.txt: 6 docs of prose, each seen 3 times" in p.stderr, p.stderr
    assert "7 docs" in p.stderr, p.stderr
    got = people(model, TEXT)
    assert ("Quillamarrow", "ORG") in got, got


def test_without_prose_the_name_is_not_learnt(trainer, tmp_path):
    p, model = train(trainer, tmp_path, None)
    assert p.returncode == 0, p.stderr
    assert "1 docs" in p.stderr and "of prose" not in p.stderr, p.stderr
    got = people(model, TEXT)
    assert ("Quillamarrow", "ORG") not in got, got


@pytest.mark.parametrize("bad", ["{PERSON|Anna Kask} left.", "{PER|Anna Kask left."])
def test_a_bad_mark_names_file_and_line(trainer, tmp_path, bad):
    p, _ = train(trainer, tmp_path, "## t-1\nFine sentence.\n" + bad + "\n")
    assert p.returncode == 1
    assert "prose.txt:3: a mark must be {TYPE|name}" in p.stderr, p.stderr


def test_text_before_a_document_line_is_refused(trainer, tmp_path):
    p, _ = train(trainer, tmp_path, "{PER|Anna Kask} left.\n")
    assert p.returncode == 1
    assert "prose.txt:1: text before the first" in p.stderr, p.stderr


def test_the_committed_training_prose_is_well_formed():
    files = sorted(os.path.join(PROSE_DIR, f) for f in os.listdir(PROSE_DIR)
                   if f.endswith(".txt"))
    assert files
    p = subprocess.run(["python3", PROSE_TOOL, "check"] + files,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr
    first = p.stdout.splitlines()[0]
    assert " documents, " in first and "MISC" in first, first
