"""Open report.html in a real, headless browser with no network.

Skipped when Chromium is not installed (a user's machine); CI installs
Debian's ``chromium`` package (see .ci/run).
"""

import re
import shutil
import subprocess

import pytest

import framing

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")

FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio",
    # no network at all: every host resolves nowhere, so only the file itself can load
    "--host-resolver-rules=MAP * ~NOTFOUND",
]

# Appended to a copy of the report: after loading, record whether every image
# decoded and whether any script error happened, in an element of the DOM.
CHECK = """
<script>
window.__errors = [];
window.addEventListener("error", e => window.__errors.push(String(e.message || e.type)), true);
window.addEventListener("load", () => {
  const imgs = Array.from(document.images);
  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt);
  const out = document.createElement("pre");
  out.id = "browser-check";
  out.textContent = JSON.stringify({images: imgs.length, broken: broken, errors: window.__errors});
  document.body.appendChild(out);
});
</script>
"""


def run_chromium(args, tmp_path):
    profile = tmp_path / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=180,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    corpus = framing.load_example("rafah")
    actors, concepts = framing.datasets.load_example_lists("rafah")
    result = framing.compare(corpus, actors, concepts, n_resamples=50, random_state=0)
    return result.report(out), len(result.charts)


def test_every_image_loads_without_script_errors(report, tmp_path):
    import json

    path, n_charts = report
    checked = path.with_name("report-checked.html")
    checked.write_text(path.read_text(encoding="utf-8").replace("</body>", CHECK + "</body>"), encoding="utf-8")
    proc = run_chromium(["--virtual-time-budget=10000", "--dump-dom", checked.as_uri()], tmp_path)
    match = re.search(r'<pre id="browser-check">(.*?)</pre>', proc.stdout, re.S)
    assert match, f"the page did not finish loading: {proc.stderr[-2000:]}"
    result = json.loads(match.group(1).replace("&quot;", '"'))
    assert result["images"] == n_charts
    assert result["broken"] == []
    assert result["errors"] == []


def test_screenshot_renders(report, tmp_path):
    path, _ = report
    shot = tmp_path / "report.png"
    run_chromium(["--window-size=1280,2400", f"--screenshot={shot}", path.as_uri()], tmp_path)
    assert shot.exists() and shot.stat().st_size > 50_000
