import Foundation

/// Video IDs (`Video_024`) in text, by the configured pattern.
public enum VideoIDs {
    /// The video IDs a text names, in any of their spellings, as the configured form.
    public static func find(in text: String, _ re: NSRegularExpression) -> [String] {
        guard text.contains(where: \.isNumber) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range, in: text).map { canonical(String(text[$0])) }
        }
    }

    /// Digits a video number is shown with: `Video_19` and `Video_019` are one video, shown `Video_019`.
    public static let width = 3

    /// A video ID with its number padded to `width` digits (leading zeros beyond it dropped).
    public static func canonical(_ id: String) -> String {
        let digits = id.reversed().prefix { $0.isASCIIDigit }.count
        guard digits > 0, digits != width else { return id }
        let head = id.dropLast(digits), number = id.suffix(digits)
        var trimmed = number.drop { $0 == "0" }
        if trimmed.isEmpty { trimmed = "0" }
        return head + String(repeating: "0", count: max(0, width - trimmed.count)) + trimmed
    }

    /// Every spelling of a video ID a file name may use: as shown, unpadded, and with two digits.
    public static func spellings(_ id: String) -> [String] {
        let digits = id.reversed().prefix { $0.isASCIIDigit }.count
        guard digits > 0 else { return [id] }
        let head = String(id.dropLast(digits))
        var trimmed = String(id.suffix(digits).drop { $0 == "0" })
        if trimmed.isEmpty { trimmed = "0" }
        var out = [id]
        for w in [trimmed.count, 2, 3, 4] where w >= trimmed.count {
            let s = head + String(repeating: "0", count: w - trimmed.count) + trimmed
            if !out.contains(s) { out.append(s) }
        }
        return out
    }
}
