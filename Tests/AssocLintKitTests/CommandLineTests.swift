import Foundation
import XCTest
@testable import AssocLintKit

/// The built `assoclint` executable: exit codes, formats, and the other commands.
final class CommandLineTests: XCTestCase {
    var executable: URL {
        get throws { try builtAssoclint }
    }

    func assoclint(_ arguments: [String], environment: [String: String] = [:], directory: URL = packageRoot) throws -> ProcessRun {
        try runProcess(try executable, arguments, in: directory, environment: environment)
    }


    func testCleanSamplesExitZero() throws {
        let run = try assoclint(["lint", "Samples/tutorial", "Samples/shop"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("No problems found"))
    }

    func testErrorsExitOneAndWarningsZero() throws {
        XCTAssertEqual(try assoclint(["lint", "Samples/quiz/q2-belongs-to-on-the-wrong-model.yaml"]).status, 1)
        XCTAssertEqual(try assoclint(["lint", "Samples/quiz/q2-has-many-without-belongs-to.yaml"]).status, 0)
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
        let run = try assoclint(["lint", "--format", "compact", "Samples/quiz/q2-belongs-to-on-the-wrong-model.yaml"])
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.stdout)
        let line = try XCTUnwrap(lines.first)
        XCTAssertTrue(line.hasPrefix("Samples/quiz/q2-belongs-to-on-the-wrong-model.yaml:"))
        XCTAssertTrue(line.hasSuffix("[reversed-belongs-to]"))
        XCTAssertTrue(line.contains(": error: "))
    }

    func testJSONIsDocumentedShape() throws {
        let run = try assoclint(["lint", "--format", "json", "Samples/quiz/q4-singular-getter.yaml"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 1)
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        guard findings.count == 1 else { return }
        XCTAssertEqual(findings[0]["rule"] as? String, "has-many-singular-getter")
        XCTAssertEqual(findings[0]["severity"] as? String, "error")
        XCTAssertEqual(findings[0]["path"] as? String, "Samples/quiz/q4-singular-getter.yaml")
        XCTAssertNotNil(findings[0]["line"] as? Int)
        XCTAssertNotNil(findings[0]["column"] as? Int)
        XCTAssertNotNil(findings[0]["related"] as? [[String: Any]])
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["files": 1, "errors": 1, "warnings": 0])
    }

