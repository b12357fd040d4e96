import Foundation

/// An ID as written, understood against the configured kinds: `TOL-SEC-124`, `TOOL-AI-051`, `MLT-001`.
public struct ParsedID: Sendable, Hashable {
    /// Index of the kind in `Config.kinds`.
    public var kind: Int
    public var written: String
    /// The prefix as written (may be an alternate prefix).
    public var prefix: String
    /// The department segment as written, if any.
    public var department: String?
    /// The department's canonical code when the segment is a known code or alias.
    public var canonicalDepartment: String?
    public var number: String
    /// The key that identifies the entity: main prefix, canonical department, number without leading zeros.
    public var key: String
    public var usesAlternatePrefix: Bool
    public var canonical: String
    /// Written in an older spelling (a kind's `legacy_patterns`); resolves only through legacy aliases.
    public var legacy: Bool = false

    /// The alias key of a legacy spelling.
    public static func legacyKey(_ written: String) -> String { "~" + written.uppercased() }

    /// A link by file path (`by: path`): `written` is the path as written, the key names the file.
    public static func path(kind: Int, written: String, file: String) -> ParsedID {
        notAnID(kind: kind, written: written, key: pathKeyPrefix + file)
    }

    /// A link written as something else than an ID: marked legacy, so no rule about ID spellings reads it.
    static func notAnID(kind: Int, written: String, key: String) -> ParsedID {
        var p = ParsedID(
            kind: kind, written: written, prefix: "", department: nil, canonicalDepartment: nil, number: "",
            key: key, usesAlternatePrefix: false, canonical: written)
        p.legacy = true
        return p
    }

    static let pathKeyPrefix = "@path:"

    /// Whether this is a link by file path rather than by ID.
    public var isPath: Bool { key.hasPrefix(ParsedID.pathKeyPrefix) }

    /// The library path a link by file path names.
    public var pathTarget: String? { isPath ? String(key.dropFirst(ParsedID.pathKeyPrefix.count)) : nil }

    /// A link by name (`"tool": "Zapier"`): `written` is the name as written, the key the kind and the
    /// name's normalised form (parentheses, case and punctuation aside; `@name:0:zapier`), so that one key
    /// names one entity, as an ID does (the index resolves links through it). It resolves only to an entity of
    /// `kind` with that name or alias; one that names none is no link and no error (`NameLinks`).
    public static func name(kind: Int, written: String, normalized: String) -> ParsedID {
        notAnID(kind: kind, written: written, key: nameKeyPrefix + String(kind) + ":" + normalized)
    }

    static let nameKeyPrefix = "@name:"

    /// Whether this is a link by name rather than by ID.
    public var isName: Bool {
        // `@n…`: only name keys start so (path keys are `@path:`, IDs start with a letter, legacy keys `~`).
        var u = key.utf8.makeIterator()
        return u.next() == 64 && u.next() == 110
    }

    /// The normalised name a link by name looks up.
    public var nameTarget: String? {
        guard isName else { return nil }
        let rest = key.utf8.dropFirst(ParsedID.nameKeyPrefix.utf8.count).drop { $0 != 58 }.dropFirst()
        return String(Substring(rest))
    }

    /// Whether this is a link by file path or by name: not an ID as written (their keys start with `@`).
    public var isNotAnID: Bool { key.utf8.first == 64 }
}

/// What an ID-shaped token found in text or in a field is.
public enum IDToken: Sendable {
    /// Boxed (`indirect`): tokens are copied through arrays and ranges several times each, and a copy of a
    /// boxed ID is one retain instead of one per string.
    indirect case id(ParsedID)
    /// `TOL-XXX`, `TST-###`: a slot for an ID not yet assigned.
    case placeholder(kind: Int, text: String)
    /// A prefix no kind declares but that looks like a typo of one (`TKS-001`).
    case unknownPrefix(text: String, prefix: String, suggestions: [String])
}

/// The outcome of checking a value that must be an ID (an entity's own ID field).
public enum IDCheck: Sendable {
    case valid(ParsedID)
    case placeholder(kind: Int)
    /// The value breaks the grammar; `suggestion` is a corrected spelling when one is evident.
    case malformed(reason: String, suggestion: String?)
    case unknownPrefix(prefix: String, suggestions: [String])
    /// An older spelling declared by the kind's `legacy_patterns`.
    case legacy(ParsedID)
}

