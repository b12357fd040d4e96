"""taxo schema --json-schema checked with the jsonschema package (Draft 2020-12), as an editor would use it:
the example library's own files validate against the schemas made from its configuration, and on a library
with a `fields:` schema, taxo check and the JSON Schema agree on which records break it.
Run by .ci/run: TAXO=path/to/taxo pytest Tests/schema"""
import json
import os
import pathlib
import sqlite3
import subprocess

import jsonschema
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
TAXO = os.environ.get("TAXO", str(REPO / ".build" / "debug" / "taxo"))


def taxo(*args, cwd=REPO, check=True):
    run = subprocess.run([TAXO, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    if check and run.returncode not in (0, 1):
        raise AssertionError(f"taxo {' '.join(args)} exited {run.returncode}: {run.stderr}")
    return run


def load_schemas(folder):
    schemas = {}
    for p in folder.glob("*.schema.json"):
        schema = json.loads(p.read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[p.name.removesuffix(".schema.json")] = jsonschema.Draft202012Validator(schema)
    return schemas


def test_the_example_librarys_files_validate(tmp_path):
    run = taxo("schema", "--json-schema", "--out", str(tmp_path / "schemas"))
    settings = json.loads(run.stdout)
    assert any("LIBRARIES/LBS_003_Tools/**/*.json" in s["fileMatch"] for s in settings["json.schemas"])
    schemas = load_schemas(tmp_path / "schemas")
    assert {"tool", "workflow", "milestone", "task", "step"} <= set(schemas)
    taxo("build", "--out", str(tmp_path / "out"), "--quiet")
    db = sqlite3.connect(tmp_path / "out" / "index.sqlite")
    files = db.execute("SELECT DISTINCT kind, file FROM entities WHERE file LIKE '%.json' ORDER BY file").fetchall()
    assert len(files) >= 20
    for kind, file in files:
        doc = json.loads((REPO / file).read_text(encoding="utf-8-sig"))
        errors = [e.message for e in schemas[kind].iter_errors(doc)]
        assert not errors, f"{file} ({kind}): {errors}"
    # A broken ID and a name that is not text are refused.
    tool = json.loads((REPO / next(f for k, f in files if k == "tool")).read_text())
    assert not schemas["tool"].is_valid(dict(tool, tool_id="TOL_12"))
    assert not schemas["tool"].is_valid(dict(tool, name=12))


CONFIG = """kinds:
  tool:
    prefix: TOL
    files: ["tools/*.json"]
    id_fields: [tool_id]
    fields:
      name: required
      category: { required: true, values: [AI, Design, Security] }
      website: url
      added: date
      rating: number
      count: integer
      tags: { items: string }
      code: { type: string, pattern: '^[A-Z]{3}$' }
      steps[].name: required
      vendor: { deprecated: "use maker" }
      maker: string
    additional_fields: report
"""

GOOD = {"tool_id": "TOL-001", "name": "Figma", "category": "Design"}

# (what changes in the good record, whether taxo and the schema accept it)
VARIANTS = [
    ({}, True),
    ({"website": "https://www.figma.com/", "added": "2025-12-06", "rating": 4.5, "count": 3}, True),
    ({"added": "2025-12-06T14:30:00Z", "tags": ["ui", "design"], "code": "FIG"}, True),
    ({"website": "", "added": None, "tags": [], "rating": None}, True),
    ({"steps": [{"name": "plan"}, {"name": "ship"}]}, True),
    ({"steps": []}, True),
    ({"name": None}, False),
    ({"name": ""}, False),
    ({"name": "   "}, False),
    ({"category": "design"}, False),
    ({"category": "Whiteboards"}, False),
    ({"category": ""}, False),
    ({"website": "figma.com"}, False),
    ({"website": 3}, False),
    ({"added": "06.12.2025"}, False),
    ({"rating": "4.5"}, False),
    ({"count": 2.5}, False),
    ({"tags": "ui"}, False),
    ({"tags": ["ui", 3]}, False),
    ({"code": "figma"}, False),
    ({"steps": [{"name": "plan"}, {"order": 2}]}, False),
    ({"webiste": "https://figma.com"}, False),
]


def taxo_verdict(tmp_path, record, i):
    lib = tmp_path / f"lib{i}"
    (lib / "tools").mkdir(parents=True)
    (lib / "taxonomy.yaml").write_text(CONFIG)
    (lib / "tools" / "TOL-001.json").write_text(json.dumps(record, indent=2))
    run = taxo("check", "--format", "json", "--root", str(lib), cwd=lib)
    found = json.loads(run.stdout)["diagnostics"]
    return [d["code"] for d in found if d["code"].startswith("TAX07")]


@pytest.fixture(scope="module")
def tool_schema(tmp_path_factory):
    lib = tmp_path_factory.mktemp("lib")
    (lib / "taxonomy.yaml").write_text(CONFIG)
    run = taxo("schema", "--json-schema", "tool", "--root", str(lib), cwd=lib)
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("i", range(len(VARIANTS)))
def test_taxo_and_the_json_schema_agree(tmp_path, tool_schema, i):
    change, accepted = VARIANTS[i]
    record = dict(GOOD, **change)
    codes = taxo_verdict(tmp_path, record, i)
    schema_errors = [e.message for e in tool_schema.iter_errors(record)]
    assert (codes == []) == accepted, f"taxo: {codes} for {record}"
    assert (schema_errors == []) == accepted, f"schema: {schema_errors} for {record}"


def test_a_deprecated_field_is_a_warning_and_an_annotation(tmp_path, tool_schema):
    record = dict(GOOD, vendor="Figma Inc")
    assert taxo_verdict(tmp_path, record, 99) == ["TAX0705"]
    assert tool_schema.is_valid(record)
    assert tool_schema.schema["$defs"]["record"]["properties"]["vendor"]["deprecated"] is True


def test_keys_taxo_reads_in_any_spelling_are_exact_in_the_json_schema(tmp_path, tool_schema):
    # taxo compares keys without case or separators; JSON Schema cannot: the schema is for writing new
    # records in the configuration's spelling.
    record = {"tool_id": "TOL-001", "Name": "Figma", "Category": "Design"}
    assert taxo_verdict(tmp_path, record, 98) == []
    assert not tool_schema.is_valid(record)
