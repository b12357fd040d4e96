"""taxo lsp driven by a real LSP client (pytest-lsp / pygls) through every capability: diagnostics on open,
change and save, definition, hover, completion, references, document links, code actions, outline and
workspace symbols, rename, inlay hints, code lenses, call and type hierarchies, creating what a dangling ID
names, files changed on disk (watched for the server), unknown methods, shutdown and exit. Run by .ci/run: TAXO=path/to/taxo pytest Tests/lsp (a copy of the example library is made)."""
import asyncio
import atexit
import os
import shutil
import tempfile
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

REPO = pathlib.Path(__file__).resolve().parents[2]
TAXO = os.environ.get("TAXO", str(REPO / ".build" / "debug" / "taxo"))
ROOT = pathlib.Path(tempfile.mkdtemp(prefix="taxo-lsp-"))
# Removed when the run ends (TAXO_KEEP_TEMP=1 keeps it).
if os.environ.get("TAXO_KEEP_TEMP") != "1":
    atexit.register(shutil.rmtree, ROOT, ignore_errors=True)
for d in ["LIBRARIES", "TASK_MANAGERS", "TALENTS"]:
    shutil.copytree(REPO / d, ROOT / d)


def uri(rel):
    return (ROOT / rel).as_uri()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TAXO, "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=ROOT.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TAXO, "lsp"]))
async def pull_client(lsp_client: LanguageClient):
    """A client that pulls diagnostics (LSP 3.17) instead of being sent them."""
    caps = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(diagnostic=types.DiagnosticClientCapabilities()),
        workspace=types.WorkspaceClientCapabilities(
            diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=False)
        ),
    )
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=caps, root_uri=ROOT.as_uri()))
    assert result.capabilities.diagnostic_provider.workspace_diagnostics
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TAXO, "lsp"]))
async def watch_client(lsp_client: LanguageClient):
    """A client that watches files for the server when asked (dynamic registration, as VS Code and Neovim)."""
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(ls: LanguageClient, params: types.RegistrationParams):
        ls.registrations.extend(params.registrations)

    caps = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        )
    )
    await lsp_client.initialize_session(types.InitializeParams(capabilities=caps, root_uri=ROOT.as_uri()))
    yield
    await lsp_client.shutdown_session()


TRANSCRIPT = "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md"


def position_of(text, needle, offset=3):
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if needle in line:
            return types.Position(line=i, character=line.index(needle) + offset)
    raise AssertionError(needle)


async def open_doc(client, rel, text=None, language="markdown"):
    text = (ROOT / rel).read_text() if text is None else text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri(rel), language_id=language, version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return text


async def code_actions(client, rel, line, character, end_line, end_character):
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(rel)),
            range=types.Range(
                start=types.Position(line=line, character=character),
                end=types.Position(line=end_line, character=end_character),
            ),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )


async def test_diagnostics_on_open_change_and_save(client: LanguageClient):
    rel = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_Draft.json"
    broken = '{\n  "tool_id": "TOL-QA-099",\n  "name": "Draft",\n  "alternatives": ["TOL-QA-998"]\n}\n'
    await open_doc(client, rel, broken, "json")
    codes = [d.code for d in client.diagnostics[uri(rel)]]
    assert "TAX0201" in codes
    d = next(d for d in client.diagnostics[uri(rel)] if d.code == "TAX0201")
    assert d.range.start.line == 3
    assert d.severity == types.DiagnosticSeverity.Error
    fixed = broken.replace("TOL-QA-998", "TOL-QA-031")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri(rel), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri(rel)] if d.code == "TAX0201"] == []
    # Saved on disk by someone else: the server reads it again on save.
    (ROOT / rel).write_text(broken)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri(rel))))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await open_doc(client, rel, broken, "json")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri(rel))))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "TAX0201" in [d.code for d in client.diagnostics[uri(rel)]]
    (ROOT / rel).unlink()


async def test_definition_hover_and_references(client: LanguageClient):
    text = await open_doc(client, TRANSCRIPT)
    pos = position_of(text, "TOL-QA-031")
    doc = types.TextDocumentIdentifier(uri=uri(TRANSCRIPT))
    loc = await client.text_document_definition_async(types.DefinitionParams(text_document=doc, position=pos))
    assert loc.uri.endswith("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json")
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=pos))
    assert "MCP Inspector" in hover.contents.value
    assert "kind: tool" in hover.contents.value
    refs = await client.text_document_references_async(
        types.ReferenceParams(text_document=doc, position=pos, context=types.ReferenceContext(include_declaration=False))
    )
    assert any(r.uri.endswith(TRANSCRIPT) for r in refs)
    assert len(refs) >= 3


