import Foundation

/// taxo's version, written into indexes, caches and reports.
public enum TaxoVersion {
    public static let string = "0.1.0"

    /// This very executable: the version with the size and modification time of the binary running. What a
    /// cache or a report's fingerprint is made with, so that a rebuilt taxo (whose extraction or rendering may
    /// differ while its version does not) never reuses what an older one made. The version alone when the
    /// binary cannot be found.
    public static let build: String = {
        let candidates = ["/proc/self/exe", Bundle.main.executablePath, CommandLine.arguments.first].compactMap { $0 }
        for path in candidates {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
                let size = attributes[.size] as? NSNumber, let date = attributes[.modificationDate] as? Date
            else { continue }
            return string + "+" + String(size.int64Value, radix: 36) + "."
                + String(
                    Int64(date.timeIntervalSince1970 * 1000), radix: 36)
        }
        return string
    }()
}
