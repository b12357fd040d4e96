#!/usr/bin/env bash
# Builds the libFuzzer targets (Sources/taxo-fuzz) into .build-fuzz/ and runs each for SECONDS (default 60)
# on a seed corpus made from the repository's fixtures. A crash leaves its input in .build-fuzz/artifacts/
# and fails the script: turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
swift build --product taxo-fuzz --scratch-path .build-fuzz -c release \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING 2>&1 | tail -1
bin=.build-fuzz/release/taxo-fuzz
work=$(mktemp -d)
trap 'rm -rf "$work" "${TMPDIR:-/tmp}"/taxo-fuzz-fix-*' EXIT
mkdir -p .build-fuzz/artifacts
mkdir -p "$work"/{json,yaml,markdown,config,glob,cache,lsp,diff,csv,fix}
find LIBRARIES Tests/Fixtures -name '*.json' -size -64k | awk 'NR<=40' | while read -r f; do cp "$f" "$work/json/$(echo "$f" | tr '/' '_')"; done
# Two versions of a tool's file, cut at a NUL (the diff target's input).
find LIBRARIES -name '*.json' -size -16k | awk 'NR<=12' | while read -r f; do
  { cat "$f"; printf '\0'; sed 's/"name": "/"name": "Changed /' "$f"; } > "$work/diff/$(echo "$f" | tr '/' '_')"
done
find TASK_MANAGERS Tests/Fixtures -name '*.yaml' -size -64k | awk 'NR<=20' | while read -r f; do cp "$f" "$work/yaml/$(echo "$f" | tr '/' '_')"; done
find TASK_MANAGERS Tests/Fixtures -name '*.md' -size -64k | awk 'NR<=40' | while read -r f; do cp "$f" "$work/markdown/$(echo "$f" | tr '/' '_')"; done
# Master lists (the csv target), and documents with what taxo fix repairs (the fix target).
printf 'TOL_ID,Name,Filename\r\nTOL-001,Figma,TOL-001_Figma.json\r\n"TOL-002","Sketch, Pro",x.json\r\n' > "$work/csv/crlf"
printf 'TOL_ID;Name;Filename\nTOL-001;Caf\xe9;TOL-001_Figma.json\nTOL-003;;\n' > "$work/csv/semicolons"
printf '# Notes\r\rUses TOOL-QA-031 and TKS-002; see [old](Old/TSK-002_Old.md).\r' > "$work/fix/mac"
printf '\xef\xbb\xbf# Notes\r\n\r\nThe inspector TOOL-QA-031 (Inspector), Caf\xe9.\r\n' > "$work/fix/bom"
# A half-written link before a link to the same moved file, and a second link to it (each edited in place).
printf '# Notes\r\rsee [old](Old/TSK-002_Old.md[old](Old/TSK-002_Old.md), [again](Old/TSK-002_Old.md).\r' > "$work/fix/nested"
# A lazy line of a nested list item (cmark counts the indent it lacks) with text reading like a link's end first.
printf '# Notes\n\n- a\n  - b\n[0\nTASKS:gain](Old/TSK-002_Old.old](Old/TSK-002_Old.md), [again](Old/TSK-002_Old.md).\n' > "$work/fix/lazy"
find TASK_MANAGERS -name '*.md' -size -16k | awk 'NR<=10' | while read -r f; do cp "$f" "$work/fix/$(echo "$f" | tr '/' '_')"; done
find Tests/Fixtures Benchmarks -name 'taxonomy.yaml' | grep -v work/ | while read -r f; do cp "$f" "$work/config/$(echo "$f" | tr '/' '_')"; done
printf 'LIBRARIES/**/*.{json,yaml}\nLIBRARIES/LBS_003_Tools/QA/x.json' > "$work/glob/1"
printf '**/_archive/**\nTASK_MANAGERS/_archive/a/b.md' > "$work/glob/2"
printf 'TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_*.md\nTASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md' > "$work/glob/3"
# Requests on the buffer the lsp target opens (TASK_MANAGERS/TSM-006_Workflows/WRF-001_x.md in its root).
buffer="file://${TMPDIR:-/tmp}/taxo-fuzz-lsp/TASK_MANAGERS/TSM-006_Workflows/WRF-001_x.md"
for m in hover definition completion references documentLink codeAction documentSymbol prepareRename rename inlayHint \
  documentHighlight prepareCallHierarchy prepareTypeHierarchy; do
  printf '{"jsonrpc":"2.0","id":2,"method":"textDocument/%s","params":{"textDocument":{"uri":"%s"},"position":{"line":2,"character":9},"range":{"start":{"line":0,"character":0},"end":{"line":3,"character":1}},"context":{"includeDeclaration":true,"diagnostics":[]},"newName":"WRF-002"}}' "$m" "$buffer" > "$work/lsp/$m"
