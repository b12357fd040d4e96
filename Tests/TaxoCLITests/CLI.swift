import Foundation
import TaxoTestSupport

/// Runs the built `taxo` binary as a user would.
enum CLI {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for c in [dir, dir.deletingLastPathComponent(), dir.deletingLastPathComponent().deletingLastPathComponent()] {
            let b = c.appendingPathComponent("taxo")
            if FileManager.default.isExecutableFile(atPath: b.path) { return b }
        }
        return repoRoot.appendingPathComponent(".build/debug/taxo")
    }

    struct Run { var out: String; var err: String; var code: Int32 }

    static func taxo(
        _ args: [String], cwd: URL = repoRoot, stdin: String? = nil, env: [String: String] = [:],
        timeout: Double = 120
    ) throws -> Run {
        try run(binary, args, cwd: cwd, stdin: stdin, env: env, timeout: timeout)
    }

    /// Runs a program; one still running after `timeout` seconds is killed (exit code 137: a hang fails the test).
    static func run(
        _ exe: URL, _ args: [String], cwd: URL, stdin: String? = nil, env: [String: String] = [:],
        timeout: Double = 120
    ) throws -> Run {
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        p.currentDirectoryURL = cwd
        if !env.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 } }
        let o = Pipe(), e = Pipe(), i = Pipe()
        p.standardOutput = o
        p.standardError = e
        p.standardInput = i
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        defer { killer.cancel() }
        if let stdin { i.fileHandleForWriting.write(Data(stdin.utf8)) }
        try i.fileHandleForWriting.close()
        // Read both pipes at once so that neither fills up.
        final class Box: @unchecked Sendable { var data = Data() }
        let err = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            err.data = e.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        let out = o.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Run(
            out: String(decoding: out, as: UTF8.self), err: String(decoding: err.data, as: UTF8.self),
            code: p.terminationStatus)
    }

    /// `git` in a folder (tests make their own repositories).
    @discardableResult
    static func git(_ args: [String], in dir: URL) throws -> Run {
        try run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t"] + args, cwd: dir)
    }

    /// A temporary copy of the example library (LIBRARIES, TASK_MANAGERS, TALENTS).
    static func exampleCopy() throws -> URL {
        let dst = Scratch.folder("taxo-cli")
        try FileManager.default.createDirectory(at: dst, withIntermediateDirectories: true)
        for d in ["LIBRARIES", "TASK_MANAGERS", "TALENTS"] {
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent(d), to: dst.appendingPathComponent(d))
        }
        return dst
    }
}