/// The ID grammar of a configuration: prefixes, department codes, digit widths.
public struct IDGrammar: Sendable {
    /// The most digits an ID's number may have (`digits` and `max_digits` are checked against it).
    public static let digitLimit = 18

    public let kinds: [Kind]
    let prefixToKind: [String: Int]
    /// The same by bytes, for the scan.
    let prefixTable: PrefixTable
    let departmentCanonical: [String: String]
    /// Every department code and alias, sorted.
    public let departmentCodes: [String]
    /// The configured department codes (no aliases), sorted.
    public let canonicalDepartmentCodes: [String]
    /// Department names, lower-cased (a department link may name one).
    let departmentNames: Set<String>
    /// Words that name every department or none (`department_words:`): no department value to check.
    let departmentWords: Config.DepartmentWords
    public let allPrefixes: [String]
    /// Sorted-letter signatures of known prefixes, for spotting transposed typos (`TKS` for `TSK`).
    let anagramToPrefix: [String: String]
    /// Legacy patterns by the lower-cased first byte of their literal (256 lists, most empty: the scan asks at
    /// every word's first byte, where a dictionary hashed the byte).
    let legacyByFirst: [[(kind: Int, pattern: LegacyPattern)]]
    /// Whether any kind has legacy patterns.
    let hasLegacy: Bool

    /// The grammar of the configuration's kinds, prefixes and departments.
    public init(config: Config) {
        kinds = config.kinds
        var p: [String: Int] = [:]
        for (i, k) in config.kinds.enumerated() {
            for pre in k.allPrefixes where p[pre] == nil { p[pre] = i }
        }
        prefixToKind = p
        prefixTable = PrefixTable(p)
        var d: [String: String] = [:]
        for dep in config.departments {
            d[dep.code] = dep.code
            for a in dep.aliases where d[a] == nil { d[a] = dep.code }
        }
        departmentCanonical = d
        departmentCodes = d.keys.sorted()
        canonicalDepartmentCodes = Set(d.values).sorted()
        departmentNames = Set(config.departments.flatMap { [$0.name] + $0.names }.map { $0.lowercased() })
        departmentWords = config.departmentWords
        allPrefixes = p.keys.sorted()
        var an: [String: String] = [:]
        for pre in allPrefixes { an[String(pre.sorted())] = an[String(pre.sorted())] ?? pre }
        anagramToPrefix = an
        var lg = [[(kind: Int, pattern: LegacyPattern)]](repeating: [], count: 256)
        for (i, k) in config.kinds.enumerated() {
            for p in k.legacyPatterns { if let f = p.firstByte { lg[Int(f)].append((i, p)) } }
        }
        legacyByFirst = lg
        hasLegacy = lg.contains { !$0.isEmpty }
    }

    func legacyID(kind: Int, written: String) -> ParsedID {
        let key = kinds[kind].legacyCaseSensitive ? "~=" + written : ParsedID.legacyKey(written)
        var p = ParsedID(
            kind: kind, written: written, prefix: written, department: nil, canonicalDepartment: nil, number: "",
            key: key, usesAlternatePrefix: false, canonical: written)
        p.legacy = true
        return p
    }

    /// A whole value in a legacy spelling, if it is one.
    func legacyMatch(_ s: String) -> ParsedID? {
        guard hasLegacy else { return nil }
        var t = s
        return t.withUTF8 { b -> ParsedID? in
            guard let f = b.first else { return nil }
            let cands = legacyByFirst[Int(f >= 65 && f <= 90 ? f + 32 : f)]
            for c in cands where c.pattern.match(b, at: 0) == b.count { return legacyID(kind: c.kind, written: s) }
            return nil
        }
    }

    /// The kind a prefix (or alternate prefix) belongs to.
    public func kindIndex(forPrefix prefix: String) -> Int? { prefixToKind[prefix] }

    /// A department code or alias as its configured code.
    public func canonicalDepartment(_ code: String) -> String? { departmentCanonical[code] }

