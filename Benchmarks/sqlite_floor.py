#!/usr/bin/env python3
"""SQLite's own floor for writing a taxo index: the time the sqlite3 shell (the same Debian libsqlite3
taxo links) takes to make a new database with the same schema and the same rows, copied from an index
`taxo build` wrote (INSERT ... SELECT, so no SQL is parsed per row and no value is bound), the full-text
tables tokenised again, the same indexes created after the rows, under the pragmas taxo writes with.
No taxo code runs: whatever `taxo build` spends writing its index above this is taxo's.

    python3 Benchmarks/sqlite_floor.py output/index.sqlite [--repeats 3]
"""

import argparse
import os
import sqlite3
import subprocess
import tempfile
import time

PRAGMAS = (
    "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
    "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; "
    "PRAGMA locking_mode = EXCLUSIVE;"
)


def script(source: str) -> str:
    """The SQL that copies `source` into the main database."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    rows = src.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    virtual = {name for (t, name, _, sql) in rows if t == "table" and sql.upper().startswith("CREATE VIRTUAL")}
    shadow = {name for (t, name, _, _) in rows if any(name.startswith(v + "_") for v in virtual)}
    tables = [(name, sql) for (t, name, _, sql) in rows if t == "table" and name not in shadow]
    indexes = [sql for (t, name, _, sql) in rows if t == "index"]
    out = [PRAGMAS, f"ATTACH '{source}' AS src;", "BEGIN;"]
    out += [sql + ";" for (_, sql) in tables]
    for name, sql in tables:
        if name in virtual:
            cols = [r[1] for r in src.execute(f"PRAGMA table_info('{name}')")]
            values = ", ".join(f"c{i}" for i in range(len(cols)))
            out.append(
                f"INSERT INTO main.{name}(rowid, {', '.join(cols)}) SELECT id, {values} FROM src.{name}_content;")
        else:
            out.append(f"INSERT INTO main.{name} SELECT * FROM src.{name};")
    out += [sql + ";" for sql in indexes]
    out.append("COMMIT;")
    src.close()
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("index")
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    sql = script(os.path.abspath(a.index))
    best = None
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(a.repeats):
            target = os.path.join(tmp, "copy.sqlite")
            if os.path.exists(target):
                os.remove(target)
            start = time.perf_counter()
            subprocess.run(["sqlite3", target], input=sql, text=True, check=True)
            took = time.perf_counter() - start
            best = took if best is None else min(best, took)
            print(f"{took * 1000:.0f} ms ({os.path.getsize(target) / 1e6:.0f} MB)")
    print(f"fastest: {best * 1000:.0f} ms")


if __name__ == "__main__":
    main()
