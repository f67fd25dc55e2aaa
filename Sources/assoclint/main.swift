import ArgumentParser
import AssocLintKit
import Foundation

struct AssocLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assoclint",
        abstract: "Lints Sequelize association declarations: YAML model files, and the JavaScript/TypeScript code itself.",
        version: AssocLintVersion.current,
        subcommands: [Lint.self, Extract.self, Rules.self, Explain.self, Init.self],
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
        discussion: """
        Exit status: 0 when no finding is an error, 1 when at least one is (or when warnings \
        exceed --max-warnings), 2 for a usage error, a bad .assoclint.yml or baseline, or an \
        unreadable path.
        """
    )

    @Argument(help: "Model files and directories; directories are searched for YAML model files (*.yaml, *.yml) and for JavaScript/TypeScript files (.js .cjs .mjs .ts .cts .mts) that define Sequelize models, declare associations or call accessors on model instances.")
    var paths: [String] = []

    @Option(help: "Output format: text, compact, json, sarif, github, junit, checkstyle, gitlab.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file (atomically); a summary still goes to the terminal.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Use this config file instead of the nearest .assoclint.yml.", valueName: "file"))
    var config: String?

    @Flag(help: "Read the file to lint from standard input (an editor's unsaved buffer).")
    var stdin = false

    @Option(help: ArgumentHelp("The path the --stdin buffer stands for: it is reported under this name and replaces that file in the project.", valueName: "path"))
    var stdinFilename: String?

    @Option(help: ArgumentHelp("Exit with status 1 when there are more than this many warnings.", valueName: "n"))
    var maxWarnings: Int?

    @Flag(help: "Report errors only.")
    var quiet = false

    @Option(help: "Colour in text output: auto (only on a terminal, never with NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Largest YAML file read, in MiB (default 64, at most 1024); a larger one is a yaml-syntax finding.", valueName: "mib"))
    var maxFileSize: Int?

    @Option(help: ArgumentHelp("Most files (YAML and code) one run reads (default 100000).", valueName: "n"))
    var maxFiles: Int?

    @Option(help: ArgumentHelp("Threads that read and decode files (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Hide the findings recorded in this baseline file; report only new ones.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record today's findings in this baseline file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    func validate() throws {
        if stdinFilename != nil && !stdin {
            throw ValidationError("--stdin-filename needs --stdin")
        }
        if let maxFileSize, maxFileSize < 1 || maxFileSize > 1024 {
            throw ValidationError("--max-file-size must be between 1 and 1024 MiB")
        }
        if let maxFiles, maxFiles < 1 {
            throw ValidationError("--max-files must be 1 or more")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be 1 or more")
        }
        if let maxWarnings, maxWarnings < 0 {
            throw ValidationError("--max-warnings must be 0 or more")
        }
    }

    func run() throws {
        let started = Date()
        var options = LintOptions(paths: paths.isEmpty && !stdin ? ["."] : paths)
        options.configPath = config
        if let jobs { options.jobs = jobs }
        if let maxFileSize { options.limits.maxFileBytes = maxFileSize << 20 }
        if let maxFiles { options.limits.maxFiles = maxFiles }
        if stdin {
            options.stdinBytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            options.stdinFilename = stdinFilename
        }
        if let baseline, writeBaseline == nil {
            do {
                options.baseline = try Baseline.read(path: baseline)
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        var result = Linter.run(options)
        if !result.configErrors.isEmpty {
            for error in result.configErrors { printError("\(error)") }
            throw ExitCode(2)
        }
        for error in result.inputErrors { printError("\(error)") }
        for note in result.notes { printNote(note) }

        if let writeBaseline {
            let recorded = Baseline(findings: result.findings, relativePath: result.projectRelativePath)
            do {
                try Data(recorded.json().utf8).write(to: URL(fileURLWithPath: writeBaseline), options: .atomic)
            } catch {
                printError("cannot write \(writeBaseline): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            writeStandardOutput("Wrote \(recorded.entries.count) finding\(recorded.entries.count == 1 ? "" : "s") to \(writeBaseline).\n")
            throw ExitCode(result.inputErrors.isEmpty ? 0 : 2)
        }
        for entry in result.staleBaselineEntries {
            printNote("baseline entry no longer matches: \(entry.path): \(entry.rule): \(entry.message) (rewrite the baseline with --write-baseline to prune it)")
        }

        let warnings = result.warningCount
        if quiet { result.findings.removeAll { $0.severity == .warning } }
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto:
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
            useColor = isatty(STDOUT_FILENO) == 1 && noColor.isEmpty && output == nil
        }
        let reportOptions = ReportOptions(useColor: useColor, elapsedSeconds: Date().timeIntervalSince(started))
        let report = Reporter.render(result, format: format, options: reportOptions)
        if let output {
            do {
                try Data(report.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                printError("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
            writeStandardOutput(Reporter.summary(result, options: reportOptions) + "\n")
        } else {
            writeStandardOutput(report)
        }

        var status = result.exitStatus
        if let maxWarnings, warnings > maxWarnings, status == 0 {
            printError("\(warnings) warning\(warnings == 1 ? "" : "s") found, more than --max-warnings \(maxWarnings)")
            status = 1
        }
        // The process ends now: exit without freeing the schema (see `LintResult.context`).
        lintedUntilExit = result.context
        throw ExitCode(status)
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the models, associations and accessor calls read from JavaScript/TypeScript code as one YAML model file.",
        discussion: """
        Each model, attribute and association carries a '# path:line' comment saying where it was \
        read; what cannot be read statically is listed as '# not understood:' lines (and on \
        stderr) and left out. Exit status: 0, or 2 for an unreadable path or a bad .assoclint.yml.
        """
    )

    @Argument(help: "Files and directories to read (default: the current directory), as for lint.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Write the YAML to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Use this config file instead of the nearest .assoclint.yml.", valueName: "file"))
    var config: String?

    func run() throws {
        var options = LintOptions(paths: paths.isEmpty ? ["."] : paths)
        options.configPath = config
        let extracted = ProjectExtractor.run(options)
        for error in extracted.result.configErrors { printError("\(error)") }
        guard let yaml = extracted.yaml else { throw ExitCode(2) }
        for error in extracted.result.inputErrors { printError("\(error)") }
        for note in extracted.result.notes { printNote(note) }
        if let output {
            do {
                try Data(yaml.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                printError("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            writeStandardOutput(yaml)
        }
        throw ExitCode(extracted.result.inputErrors.isEmpty ? 0 : 2)
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

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a commented starter .assoclint.yml in the current directory.")

    func run() throws {
        let path = ProjectConfig.fileName
        guard !FileManager.default.fileExists(atPath: path) else {
            printError("\(path) already exists; assoclint init does not overwrite it")
            throw ExitCode(2)
        }
        do {
            try Data(ProjectConfig.starter.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        writeStandardOutput("Wrote \(path). Edit include/exclude and rules as needed, then run: assoclint lint\n")
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("assoclint: error: \(message)\n".utf8))
}

func printNote(_ message: String) {
    FileHandle.standardError.write(Data("assoclint: note: \(message)\n".utf8))
}

func writeStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Keeps the last lint's schema alive until `exit`, which does not free it.
nonisolated(unsafe) var lintedUntilExit: LintContext?

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
