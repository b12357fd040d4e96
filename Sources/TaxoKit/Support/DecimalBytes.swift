/// Numbers written as decimal digits into bytes, with no `String` made per number (line numbers in file
/// listings and report links, coordinates in drawings).
enum DecimalBytes {
    /// A number's digits (it is not negative), written at `p` (room for 20 bytes); how many.
    static func write(_ n: Int, at p: UnsafeMutablePointer<UInt8>) -> Int { write(UInt(n), at: p) }

    static func write(_ n: UInt, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var width = 1, v = n
        while v >= 10 { width += 1; v /= 10 }
        v = n
        for i in stride(from: width - 1, through: 0, by: -1) {
            p[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        }
        return width
    }

    /// A number's digits, after a `-` when it is negative, appended to `out`.
    static func append(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            let count = write(n.magnitude, at: digits.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[0..<count]))
        }
    }
}
