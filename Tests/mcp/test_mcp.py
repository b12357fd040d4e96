"""taxo mcp driven by the official MCP Python client (the `mcp` package) over stdio: lists the tools and
resources, calls every tool on a copy of the example library, and checks the answers against taxo's own
commands. Run by .ci/run: TAXO=path/to/taxo pytest Tests/mcp."""
import atexit
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
from contextlib import asynccontextmanager

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

REPO = pathlib.Path(__file__).resolve().parents[2]
TAXO = os.environ.get("TAXO", str(REPO / ".build" / "debug" / "taxo"))
TOOLS = {"search", "get_entity", "resolve", "next_id", "check_entry", "gaps", "get_video", "get_document", "findings", "fix", "get_schema", "rename_id", "diff", "create_entry", "move_file"}
ANALYSIS = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_025_Phase3_Analysis.md"


def library():
    root = pathlib.Path(tempfile.mkdtemp(prefix="taxo-mcp-"))
    # Removed when the run ends (TAXO_KEEP_TEMP=1 keeps it).
    if os.environ.get("TAXO_KEEP_TEMP") != "1":
        atexit.register(shutil.rmtree, root, ignore_errors=True)
    for d in ["LIBRARIES", "TASK_MANAGERS", "TALENTS"]:
        shutil.copytree(REPO / d, root / d)
    return root


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@asynccontextmanager
async def server(root, *extra):
    params = StdioServerParameters(command=TAXO, args=["mcp", "--root", str(root), *extra], cwd=str(root))
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            yield session