    func testTextShowsSourceCaretHelpAndNoColourWhenPiped() throws {
        let run = try assoclint(["lint", "Samples/quiz/q4-singular-getter.yaml"])
        XCTAssertTrue(run.stdout.contains("error[has-many-singular-getter]"))
        XCTAssertTrue(run.stdout.contains("^"))
        XCTAssertTrue(run.stdout.contains("= help: "))
        XCTAssertFalse(run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let forced = try assoclint(["lint", "--color", "always", "Samples/quiz/q4-singular-getter.yaml"])
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

    func testCodeIsReadInAWalkButNotBuildOutputOrTypes() throws {
        let root = try temporaryDirectory()
        let fm = FileManager.default
        for folder in ["models", "dist/models", "node_modules/orm", "src"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let user = "const User = sequelize.define('User', {});\nconst Post = sequelize.define('Post', {});\nUser.hasMany(Post);\n"
        try user.write(to: root.appendingPathComponent("models/user.js"), atomically: true, encoding: .utf8)
        // Copies in build output, vendored code and type declarations would declare the models twice.
        try user.write(to: root.appendingPathComponent("dist/models/user.js"), atomically: true, encoding: .utf8)
        try user.write(to: root.appendingPathComponent("node_modules/orm/index.js"), atomically: true, encoding: .utf8)
        try user.write(to: root.appendingPathComponent("models/user.d.ts"), atomically: true, encoding: .utf8)
        // TypeScript compiled beside its source: the source alone is read.
        try user.write(to: root.appendingPathComponent("models/team.ts"), atomically: true, encoding: .utf8)
        try user.replacingOccurrences(of: "'User'", with: "'Team'").replacingOccurrences(of: "'Post'", with: "'Member'")
            .write(to: root.appendingPathComponent("models/team.ts"), atomically: true, encoding: .utf8)
        try "const Team = sequelize.define('Team', {});\n".write(to: root.appendingPathComponent("models/team.js"), atomically: true, encoding: .utf8)
        try "export const add = (a, b) => a + b;\n".write(to: root.appendingPathComponent("src/util.js"), atomically: true, encoding: .utf8)
        let run = try assoclint(["lint", "--format", "compact", "."], directory: root)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, """
        models/team.ts:3:1: warning: Team.hasMany(Member) has no inverse: Member declares no belongsTo(Team), so member.getTeam() does not exist [missing-inverse]
        models/user.js:3:1: warning: User.hasMany(Post) has no inverse: Post declares no belongsTo(User), so post.getUser() does not exist [missing-inverse]

        """)
        let text = try assoclint(["lint", "--color", "never", "."], directory: root)
        XCTAssertTrue(text.stdout.contains("in 2 files"), "src/util.js declares nothing and is not counted: \(text.stdout)")
        // Named on its own (an editor saving it), a code file without declarations is no mistake.
        let util = try assoclint(["lint", "--format", "compact", "src/util.js"], directory: root)
        XCTAssertEqual(util.status, 0, util.stderr)
        XCTAssertEqual(util.stdout, "")
    }

    func testExtractWritesYAMLThatLintsLikeTheCode() throws {
        let root = try temporaryDirectory()
        let out = root.appendingPathComponent("extracted.yaml")
        let fixture = fixtureURL("code/define").path
        let run = try assoclint(["extract", fixture, "--output", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        let yaml = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(yaml.hasPrefix("# Extracted by assoclint extract from 4 JavaScript/TypeScript files.\n"), "the loader declares nothing: \(yaml)")
        let stdout = try assoclint(["extract", fixture])
        XCTAssertEqual(stdout.stdout, yaml, "stdout by default")
        let linted = try assoclint(["lint", "--format", "compact", out.path])
        XCTAssertEqual(linted.status, 1)
        XCTAssertEqual(linted.stdout.split(separator: "\n").map { $0.split(separator: "[").last ?? "" }, ["unknown-model]", "reversed-belongs-to]"])
        let missing = try assoclint(["extract", "no/such/dir"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no/such/dir: no such file or directory"), missing.stderr)
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
        let help = try assoclint(["lint", "--help"])
        XCTAssertTrue(help.stdout.contains("JavaScript/TypeScript"), "the help says that code is read: \(help.stdout)")
        for command in [["--help"], ["lint", "--help"], ["extract", "--help"], ["rules", "--help"], ["explain", "--help"]] {
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

    // MARK: CI and editor options

    func writeProject(_ files: [String: String]) throws -> URL {
        let root = try temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    let warningsOnly = "models:\n  A: { associations: [ { hasMany: B }, { hasMany: C } ] }\n  B: {}\n  C: {}\n"

    func testOutputFileGetsTheReportAndTheTerminalTheSummary() throws {
        let root = try writeProject(["m.yaml": warningsOnly])
        let run = try assoclint(["lint", "--format", "sarif", "--output", "out/report.sarif", "m.yaml"], directory: root)
        XCTAssertEqual(run.status, 2, "the output directory does not exist")
        XCTAssertTrue(run.stderr.hasPrefix("assoclint: error: cannot write out/report.sarif"))
        let ok = try assoclint(["lint", "--format", "sarif", "--output", "report.sarif", "m.yaml"], directory: root)
        XCTAssertEqual(ok.status, 0)
        XCTAssertTrue(ok.stdout.hasPrefix("Found 2 warnings in 1 file ("), ok.stdout)
        let report = try String(contentsOf: root.appendingPathComponent("report.sarif"), encoding: .utf8)
        XCTAssertTrue(report.contains("\"version\": \"2.1.0\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(leftovers, ["m.yaml", "report.sarif"], "no temporary file left behind")
    }

    func testMaxWarningsAndQuiet() throws {
        let root = try writeProject(["m.yaml": warningsOnly])
        XCTAssertEqual(try assoclint(["lint", "--max-warnings", "2", "m.yaml"], directory: root).status, 0)
        let over = try assoclint(["lint", "--max-warnings", "1", "m.yaml"], directory: root)
        XCTAssertEqual(over.status, 1)
        XCTAssertEqual(over.stderr, "assoclint: error: 2 warnings found, more than --max-warnings 1\n")
        let quiet = try assoclint(["lint", "--quiet", "--format", "compact", "m.yaml"], directory: root)
        XCTAssertEqual(quiet.stdout, "")
        XCTAssertEqual(quiet.status, 0)
    }

    func testNoColorIsRespectedEvenWhenForcedToAuto() throws {
        let run = try assoclint(["lint", "Samples/quiz/q2-has-many-without-belongs-to.yaml"], environment: ["NO_COLOR": "1"])
        XCTAssertFalse(run.stdout.contains("\u{1B}["))
    }

    func testInitWritesAStarterAndRefusesToOverwrite() throws {
        let root = try temporaryDirectory()
        let first = try assoclint(["init"], directory: root)
        XCTAssertEqual(first.status, 0)
        let written = try String(contentsOf: root.appendingPathComponent(".assoclint.yml"), encoding: .utf8)
        XCTAssertEqual(written, ProjectConfig.starter)
        XCTAssertNotNil(ProjectConfig.load(path: root.appendingPathComponent(".assoclint.yml").path, displayPath: ".assoclint.yml", knownRules: RuleCatalog.shared.ids).config)
        let second = try assoclint(["init"], directory: root)
        XCTAssertEqual(second.status, 2)
        XCTAssertEqual(second.stderr, "assoclint: error: .assoclint.yml already exists; assoclint init does not overwrite it\n")
    }

    func testConfigErrorsExitTwoWithLocations() throws {
        let root = try writeProject([".assoclint.yml": "rules:\n  missing-inverse: warn\n", "m.yaml": warningsOnly])
        let run = try assoclint(["lint", "m.yaml"], directory: root)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "assoclint: error: .assoclint.yml:2:20: 'warn' is not a severity; use off, warning or error. Did you mean 'warning'?\n")
        XCTAssertEqual(run.stdout, "")
    }

    func testBaselineWorkflow() throws {
        let root = try writeProject(["m.yaml": warningsOnly])
        let write = try assoclint(["lint", "--write-baseline", "baseline.json", "m.yaml"], directory: root)
        XCTAssertEqual(write.status, 0)
        XCTAssertEqual(write.stdout, "Wrote 2 findings to baseline.json.\n")
        let clean = try assoclint(["lint", "--baseline", "baseline.json", "--format", "compact", "m.yaml"], directory: root)
        XCTAssertEqual(clean.stdout, "")
        // Fix one warning, add an error: the error is new, the fixed entry is reported as stale.
        try "models:\n  A: { associations: [ { hasMany: B }, { hasMany: C } ] }\n  B: { associations: [ { belongsTo: A } ] }\n  C: {}\nusages: [A.getB]\n"
            .write(to: root.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        let later = try assoclint(["lint", "--baseline", "baseline.json", "--format", "compact", "m.yaml"], directory: root)
        XCTAssertEqual(later.status, 1)
        XCTAssertEqual(later.stdout.split(separator: "\n").map { $0.split(separator: "[").last ?? "" }, ["has-many-singular-getter]"])
        XCTAssertTrue(later.stderr.contains("assoclint: note: baseline entry no longer matches: m.yaml: missing-inverse: A.hasMany(B) has no inverse"), later.stderr)
        let broken = try assoclint(["lint", "--baseline", "m.yaml", "m.yaml"], directory: root)
        XCTAssertEqual(broken.status, 2)
    }

    func testStdinIsLintedUnderItsFileName() throws {
        let root = try writeProject([".assoclint.yml": "", "models/b.yaml": "models:\n  B: { associations: [ { belongsTo: A } ] }\n"])
        let process = Process()
        process.executableURL = try executable
        process.arguments = ["lint", "--format", "compact", "--stdin", "--stdin-filename", "models/a.yaml"]
        process.currentDirectoryURL = root
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("models:\n  A: { associations: [ { hasMany: B }, { hasOne: C } ] }\n".utf8))
        try input.fileHandleForWriting.close()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(stdout, "models/a.yaml:2:50: error: A.hasOne(C): no model named 'C' is declared [unknown-model]\n")
        XCTAssertEqual(process.terminationStatus, 1)
    }
}