async def test_completion_after_a_prefix(client: LanguageClient):
    rel = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Draft_Notes.md"
    text = "# Notes\n\nUse TOL-QA-"
    await open_doc(client, rel, text)
    items = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(rel)), position=types.Position(line=2, character=len("Use TOL-QA-"))
        )
    )
    labels = [i.label for i in (items.items if hasattr(items, "items") else items)]
    assert "TOL-QA-031" in labels
    assert all(label.startswith("TOL-QA-") for label in labels)


async def test_outline_and_workspace_symbols(client: LanguageClient):
    await open_doc(client, TRANSCRIPT)
    outline = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri(TRANSCRIPT)))
    )
    assert outline, "a transcript has an outline"
    assert all(s.kind == types.SymbolKind.String for s in outline)
    assert any(s.children for s in outline), "deeper headings nest under their section"
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="TOL-QA-031"))
    assert found[0].name.startswith("TOL-QA-031 ")
    assert found[0].location.uri.endswith("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json")
    by_name = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="mcp insp"))
    assert any(s.name.startswith("TOL-QA-031 ") for s in by_name)


async def test_rename_an_id_everywhere(client: LanguageClient):
    text = await open_doc(client, TRANSCRIPT)
    pos = position_of(text, "TOL-QA-031")
    doc = types.TextDocumentIdentifier(uri=uri(TRANSCRIPT))
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(text_document=doc, position=pos))
    assert prepared.placeholder == "TOL-QA-031"
    edit = await client.text_document_rename_async(types.RenameParams(text_document=doc, position=pos, new_name="TOL-QA-077"))
    files = set(edit.changes)
    assert uri("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json") in files
    assert uri(TRANSCRIPT) in files
    assert all(e.new_text == "TOL-QA-077" for edits in edit.changes.values() for e in edits)


async def test_inlay_hints_name_the_ids(client: LanguageClient):
    rel = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Hint_Notes.md"
    await open_doc(client, rel, "# Notes\n\nUses TOL-SEC-124 and TOL-QA-998.\n")
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=types.TextDocumentIdentifier(uri=uri(rel)),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=3, character=0)),
        )
    )
    assert [h.label for h in hints] == ["ScaleKit Dashboard"]
    assert hints[0].position == types.Position(line=2, character=len("Uses TOL-SEC-124"))


async def test_document_links(client: LanguageClient):
    rel = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Draft_Links.md"
    text = "# Links\n\nSee [the transcript](../../02_TRANSCRIPTIONS/Video_025.md) and [nothing](missing.md).\n"
    (ROOT / rel).write_text(text)
    await open_doc(client, rel, text)
    links = await client.text_document_document_link_async(
        types.DocumentLinkParams(text_document=types.TextDocumentIdentifier(uri=uri(rel)))
    )
    assert [l.target for l in links] == [uri(TRANSCRIPT)]
    assert links[0].range.start.line == 2
    (ROOT / rel).unlink()


async def test_code_actions_offer_taxo_fix(client: LanguageClient):
    rel = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Draft_Spelling.md"
    text = "# Spelling\n\nThe inspector is TOOL-QA-031.\n"
    (ROOT / rel).write_text(text)
    await open_doc(client, rel, text)
    actions = await code_actions(client, rel, 2, 0, 2, 30)
    edits = [e for a in actions for e in a.edit.changes[uri(rel)]]
    assert any(e.new_text == "TOL-QA-031" and e.range.start.line == 2 for e in edits)
    (ROOT / rel).unlink()


async def test_unknown_requests_get_method_not_found(client: LanguageClient):
    with pytest.raises(Exception) as err:
        await client.protocol.send_request_async("taxo/noSuchMethod", {})
    assert "-32601" in str(err.value) or "not found" in str(err.value).lower()


async def test_code_action_renames_a_stale_file_name(client: LanguageClient):
    rel = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-090_Draft.json"
    text = '{\n  "tool_id": "TOL-QA-091",\n  "name": "Draft"\n}\n'
    (ROOT / rel).write_text(text)
    await open_doc(client, rel, text, "json")
    assert "TAX0105" in [d.code for d in client.diagnostics[uri(rel)]]
    actions = await code_actions(client, rel, 0, 0, 0, 0)
    renames = [c for a in actions if a.edit and a.edit.document_changes for c in a.edit.document_changes
               if isinstance(c, types.RenameFile)]
    assert [r.new_uri for r in renames] == [uri("LIBRARIES/LBS_003_Tools/QA/TOL-QA-091_Draft.json")]
    (ROOT / rel).unlink()


async def test_code_lens_counts_what_points_at_an_entity(client: LanguageClient):
    rel = "LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json"
    await open_doc(client, rel, language="json")
    lenses = await client.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri(rel)))
    )
    assert len(lenses) == 1
    title = lenses[0].command.title
    assert " link" in title and " mention" in title and not title.startswith("no links")


