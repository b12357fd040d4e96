/// The built-in configuration: the conventions of the seeds (TOL, WRF, MLS, TSK, STP, RSP, SKL, OBJ,
/// ACT, PMT, departments AID, SEC, QA ...). `taxo config --print-default` prints it; a library's own
/// `taxonomy.yaml` replaces it.
public enum DefaultConfig {
    public static let yaml = #"""
        # taxonomy.yaml: how taxo reads this library.
        # Paths and globs are relative to the folder holding this file.
        version: 1

        # Folders to read (walked in sorted order) and globs to leave out.
        roots: [LIBRARIES, TASK_MANAGERS, TALENTS]
        exclude:
          - "**/.git/**"
          - "**/node_modules/**"
          - "**/_archive/**"
          - "**/*backup*/**"
          - "output/**"
        # Files larger than this are skipped with a note.
        max_file_bytes: 8000000

        departments:
          AID: { name: "AI & Automations", aliases: [AI, AIA, AUT] }
          SEC: { name: "Security Engineering" }
          QA:  { name: "Quality Assurance" }
          DEV: { name: "Development & Engineering" }
          HRM: { name: "Human Resources Management", aliases: [HR] }
          LGN: { name: "Lead Generation", aliases: [LG] }
          DGN: { name: "Design & Creative", aliases: [DESIGN] }
          VID: { name: "Video Production" }
          SLS: { name: "Sales" }
          SMM: { name: "Social Media Management" }
          MKT: { name: "Marketing" }
          OPS: { name: "Operations" }

