import Foundation
import XCTest
@testable import AssocLintKit

/// `Scripts/lint-on-save` and the editor setups in `docs/editors.md`: the lines the script prints
/// must be read correctly by the VS Code problem matcher (its regexp is taken from the doc
/// itself), by the Vim errorformat and by Emacs's `gnu` compilation regexp.
final class EditorIntegrationTests: XCTestCase {
    var script: URL { packageRoot.appendingPathComponent("Scripts/lint-on-save") }

    /// The assoclint built with these tests, handed to the script as `ASSOCLINT`, so that a stale
    /// `.build/release/assoclint` (which the script would prefer) cannot stand in for it. The
    /// script's own lookup order is tested with stubs in `testBinaryLookupOrder`.
    func run(_ script: URL, _ arguments: [String], in directory: URL, environment: [String: String?] = [:],
             inheritEnvironment: Bool = true, input: Data? = nil) throws -> ProcessRun {
        try runProcess(script, arguments, in: directory, environment: environment,
                       inheritEnvironment: inheritEnvironment, input: input)
    }

    func lintOnSave(_ arguments: [String], in directory: URL, input: Data? = nil) throws -> ProcessRun {
        try run(script, arguments, in: directory, environment: ["ASSOCLINT": try builtAssoclint.path], input: input)
    }


    // MARK: - The patterns editors use

    /// The VS Code problem matcher, parsed from the tasks.json block in docs/editors.md.
    struct ProblemMatcher {
        var regexp: String
        var groups: [String: Int]  // file, line, column, severity, message, code
    }

