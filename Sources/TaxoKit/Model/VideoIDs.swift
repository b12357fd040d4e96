import Foundation

/// Video IDs (`Video_024`) in text, by the configured pattern.
public enum VideoIDs {
    public static func find(in text: String, _ re: NSRegularExpression) -> [String] {
        guard text.contains(where: \.isNumber) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range, in: text).map { String(text[$0]) }
        }
    }
}
