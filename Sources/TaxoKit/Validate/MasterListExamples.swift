/// The small library the master-list rules' examples share (and the fuzzer's `csv` target): its
/// `taxonomy.yaml` first, then `tools/Tools_Master.csv` with `rows` under its header, then the tools.
public enum MasterListExamples {
    public static func files(rows: String, extra: Bool = false) -> [(String, String)] {
        var f: [(String, String)] = [
            (
                "taxonomy.yaml",
                """
                kinds:
                  tool:
                    prefix: TOL
                    files: ["tools/*.json"]
                    id_fields: [tool_id]
                master_lists:
                  - files: ["tools/Tools_Master.csv"]
                    kind: tool
                    id_column: TOL_ID
                    name_column: Name
                    path_column: Filename
                """
            ),
            ("tools/Tools_Master.csv", "TOL_ID,Name,Filename\n" + rows),
            ("tools/TOL-001_Figma.json", "{\"tool_id\": \"TOL-001\", \"name\": \"Figma\"}"),
        ]
        if extra { f.append(("tools/TOL-009_Extra.json", "{\"tool_id\": \"TOL-009\", \"name\": \"Extra\"}")) }
        return f
    }
}