    func problemMatcherFromDoc() throws -> ProblemMatcher {
        let doc = try String(contentsOf: packageRoot.appendingPathComponent("docs/editors.md"), encoding: .utf8)
        let vscode = try XCTUnwrap(doc.range(of: "## VS Code"), "docs/editors.md has no VS Code section")
        let open = try XCTUnwrap(doc.range(of: "```json\n", range: vscode.upperBound..<doc.endIndex))
        let close = try XCTUnwrap(doc.range(of: "\n```", range: open.upperBound..<doc.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(doc[open.upperBound..<close.lowerBound].utf8))
        let tasks = try XCTUnwrap((json as? [String: Any])?["tasks"] as? [[String: Any]])
        let matcher = try XCTUnwrap(tasks.first?["problemMatcher"] as? [String: Any])
        XCTAssertEqual(matcher["owner"] as? String, "assoclint")
        let pattern = try XCTUnwrap(matcher["pattern"] as? [String: Any])
        var groups: [String: Int] = [:]
        for key in ["file", "line", "column", "severity", "message", "code"] {
            groups[key] = try XCTUnwrap(pattern[key] as? Int, "the problem matcher has no '\(key)' group")
        }
        return ProblemMatcher(regexp: try XCTUnwrap(pattern["regexp"] as? String), groups: groups)
    }

    /// Vim's `errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m` as a regex: `%f` takes
    /// the shortest file name that lets the rest match, `%l` and `%c` digits, `%t` the one letter
    /// that gives the type (e or w), `%m` the rest of the line (at least one character).
    let vimErrorformat = #"^(.+?):(\d+):(\d+): (?:(e)rror|(w)arning): (.+)$"#

    /// Emacs's built-in `gnu` entry of `compilation-error-regexp-alist-alist` (compile.el, Emacs 28),
    /// transcribed from Emacs regexp syntax: the optional program-name prefix, the file, the line,
    /// an optional column (or ranges), then the type: `warning` → warning, `info`/`note` → info,
    /// anything else → error. Emacs checks columns from 1 (`compilation-first-column`).
    let emacsGNU = #"^(?:[A-Za-z][-A-Za-z0-9.]+: ?|[ \t]+(?:in |from))?"#
        + #"(?<file>[0-9]*[^0-9\n](?:[^\n :]| [^-/\n]|:[^ \n])*?): ?(?<line>[0-9]+)"#
        + #"(?:-[0-9]+(?:\.[0-9]+)?|[.:](?<column>[0-9]+)(?:-(?:[0-9]+\.)?[0-9]+)?)?:"#
        + #"(?: *(?<warning>FutureWarning|RuntimeWarning|W(?::|arning)|warning)"#
        + #"| *(?<info>[Ii]nfo(?:\b|rmationa?l?)|I:|\[ skipping .+ \]|instantiated from|required from|[Nn]ote)"#
        + #"| *[Ee]rror|[0-9]?(?:[^0-9\n]|$)|[0-9][0-9][0-9])"#

    /// One expected finding: every editor must read this path, line, column, severity and rule.
    struct Expected {
        var path: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
    }

    func assertEditorsRead(_ lines: [String], as expected: [Expected], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(lines.count, expected.count, "\(lines)", file: file, line: line)
        let matcher = try problemMatcherFromDoc()
        let vscode = try Regex(matcher.regexp)
        let vim = try Regex(vimErrorformat)
        let emacs = try Regex(emacsGNU)
        for (text, want) in zip(lines, expected) {
            // (a) VS Code: the problem matcher's groups.
            if let match = try vscode.firstMatch(in: text) {
                func group(_ name: String) -> String? { match.output[matcher.groups[name]!].substring.map(String.init) }
                XCTAssertEqual(group("file"), want.path, text, file: file, line: line)
                XCTAssertEqual(group("line"), String(want.line), text, file: file, line: line)
                XCTAssertEqual(group("column"), String(want.column), text, file: file, line: line)
                XCTAssertEqual(group("severity"), want.severity, text, file: file, line: line)
                XCTAssertEqual(group("code"), want.rule, text, file: file, line: line)
                // The message alone: without the location, the severity or the [rule].
                let prefix = "\(want.path):\(want.line):\(want.column): \(want.severity): ", suffix = " [\(want.rule)]"
                XCTAssertTrue(text.hasPrefix(prefix) && text.hasSuffix(suffix), text, file: file, line: line)
                XCTAssertEqual(group("message"), String(text.dropFirst(prefix.count).dropLast(suffix.count)), text, file: file, line: line)
                XCTAssertFalse(group("message")?.isEmpty ?? true, text, file: file, line: line)
            } else {
                XCTFail("the VS Code problem matcher does not match: \(text)", file: file, line: line)
            }
            // (b) Vim: file, line, column, type letter, and the message with its [rule].
            if let match = try vim.firstMatch(in: text) {
                XCTAssertEqual(match.output[1].substring.map(String.init), want.path, text, file: file, line: line)
                XCTAssertEqual(match.output[2].substring.map(String.init), String(want.line), text, file: file, line: line)
                XCTAssertEqual(match.output[3].substring.map(String.init), String(want.column), text, file: file, line: line)
                let type = match.output[4].substring != nil ? "error" : match.output[5].substring != nil ? "warning" : nil
                XCTAssertEqual(type, want.severity, text, file: file, line: line)
                XCTAssertEqual(match.output[6].substring.map { $0.hasSuffix(" [\(want.rule)]") }, true, text, file: file, line: line)
            } else {
                XCTFail("the Vim errorformat does not match: \(text)", file: file, line: line)
            }
            // (c) Emacs: compilation-mode's gnu regexp, and the type it gives the line.
            if let match = try emacs.prefixMatch(in: text) {
                XCTAssertEqual(match.output["file"]?.substring.map(String.init), want.path, text, file: file, line: line)
                XCTAssertEqual(match.output["line"]?.substring.map(String.init), String(want.line), text, file: file, line: line)
                XCTAssertEqual(match.output["column"]?.substring.map(String.init), String(want.column), text, file: file, line: line)
                XCTAssertNil(match.output["info"]?.substring, text, file: file, line: line)
                let type = match.output["warning"]?.substring != nil ? "warning" : "error"
                XCTAssertEqual(type, want.severity, text, file: file, line: line)
            } else {
                XCTFail("the Emacs gnu compilation regexp does not match: \(text)", file: file, line: line)
            }
        }
    }

    // MARK: - The script on the samples

    static let reversedBelongsTo = "Samples/quiz/q2-belongs-to-on-the-wrong-model.yaml"
    static let missingInverse = "Samples/quiz/q2-has-many-without-belongs-to.yaml"
    static let clean = "Samples/tutorial/blog.yaml"

    func testAbsolutePathsFromAnotherDirectory() throws {
        let elsewhere = try temporaryDirectory()
        let reversed = packageRoot.appendingPathComponent(Self.reversedBelongsTo).path
        let error = try lintOnSave([reversed], in: elsewhere)
        XCTAssertEqual(error.status, 1, error.stdout + error.stderr)
        XCTAssertEqual(error.stderr, "")
        try assertEditorsRead(error.lines, as: [Expected(path: reversed, line: 11, column: 9, severity: "error", rule: "reversed-belongs-to")])

        let missing = packageRoot.appendingPathComponent(Self.missingInverse).path
        let warning = try lintOnSave([missing], in: elsewhere)
        XCTAssertEqual(warning.status, 0, warning.stdout + warning.stderr)
        XCTAssertEqual(warning.stderr, "")
        try assertEditorsRead(warning.lines, as: [Expected(path: missing, line: 11, column: 9, severity: "warning", rule: "missing-inverse")])

        let clean = try lintOnSave([packageRoot.appendingPathComponent(Self.clean).path], in: elsewhere)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertEqual(clean.stdout, "")
        XCTAssertEqual(clean.stderr, "")
    }

    func testRelativePathsFromTheRepositoryRoot() throws {
        let error = try lintOnSave([Self.reversedBelongsTo], in: packageRoot)
        XCTAssertEqual(error.status, 1, error.stdout + error.stderr)
        try assertEditorsRead(error.lines, as: [Expected(path: Self.reversedBelongsTo, line: 11, column: 9, severity: "error", rule: "reversed-belongs-to")])

        // `./x` is printed as `x`, still relative to the working directory.
        let warning = try lintOnSave(["./" + Self.missingInverse], in: packageRoot)
        XCTAssertEqual(warning.status, 0, warning.stdout + warning.stderr)
        try assertEditorsRead(warning.lines, as: [Expected(path: Self.missingInverse, line: 11, column: 9, severity: "warning", rule: "missing-inverse")])

        let clean = try lintOnSave([Self.clean], in: packageRoot)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertEqual(clean.stdout, "")
    }

    func testRelativePathFromASubdirectoryIsPrintedRelativeToIt() throws {
        let quiz = packageRoot.appendingPathComponent("Samples/quiz")
        let result = try lintOnSave(["q2-has-many-without-belongs-to.yaml"], in: quiz)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        try assertEditorsRead(result.lines, as: [Expected(path: "q2-has-many-without-belongs-to.yaml", line: 11, column: 9, severity: "warning", rule: "missing-inverse")])
    }

    func testStdinLintsTheBufferUnderTheGivenName() throws {
        let elsewhere = try temporaryDirectory()
        let reversed = try Data(contentsOf: packageRoot.appendingPathComponent(Self.reversedBelongsTo))
        // A buffer that has never been saved: reported under its name, relative to the working directory.
        let unsaved = try lintOnSave(["--stdin", "models/unsaved.yaml"], in: elsewhere, input: reversed)
        XCTAssertEqual(unsaved.status, 1, unsaved.stdout + unsaved.stderr)
        try assertEditorsRead(unsaved.lines, as: [Expected(path: "models/unsaved.yaml", line: 11, column: 9, severity: "error", rule: "reversed-belongs-to")])

        // The buffer replaces the file on disk: a fixed buffer for the quiz file is clean.
        let fixed = try Data(contentsOf: packageRoot.appendingPathComponent(Self.clean))
        let clean = try lintOnSave(["--stdin", packageRoot.appendingPathComponent(Self.reversedBelongsTo).path], in: elsewhere, input: fixed)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertEqual(clean.stdout, "")

        // And a broken buffer for the clean file is reported there.
        let broken = try lintOnSave(["--stdin", Self.clean], in: packageRoot, input: reversed)
        XCTAssertEqual(broken.status, 1, broken.stdout + broken.stderr)
        try assertEditorsRead(broken.lines, as: [Expected(path: Self.clean, line: 11, column: 9, severity: "error", rule: "reversed-belongs-to")])
    }

    func testACodeFileOnItsOwnResolvesTheModelsBesideIt() throws {
        // No .assoclint.yml: the editor lints one saved file; its folder and imports are the context.
        let project = try temporaryDirectory()
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Samples/express-app/src"), to: project.appendingPathComponent("src"))
        let route = try lintOnSave([project.appendingPathComponent("src/routes/orders.js").path], in: project)
        XCTAssertEqual(route.status, 1, route.stdout + route.stderr)
        try assertEditorsRead(route.lines, as: [Expected(path: project.appendingPathComponent("src/routes/orders.js").path, line: 12, column: 28,
                                                         severity: "error", rule: "has-many-singular-getter")])
        // A model file: models.Customer resolves to the file beside it, so nothing is unknown.
        let model = try lintOnSave(["src/models/order.js"], in: project)
        XCTAssertEqual(model.status, 0, model.stdout + model.stderr)
        XCTAssertEqual(model.stdout, "")
        // The unsaved buffer of the route, fixed.
        let fixed = try String(contentsOf: project.appendingPathComponent("src/routes/orders.js"), encoding: .utf8)
            .replacingOccurrences(of: "order.getItem()", with: "order.getItems()")
        let buffer = try lintOnSave(["--stdin", "src/routes/orders.js"], in: project, input: Data(fixed.utf8))
        XCTAssertEqual(buffer.status, 0, buffer.stdout + buffer.stderr)
        XCTAssertEqual(buffer.stdout, "")
    }

    func testWrongUsageExitsTwoWithAUsageLine() throws {
        for arguments in [[], ["--stdin"], ["a.yaml", "b.yaml"], ["--stdin", "a.yaml", "b.yaml"]] {
            let result = try lintOnSave(arguments, in: packageRoot)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertEqual(result.stderr, "usage: lint-on-save [--stdin] FILE\n", "\(arguments)")
        }
        // A file that does not exist: assoclint's own one-line message and status.
        let missing = try lintOnSave(["no/such.yaml"], in: packageRoot)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "assoclint: error: no/such.yaml: no such file or directory\n")
    }

