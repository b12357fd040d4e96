#!/usr/bin/env python3
"""taxo site in a real browser: builds the site of a copy of the example library, loads the home page, an
entity page and search.html?q=ScaleKit in headless Chromium (with the network shut off), checks the DOM the
scripts produce, and saves screenshots under output/ (with --docs, also the README's under docs/).
Run by .ci/run: TAXO=path/to/taxo python3 Tests/site/browser_test.py"""
import atexit
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[2]
TAXO = os.environ.get("TAXO", str(REPO / ".build" / "debug" / "taxo"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--proxy-server=127.0.0.1:9", "--virtual-time-budget=5000"]


def chromium(*args):
    run = subprocess.run([CHROMIUM, *FLAGS, *args], capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        sys.exit("chromium failed: " + run.stderr[-2000:])
    return run.stdout


def dom(url):
    return chromium("--dump-dom", url)


def screenshot(url, path, size="1280,900"):
    chromium("--window-size=" + size, "--screenshot=" + str(path), url)
    assert path.stat().st_size > 10_000, f"{path} looks empty"


def main():
    if not CHROMIUM:
        sys.exit("chromium is not installed (apt-get install chromium)")
    root = pathlib.Path(tempfile.mkdtemp(prefix="taxo-site-"))
    # Removed when the test ends (TAXO_KEEP_TEMP=1 keeps it).
    if os.environ.get("TAXO_KEEP_TEMP") != "1":
        atexit.register(shutil.rmtree, root, ignore_errors=True)
    for d in ["LIBRARIES", "TASK_MANAGERS", "TALENTS"]:
        shutil.copytree(REPO / d, root / d)
    site = root / "site"
    subprocess.run([TAXO, "site", "--root", str(root), "--out", str(site), "--quiet"], check=True,
                   stdout=subprocess.DEVNULL)
    home = dom((site / "index.html").as_uri())
    assert "<h1>Library</h1>" in home, "the home page did not load"
    assert 'href="kinds/tool.html"' in home and '<svg class="phases"' in home

    entity = dom((site / "entities" / "TOL-SEC-124.html").as_uri())
    assert "ScaleKit Dashboard" in entity
    assert 'entities/WRF-SEC-014.html"' in entity, "TOL-SEC-124's page does not link back to WRF-SEC-014"

    search = dom((site / "search.html").as_uri() + "?q=ScaleKit")
    start = search.find('<ol id="results">')
    results = search[start:search.find("</ol>", start)]
    assert 'href="entities/TOL-SEC-124.html"' in results, "the search did not list TOL-SEC-124: " + results[:500]
    first = results.find("<li>")
    assert "TOL-SEC-124" in results[first:results.find("</li>", first)], "an exact name or alias ranks first"
    assert "results for" in search
    typo = dom((site / "search.html").as_uri() + "?q=Scalekt")
    start = typo.find('<p id="suggest">')
    suggestion = typo[start:typo.find("</p>", start)]
    assert "Did you mean" in suggestion and 'href="search.html?q=ScaleKit"' in suggestion, \
        "a misspelt query offers no correction: " + suggestion[:300]

    findings = dom((site / "diagnostics.html").as_uri())
    assert 'id="shown"' in findings and "shown" in findings

    out = REPO / "output"
    out.mkdir(exist_ok=True)
    shots = {"site-home.png": site / "index.html", "site-entity.png": site / "entities" / "TOL-SEC-124.html"}
    for name, page in shots.items():
        screenshot(page.as_uri(), out / name)
    screenshot((site / "search.html").as_uri() + "?q=ScaleKit", out / "site-search.png", size="1280,700")
    screenshot((site / "index.html").as_uri(), out / "site-home-phone.png", size="390,844")
    baseline_filter(root)
    if "--docs" in sys.argv:
        for name in ["site-home.png", "site-entity.png"]:
            shutil.copy(out / name, REPO / "docs" / name)
    print("browser test passed: home, entity and search pages checked; screenshots in output/")


def baseline_filter(root):
    """With a baseline, diagnostics.html?status=new shows the new finding alone (after the screenshots: the
    README's show the example library without findings)."""
    tools = root / "LIBRARIES" / "LBS_003_Tools"
    (tools / "TOL-QA-001_Old.json").write_text('{"tool_id": "TOL-QA-001", "name": "Old", "responsibilities": ["RSP-901"]}')
    baseline = root / "taxo-baseline.json"
    subprocess.run([TAXO, "check", "--root", str(root), "--write-baseline", str(baseline)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert baseline.exists(), "check --write-baseline wrote nothing"
    (tools / "TOL-QA-002_New.json").write_text('{"tool_id": "TOL-QA-002", "name": "New", "responsibilities": ["RSP-902"]}')
    site = root / "site"
    subprocess.run([TAXO, "site", "--root", str(root), "--out", str(site), "--quiet", "--baseline", str(baseline)],
                   check=True, stdout=subprocess.DEVNULL)
    page = dom((site / "diagnostics.html").as_uri() + "?status=new")
    rows = [r for r in page.split("<tr ")[1:] if "data-status=" in r]
    shown = [r for r in rows if "hidden" not in r[:r.find(">")]]
    assert len(rows) == 2, f"expected two findings, got {len(rows)}"
    assert len(shown) == 1 and 'data-status="new"' in shown[0] and "RSP-902" in shown[0], \
        "the status filter did not leave the new finding alone: " + "".join(shown)[:500]
    assert ">1 shown<" in page


if __name__ == "__main__":
    main()
