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
        guard let (pid, writer, reader) = spawn(argv) else { return nil }
        // Feed standard input on another thread so that a full output pipe cannot block both sides.
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
            let n = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) } else if n == 0 || errno != EINTR { break }
        }
        close(reader)
        fed.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        return Result(out: out, status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
    }

    /// One spawn at a time, so that the pipes of one are close-on-exec before another program starts: a
    /// program spawned meanwhile by another thread would otherwise inherit them, and holding the write end of
    /// this one's input, keep it from ever reading its end (two `git cat-file --batch` started together each
    /// waited for the other's input to close).
    private static let spawning = Locked(())

    /// Starts the program with its standard input and output on pipes: its pid, the end to write its input
    /// to and the end to read its output from (both the caller's to close).
    static func spawn(_ argv: [String]) -> (pid: pid_t, writer: Int32, reader: Int32)? {
        spawning.withLock { _ in
            var outPipe: [Int32] = [0, 0], inPipe: [Int32] = [0, 0]
            guard pipe(&outPipe) == 0 else { return nil }
            guard pipe(&inPipe) == 0 else {
                close(outPipe[0]); close(outPipe[1])
                return nil
            }
            // The child's 0 and 1 are dup2'd copies, which do not keep the flag.
            for fd in outPipe + inPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var pid: pid_t = 0
            let cArgs = argv.map { strdup($0) } + [nil]
            defer { for a in cArgs { free(a) } }
            let spawned = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, environ)
            close(outPipe[1])
            close(inPipe[0])
            guard spawned == 0 else {
                close(outPipe[0]); close(inPipe[1])
                return nil
            }
            return (pid, inPipe[1], outPipe[0])
        }
    }
}