    // MARK: - Finding the binary

    func testNoBinaryExplainsWhatToDo() throws {
        for directory in ["/usr/bin", "/bin"] where FileManager.default.fileExists(atPath: directory + "/assoclint") {
            throw XCTSkip("assoclint is installed in \(directory), so the script would find it on PATH")
        }
        // The script alone, with no .build next to it and no assoclint on PATH.
        let lone = try temporaryDirectory().appendingPathComponent("Scripts")
        try FileManager.default.createDirectory(at: lone, withIntermediateDirectories: true)
        let copy = lone.appendingPathComponent("lint-on-save")
        try FileManager.default.copyItem(at: script, to: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
        let result = try run(copy, [packageRoot.appendingPathComponent(Self.clean).path], in: lone,
                             environment: ["PATH": "/usr/bin:/bin"], inheritEnvironment: false)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("lint-on-save: assoclint not found"), result.stderr)
        for hint in ["swift build -c release", "PATH", "ASSOCLINT"] {
            XCTAssertTrue(result.stderr.contains(hint), "no '\(hint)' in: \(result.stderr)")
        }

        // ASSOCLINT set to something that is not executable is reported, not skipped.
        let wrong = try run(script, [Self.clean], in: packageRoot, environment: ["ASSOCLINT": "/nonexistent"])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertEqual(wrong.stdout, "")
        XCTAssertEqual(wrong.stderr, "lint-on-save: ASSOCLINT=/nonexistent is not an executable; fix or unset ASSOCLINT\n")
    }

