import Foundation
import XCTest
@testable import AssocLintKit

/// The package root, found from this file's path, so tests read Rules/, Samples/ and
/// Tests/Fixtures/ from the checkout without any resources step.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

func fixtureURL(_ name: String) -> URL {
    packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
}

/// Lints YAML texts as one schema; files are named a.yaml, b.yaml, … unless given names.
func lint(_ texts: String..., names: [String]? = nil) -> LintResult {
    lint(texts, names: names)
}

func lint(_ texts: [String], names: [String]? = nil) -> LintResult {
    let inputs = texts.enumerated().map { index, text in
        LintInput(path: names?[index] ?? "\(Character(Unicode.Scalar(UInt8(97 + index)))).yaml",
                  bytes: Array(text.utf8), isExplicit: true)
    }
    return Linter.lint(inputs)
}

extension LintResult {
    var ruleIDs: [String] { findings.map(\.ruleID) }

    func findings(_ rule: String) -> [Finding] { findings.filter { $0.ruleID == rule } }

    /// `rule@line:column` for each finding, for compact assertions.
    var spots: [String] { findings.map { "\($0.ruleID)@\($0.location.line):\($0.location.column)" } }

    var compact: String { CompactReporter.render(self) }
}

/// The output of a process the tests started.
struct ProcessRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The stdout lines; stdout must be empty or end with a newline.
    var lines: [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

/// Runs a program. `environment` entries replace the inherited ones, a nil value removes one;
/// with `inheritEnvironment: false`, only `environment` is passed.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL = packageRoot,
                environment: [String: String?] = [:], inheritEnvironment: Bool = true,
                input: Data? = nil) throws -> ProcessRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe(), inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    inPipe.fileHandleForWriting.write(input ?? Data())
    try inPipe.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
}

/// The assoclint executable built with these tests.
var builtAssoclint: URL {
    get throws {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          packageRoot.appendingPathComponent(".build/debug")]
        for directory in candidates {
            let url = directory.appendingPathComponent("assoclint")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("assoclint executable not built next to the tests")
    }
}

/// The result of `python3 Tests/Fixtures/validate_json.py SCHEMA FILE...`.
struct SchemaValidation {
    var status: Int32
    var output: String
    var files: [String]

    /// The script's line about a file: `ok FILE`, `invalid FILE: ...` or `error FILE: ...`.
    func line(for file: String) -> String? {
        output.split(separator: "\n").map(String.init).first { line in
            line == "ok \(file)" || line.hasPrefix("invalid \(file): ") || line.hasPrefix("error \(file): ")
        }
    }
}

struct ValidatorUnavailable: Error, CustomStringConvertible {
    var description: String
}

/// Validates files against a JSON Schema with Python's jsonschema (status 0: all valid, 1: some
/// invalid); throws when the validator itself cannot run.
func validateJSON(schema: String, files: [String]) throws -> SchemaValidation {
    let run = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "Tests/Fixtures/validate_json.py", schema] + files)
    let text = run.stdout + run.stderr
    if run.status == 127 {
        throw ValidatorUnavailable(description: "python3 was not found: install Python 3, then `pip install jsonschema pyyaml`\n\(text)")
    }
    if run.status != 0 && run.status != 1 {
        throw ValidatorUnavailable(description: "Tests/Fixtures/validate_json.py failed (status \(run.status)); it needs python3 with `pip install jsonschema pyyaml`:\n\(text)")
    }
    return SchemaValidation(status: run.status, output: text, files: files)
}

extension XCTestCase {
    /// A new empty directory, removed after the test.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assoclint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
