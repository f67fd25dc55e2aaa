import ArgumentParser
import AssocLintKit
import Foundation

struct AssocLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assoclint",
        abstract: "Lints Sequelize association declarations written in YAML.",
        version: AssocLintVersion.current,
        subcommands: [Lint.self, Rules.self, Explain.self],
        defaultSubcommand: Lint.self
    )
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension OutputFormat: ExpressibleByArgument {}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint model files and directories (default: the current directory).",
        discussion: "Exit status: 0 when no finding is an error, 1 when at least one is, 2 for a usage error or an unreadable path."
    )

    @Argument(help: "Model files and directories; directories are searched for *.yaml and *.yml model files.")
    var paths: [String] = ["."]

    @Option(help: "Output format: text, compact (path:line:column: severity: message [rule]), or json.")
    var format: OutputFormat = .text

    @Option(help: "Colour in text output: auto (only on a terminal, never with NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    func run() throws {
        let result = Linter.lint(paths: paths)
        for error in result.inputErrors {
            printError("\(error)")
        }
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto:
            let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
            useColor = isatty(STDOUT_FILENO) == 1 && noColor.isEmpty
        }
        let report = Reporter.render(result, format: format, options: ReportOptions(useColor: useColor))
        writeStandardOutput(report)
        throw ExitCode(result.exitStatus)
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule: id, default severity, summary.")

    func run() {
        writeStandardOutput(RuleExplainer.list())
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule: why it matters, a bad and a good example, the fix.")

    @Argument(help: "A rule id, e.g. reversed-belongs-to.")
    var rule: String

    func run() throws {
        guard let document = RuleCatalog.shared.entry(id: rule) else {
            printError(RuleExplainer.unknownRuleMessage(rule))
            throw ExitCode(2)
        }
        writeStandardOutput(RuleExplainer.explain(document))
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("assoclint: error: \(message)\n".utf8))
}

func writeStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

// Usage errors exit with 2 (ArgumentParser's default is 64); help and --version with 0.
do {
    var command = try AssocLint.parseAsRoot()
    try command.run()
} catch let exitCode as ExitCode {
    exit(exitCode.rawValue)
} catch {
    if AssocLint.exitCode(for: error) == .success {
        writeStandardOutput(AssocLint.fullMessage(for: error) + "\n")
        exit(0)
    }
    let message = AssocLint.fullMessage(for: error)
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    exit(2)
}
