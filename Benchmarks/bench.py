#!/usr/bin/env python3
"""taxo benchmark suite.

  python3 Benchmarks/bench.py                # 1k and 10k (add --scales 1000,10000,100000 for all)
  python3 Benchmarks/bench.py --smoke        # 1k only: correctness against the truth file, no timing

Generates libraries with ../shared/bench/gen_kb.py into Benchmarks/work/ (not committed), copies
Benchmarks/taxonomy.yaml into each, checks that `taxo check` reports exactly the planted defects as
errors, then times with hyperfine (release build): the floor (read every file; parse every file),
`taxo check` cold and after one edited file, and the Python validator of Benchmarks/py_validator.py
for comparison; peak memory from /usr/bin/time -v. Prints a Markdown table of medians.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GEN = os.path.join(os.path.dirname(REPO), "shared", "bench", "gen_kb.py")
TAXO = os.path.join(REPO, ".build", "release", "taxo")
WORK = os.path.join(HERE, "work")


def generate(n, force=False):
    out = os.path.join(WORK, "kb%d" % n)
    if force or not os.path.exists(out + ".truth.json") or not os.path.isdir(out):
        os.makedirs(WORK, exist_ok=True)
        subprocess.run([sys.executable, GEN, out, "--entities", str(n), "--force"], check=True, stdout=subprocess.DEVNULL)
    shutil.copy(os.path.join(HERE, "taxonomy.yaml"), os.path.join(out, "taxonomy.yaml"))
    return out


def check_truth(kb):
    """Runs taxo check --format json and compares its errors with the truth file. Returns a list of problems."""
    r = subprocess.run([TAXO, "check", "--root", kb, "--format", "json"], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        return ["taxo exited %d: %s" % (r.returncode, r.stderr.strip())]
    d = json.loads(r.stdout)
    truth = json.load(open(kb + ".truth.json"))["defects"]
    errors = [x for x in d["diagnostics"] if x["severity"] == "error"]
    by = {}
    for e in errors:
        by.setdefault(e["code"], []).append(e)
    problems = []
    want_mal = sorted(x["file"] for x in truth["malformed_json"])
    got_mal = sorted(e["file"] for e in by.pop("TAX0001", []))
    if want_mal != got_mal: problems.append("malformed JSON: want %s got %s" % (want_mal, got_mal))
    want_bad = sorted(x["file"] for x in truth["bad_id_format"])
    got_bad = sorted(e["file"] for e in by.pop("TAX0101", []))
    if want_bad != got_bad: problems.append("bad ID format: want %s got %s" % (want_bad, got_bad))
    dups = by.pop("TAX0104", [])
    want_dup = sorted(x["id"] for x in truth["duplicate_id"])
    got_dup = sorted(e["message"].split("'")[1] for e in dups)
    if want_dup != got_dup: problems.append("duplicate IDs: want %s got %s" % (want_dup, got_dup))
    for e in dups:
        pair = next((x for x in truth["duplicate_id"] if x["id"] == e["message"].split("'")[1]), None)
        if pair and e["file"] not in (pair["original_file"], pair["duplicate_file"]):
            problems.append("duplicate %s reported in %s" % (pair["id"], e["file"]))
    want_dang = sorted((x["file"], x["target"]) for x in truth["dangling_ref"])
    got_dang = sorted((e["file"], e["message"].split("'")[1]) for e in by.pop("TAX0201", []) + by.pop("TAX0205", []))
    if want_dang != got_dang: problems.append("dangling: want %s got %s" % (want_dang, got_dang))
    for code, es in sorted(by.items()):
        problems.append("unexpected %d error(s) %s, first: %s:%s %s" % (len(es), code, es[0]["file"], es[0]["line"], es[0]["message"]))
    return problems


def peak_rss_mb(cmd):
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024.0
    return float("nan")


def hyperfine(cmds, runs, prepare=None):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        path = f.name
    args = ["hyperfine", "-N", "-i", "-w", "1", "-r", str(runs), "--export-json", path]
    if prepare:
        args += ["--prepare", prepare]
    for name, c in cmds:
        args += ["-n", name, c]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    res = json.load(open(path))["results"]
    os.unlink(path)
    return {r["command"]: r["median"] for r in res}


def edit_cmd(kb):
    """A --prepare command that changes one valid tool file's content each run."""
    import re
    tools = os.path.join(kb, "LIBRARIES", "LBS_003_Tools")
    f = next(os.path.join(tools, x) for x in sorted(os.listdir(tools)) if re.match(r"TOL-\d+_[A-Za-z]", x))
    return "python3 %s %s" % (os.path.join(HERE, "edit_one.py"), f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--scales", default="1000,10000")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--force", action="store_true", help="regenerate the libraries")
    a = ap.parse_args()
    if not os.path.exists(GEN):
        sys.exit("gen_kb.py not found at %s" % GEN)
    if not os.path.exists(TAXO):
        sys.exit("build first: swift build -c release")
    scales = [1000] if a.smoke else [int(x) for x in a.scales.split(",")]
    failed = False
    rows = []
    for n in scales:
        kb = generate(n, a.force)
        problems = check_truth(kb)
        print("%dk entities: %s" % (n // 1000, "reported defects equal the truth file" if not problems else "MISMATCH"))
        for p in problems:
            print("  - " + p)
        failed |= bool(problems)
        if a.smoke:
            continue
        t = hyperfine([
            ("floor: read", "%s bench-floor --root %s" % (TAXO, kb)),
            ("floor: read+parse", "%s bench-floor --parse --root %s" % (TAXO, kb)),
            ("check cold", "%s check --root %s --format json" % (TAXO, kb)),
            ("python validator", "python3 %s %s" % (os.path.join(HERE, "py_validator.py"), kb)),
        ], a.runs)
        te = hyperfine([("check, one file edited", "%s check --root %s --format json" % (TAXO, kb))], a.runs, prepare=edit_cmd(kb))
        t.update(te)
        mem = peak_rss_mb([TAXO, "check", "--root", kb, "--format", "json"])
        rows.append((n, t, mem))
    if rows:
        print("\n| scale | %s | peak RSS (check) |" % " | ".join(rows[0][1].keys()))
        print("|---|%s---|" % ("---|" * len(rows[0][1])))
        for n, t, mem in rows:
            floor = t["floor: read+parse"]
            cells = ["%.3f s (%.1fx)" % (v, v / floor) for v in t.values()]
            print("| %dk | %s | %.0f MB |" % (n // 1000, " | ".join(cells), mem))
        print("\n(ratios are to the read+parse floor)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
