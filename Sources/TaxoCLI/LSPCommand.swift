import ArgumentParser
import Foundation
import TaxoKit

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol over stdio (for VS Code, Neovim, Helix ...).",
        discussion: """
            Reads JSON-RPC messages framed with Content-Length on stdin and answers on stdout. The library is the one \
            the client's workspace root is in (found as taxo check finds it). Diagnostics are published on open, change \
            and save, or pulled (every file's) by a client that supports it; definition, hover, completion of IDs, \
            references, document links and code actions for taxo fix are served. Exits 0 after shutdown and exit, 1 on exit without shutdown or when stdin closes first.
            """)

    @Flag(name: .long, help: "Print how long each message took to stderr.")
    var timings = false

    func run() throws {
        let server = LanguageServer(workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var framing = LSPFraming()
        let input = FileHandle.standardInput
        let output = FileHandle.standardOutput
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { throw TaxoExit(code: server.exitCode ?? 1) }
            framing.append(chunk)
            while let frame = framing.next() {
                guard case .message(let body) = frame else { continue }
                let t0 = DispatchTime.now().uptimeNanoseconds
                for reply in server.handle(body) { output.write(Data(LSPFraming.frame(reply))) }
                if timings {
                    Console.err(
                        String(format: "taxo lsp: %.1f ms\n", Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6))
                }
                if let code = server.exitCode { throw TaxoExit(code: code) }
            }
        }
    }
}
