import ArgumentParser
import Foundation
import TaxoKit

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the built-in configuration, or check the library's taxonomy.yaml.")

    @Flag(name: .long, help: "Print the built-in default taxonomy.yaml.")
    var printDefault = false

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        if printDefault {
            Console.out(DefaultConfig.yaml.hasSuffix("\n") ? DefaultConfig.yaml : DefaultConfig.yaml + "\n")
            return
        }
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        if !output.quiet {
            Console.out(
                "configuration OK: \(Plural.count(config.kinds.count, "kind")), \(Plural.count(config.departments.count, "department")), roots \(config.roots.joined(separator: ", "))\n"
            )
        }
    }
}
