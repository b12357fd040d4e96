/// One tool `taxo mcp` offers an assistant: its name, what it does, and the arguments it takes (from which
/// its JSON input schema is made).
public struct AssistantTool: Sendable {
    /// One argument of a tool.
    public struct Parameter: Sendable {
        public var name: String
        /// The JSON schema type: `string` or `integer`.
        public var type: String
        public var description: String
        public var required: Bool
    }

    public var name: String
    public var title: String
    public var description: String
    public var parameters: [Parameter]
    /// The tool only reads (every tool but `create_entry`, `rename_id`, `move_file` and `fix`).
    public var readOnly: Bool
    /// The tool may rewrite what is in existing files (`rename_id`, `move_file`, `fix`), not only add.
    public var destructive = false

    /// The input schema as JSON text: an object with these properties, the required ones listed, no others.
    public var inputSchema: String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.string("type", "object")
        w.beginObject("properties")
        for p in parameters {
            w.beginObject(p.name)
            w.string("type", p.type)
            w.string("description", p.description)
            if p.name == "limit" { w.int("minimum", 1) }
            w.endObject()
        }
        w.endObject()
        w.beginArray("required")
        for p in parameters where p.required { w.string(nil, p.name) }
        w.endArray()
        w.bool("additionalProperties", false)
        w.endObject()
        return w.out
    }

    static func string(_ name: String, _ description: String, required: Bool = false) -> Parameter {
        Parameter(name: name, type: "string", description: description, required: required)
    }

    static let limit = Parameter(
        name: "limit", type: "integer", description: "How many results to return (default 20, at most 100).",
        required: false)
    static let cursor = string("cursor", "The next_cursor of a previous result, for the page after it.")

    /// The tools, in the order they are listed.
    public static let all: [AssistantTool] = [
        AssistantTool(
            name: "search", title: "Search the library",
            description: """
                Full-text search of the library's entities (ID, name, description) and documents (by section), \
                ranked best first. IDs match exactly, words by prefix. Filter by kind and department to get \
                entities only. A query that finds nothing comes back with did_you_mean when a word of it is a \
                misspelling of a word of the library's names.
                """,
            parameters: [
                string("query", "Words, a name or an ID (ScaleKit, TOL-SEC-124, \"gap analysis\").", required: true),
                string("kind", "Only entities of this kind (its name or ID prefix: tool, TOL)."),
                string("department", "Only entities of this department (its code or an alias: SEC)."),
                limit, cursor,
            ], readOnly: true),
        AssistantTool(
            name: "get_entity", title: "Get an entity",
            description: """
                One entity by ID (or exact name): its record, file and line, outgoing links with what each \
                resolves to, backlinks, its parents and children in the hierarchy (workflow > milestone > task \
                > step), mentions in documents, and the findings in its file (with a baseline, each marked \
                `in_baseline`: known, fails no check). An ID that does not exist is an error that names the \
                nearest ones.
                """,
            parameters: [
                string("id", "An ID (TOL-SEC-124, any spelling the library accepts) or a name.", required: true)
            ],
            readOnly: true),
        AssistantTool(
            name: "resolve", title: "Resolve IDs and names in a text",
            description: """
                Every ID, placeholder and entity name in a piece of text with its verdict, as gap analysis \
                gives: exists, conflict (the ID names another entity), near_match (a misspelling), missing \
                (with a suggested free ID), placeholder, proposed (the video's own ID) or broken. Use it on a \
                draft before writing IDs into it.
                """,
            parameters: [
                string("text", "The text: a transcript, an analysis, a draft.", required: true),
                string(
                    "path",
                    "The library document the text belongs to (its video's own IDs count as proposed), relative to the library root."
                ),
                limit, cursor,
            ], readOnly: true),
        AssistantTool(
            name: "next_id", title: "Reserve the next free ID",
            description: """
                The next free ID of a kind (and department), in the library's pattern for that kind. It is \
                reserved for this session: the next call gives the one after it, so two drafts never get the \
                same ID. Announced and proposed IDs in documents count as taken, and so do the IDs other git \
                branches (not merged here) declare or announce.
                """,
            parameters: [
                string("kind", "The kind's name or ID prefix (tool, TOL, task).", required: true),
                string("department", "The department code (SEC); default: the kind's most used."),
            ], readOnly: true),
        AssistantTool(
            name: "check_entry", title: "Check a draft entry",
            description: """
                Checks a draft entry as if it were saved at the path: parse errors, dangling references \
                (TAX0201), label mismatches, duplicate IDs, wrong locations. Returns every finding in the file \
                and those the draft brings elsewhere, each marked `new` (the library did not have it; false for \
                one the file already had) and `in_baseline` (the library's baseline holds it: known, fails no \
                check); writes nothing.
                """,
            parameters: [
                string("text", "The draft's full text (JSON, YAML or Markdown).", required: true),
                string(
                    "path", "Where it would be saved, relative to the library root (LIBRARIES/.../TOL-SEC-125_X.json).",
                    required: true),
            ], readOnly: true),
        AssistantTool(
            name: "gaps", title: "Gap analysis",
            description: """
                The gap analysis of a video (Video_024: its transcript and every analysis of it) or of one \
                document, as `taxo gaps --format json` gives it: every candidate with its verdict, library \
                entity, suggested ID and evidence, HIGH priority first.
                """,
            parameters: [
                string(
                    "target", "A video ID (Video_024) or a document path relative to the library root.", required: true),
                limit, cursor,
            ], readOnly: true),
        AssistantTool(
            name: "get_video", title: "Get a video's status",
            description: """
                One video as an analyst follows it through the seven phases: its title and source, each phase's \
                state (done, errors, missing, skipped) with the artifacts found, the next step, and its gap \
                analysis in brief (candidates by verdict, the HIGH gaps with what to do). `gaps` gives the full \
                analysis.
                """,
            parameters: [string("video", "A video ID (Video_024).", required: true)], readOnly: true),
        AssistantTool(
            name: "get_document", title: "Get a document",
            description: """
                One file of the library as taxo reads it (`taxo show PATH --format json`): a document's type, \
                title and video, every ID it mentions with the lines and what each resolves to (or that it is a \
                proposal, or names nothing), the entities the file declares, and its findings (with a baseline, \
                each marked `in_baseline`). For checking an analysis after writing it.
                """,
            parameters: [
                string("path", "The file, relative to the library root (TASK_MANAGERS/RESEARCHES/...).", required: true)
            ], readOnly: true),
        AssistantSession.findingsTool,
        AssistantSession.fixTool,
        AssistantTool(
            name: "get_schema", title: "What a kind's records hold",
            description: """
                What a record of a kind must hold (as `taxo schema KIND --format json`): its ID fields and grammar, \
                name fields, link fields and their target kinds, the fields the library's taxonomy.yaml declares \
                (required, type, allowed values, pattern, deprecated) with how many records fill each, and the \
                fields records hold beyond them. Read it before drafting an entry; pass required fields to \
                create_entry's `fields`.
                """,
            parameters: [string("kind", "The kind's name or ID prefix (tool, TOL, task).", required: true)],
            readOnly: true),
        AssistantTool(
            name: "rename_id", title: "Rename an ID everywhere",
            description: """
                Renames an entity's ID in every file of the library: its declaration, links, mentions, master \
                lists and prose, every spelling of it (as `taxo rename`). The new ID must be of the same kind and \
                free. File names and the paths naming them are left. On a read-only server it returns the files \
                and lines it would change and writes nothing; with --allow-write it rewrites them.
                """,
            parameters: [
                string("id", "The ID to rename (any spelling the library accepts).", required: true),
                string("new_id", "The new ID (TOL-QA-077).", required: true),
            ], readOnly: false, destructive: true),
        AssistantTool(
            name: "move_file", title: "Move a file or folder, keeping links working",
            description: """
                Moves a file or folder inside the library (as `taxo move`): `to` is a new path, or an existing \
                folder to move into. Every Markdown link to it, every relative link inside it and every \
                master-list path to it is rewritten to the new place. Returns each edit (file, line, old and new \
                text) and warnings: a file that would be read as another kind or document type at the new place \
                (the `files:` globs of taxonomy.yaml), a link that could not be rewritten. On a read-only server \
                nothing is written; with --allow-write the files are edited and moved.
                """,
            parameters: [
                string("from", "The file or folder, from the library root.", required: true),
                string("to", "The new path, or an existing folder to move it into.", required: true),
            ], readOnly: false, destructive: true),
        AssistantTool(
            name: "diff", title: "What a change does to the library",
            description: """
                What the library's files as they are now (uncommitted and untracked changes included) do against \
                a git commit (default: the merge base with the default branch), as `taxo diff --format json`: \
                entities added, removed, renamed and changed, links added and removed, findings the change \
                brings and fixes, video phases that changed. For reviewing a change before it is committed.
                """,
            parameters: [
                string("base", "A commit, branch or tag (default: the merge base with the default branch)."),
                Parameter(
                    name: "limit", type: "integer",
                    description:
                        "At most this many items per list (default 50, at most 500); totals gives each list's length.",
                    required: false),
            ], readOnly: true),
        AssistantTool(
            name: "create_entry", title: "Create an entry",
            description: """
                Creates an entry as `taxo new` does: the next free ID (or one next_id reserved), the file where \
                the library keeps that kind, the parent's child list and the master list updated. The entry is \
                checked first and not written when it brings errors (errors the library already had, in a master \
                list it adds a row to, do not stop it). Only when the server was started with \
                --allow-write.
                """,
            parameters: [
                string("kind", "The kind's name or ID prefix.", required: true),
                string("name", "The entry's name.", required: true),
                string("department", "The department code."),
                string("id", "An ID next_id reserved (default: the next free one)."),
                string("target", "A parent entity whose child list gets the new ID (a task for a new step)."),
                string(
                    "path", "The folder to write into, relative to the library root (default: the kind's usual one)."),
                Parameter(
                    name: "fields", type: "object",
                    description:
                        "Fields of the new record by name ({\"category\": \"AI\", \"tags\": [\"ui\"]}): what get_schema says the kind requires.",
                    required: false),
            ], readOnly: false),
    ]

    /// The tool of that name, if there is one.
    public static func named(_ name: String) -> AssistantTool? { all.first { $0.name == name } }
}