    /// $ASSOCLINT, then .build/release, then .build/debug next to the script (through a symlink to
    /// it), then PATH; each stub prints where it is and the arguments it got.
    func testBinaryLookupOrder() throws {
        let root = try temporaryDirectory()
        let fm = FileManager.default
        func stub(_ relativePath: String, _ name: String, status: Int32 = 0) throws {
            let url = root.appendingPathComponent(relativePath)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("#!/bin/sh\necho \"\(name) $*\"\nexit \(status)\n".utf8).write(to: url)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        try fm.createDirectory(at: root.appendingPathComponent("checkout/Scripts"), withIntermediateDirectories: true)
        let copy = root.appendingPathComponent("checkout/Scripts/lint-on-save")
        try fm.copyItem(at: script, to: copy)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
        try stub("checkout/.build/release/assoclint", "release", status: 1)
        try stub("checkout/.build/debug/assoclint", "debug")
        try stub("path/assoclint", "path")
        try stub("env/assoclint", "env")
        // The editor may call the script through a symlink in another folder.
        try fm.createDirectory(at: root.appendingPathComponent("project/tools"), withIntermediateDirectories: true)
        let link = root.appendingPathComponent("project/tools/lint-on-save")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "../../checkout/Scripts/lint-on-save")

        let path = root.appendingPathComponent("path").path + ":/usr/bin:/bin"
        func call(_ arguments: [String], assoclint: String? = nil) throws -> ProcessRun {
            try run(link, arguments, in: root.appendingPathComponent("project"),
                    environment: ["PATH": path, "ASSOCLINT": assoclint], inheritEnvironment: false)
        }
        let viaEnv = try call(["m.yaml"], assoclint: root.appendingPathComponent("env/assoclint").path)
        XCTAssertEqual(viaEnv.stdout, "env lint --format compact -- m.yaml\n")
        XCTAssertEqual(try call(["m.yaml"], assoclint: "assoclint").stdout, "path lint --format compact -- m.yaml\n")
        let release = try call(["m.yaml"])
        XCTAssertEqual(release.stdout, "release lint --format compact -- m.yaml\n")
        XCTAssertEqual(release.status, 1, "the script exits with assoclint's status")
        XCTAssertEqual(try call(["--stdin", "m.yaml"]).stdout, "release lint --format compact --stdin --stdin-filename=m.yaml\n")
        try fm.removeItem(at: root.appendingPathComponent("checkout/.build/release"))
        XCTAssertEqual(try call(["m.yaml"]).stdout, "debug lint --format compact -- m.yaml\n")
        try fm.removeItem(at: root.appendingPathComponent("checkout/.build/debug"))
        XCTAssertEqual(try call(["-odd name.yaml"]).stdout, "path lint --format compact -- -odd name.yaml\n")
    }
}