        # Entity kinds. An ID is PREFIX-NNN, or PREFIX-DEPT-NNN where department is optional or required.
        kinds:
          tool:
            prefix: TOL
            alternate_prefixes: [TOOL]
            department: optional
            digits: 3
            files: ["LIBRARIES/LBS_003_Tools/**/*.{json,yaml,yml}"]
            id_fields: [tool_id, id]
            name_fields: [name, tool_name]
            links:
              "responsibilities[]": { target: responsibility, many: true }
              "skills[]": { target: skill, many: true }
              "departments[]": { target: department, many: true }
          workflow:
            prefix: WRF
            alternate_prefixes: [WF]
            department: optional
            digits: 3
            files: ["TASK_MANAGERS/TSM-001_Templates/Workflows/**/*.{json,yaml,yml,md}", "TASK_MANAGERS/TSM-006_Workflows/**/*.{json,yaml,yml,md}"]
            id_fields: [workflow_id, id, "Workflow ID"]
            name_fields: [name, workflow_name, "Workflow Name"]
            links:
              "milestones[]": { target: milestone, many: true }
              "tools_required[].tool_id": { target: tool, many: true }
              "responsibilities[]": { target: responsibility, many: true }
          milestone:
            prefix: MLS
            alternate_prefixes: [MLT]
            department: optional
            digits: 3
            scoped: true
            # Older spellings; a record that keeps one is named by its file (TST-072_Install_IDE.json).
            legacy_patterns: ["Milestone-Template-{n}", "MILESTONE-TEMPLATE-{a}-{n}"]
            files: ["TASK_MANAGERS/TSM-002_Milestone_Templates/**/*.{json,yaml,yml,md}"]
            id_fields: [milestone_id, milestone_template_id, id]
            name_fields: [name, milestone_name]
            links:
              workflow: { target: workflow }
              "tasks[]": { target: task, many: true }
              "dependencies[]": { target: milestone, many: true, acyclic: true }
          task:
            prefix: TSK
            alternate_prefixes: [TST]
            department: optional
            digits: 3
            scoped: true
            # Older spellings; a record that keeps one is named by its file (TST-072_Install_IDE.json).
            legacy_patterns: ["Task-Template-{n}", "TASK-TEMPLATE-{a}-{n}"]
            files: ["TASK_MANAGERS/TSM-003_Task_Templates/**/*.{json,yaml,yml,md}"]
            id_fields: [task_id, template_id, task_template_id, id]
            name_fields: [name, task_name, task_template_name]
            links:
              milestone: { target: milestone }
              "steps[]": { target: step, many: true }
              "tools_required[]": { target: tool, many: true }
              "skills_required[]": { target: skill, many: true }
              responsibility: { target: responsibility }
              "dependencies[]": { target: task, many: true, acyclic: true }
          step:
            prefix: STP
            alternate_prefixes: [STT]
            department: optional
            digits: 3
            scoped: true
            # Older spellings; a record that keeps one is named by its file (TST-072_Install_IDE.json).
            legacy_patterns: ["Step-Template-{n}", "STEP-TEMPLATE-{a}-{n}"]
            files: ["TASK_MANAGERS/TSM-004_Step_Templates/**/*.{json,yaml,yml,md}"]
            id_fields: [step_id, step_template_id, id, "Step ID"]
            name_fields: [name, step_name, step_template_name]
            links:
              task: { target: task }
              action: { target: action }
              object: { target: object }
              tool: { target: tool }
              "dependencies[]": { target: step, many: true, acyclic: true }
          responsibility:
            prefix: RSP
            alternate_prefixes: [RESP]
            department: optional
            digits: 3
            files: ["LIBRARIES/Responsibilities/*.{json,yaml,yml}", "LIBRARIES/Responsibilities/Core/**/*.{json,yaml,yml}"]
            id_fields: [responsibility_id, id]
            name_fields: [name, responsibility_name, primary_phrase]
            links:
              "skills[]": { target: skill, many: true }
              department: { target: department }
          skill:
            prefix: SKL
            department: optional
            digits: 3
            files: ["TALENTS/Skills/**/*.{json,yaml,yml}", "LIBRARIES/Responsibilities/Skills/**/*.{json,yaml,yml}"]
            id_fields: [skill_id, id]
            name_fields: [name, skill_name, skill_phrase]
            links:
              "related_skills[]": { target: skill, many: true }
          object:
            prefix: OBJ
            department: optional
            digits: 3
            files: ["LIBRARIES/Responsibilities/Objects/**/*.{json,yaml,yml}"]
            records: "objects[]"
            id_fields: [object_id, id]
            name_fields: [name, object_name]
            links:
              "produced_by[]": { target: task, many: true }
              "related_tools[]": { target: tool, many: true }
          action:
            prefix: ACT
            department: none
            digits: 3
            files: ["LIBRARIES/Responsibilities/Actions/**/*.{json,yaml,yml}"]
            records: "actions[]"
            id_fields: [action_id, id]
            name_fields: [name, action, verb]
          department:
            prefix: DPT
            department: none
            digits: 3
            files: ["LIBRARIES/LBS_006_Departments/**/*.{json,yaml,yml}"]
            records: "data[]"
            id_fields: [department_id]
            name_fields: [full_name, name]
          profession:
            prefix: PRF
            department: none
            digits: 3
            files: ["LIBRARIES/LBS_005_Professions/**/*.{json,yaml,yml}"]
            id_fields: [profession_id, id]
            name_fields: [name, profession_name]
          prompt:
            prefix: PMT
            department: none
            digits: 3
            files: ["TASK_MANAGERS/PROMPTS/**/*.{md,json,yaml,yml}"]
            id_fields: [prompt_id, id, "Prompt ID"]
            name_fields: [name, title, "Prompt Name"]
            # PMT-004_Video_Transcription.md is PMT-004 even without an ID header line (name from its first heading).
            id_from_filename: true