def field(obj, snake, camel):
    """A field of a result model: the mcp package names them in snake_case from 2.0, camelCase before."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


def is_error(result):
    return bool(field(result, "is_error", "isError"))


async def call(session, tool, **arguments):
    result = await session.call_tool(tool, arguments)
    text = result.content[0].text
    if not is_error(result):
        structured = field(result, "structured_content", "structuredContent")
        assert structured == json.loads(text)
    return result, (json.loads(text) if not is_error(result) else text)


async def test_lists_every_tool_with_a_schema_and_the_resources():
    root = library()
    async with server(root) as s:
        tools = (await s.list_tools()).tools
        assert {t.name for t in tools} == TOOLS
        for t in tools:
            schema = field(t, "input_schema", "inputSchema")
            assert schema["type"] == "object"
            assert schema["additionalProperties"] is False
            assert t.description
        required = {t.name: set(field(t, "input_schema", "inputSchema")["required"]) for t in tools}
        assert required["check_entry"] == {"text", "path"}
        resources = {str(r.uri) for r in (await s.list_resources()).resources}
        assert resources == {"taxo://config", "taxo://rules", "taxo://tracker"}
        rules = json.loads((await s.read_resource("taxo://rules")).contents[0].text)
        assert any(r["code"] == "TAX0201" for r in rules["rules"])
        tracker = (await s.read_resource("taxo://tracker")).contents[0].text
        assert "Video_024" in tracker
        config = (await s.read_resource("taxo://config")).contents[0].text
        assert "kinds" in config


async def test_search_ranks_and_filters_and_pages():
    root = library()
    async with server(root) as s:
        _, found = await call(s, "search", query="ScaleKit")
        assert found["hits"][0]["id"] == "TOL-SEC-124", "the entity whose alias is the query ranks first"
        assert {h["type"] for h in found["hits"]} == {"entity", "document"}
        _, tools_only = await call(s, "search", query="ScaleKit", kind="tool")
        assert tools_only["hits"][0]["id"] == "TOL-SEC-124"
        assert all(h["type"] == "entity" and h["kind"] == "tool" for h in tools_only["hits"])
        _, by_id = await call(s, "search", query="TOL-SEC-124", kind="TOL", department="SEC")
        assert by_id["hits"][0]["id"] == "TOL-SEC-124"
        _, first = await call(s, "search", query="workflow", limit=1)
        assert len(first["hits"]) == 1 and first["next_cursor"] == "1"
        _, second = await call(s, "search", query="workflow", limit=1, cursor=first["next_cursor"])
        assert second["hits"][0] != first["hits"][0]


async def test_get_entity_gives_record_links_and_backlinks():
    root = library()
    async with server(root) as s:
        _, e = await call(s, "get_entity", id="TOL-SEC-124")
        assert e["name"].startswith("ScaleKit")
        assert e["file"].endswith(".json") and e["line"] >= 1
        assert isinstance(e["record"], dict)
        assert "WRF-SEC-014" in {b["id"] for b in e["backlinks"]}
        _, wrf = await call(s, "get_entity", id="WRF-SEC-014")
        assert "TOL-SEC-124" in {l["resolved_id"] for l in wrf["links"]}
        result, missing = await call(s, "get_entity", id="TOL-SEC-999")
        assert is_error(result) and "TOL-SEC-999" in missing


async def test_resolve_gives_the_verdicts_taxo_gaps_gives():
    root = library()
    gaps = json.loads(
        subprocess.run([TAXO, "gaps", ANALYSIS, "--format", "json", "--root", str(root)], capture_output=True,
                       text=True, check=True).stdout)
    text = (root / ANALYSIS).read_text()
    async with server(root) as s:
        _, resolved = await call(s, "resolve", text=text, path=ANALYSIS, limit=500)
        _, via_gaps = await call(s, "gaps", target=ANALYSIS, limit=500)

    def verdicts(report):
        return sorted((c["text"], c["verdict"], c["library_id"]) for c in report["candidates"])

    assert verdicts(resolved) == verdicts(gaps)
    assert verdicts(via_gaps) == verdicts(gaps)
    assert resolved["summary"] == gaps["summary"]
    assert any(c["verdict"] == "missing" for c in gaps["candidates"])


async def test_gaps_of_a_video_pages_its_candidates():
    root = library()
    async with server(root) as s:
        _, page = await call(s, "gaps", target="Video_025", limit=5)
        assert len(page["candidates"]) == 5
        assert page["total_candidates"] > 5 and page["next_cursor"] == "5"
        assert all(len(c["evidence"]) <= c["evidence_total"] and len(c["evidence"]) <= 20 for c in page["candidates"])
        result, bad = await call(s, "gaps", target="Video_999")
        assert is_error(result) and "Video_999" in bad


async def test_get_video_gives_its_phases_and_gaps_in_brief():
    root = library()
    async with server(root) as s:
        _, card = await call(s, "get_video", video="Video_024")
        assert card["video"] == "Video_024"
        assert [p["number"] for p in card["phases"]] == [1, 2, 3, 4, 5, 6, 7]
        assert card["phases"][0]["state"] == "done"
        assert card["phases"][0]["artifacts"] == ["TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md"]
        # The counts are the full analysis's.
        _, full = await call(s, "gaps", target="Video_024", limit=500)
        assert card["gaps"]["candidates"] == len(full["candidates"])
        assert card["gaps"]["exists"] == full["summary"]["exists"]
        result, bad = await call(s, "get_video", video="Video_999")
        assert is_error(result) and "Video_999" in bad


async def test_rename_id_previews_on_a_read_only_server():
    root = library()
    before = (root / "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json").read_text()
    async with server(root) as s:
        _, plan = await call(s, "rename_id", id="TOL-QA-031", new_id="TOL-QA-077")
        assert plan["written"] is False and plan["places"] >= 20
        assert "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json" in [f["path"] for f in plan["files"]]
    assert (root / "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json").read_text() == before


async def test_move_file_previews_the_links_it_rewrites_on_a_read_only_server():
    root = library()
    note = root / "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"
    note.write_text("# Notes\n\nSee [the inspector](../../../LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json).\n")
    async with server(root) as s:
        _, plan = await call(s, "move_file", **{"from": "LIBRARIES/LBS_003_Tools/QA", "to": "LIBRARIES/Quality"})
        assert plan["written"] is False
        assert plan["moves"] == [{"from": "LIBRARIES/LBS_003_Tools/QA", "to": "LIBRARIES/Quality"}]
        # The note's link, and the phase 3 analysis's code span naming the tool's file from the root.
        files = {f["path"]: f["edits"] for f in plan["files"]}
        [edit] = files["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"]
        assert edit["line"] == 3 and edit["new"] == "../../../LIBRARIES/Quality/MCP_Inspector.json"
        [span] = files["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Phase3_Analysis.md"]
        assert span["new"] == "LIBRARIES/Quality/MCP_Inspector.json"
        # LIBRARIES/Quality is outside the tools' folder: the tool would no longer be read as a tool.
        assert any("tool" in w for w in plan["warnings"])
    assert (root / "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json").exists()


async def test_get_document_resolves_its_mentions():
    root = library()
    async with server(root) as s:
        _, card = await call(s, "get_document", path=ANALYSIS)
        assert card["path"] == ANALYSIS and card["mentions"]
        assert all("resolved_id" in m for m in card["mentions"])
        result, bad = await call(s, "get_document", path="TASK_MANAGERS/none.md")
        assert is_error(result) and "no file" in bad


async def test_findings_lists_what_taxo_check_reports():
    root = library()
    tool = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-087_Broken.json"
    (root / tool).write_text(json.dumps({"tool_id": "TOL-QA-087", "name": "Broken", "alternatives": ["TOL-QA-960"]}))
    async with server(root) as s:
        _, found = await call(s, "findings", path="LIBRARIES/LBS_003_Tools", rule="TAX0201")
        assert found["total"] == 1 and found["errors"] == 1 and found["new_errors"] == 1
        [f] = found["findings"]
        assert f["file"] == tool and f["code"] == "TAX0201" and f["in_baseline"] is False
        assert found["by_rule"] == [{"code": "TAX0201", "name": "dangling-reference", "count": 1}]
        result, bad = await call(s, "findings", severity="fatal")
        assert is_error(result) and "error, warning or note" in bad
        # A dangling ID needs judgement: fix has nothing to repair there, and writes nothing anyway.
        _, plan = await call(s, "fix", path=tool)
        assert plan["changes"] == 0 and plan["written"] is False


async def test_get_schema_says_what_a_kinds_records_hold():
    root = library()
    async with server(root) as s:
        _, card = await call(s, "get_schema", kind="tool")
        assert card["kind"] == "tool" and card["records"] >= 5 and card["declared"] is False
        assert {"field": "responsibilities[]", "target": "responsibility", "many": True} in card["links"]
        assert any(f["field"] == "vendor" and f["filled"] == card["records"] for f in card["undeclared"])


async def test_diff_against_the_commit_of_the_library():
    root = library()
    git = ["git", "-C", str(root), "-c", "user.email=t@example.invalid", "-c", "user.name=t"]
    subprocess.run(git + ["init", "-q", "-b", "main"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "base"], check=True)
    tool = root / "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json"
    tool.write_text(tool.read_text().replace('"name": "MCP Inspector"', '"name": "MCP Inspector Pro"'))
    async with server(root) as s:
        _, d = await call(s, "diff", base="HEAD")
        assert d["files_changed"] == 1
        assert [c["id"] for c in d["changed"]] == ["TOL-QA-031"]
        assert any("MCP Inspector Pro" in c for c in d["changed"][0]["changes"])
        result, bad = await call(s, "diff", base="no-such-commit")
        assert is_error(result) and "not a commit" in bad


async def test_next_id_reserves_for_the_session():
    root = library()
    async with server(root) as s:
        _, a = await call(s, "next_id", kind="tool", department="SEC")
        _, b = await call(s, "next_id", kind="TOL", department="SEC")
        assert a["id"].startswith("TOL-SEC-") and b["id"].startswith("TOL-SEC-")
        assert int(b["id"].rsplit("-", 1)[1]) == int(a["id"].rsplit("-", 1)[1]) + 1
        assert b["reserved_in_session"] == [a["id"], b["id"]]
        result, bad = await call(s, "next_id", kind="tol-typo")
        assert is_error(result) and "kind" in bad


async def test_check_entry_reports_a_dangling_reference_and_writes_nothing():
    root = library()
    before = snapshot(root)
    draft = json.dumps({"tool_id": "TOL-SEC-900", "name": "Draft Tool", "department": "SEC",
                        "responsibilities": ["RSP-999"]}, indent=2)
    path = "LIBRARIES/LBS_003_Tools/SEC/TOL-SEC-900_Draft_Tool.json"
    async with server(root) as s:
        _, checked = await call(s, "check_entry", text=draft, path=path)
        assert "TAX0201" in {d["code"] for d in checked["diagnostics"]}
        assert all(d["file"] == path for d in checked["diagnostics"] if d["code"] == "TAX0201")
        result, outside = await call(s, "check_entry", text=draft, path="../outside.json")
        assert is_error(result) and "inside the library" in outside
    assert snapshot(root) == before


async def test_create_entry_is_refused_without_allow_write():
    root = library()
    before = snapshot(root)
    async with server(root) as s:
        result, message = await call(s, "create_entry", kind="tool", name="Brand New Tool", department="SEC")
        assert is_error(result) and "--allow-write" in message
    assert snapshot(root) == before


async def test_create_entry_writes_a_checked_entry_with_allow_write():
    root = library()
    async with server(root, "--allow-write") as s:
        _, reserved = await call(s, "next_id", kind="tool", department="SEC")
        _, created = await call(s, "create_entry", kind="tool", name="Brand New Tool", department="SEC",
                                id=reserved["id"])
        assert created["id"] == reserved["id"] and created["errors"] == 0
        assert (root / created["path"]).is_file()
        _, e = await call(s, "get_entity", id=reserved["id"])
        assert e["name"] == "Brand New Tool"
    check = subprocess.run([TAXO, "check", "--root", str(root), "--quiet"])
    assert check.returncode == 0


async def test_files_changed_between_calls_are_seen():
    root = library()
    async with server(root) as s:
        result, _ = await call(s, "get_entity", id="TOL-SEC-901")
        assert is_error(result)
        folder = root / "LIBRARIES/LBS_003_Tools/SEC"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "TOL-SEC-901_Fresh.json").write_text(json.dumps({"tool_id": "TOL-SEC-901", "name": "Fresh"}))
        _, e = await call(s, "get_entity", id="TOL-SEC-901")
        assert e["name"] == "Fresh"
        _, found = await call(s, "search", query="Fresh", kind="tool")
        assert found["hits"][0]["id"] == "TOL-SEC-901"


async def test_bad_arguments_are_clear_errors():
    root = library()
    async with server(root) as s:
        result, message = await call(s, "search", query="x", limit=0)
        assert is_error(result) and "limit" in message
        result, message = await call(s, "search", query="x", bogus=1)
        assert is_error(result) and "bogus" in message
        result, message = await call(s, "get_entity")
        assert is_error(result) and "id" in message
