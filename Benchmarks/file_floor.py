#!/usr/bin/env python3
"""The file system's own floor for writing a folder of generated files (a site, the reports): the time to
create the same folders and files with the same sizes, one open/write/close each as taxo does, with no
rendering at all. Run it on a folder taxo wrote, for example

    python3 Benchmarks/file_floor.py output/site [--repeats 3]

Each repeat writes a fresh copy beside the folder, then removes it (as a benchmark's `--prepare 'rm -rf
...'` does before each run). What `taxo site` spends above this is taxo's; what this costs is the kernel's
and the disk's, and it varies from run to run on a virtual machine (fresh page-cache pages, inodes freed a
moment ago).
"""

import argparse
import os
import shutil
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    src = os.path.abspath(a.folder)
    folders, files = [], []
    for dirpath, _, names in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        folders.append(rel)
        for n in names:
            files.append((os.path.join(rel, n), os.path.getsize(os.path.join(dirpath, n))))
    total = sum(s for _, s in files)
    biggest = max((s for _, s in files), default=0)
    data = b"x" * biggest
    target = src.rstrip("/") + ".floor-copy"
    times = []
    for _ in range(a.repeats):
        shutil.rmtree(target, ignore_errors=True)
        start = time.perf_counter()
        for f in folders:
            os.makedirs(os.path.join(target, f), exist_ok=True)
        for path, size in files:
            fd = os.open(os.path.join(target, path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.write(fd, data[:size])
            os.close(fd)
        times.append(time.perf_counter() - start)
        print(f"{times[-1] * 1000:.0f} ms")
    shutil.rmtree(target, ignore_errors=True)
    print(f"{len(files)} files, {total / 1e6:.0f} MB, {len(folders)} folders: fastest {min(times) * 1000:.0f} ms,"
          f" median {sorted(times)[len(times) // 2] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
