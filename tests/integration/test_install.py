"""`make install` and the README's "Writing a plugin": the installed header and
pkg-config file build the example plugin out of tree, renamed, and the
installed prism loads it."""
import os
import subprocess

from conftest import BUILD, ROOT


def test_out_of_tree_plugin_against_the_installed_header(tmp_path):
    dest = tmp_path / "dest"
    build = os.path.relpath(BUILD, ROOT)
    san = ["SAN=1"] if "asan" in build else []
    p = subprocess.run(["make", "-s", "install", f"BUILD={build}", *san,
                        "PREFIX=/usr/local", f"DESTDIR={dest}"],
                       cwd=ROOT, capture_output=True, timeout=600)
    assert p.returncode == 0, p.stderr.decode()
    prefix = dest / "usr/local"
    for f in ["bin/prismd", "bin/prism", "bin/prism-worker",
              "include/prism/plugin.h", "lib/pkgconfig/prism-plugin.pc",
              "lib/prism/plugins/example.so", "etc/prism/prism.conf"]:
        assert (prefix / f).exists(), f

    with open(os.path.join(ROOT, "plugins/example/example.c")) as f:
        src = f.read()
    (tmp_path / "wordcount.c").write_text(
        src.replace('"example"', '"wordcount"').replace("example_", "wordcount_"))
    env = dict(os.environ, PKG_CONFIG_PATH=str(prefix / "lib/pkgconfig"))
    flags = subprocess.run(["pkg-config", "--define-prefix", "--cflags",
                            "prism-plugin"], env=env, capture_output=True,
                           text=True, check=True).stdout.split()
    assert f"-I{prefix}/include" in flags
    subprocess.run(["cc", "-std=c11", "-O2", "-shared", *flags, "-o",
                    str(tmp_path / "wordcount.so"), str(tmp_path / "wordcount.c")],
                   check=True, timeout=120)
    conf = tmp_path / "wc.conf"
    conf.write_text(f"[plugin.wordcount]\npath = {tmp_path}/wordcount.so\n"
                    "words_per_minute = 200\n")
    out = subprocess.run([str(prefix / "bin/prism"), "plugins", "-c", str(conf)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "wordcount 1.0.0" in out.stdout and "words_per_minute" in out.stdout
    # the installed default config points at the installed plugins
    text = (prefix / "etc/prism/prism.conf").read_text()
    assert "plugin_dir = /usr/local/lib/prism/plugins" in text
    assert "../" not in text  # every data file and model is installed
    for line in text.splitlines():
        if line.startswith(("gazetteer", "lexicon", "model")):
            path = line.split("=", 1)[1].strip()
            assert (dest / path.lstrip("/")).exists(), path
