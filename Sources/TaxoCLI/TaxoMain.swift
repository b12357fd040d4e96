import ArgumentParser
import Foundation
import TaxoKit

/// `taxo`: the command line. Exit codes: 0 clean, 1 errors found, 2 usage, configuration or internal failure.
public struct TaxoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "taxo",
        abstract: "Compile a taxonomy knowledge library: validate IDs and links, analyse gaps, build an index.",
        version: "taxo " + TaxoVersion.string,
        subcommands: [
            CheckCommand.self, BuildCommand.self, NewCommand.self, FixCommand.self, GapsCommand.self,
            PhasesCommand.self, SearchCommand.self, RenameCommand.self, MoveCommand.self, ExplainCommand.self,
            ConfigCommand.self,
            InitCommand.self,
            DumpIndexCommand.self,
            ShowCommand.self, DiffCommand.self, SchemaCommand.self, LSPCommand.self, MCPCommand.self, SiteCommand.self,
            BenchFloorCommand.self,
        ])

    public init() {}
}

public enum TaxoMain {
    /// Runs the command line and exits with taxo's exit codes.
    public static func main(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try TaxoCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let e as TaxoExit {
            exit(e.code)
        } catch let e as TaxoError {
            FileHandle.standardError.write(Data("taxo: error: \(e.description)\n".utf8))
            exit(2)
        } catch {
            let code = TaxoCommand.exitCode(for: error)
            let message = TaxoCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            // Usage errors (64) and every other failure: 2.
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(2)
        }
    }
}

/// Thrown by commands to end with a given exit code after printing what they had to say.
struct TaxoExit: Error {
    var code: Int32
}
