import ArgumentParser
import Foundation
import TaxoKit

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the built-in configuration, or check the library's taxonomy.yaml.")

    @Flag(name: .long, help: "Print the built-in default taxonomy.yaml.")
    var printDefault = false

    @OptionGroup var library: LibraryOptions

    func run() throws {
        if printDefault {
            Console.out(DefaultConfig.yaml)
            return
        }
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        Console.out("configuration OK: \(config.kinds.count) kinds, \(config.departments.count) departments, roots \(config.roots.joined(separator: ", "))\n")
    }
}