        # A kind may also set (defaults shown):
        #   segments: 1                  # department or category segments an ID may carry (RESP-OPS-ACC-001 needs 2)
        #   legacy_case: insensitive     # sensitive: TASK-TEMPLATE-006 is not Task-Template-006
        #   file_kind: checklist         # (none by default) the list file is itself an entity of that kind, ID from its name
        #   free_text_references: true   # false: only typed link fields and Markdown header lines hold references
        #   children: "phases[]"         # where inline children without IDs are (by default: objects under a lower level's name, "steps": [{...}])
        #   embedded:                    # (none by default) records of this kind inside other kinds' files
        #     - { files: ["TASK_MANAGERS/Projects/**/*.json"], records: "milestones[]" }
        #   id_fields and name_fields also take paths into nested objects: [metadata.name, name]
        # A link may also set (defaults shown):
        #   local: false                 # true: the IDs are the record's own children, not looked up in the library
        #   by: id                       # path: the field holds a file path; the link goes to the entity of that file
        #                                # (from the record's folder; from the root when it starts with /, an alias or a root)
        # A document type may also set (defaults shown):
        #   free_text_references: true   # false: only header lines (front matter, **Key:** value) hold mentions
        #   scoped_prefixes: []          # prefixes that are video-scoped in these documents: [MLS, TSK, STP]

        # The chain that `incomplete hierarchy` and `orphan entity` follow: each kind lists the next.
        hierarchy: [workflow, milestone, task, step]

        # Markdown documents that are not entities. Their ID mentions are recorded and checked.
        documents:
          transcript:
            files: ["TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_*.md"]
            scope_heading: "TAXONOMY"
          analysis:
            files: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/**/*.md"]
          index:
            files: ["**/VIDEOS_INDEX.md", "**/README.md"]
            check_mentions: false

        # Headings and lead-in lines ending in ':' that hold one of these words announce IDs: the IDs in that
        # section (or in the list, table or code block after the lead-in) are proposals, used for next free
        # IDs and never reported as dangling.
        proposal_markers: ["next available", "next free", "available ids", "reserved", "planned", "future", "to be created", "proposed"]
        # Which kind plays each role the reports need (tool, prompt, workflow, milestone, task, step, responsibility,
        # skill, object, action, department); by default the kind of the same name, null for none.
        # roles: { tool: tool }
        # Prefixes that are not IDs of this library (category codes, ticket keys): never reported.
        ignore_prefixes: []
        # Label and legacy-reference checks inside Markdown code blocks: skip (made-up examples) or check.
        code_blocks: skip
        # Entities whose status is one of these are exempt from the hierarchy rules.
        inactive_statuses: [deprecated, archived, retired]
        # Words written in a department field that name every department, or none (compared without case):
        # accepted, and counted apart in the reports.
        department_words:
          all: [all, all departments, any, cross-functional, company-wide, organization-wide]
          none: [n/a, na, none, "-", tbd, unassigned]

        # Video IDs, as found in file names and text.
        video_pattern: "Video_[0-9]{2,4}"

        # The phases of the video workflow: a phase is done when one of its artifacts exists ({video} is the
        # video ID), or, with integration_fields, when library entities name the video in one of those fields.
        phases:
          - { number: 1, name: Transcription, artifacts: ["TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/{video}.md"] }
          - { number: 2, name: Naming, optional: true, artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Naming/{video}_Naming.md"] }
          - { number: 3, name: Initial Analysis, artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/{video}_Phase3_Analysis.md"] }
          - { number: 4, name: Objects Extraction, artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/{video}_Phase4_Objects.md"] }
          - { number: 5, name: Gap Analysis, artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap_Analysis/{video}_Gap_Analysis.md"] }
          - number: 6
            name: Taxonomy Integration
            artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Integration/{video}_Taxonomy_Integration.md"]
            integration_fields: [source_video, discovery_source, video_source.video_id]
          - { number: 7, name: Library Mapping, artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Library_Mapping/{video}_Library_Mapping_Report.md"] }

        # Rule levels: a code (TAX0201), a rule name (dangling-reference) or a family (hierarchy)
        # set to error, warning, note (info is accepted too) or off.
        rules: {}
        """#
}
