import Foundation
import XCTest
@testable import AssocLintKit

/// The rule catalog (Rules/*.md) is the single source of rule documentation: every rule in code
/// has an entry and the reverse, and every example does what its section says.
final class CatalogTests: XCTestCase {
    let catalog = RuleCatalog.shared

    func testEveryEntryParses() {
        XCTAssertEqual(catalog.errors, [])
        XCTAssertFalse(catalog.documents.isEmpty)
        for document in catalog.documents {
            XCTAssertFalse(document.summary.isEmpty || document.summary == "TODO", "\(document.id) needs a summary")
            for section in ["Why it matters", "Bad", "Good", "How to fix"] {
                XCTAssertNotNil(document.section(section), "Rules/\(document.id).md has no '## \(section)' section")
            }
            XCTAssertFalse(document.badExamples.isEmpty && document.badCodeExamples.isEmpty, "Rules/\(document.id).md has no bad example")
            XCTAssertFalse(document.goodExamples.isEmpty && document.goodCodeExamples.isEmpty, "Rules/\(document.id).md has no good example")
            // A rule about the code's own shape shows code; the others show YAML.
            XCTAssertEqual(document.badExamples.isEmpty, ProjectExtractor.codeOnlyRules.contains(document.id), document.id)
        }
    }

    func testEmbeddedCatalogMatchesRulesFolder() throws {
        let folder = packageRoot.appendingPathComponent("Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        XCTAssertEqual(Set(files.map { String($0.dropLast(3)) }), Set(catalog.ids))
        for file in files {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let id = String(file.dropLast(3))
            let embedded = EmbeddedRuleDocuments.all.first { $0.name == id }?.markdown
            XCTAssertEqual(embedded?.trimmingCharacters(in: .whitespacesAndNewlines),
                           onDisk.trimmingCharacters(in: .whitespacesAndNewlines), "the binary carries a stale Rules/\(file)")
        }
    }

    func testEveryRuleInCodeHasAnEntryAndTheReverse() throws {
        // Rule types declared in Sources/AssocLintKit/Rules/*.swift, read from the source.
        let folder = packageRoot.appendingPathComponent("Sources/AssocLintKit/Rules")
        var declared: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            guard text.contains(": Rule {") else { continue }
            let idLine = text.split(separator: "\n").first { $0.contains("static let id = \"") }
            let id = idLine.flatMap { $0.split(separator: "\"").dropFirst().first }.map(String.init)
            declared[file] = id ?? "?"
        }
        XCTAssertEqual(Set(declared.values), Set(catalog.ids), "rules in code: \(declared)")
        XCTAssertEqual(Set(RuleRegistry.all.map { $0.id }), Set(catalog.ids))
        for type in RuleRegistry.all {
            XCTAssertEqual(catalog.entry(id: type.id)?.severity, type.defaultSeverity)
        }
    }

    func testBadExamplesProduceExactlyTheirRuleAndGoodExamplesNothing() {
        for document in catalog.documents {
            // An opt-in rule's own examples run with it turned on, as a user would; all other
            // examples run with the defaults.
            var config = ProjectConfig(path: "/nonexistent/.assoclint.yml")
            if !document.enabledByDefault { config.severities[document.id] = document.severity }
            func lint(_ texts: [String], names: [String]) -> LintResult {
                Linter.lint(zip(names, texts).map { LintInput(path: $0, bytes: Array($1.utf8), isExplicit: true) }, config: config)
            }
            for (index, example) in document.badExamples.enumerated() {
                let result = lint([example], names: ["\(document.id)-bad-\(index + 1).yaml"])
                XCTAssertFalse(result.findings.isEmpty, "Rules/\(document.id).md bad example \(index + 1) produces nothing")
                XCTAssertEqual(Set(result.ruleIDs), [document.id], "Rules/\(document.id).md bad example \(index + 1):\n\(result.compact)")
            }
            for (index, example) in document.goodExamples.enumerated() {
                let result = lint([example], names: ["\(document.id)-good-\(index + 1).yaml"])
                XCTAssertEqual(result.findings, [], "Rules/\(document.id).md good example \(index + 1):\n\(result.compact)")
            }
            // Code examples are whole files, read by the JavaScript/TypeScript front end.
            for (index, example) in document.badCodeExamples.enumerated() {
                let result = lint([example.text], names: [example.fileName])
                XCTAssertFalse(result.findings.isEmpty, "Rules/\(document.id).md bad code example \(index + 1) produces nothing")
                XCTAssertEqual(Set(result.ruleIDs), [document.id], "Rules/\(document.id).md bad code example \(index + 1):\n\(result.compact)")
                XCTAssertEqual(result.notes, [], "Rules/\(document.id).md bad code example \(index + 1) is read completely")
            }
            for (index, example) in document.goodCodeExamples.enumerated() {
                let result = lint([example.text], names: [example.fileName])
                XCTAssertEqual(result.findings, [], "Rules/\(document.id).md good code example \(index + 1):\n\(result.compact)")
                XCTAssertEqual(result.notes, [], "Rules/\(document.id).md good code example \(index + 1) is read completely")
            }
        }
    }