done
printf '{"jsonrpc":"2.0","id":2,"method":"workspace/symbol","params":{"query":"WRF"}}' > "$work/lsp/symbol"
printf '{"jsonrpc":"2.0","id":2,"method":"codeAction/resolve","params":{"title":"t","data":{"rename":"WRF-001","to":"WRF-002"}}}' > "$work/lsp/resolve"
# Follow-ups on a hierarchy item (its data names the entity again).
for m in callHierarchy/incomingCalls callHierarchy/outgoingCalls typeHierarchy/supertypes typeHierarchy/subtypes; do
  printf '{"jsonrpc":"2.0","id":2,"method":"%s","params":{"item":{"name":"WRF-001","data":{"id":"WRF-001","file":"TASK_MANAGERS/TSM-006_Workflows/WRF-001_x.md","line":1}}}}' "$m" > "$work/lsp/$(echo "$m" | tr '/' '_')"
done
# Files moved in the editor: the buffer's own file, and its folder.
for m in willRenameFiles didRenameFiles; do
  printf '{"jsonrpc":"2.0","id":2,"method":"workspace/%s","params":{"files":[{"oldUri":"%s","newUri":"%s"},{"oldUri":"%s","newUri":"%s"}]}}' \
    "$m" "$buffer" "${buffer%/*}/Moved/x.md" "${buffer%/*}" "${buffer%/*}_Old" > "$work/lsp/$m"
done
printf '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"%s","version":2},"contentChanges":[{"text":"TOL-\\r\\nWRF-001"}]}}' "$buffer" > "$work/lsp/change"
# Pull diagnostics: one file's, the workspace's (held when nothing changed), and a cancellation.
printf '{"jsonrpc":"2.0","id":2,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"%s"},"previousResultId":"x"}}' "$buffer" > "$work/lsp/pull"
printf '{"jsonrpc":"2.0","id":2,"method":"workspace/diagnostic","params":{"previousResultIds":[{"uri":"%s","value":"0"}]}} ' "$buffer" > "$work/lsp/pullworkspace"
printf '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}' > "$work/lsp/cancel"
lib=$(mktemp -d)
cp -r LIBRARIES TASK_MANAGERS TALENTS "$lib/"
if [ -x .build/release/taxo ]; then (cd "$lib" && "$OLDPWD/.build/release/taxo" build --quiet >/dev/null 2>&1 || true); fi
[ -f "$lib/output/taxo-cache.bin" ] && cp "$lib/output/taxo-cache.bin" "$work/cache/example"
rm -rf "$lib"
status=0
# Swift's own crash reporter would catch a trap (SIGILL) before libFuzzer does, and the crashing input
# would not be saved: leave crashes to libFuzzer. Reproduce a saved input with a debug build for a backtrace.
export SWIFT_BACKTRACE=enable=no
for t in json yaml markdown config glob cache lsp diff csv fix; do
  echo "== fuzz $t (${seconds}s)"
  if ! TAXO_FUZZ_TARGET=$t "$bin" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix=.build-fuzz/artifacts/$t- "$work/$t" 2>"$work/$t.log"; then
    echo "fuzz $t: FAILED (input saved under .build-fuzz/artifacts/)"; tail -30 "$work/$t.log"; status=1
  else
    grep -E "^Done [0-9]+ runs" "$work/$t.log" || true
  fi
done
exit $status
