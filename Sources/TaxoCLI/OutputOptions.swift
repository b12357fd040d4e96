import ArgumentParser

/// Options every command takes for what it prints.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Never colour the output.")
    var noColor = false

    @Flag(
        name: .long,
        help:
            "Print only what is asked for: no findings list, progress or notes (check and build keep their summary line)."
    )
    var quiet = false

    var color: Bool { !noColor && Console.stdoutIsTerminal }
}