async def test_code_action_creates_what_a_dangling_id_names(client: LanguageClient):
    rel = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-097_Draft.json"
    text = '{\n  "tool_id": "TOL-QA-097",\n  "name": "Draft",\n  "alternatives": ["TOL-QA-996 (Okta Verify)"]\n}\n'
    await open_doc(client, rel, text, "json")
    assert "TAX0201" in [d.code for d in client.diagnostics[uri(rel)]]
    actions = await code_actions(client, rel, 3, 0, 3, 10)
    create = [a for a in actions if a.title.startswith("Create tool TOL-QA-996 'Okta Verify'")]
    assert len(create) == 1
    changes = create[0].edit.document_changes
    assert changes[0].kind == "create" and "TOL-QA-996" in changes[1].edits[0].new_text


async def test_call_and_type_hierarchies(client: LanguageClient):
    rel = "TASK_MANAGERS/TSM-001_Templates/Workflows/WRF-SEC-014_Secure_MCP_OAuth_Workflow.json"
    text = await open_doc(client, rel, language="json")
    at = types.TextDocumentIdentifier(uri=uri(rel))
    items = await client.text_document_prepare_call_hierarchy_async(
        types.CallHierarchyPrepareParams(text_document=at, position=position_of(text, '"TOL-SEC-124"'))
    )
    assert [i.name for i in items] == ["TOL-SEC-124 ScaleKit Dashboard"]
    incoming = await client.call_hierarchy_incoming_calls_async(types.CallHierarchyIncomingCallsParams(item=items[0]))
    callers = [c.from_.name for c in incoming]
    assert any(n.startswith("WRF-SEC-014 ") for n in callers)
    assert any(c.from_.kind == types.SymbolKind.File for c in incoming)
    flow = await client.text_document_prepare_type_hierarchy_async(
        types.TypeHierarchyPrepareParams(text_document=at, position=position_of(text, '"WRF-SEC-014"'))
    )
    children = await client.type_hierarchy_subtypes_async(types.TypeHierarchySubtypesParams(item=flow[0]))
    assert [c.name[:7] for c in children] == ["MLS-001", "MLS-002", "MLS-003", "MLS-004"]
    parents = await client.type_hierarchy_supertypes_async(types.TypeHierarchySupertypesParams(item=children[0]))
    assert [p.name[:11] for p in parents] == ["WRF-SEC-014"]


async def test_pull_diagnostics_of_a_file_and_of_the_workspace(pull_client: LanguageClient):
    rel = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-097_Pulled.json"
    broken = '{\n  "tool_id": "TOL-QA-097",\n  "name": "Pulled",\n  "alternatives": ["TOL-QA-996"]\n}\n'
    pull_client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri(rel), language_id="json", version=1, text=broken)
        )
    )
    report = await pull_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri(rel)))
    )
    assert report.kind == "full"
    assert [d.code for d in report.items] == ["TAX0201"]
    assert report.items[0].range.start.line == 3
    again = await pull_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri(rel)), previous_result_id=report.result_id
        )
    )
    assert again.kind == "unchanged"
    workspace = await pull_client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
    mine = [r for r in workspace.items if r.uri == uri(rel)]
    assert len(mine) == 1 and mine[0].result_id == report.result_id
    # Nothing was pushed to a client that pulls.
    assert uri(rel) not in pull_client.diagnostics


async def test_files_changed_on_disk_are_read_again(watch_client: LanguageClient):
    for _ in range(200):
        if watch_client.registrations:
            break
        await asyncio.sleep(0.05)
    registration = watch_client.registrations[0]
    assert registration.method == "workspace/didChangeWatchedFiles"
    globs = [w["globPattern"] for w in registration.register_options["watchers"]]
    # Every file: those taxo reads, and pictures and any other file a link may point at.
    assert globs == ["**/*"]
    rel = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-096_Watching.json"
    text = '{\n  "tool_id": "TOL-QA-096",\n  "name": "Watching",\n  "alternatives": ["TOL-QA-964"]\n}\n'
    await open_doc(watch_client, rel, text, language="json")
    assert [d.code for d in watch_client.diagnostics[uri(rel)]] == ["TAX0201"]
    # The missing tool made in a terminal: the open file's finding goes at the client's notification.
    made = ROOT / "LIBRARIES/LBS_003_Tools/QA/TOL-QA-964_Watched.json"
    made.write_text('{\n  "tool_id": "TOL-QA-964",\n  "name": "Watched"\n}\n')
    try:
        watch_client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=made.as_uri(), type=types.FileChangeType.Created)]
            )
        )
        await watch_client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        assert list(watch_client.diagnostics[uri(rel)]) == []
    finally:
        made.unlink()
    watch_client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=made.as_uri(), type=types.FileChangeType.Deleted)])
    )
    await watch_client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in watch_client.diagnostics[uri(rel)]] == ["TAX0201"]
