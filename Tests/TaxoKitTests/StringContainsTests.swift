import Foundation
import Testing

@testable import TaxoKit

/// taxo's `contains` for a string in a string compares UTF-8 bytes (`ByteSearch`, not Foundation's bridged search):
/// it finds what a plain byte search finds, in strings and substrings, and, like Foundation's, never an
/// empty needle.
@Suite struct StringContainsTests {
    /// The reference: every offset tried.
    static func naive(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= hay.count else { return false }
        return (0...(hay.count - needle.count)).contains { Array(hay[$0..<($0 + needle.count)]) == needle }
    }

    static let texts = [
        "", "a", "aaab", "abcabd", "LIBRARIES/LBS_003_Tools/Auth/X.json", "https://x.io/a", "Café (copy) é",
        "日本語のテキスト ID-001", "line\none\r\ntwo", "x://", "***", "a*b", "TOL-SEC-124 (Auth0)",
    ]
    static let needles = [
        "", "a", "aab", "abd", "://", "*", "**", "é", "本語", "copy", "\n", "\r\n", "Auth0)", "TOL-SEC-124 (Auth0)!",
        "json", "X.json", "b", "ID-001",
    ]

    @Test func findsWhatAByteSearchFinds() {
        var found = 0
        for t in StringContainsTests.texts {
            for n in StringContainsTests.needles {
                let expected = StringContainsTests.naive(Array(t.utf8), Array(n.utf8))
                #expect(t.contains(n) == expected, "\(t.debugDescription) holds \(n.debugDescription)")
                if expected { found += 1 }
                // A substring searches only its own bytes: the text framed by bytes several needles hold (a
                // search that strayed into the frame would find `a`, `aab`, `b` or `abd` there).
                let framed = "aa" + t + "bd"
                let inner = framed.dropFirst(2).dropLast(2)
                #expect(inner.contains(n) == expected, "substring \(t.debugDescription) holds \(n.debugDescription)")
            }
        }
        // Both answers are exercised.
        #expect(found > 15)
    }

    @Test func anEmptyNeedleIsNeverContainedAsWithFoundation() {
        #expect(!"abc".contains(""))
        #expect(!"".contains(""))
        #expect(!"abc".dropFirst().contains(""))
    }

    /// A folder whose name says archive or backup, in any case, makes a path look archived; the file's own
    /// name does not.
    @Test func archivedLooksAtTheFoldersOnly() {
        let c = TestSupport.defaultConfig
        for p in ["x/Archive_2023/a.json", "_ARCHIVE/a.md", "LIBRARIES/old-backups/x/y.json", "a/BackUp/b.json"] {
            #expect(c.looksArchived(p), "\(p)")
        }
        for p in ["archive.json", "x/backup_notes.md", "LIBRARIES/Tools/a.json", "arch/ive/x.json", ""] {
            #expect(!c.looksArchived(p), "\(p)")
        }
    }
}
