import Foundation

/// Shared by both test targets (TaxoKitTests, TaxoCLITests).
///
/// The folder under which this test process makes its temporary libraries: one per process, removed when
/// it exits (`TAXO_KEEP_TEMP=1` keeps it, to look at a failure), so a test run leaves nothing in /tmp.
public enum Scratch {
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("taxo-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["TAXO_KEEP_TEMP"] != "1" {
            atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        }
        return url
    }()

    /// A fresh path under the scratch folder (not created).
    public static func folder(_ prefix: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }
}
