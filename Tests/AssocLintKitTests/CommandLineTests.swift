import Foundation
import XCTest
@testable import AssocLintKit

/// The built `assoclint` executable: exit codes, formats, and the other commands.
final class CommandLineTests: XCTestCase {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    var executable: URL {
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

    func assoclint(_ arguments: [String], environment: [String: String] = [:], directory: URL = packageRoot) throws -> Run {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assoclint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testCleanSamplesExitZero() throws {
        let run = try assoclint(["lint", "Samples/tutorial", "Samples/shop"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("No problems found"))
    }

    func testErrorsExitOneAndWarningsZero() throws {
        XCTAssertEqual(try assoclint(["lint", "Samples/quiz/reversed-belongs-to.yaml"]).status, 1)
        XCTAssertEqual(try assoclint(["lint", "Samples/quiz/missing-inverse.yaml"]).status, 0)
    }

    func testUsageErrorsAndMissingPathsExitTwoWithOneLine() throws {
        let missing = try assoclint(["lint", "no/such/dir"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "assoclint: error: no/such/dir: no such file or directory\n")
        let badFlag = try assoclint(["lint", "--format", "xml", "Samples"])
        XCTAssertEqual(badFlag.status, 2)
        XCTAssertFalse(badFlag.stderr.isEmpty)
        XCTAssertFalse(badFlag.stderr.contains("Fatal error"))
        let unknownRule = try assoclint(["explain", "reversed-belongsto"])
        XCTAssertEqual(unknownRule.status, 2)
        XCTAssertTrue(unknownRule.stderr.contains("Did you mean 'reversed-belongs-to'?"))
    }

    func testCompactIsOneLinePerFindingAndNothingElse() throws {
        let run = try assoclint(["lint", "--format", "compact", "Samples/quiz/reversed-belongs-to.yaml"])
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.stdout)
        let line = try XCTUnwrap(lines.first)
        XCTAssertTrue(line.hasPrefix("Samples/quiz/reversed-belongs-to.yaml:"))
        XCTAssertTrue(line.hasSuffix("[reversed-belongs-to]"))
        XCTAssertTrue(line.contains(": error: "))
    }

    func testJSONIsDocumentedShape() throws {
        let run = try assoclint(["lint", "--format", "json", "Samples/quiz/has-many-singular-getter.yaml"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 1)
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        guard findings.count == 1 else { return }
        XCTAssertEqual(findings[0]["rule"] as? String, "has-many-singular-getter")
        XCTAssertEqual(findings[0]["severity"] as? String, "error")
        XCTAssertEqual(findings[0]["path"] as? String, "Samples/quiz/has-many-singular-getter.yaml")
        XCTAssertNotNil(findings[0]["line"] as? Int)
        XCTAssertNotNil(findings[0]["column"] as? Int)
        XCTAssertNotNil(findings[0]["related"] as? [[String: Any]])
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["files": 1, "errors": 1, "warnings": 0])
    }

    func testTextShowsSourceCaretHelpAndNoColourWhenPiped() throws {
        let run = try assoclint(["lint", "Samples/quiz/has-many-singular-getter.yaml"])
        XCTAssertTrue(run.stdout.contains("error[has-many-singular-getter]"))
        XCTAssertTrue(run.stdout.contains("^"))
        XCTAssertTrue(run.stdout.contains("= help: "))
        XCTAssertFalse(run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let forced = try assoclint(["lint", "--color", "always", "Samples/quiz/has-many-singular-getter.yaml"])
        XCTAssertTrue(forced.stdout.contains("\u{1B}["))
    }

    func testDirectoryWalkSkipsNonModelFilesAndVendoredFolders() throws {
        let root = try temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("node_modules/pkg"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("models/nested"), withIntermediateDirectories: true)
        try "models:\n  A: { associations: [ { hasMany: Nope } ] }\n".write(to: root.appendingPathComponent("node_modules/pkg/bad.yaml"), atomically: true, encoding: .utf8)
        try "name: ci\n".write(to: root.appendingPathComponent("ci.yml"), atomically: true, encoding: .utf8)
        try "models:\n  A: { associations: [ { hasMany: B } ] }\n".write(to: root.appendingPathComponent("models/a.yaml"), atomically: true, encoding: .utf8)
        try "models:\n  B: { associations: [ { belongsTo: A } ] }\n".write(to: root.appendingPathComponent("models/nested/b.yml"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("models/nested/loop").path, withDestinationPath: root.appendingPathComponent("models").path)
        let run = try assoclint(["lint", "--format", "compact", "."], directory: root)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "")
        let explicit = try assoclint(["lint", "--format", "compact", "ci.yml"], directory: root)
        XCTAssertEqual(explicit.stdout, "ci.yml:1:1: warning: ci.yml declares no models: a model file needs a top-level 'models:' mapping [no-declarations]\n")
    }

    func testRulesExplainVersionHelp() throws {
        let rules = try assoclint(["rules"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("reversed-belongs-to"))
        XCTAssertTrue(rules.stdout.contains("missing-inverse"))
        let explain = try assoclint(["explain", "missing-inverse"], directory: FileManager.default.temporaryDirectory)
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("## Bad"), "works from any directory: the catalog is in the binary")
        let version = try assoclint(["--version"])
        XCTAssertEqual(version.stdout, AssocLintVersion.current + "\n")
        XCTAssertEqual(version.status, 0)
        for command in [["--help"], ["lint", "--help"], ["rules", "--help"], ["explain", "--help"]] {
            let help = try assoclint(command)
            XCTAssertEqual(help.status, 0, command.joined(separator: " "))
            XCTAssertTrue(help.stdout.contains("USAGE"), command.joined(separator: " "))
        }
    }

    func testUnreadableFileIsReportedAndOthersStillLinted() throws {
        let root = try temporaryDirectory()
        let good = root.appendingPathComponent("good.yaml")
        try "models:\n  A: { associations: [ { hasMany: B } ] }\n  B: {}\n".write(to: good, atomically: true, encoding: .utf8)
        let run = try assoclint(["lint", "--format", "compact", "good.yaml", "gone.yaml"], directory: root)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "assoclint: error: gone.yaml: no such file or directory\n")
        XCTAssertTrue(run.stdout.contains("[missing-inverse]"))
    }
}
