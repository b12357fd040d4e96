import Foundation

/// `taxo fix`: the repairs that need no judgement, as byte edits of the files (everything else, BOM, line
/// ends and formatting included, stays as it is). Each answers a finding:
/// - TAX0401: a link whose target exists with other letter case, or moved to the one live file of its name, or
///   written with backslashes (`..\Notes\A.md` -> `../Notes/A.md`);
/// - TAX0206: an alternate spelling rewritten to the target's ID (`TOOL-QA-031` -> `TOL-QA-031`);
/// - TAX0207: an old ID rewritten to the canonical one, unless its label names another entity;
/// - TAX0102: a rare misspelt prefix with one did-you-mean when the corrected ID exists (`TKS-004` -> `TSK-004`);
/// - TAX0703: a field's value that differs from one allowed value only in letter case (`design` -> `Design`);
/// - TAX0002: a file with bytes that are not UTF-8, read as Windows-1252, re-saved as UTF-8.
/// Never: a label that names another entity, a duplicate ID, anything in a file that does not parse.
/// Fixes are idempotent: a fixed library has nothing more to fix.
public enum Fixes {
    /// One replacement in a file: the bytes from `start` to `end` become `replacement`.
    public struct Edit: Sendable, Equatable {
        public var code: String
        /// Byte range in the file as it is on disk, and its replacement.
        public var start: Int
        public var end: Int
        public var replacement: String
    }

    /// What `taxo fix` does to one file: its edits, and maybe a new name.
    public struct FileFix: Sendable {
        public var path: String
        public var original: [UInt8]
        public var edits: [Edit]
        /// A new name in the same folder (TAX0105), when every link to the file could be rewritten.
        public var renameTo: String?
        /// Bytes of the file were Windows-1252 (TAX0002): `original` holds them as UTF-8, and so will the file.
        public var reencoded = false

        /// How many changes: the edits, the new name, the new encoding.
        public var changes: Int { edits.count + (renameTo == nil ? 0 : 1) + (reencoded ? 1 : 0) }

        /// The file with every edit applied.
        public var fixed: [UInt8] {
            var out = original
            for e in edits.sorted(by: { $0.start > $1.start }) {
                out.replaceSubrange(e.start..<e.end, with: Array(e.replacement.utf8))
            }
            return out
        }
    }

    /// A file's bytes with its BOM, as read (`source.bytes`, bytes read as Windows-1252 already UTF-8), with
    /// the lone carriage returns of `raw` back where `SourceFile` made them newlines: an edit changes what it
    /// edits, never a file's line ends. Offsets are those of `source.bytes` after the BOM.
    static func keepingLineEnds(_ source: SourceFile, raw: [UInt8]) -> [UInt8] {
        var out = (source.hadBOM ? [0xEF, 0xBB, 0xBF] : []) + source.bytes
        guard raw.contains(13) else { return out }
        // Before normalising, the bytes were the raw ones (repaired when some were Windows-1252): a lone
        // CR there is the newline at the same offset here.
        let body = source.hadBOM ? Array(raw[3...]) : raw
        let before = source.windows1252 == nil ? body : (Windows1252.repairing(body)?.bytes ?? body)
        let bom = source.hadBOM ? 3 : 0
        for i in before.indices where before[i] == 13 && i + bom < out.count && out[i + bom] == 10 {
            out[i + bom] = 13
        }
        return out
    }

    /// What `taxo explain` says each rule's fix does.
    public static let descriptions: [String: String] = [
        "TAX0401":
            "taxo fix rewrites the link when the target exists with other letter case, or when exactly one live file of that name exists elsewhere, and a path written with backslashes with '/' when the file it means exists.",
        "TAX0206": "taxo fix rewrites the reference to the target's ID.",
        "TAX0207":
            "taxo fix rewrites the old ID to the canonical one, unless the label written after it names another entity.",
        "TAX0102":
            "taxo fix rewrites a rare misspelt prefix when there is one did-you-mean and the corrected ID exists.",
        "TAX0703": "taxo fix rewrites a value that differs from one allowed value only in letter case to that value.",
        "TAX0002":
            "taxo fix re-saves the file as UTF-8 (when it parses), each byte that was not UTF-8 written as the Windows-1252 character it was read as.",
        "TAX0105":
            "taxo fix renames the file after the ID inside (kinds without id_from_filename) and rewrites every link and master-list path to it; it renames nothing when one of them cannot be rewritten.",
    ]

    /// Every repair that needs no judgement, per file (only in `only`, only of `rules`, when given).
    public static func plan(_ result: CompileResult, root: String, only: [String]? = nil, rules: Set<String>? = nil)
        -> [FileFix]
    {
        var planner = FixPlanner(result: result, root: root, only: only, rules: rules)
        planner.referenceSpellings()
        planner.documentSpellings()
        planner.misspeltPrefixes()
        planner.movedLinks()
        planner.staleFileNames()
        planner.allowedValueCase()
        planner.reencodings()
        return planner.fixes()
    }

    /// Writes the fixed files and renames files (never over an existing one: `link()` fails when the name is
    /// taken, then the old name goes). A rename that cannot be made is an error naming both paths.
    public static func apply(_ fixes: [FileFix], root: String) throws {
        for f in fixes {
            if !f.edits.isEmpty || f.reencoded {
                do {
                    try Data(f.fixed).write(to: URL(fileURLWithPath: root + "/" + f.path), options: .atomic)
                } catch {
                    throw TaxoError.io("cannot write \(f.path): \(error.localizedDescription)")
                }
            }
            if let to = f.renameTo {
                guard link(root + "/" + f.path, root + "/" + to) == 0 else {
                    throw TaxoError.io("cannot rename \(f.path) to \(to)")
                }
                unlink(root + "/" + f.path)
            }
        }
    }

    /// A unified diff of the fixes (one hunk per changed line).
    public static func diff(_ fixes: [FileFix]) -> String {
        var out = ""
        for f in fixes {
            if let to = f.renameTo { out += "diff --git a/\(f.path) b/\(to)\nrename from \(f.path)\nrename to \(to)\n" }
            if f.reencoded { out += "# \(f.path): re-encoded from Windows-1252 to UTF-8\n" }
            guard !f.edits.isEmpty else { continue }
            out += "--- a/\(f.path)\n+++ b/\(f.path)\n"
            // Lines as a reader counts them (a lone CR ends one), shown with newlines: a diff has no other.
            let shown = TextEncoding.normalizingLoneCR(f.original)
            let before = LineTable(shown)
            var lines = Set<Int>()
            for e in f.edits { lines.insert(before.lineIndex(of: e.start)) }
            for li in lines.sorted() {
                let a = before.lineStarts[li]
                let z = li + 1 < before.lineCount ? before.lineStarts[li + 1] : shown.count
                var new = Array(shown[a..<z])
                for e in f.edits.filter({ before.lineIndex(of: $0.start) == li }).sorted(by: { $0.start > $1.start }) {
                    new.replaceSubrange((e.start - a)..<(e.end - a), with: Array(e.replacement.utf8))
                }
                // Whether a line has its end is a byte question: "\r\n" is one Character, not ending in "\n".
                let noEnd = z > a && shown[z - 1] == 10 ? "" : "\n\\ No newline at end of file\n"
                out += "@@ -\(li + 1),1 +\(li + 1),1 @@\n-" + String(decoding: shown[a..<z], as: UTF8.self) + noEnd
                out += "+" + String(decoding: new, as: UTF8.self) + noEnd
            }
        }
        return out
    }
}
