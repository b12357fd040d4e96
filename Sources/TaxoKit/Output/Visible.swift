/// Text from the library (file names, labels, messages quoting it) made safe for a terminal or a log: control
/// characters (ESC, BEL, CR, a newline inside a file name, C1 controls) become visible `\x1B`-style escapes,
/// so that a file name cannot recolour the terminal or forge an extra finding line.
enum Visible {
    static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if isControl(u) {
                let hex = String(u.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || u.value == 0x7F || (u.value >= 0x80 && u.value < 0xA0)
    }
}
