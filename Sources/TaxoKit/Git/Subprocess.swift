import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program with posix_spawn and collects its standard output (Foundation's `Process` costs tens of
/// milliseconds a call on Linux, which `check --changed` would pay for every git question).
public enum Subprocess {
    public struct Result: Sendable {
        public var out: [UInt8]
        public var status: Int32
    }

    /// `argv[0]` is looked up on PATH. `input` is written to the program's standard input. The program
    /// runs in the caller's working directory (git takes `-C DIR`).
    public static func run(_ argv: [String], input: [UInt8] = []) -> Result? {
        var outPipe: [Int32] = [0, 0], inPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&inPipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for fd in [outPipe[0], outPipe[1], inPipe[0], inPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
        close(outPipe[1])
        close(inPipe[0])
        guard spawned == 0 else { close(outPipe[0]); close(inPipe[1]); return nil }
        // Feed standard input on another thread so that a full output pipe cannot block both sides.
        let writer = inPipe[1]
        let data = input
        let fed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            data.withUnsafeBytes { buf in
                var off = 0
                while off < buf.count {
                    let n = write(writer, buf.baseAddress! + off, buf.count - off)
                    if n <= 0 { break }
                    off += n
                }
            }
            close(writer)
            fed.signal()
        }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(outPipe[0], $0.baseAddress, $0.count) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) } else if n == 0 || errno != EINTR { break }
        }
        close(outPipe[0])
        fed.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        return Result(out: out, status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
    }
}
