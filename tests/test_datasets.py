import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import framing
from framing.datasets import example_path, list_examples, load_example_lists

ROOT = Path(__file__).resolve().parents[1]


def test_examples_load():
    assert list_examples() == ["plant-closure", "rafah"]
    rafah = framing.load_example("rafah")
    assert len(rafah) >= 8 and len(rafah.outlets) >= 6
    assert rafah.articles["synthetic"].astype(bool).all()
    assert len(rafah.skipped) == 0
    plant = framing.load_example("plant-closure")
    assert len(plant.outlets) >= 4
    actors, concepts = load_example_lists("rafah")
    assert actors and concepts
    assert all(isinstance(v, list) and v for v in actors.values())


def test_unknown_example_lists_the_valid_ones():
    with pytest.raises(ValueError, match="unknown example 'gaza'; available: plant-closure, rafah"):
        framing.load_example("gaza")


def test_demo_corpus_has_its_planted_wire_copy():
    pairs = framing.load_example("rafah").duplicates()
    assert len(pairs) == 1
    assert set(pairs.iloc[0][["doc_id_a", "doc_id_b"]]) == {
        "ardmoor-gazette-01",
        "meridian-wire-01",
    }


@pytest.mark.slow
def test_load_example_from_an_installed_wheel(tmp_path):
    """Build the wheel, install it into a fresh virtual environment and load the demo there."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = wheel_dir.glob("framing-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "framing/_examples/rafah/actors.json" in names
    assert any(n.startswith("framing/_examples/rafah/") and n.endswith(".md") for n in names)
    assert "framing/py.typed" in names
    assert not any(n.startswith(("tests/", "validation/")) for n in names)

    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # the dependencies come from the test environment; framing itself only from the wheel
    deps = subprocess.run(
        [sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "_deps.pth").write_text(deps + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
    )
    script = textwrap.dedent("""
        import framing, pathlib
        assert "site-packages" in framing.__file__, framing.__file__
        c = framing.load_example("rafah")
        print(len(c), len(c.outlets), pathlib.Path(framing.datasets.example_path("rafah")).name)
    """)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    out = subprocess.run(
        [str(py), "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path, env=env
    )
    n_articles, n_outlets, name = out.stdout.split()
    assert int(n_articles) >= 8 and int(n_outlets) >= 6 and name == "rafah"
    assert example_path("rafah").name == "rafah"