    func testParserReadsFrontMatterSectionsAndExamples() throws {
        let document = try RuleDocument(fileName: "x", markdown: """
        ---
        id: x
        severity: warning
        summary: Short.
        ---
        # x
        ## Why it matters
        Because.
        ## Bad
        ```yaml
        models: {}
        ```
        ```js
        User.hasMany(Post)
        ```
        ```text
        not an example
        ```
        ## Good
        ```yaml
        a: 1
        ## not a heading inside a fence
        ```
        """)
        XCTAssertEqual(document.severity, .warning)
        XCTAssertEqual(document.badExamples, ["models: {}\n"])
        XCTAssertEqual(document.goodExamples, ["a: 1\n## not a heading inside a fence\n"])
        XCTAssertEqual(document.badCodeExamples, [RuleDocument.CodeExample(fileName: "example.js", text: "User.hasMany(Post)\n")])
        XCTAssertEqual(document.sections.map(\.title), ["Why it matters", "Bad", "Good"])
        XCTAssertThrowsError(try RuleDocument(fileName: "y", markdown: "# no front matter"))
        XCTAssertThrowsError(try RuleDocument(fileName: "z", markdown: "---\nid: z\nseverity: fatal\nsummary: s\n---\n"))
    }

    func testOptInRulesAreOffUnlessTheConfigTurnsThemOn() throws {
        let optIn = catalog.documents.filter { !$0.enabledByDefault }
        XCTAssertEqual(Set(optIn.map(\.id)), ["has-one-not-unique", "inflection-surprise"])
        for document in optIn {
            let example = try XCTUnwrap(document.badExamples.first)
            XCTAssertEqual(AssocLintKitTests.lint(example).findings, [], "\(document.id) runs without the config")
            var config = ProjectConfig(path: "/nonexistent/.assoclint.yml")
            config.severities[document.id] = .error
            let enabled = Linter.lint([LintInput(path: "a.yaml", bytes: Array(example.utf8), isExplicit: true)], config: config)
            XCTAssertEqual(Set(enabled.findings.map(\.severity)), [.error], "the config's severity applies")
            XCTAssertTrue(RuleExplainer.explain(document).contains("off by default"))
            XCTAssertTrue(RuleExplainer.list().contains { _ in true })
            let line = RuleExplainer.list().split(separator: "\n").first { $0.hasPrefix(document.id + " ") }
            XCTAssertTrue(line?.contains(" off ") ?? false, String(line ?? ""))
        }
    }

    func testExplainAndRulesOutput() throws {
        let document = try XCTUnwrap(catalog.entry(id: "reversed-belongs-to"))
        let text = RuleExplainer.explain(document)
        XCTAssertTrue(text.hasPrefix("reversed-belongs-to (default severity: error)\n"))
        XCTAssertTrue(text.contains("## Bad"))
        let list = RuleExplainer.list()
        XCTAssertEqual(list.split(separator: "\n").count, catalog.documents.count)
        XCTAssertTrue(RuleExplainer.unknownRuleMessage("reversed-belongsto").contains("Did you mean 'reversed-belongs-to'?"))
    }
}