    func make(kind: Int, written: String, prefix: String, dept: String?, number: Substring) -> ParsedID {
        // The kind's fields read in place: a copy of the `Kind` retained every field it has, for every ID met.
        let kindPrefix = kinds[kind].prefix
        let canonDept: String?
        if kinds[kind].department == .free {
            canonDept = dept
        } else if let d = dept, kinds[kind].segments > 1, let dash = d.firstIndex(of: "-") {
            // Two segments (`OPS-ACC`): the first is the department, the rest a category.
            canonDept = departmentCanonical[String(d[..<dash])].map { $0 + d[dash...] }
        } else {
            canonDept = dept.flatMap { departmentCanonical[$0] }
        }
        // `TOL-SEC-`, then the number as written (the canonical ID) or without leading zeros (the key), made
        // as bytes in one buffer (appending to a String took more than the rest of making an ID).
        let num = String(number)
        let (key, canonical) = IDGrammar.keyAndCanonical(
            prefix: kindPrefix, department: dept.map { canonDept ?? $0 }, number: num)
        return ParsedID(
            kind: kind, written: written, prefix: prefix, department: dept, canonicalDepartment: canonDept,
            number: num, key: key, usesAlternatePrefix: prefix != kindPrefix, canonical: canonical)
    }

    /// `PREFIX-DEPT-` + the number without its leading zeros (`0` when all are zeros), and with them.
    static func keyAndCanonical(prefix: String, department: String?, number: String) -> (key: String, canonical: String)
    {
        let dashes = department == nil ? 1 : 2
        let stemCount = prefix.utf8.count + (department?.utf8.count ?? 0) + dashes
        let numCount = number.utf8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stemCount + numCount) { buf in
            var n = 0
            func put<C: Collection<UInt8>>(_ bytes: C) {
                for b in bytes {
                    buf[n] = b
                    n += 1
                }
            }
            put(prefix.utf8)
            if let department {
                buf[n] = 45
                n += 1
                put(department.utf8)
            }
            buf[n] = 45
            n += 1
            put(number.utf8)
            let canonical = String(decoding: UnsafeBufferPointer(rebasing: buf[0..<n]), as: UTF8.self)
            if numCount == 0 { return (canonical + "0", canonical) }
            var z = stemCount
            while z < n - 1, buf[z] == 48 { z += 1 }
            if z == stemCount { return (canonical, canonical) }
            // The key: the stem moved up against the number's first digit kept.
            let keyStart = z - stemCount
            for k in stride(from: stemCount - 1, through: 0, by: -1) { buf[keyStart + k] = buf[k] }
            let key = String(decoding: UnsafeBufferPointer(rebasing: buf[keyStart..<n]), as: UTF8.self)
            return (key, canonical)
        }
    }

    /// The ID a person typed (a search, a lookup, a rename): a valid or legacy ID as written or in capitals
    /// (`tol-sec-124`), also with a Unicode dash pasted from a document (`TOL–SEC–124`), or nil.
    public func typedID(_ text: String) -> ParsedID? {
        let ascii = IDGrammar.asciiDashes(text)
        for t in ascii == text ? [text, text.uppercased()] : [ascii, ascii.uppercased()] {
            switch check(t) {
            case .valid(let p), .legacy(let p): return p
            default: continue
            }
        }
        return nil
    }

    /// A value that is one current ID (valid, in no legacy spelling), of one of `kinds` when given; else nil.
    func currentID(_ raw: String, ofKinds kinds: [Int]? = nil) -> ParsedID? {
        guard case .valid(let p) = check(raw), !p.legacy, kinds?.contains(p.kind) ?? true else { return nil }
        return p
    }

    /// Checks a whole value that must be one ID.
    public func check(_ raw: String) -> IDCheck {
        let s = raw.trimmingSpaces()
        let parts = IDGrammar.dashParts(s)
        if parts.count >= 2, let kind = prefixToKind[String(parts[0])] {
            let last = parts[parts.count - 1]
            // The kind's fields read one by one (a copy of the whole `Kind` retained each of its arrays).
            let (minDigits, maxDigits, department) = (
                kinds[kind].minDigits, kinds[kind].maxDigits, kinds[kind].department
            )
            let maxParts = 2 + max(1, kinds[kind].segments)
            if parts.count <= maxParts, isPlaceholder(last) { return .placeholder(kind: kind) }
            if parts.count >= 2 && parts.count <= maxParts {
                let middle = parts[1..<(parts.count - 1)]
                let dept: String? = middle.isEmpty ? nil : middle.joined(separator: "-")
                let numberOK = !last.isEmpty && last.allSatisfy(\.isASCIIDigit)
                if numberOK, middle.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIUppercase) }) {
                    if last.count < minDigits || last.count > maxDigits {
                        return .malformed(
                            reason:
                                "the number must have \(minDigits == maxDigits ? "\(minDigits)" : "\(minDigits) or more") digits",
                            suggestion: last.count < minDigits
                                ? parts.dropLast().joined(separator: "-") + "-"
                                    + String(repeating: "0", count: minDigits - last.count) + last : nil)
                    }
                    if dept != nil, department == .none {
                        return .malformed(
                            reason: "kind \(kinds[kind].name) takes no department segment",
                            suggestion: kinds[kind].prefix + "-" + last)
                    }
                    if dept == nil, department == .required {
                        return .malformed(
                            reason: "kind \(kinds[kind].name) needs a department segment", suggestion: nil)
                    }
                    return .valid(make(kind: kind, written: s, prefix: String(parts[0]), dept: dept, number: last))
                }
            }
        }
        if let l = legacyMatch(s) { return .legacy(l) }
        if let first = parts.first, parts.count >= 2, looksLikePrefix(first), prefixToKind[String(first)] == nil,
            parts.last.map({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) == true
        {
            let sugg = NearMiss.suggestions(for: String(first), in: allPrefixes, caseInsensitive: false)
            return .unknownPrefix(prefix: String(first), suggestions: sugg)
        }
        return .malformed(reason: "it is not of the form PREFIX-NNN", suggestion: repaired(s))
    }

    /// A text's parts between its `-` characters (empty ones kept): an ASCII text split by its bytes, which
    /// splits it as its characters would (a generic split by characters cost thousands of instructions).
    static func dashParts(_ s: String) -> [Substring] {
        var ascii = true
        var dashes = 0
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b == 45 { dashes += 1 }
        }
        guard ascii else { return s.split(separator: "-", omittingEmptySubsequences: false) }
        var parts: [Substring] = []
        parts.reserveCapacity(dashes + 1)
        let u = s.utf8
        var start = u.startIndex
        var i = start
        while i < u.endIndex {
            if u[i] == 45 {
                parts.append(Substring(u[start..<i]))
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        parts.append(Substring(u[start..<u.endIndex]))
        return parts
    }

    /// The Unicode hyphens and dashes the scanner takes for `-` (U+2010 to U+2013, U+2212), written `-`.
    static func asciiDashes(_ s: String) -> String {
        guard s.utf8.contains(0xE2) else { return s }
        return String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { (0x2010...0x2013).contains($0.value) || $0.value == 0x2212 ? "-" : $0 }))
    }

    /// A plausible corrected spelling of a broken ID (`tol_012` -> `TOL-012`, `TOL–012` -> `TOL-012`), if it
    /// then parses.
    public func repaired(_ s: String) -> String? {
        var t = IDGrammar.asciiDashes(s).uppercased().replacingAll("_", with: "-").replacingAll(" ", with: "-")
        while t.contains("--") { t = t.replacingAll("--", with: "-") }
        // Insert a dash between the letters and the digits: TOL012 -> TOL-012.
        if !t.contains("-"), let firstDigit = t.firstIndex(where: \.isASCIIDigit), firstDigit > t.startIndex {
            t = String(t[..<firstDigit]) + "-" + String(t[firstDigit...])
        }
        // Drop a stray letter after the number: TOL-012A -> TOL-012.
        while let l = t.last, l.isASCIIUppercase, t.dropLast().last?.isASCIIDigit == true { t.removeLast() }
        if t != s, case .valid = check(t) { return t }
        return nil
    }

    func isPlaceholder(_ s: Substring) -> Bool {
        s.count >= 2 && s.allSatisfy { $0 == "X" || $0 == "#" || $0 == "x" || $0 == "N" || $0 == "?" }
            && !s.allSatisfy { $0 == "N" && s.count < 3 }
    }

    func looksLikePrefix(_ s: Substring) -> Bool {
        (2...6).contains(s.count) && s.allSatisfy { $0.isASCIIUppercase }
    }

    /// Finds every ID-shaped token in UTF-8 text. `report(token, startOffset, endOffset)` gets offsets
    /// relative to `base`. With `typos`, unknown prefixes that are anagrams of known ones are reported.
    public func scan(
        _ b: UnsafeBufferPointer<UInt8>, base: Int = 0, typos: Bool = true,
        _ report: (IDToken, Int, Int) -> Void
    ) {
        let n = b.count
        var i = 0
        @inline(__always) func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        @inline(__always) func isWord(_ c: UInt8) -> Bool {
            isUpper(c) || isDigit(c) || (c >= 97 && c <= 122) || c == 95
        }
        // Bytes of the dash at `i`: 1 for `-`; 3 for the Unicode hyphens and dashes word processors and
        // chat assistants put in its place (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash,
        // U+2013 en dash, U+2212 minus: `TOL–017`); else 0. The em dash is punctuation, not a hyphen.
        @inline(__always) func dash(_ i: Int) -> Int {
            let c = b[i]
            if c == 45 { return 1 }
            guard c == 0xE2, i + 2 < n else { return 0 }
            if b[i + 1] == 0x80, b[i + 2] >= 0x90, b[i + 2] <= 0x93 { return 3 }
            return b[i + 1] == 0x88 && b[i + 2] == 0x92 ? 3 : 0
        }
        while i < n {
            // Without legacy patterns a token starts with a capital letter: the next one found eight bytes at
            // a time.
            if !hasLegacy {
                i = ByteSearch.firstUppercase(in: b, from: i)
                guard i < n else { break }
            }
            let c = b[i]
            if hasLegacy, i == 0 || !(isWord(b[i - 1]) || b[i - 1] == 45),
                case let cands = legacyByFirst[Int(c >= 65 && c <= 90 ? c + 32 : c)], !cands.isEmpty
            {
                var matched = false
                for cand in cands {
                    if let e = cand.pattern.match(b, at: i) {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: b[i..<e]), as: UTF8.self)
                        report(.id(legacyID(kind: cand.kind, written: text)), base + i, base + e)
                        i = e
                        matched = true
                        break
                    }
                }
                if matched { continue }
            }
            guard isUpper(c), i == 0 || !(isWord(b[i - 1]) || b[i - 1] == 45) else { i += 1; continue }
            let start = i
            var j = i
            while j < n, isUpper(b[j]) || isDigit(b[j]) { j += 1 }
            guard j < n, j - start <= 12 else { i = j; continue }
            let firstDash = dash(j)
            guard firstDash > 0 else { i = j; continue }
            let known = prefixTable.lookup(b, start, j)
            let kind = known?.kind
            // A Unicode dash makes an ID of a known prefix only (`TOL–017`, never a guess at a typo).
            if kind == nil && (!typos || firstDash > 1) { i = j; continue }
            var unicodeDash = firstDash > 1
            // Segments after the prefix.
            var k = j + firstDash
            var dept: (Int, Int)?
            var numStart = -1, numEnd = -1
            var placeholderEnd = -1
            var segStart = k
            let maxSegments = kind.map { max(1, kinds[$0].segments) } ?? 1
            var segments = 0
            while segments < maxSegments {
                while k < n, isUpper(b[k]) { k += 1 }
                guard k > segStart else { break }
                // Letters: a department (or category) segment, or a placeholder such as XXX.
                if k < n, case let d = dash(k), d > 0 {
                    dept = (dept?.0 ?? segStart, k)
                    unicodeDash = unicodeDash || d > 1
                    k += d
                    segStart = k
                    segments += 1
                } else {
                    let word = UnsafeBufferPointer(rebasing: b[segStart..<k])
                    if word.count >= 2, word.allSatisfy({ $0 == 88 || $0 == 78 }), !(k < n && isWord(b[k])) {
                        placeholderEnd = k
                    }
                    k = segStart
                    break
                }
            }
            if placeholderEnd < 0 {
                var m = k
                while m < n, isDigit(b[m]) { m += 1 }
                if m > k {
                    numStart = k; numEnd = m
                } else {
                    var h = k
                    while h < n, b[h] == 35 || b[h] == 88 { h += 1 }
                    if h - k >= 2, !(h < n && isWord(b[h])) { placeholderEnd = h }
                }
            }
            if placeholderEnd > 0 {
                if let kind {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<placeholderEnd]), as: UTF8.self)
                    report(.placeholder(kind: kind, text: text), base + start, base + placeholderEnd)
                }
                i = placeholderEnd
                continue
            }
            guard numStart >= 0 else { i = j; continue }
            // The token must end here: not followed by a word character or by -digit/-letter continuation.
            if numEnd < n, isWord(b[numEnd]) { i = numEnd; continue }
            if numEnd + 1 < n, b[numEnd] == 45, isWord(b[numEnd + 1]) { i = numEnd + 1; continue }
            // More digits than the kind allows: a number, not an ID (and no nearest-ID search for it).
            if let kind, numEnd - numStart > kinds[kind].maxDigits { i = numEnd; continue }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<numEnd]), as: UTF8.self)
            if let known {
                let deptStr = dept.map { d -> String in
                    let written = String(decoding: UnsafeBufferPointer(rebasing: b[d.0..<d.1]), as: UTF8.self)
                    return unicodeDash ? IDGrammar.asciiDashes(written) : written
                }
                let number = String(decoding: UnsafeBufferPointer(rebasing: b[numStart..<numEnd]), as: UTF8.self)
                report(
                    .id(
                        make(
                            kind: known.kind, written: text, prefix: known.prefix, dept: deptStr,
                            number: Substring(number))),
                    base + start, base + numEnd)
            } else if typos, dept == nil, numEnd - numStart >= 2, (2...5).contains(j - start),
                case let prefix = String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self),
                prefix.allSatisfy({ $0.isASCIIUppercase }),
                let known = anagramToPrefix[String(prefix.sorted())]
            {
                report(.unknownPrefix(text: text, prefix: prefix, suggestions: [known]), base + start, base + numEnd)
            }
            i = numEnd
        }
    }

    /// Convenience for a Swift string.
    public func tokens(in text: String, typos: Bool = true) -> [(IDToken, Int, Int)] {
        var out: [(IDToken, Int, Int)] = []
        var t = text
        t.withUTF8 { buf in scan(buf, typos: typos) { out.append(($0, $1, $2)) } }
        return out
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
    var isASCIIUppercase: Bool { asciiValue.map { $0 >= 65 && $0 <= 90 } ?? false }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (ASCII text: without bytes up to a space).
    func trimmingSpaces() -> String {
        let u = utf8
        guard let f = u.first else { return "" }
        if f < 0x80, f > 32, let l = last?.asciiValue, l > 32 { return String(self) }
        // One pass: whether the text is ASCII, and its first and last bytes above a space.
        var ascii = true, first = -1, last = -1, i = 0
        for b in u {
            if b >= 0x80 { ascii = false; break }
            if b > 32 {
                if first < 0 { first = i }
                last = i
            }
            i += 1
        }
        if ascii {
            return first < 0 ? "" : String(decoding: u.dropFirst(first).prefix(last - first + 1), as: UTF8.self)
        }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// Every occurrence of `target` replaced, matching UTF-8 bytes (Foundation's `range(of:)` is slow on Linux).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8)
        guard !t.isEmpty else { return String(self) }
        var s = String(self)
        let original = s
        return s.withUTF8 { buf -> String in
            guard var hit = ByteSearch.find(t, in: buf) else { return original }
            var out: [UInt8] = []
            out.reserveCapacity(buf.count + replacement.utf8.count)
            var last = 0
            while true {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[last..<hit]))
                out.append(contentsOf: replacement.utf8)
                last = hit + t.count
                guard let next = ByteSearch.find(t, in: buf, from: last) else { break }
                hit = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[last...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
