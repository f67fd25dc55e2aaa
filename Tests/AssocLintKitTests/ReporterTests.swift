import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import AssocLintKit

/// Each output format's content, and its validity for the tools that read it.
final class ReporterTests: XCTestCase {
    /// Two files, an error with a related location, a warning, and text that needs escaping.
    let result: LintResult = {
        var result = lint("""
        models:
          Post:
            associations:
              - hasMany: Comment
              - belongsTo: Comment
          Comment: {}
          "Odd, name: 100%": { associations: [ { hasMany: Comment } ] }
        usages: ["Post.get<Comments>&"]
        """, "models:\n  Tag: {}\n", names: ["models/blog & more.yaml", "models/tags.yaml"])
        result.projectRoot = "/project"
        result.workingDirectory = "/project"
        return result
    }()

    func testFixtureCoversTheCases() {
        XCTAssertEqual(Set(result.ruleIDs), ["reversed-belongs-to", "missing-inverse", "unknown-accessor"], result.compact)
        XCTAssertTrue(result.findings.contains { !$0.related.isEmpty })
    }

    func testGitHubWorkflowCommandsEscapeData() {
        let output = GitHubReporter.render(result)
        let lines = output.split(separator: "\n")
        XCTAssertEqual(lines.count, result.findings.count)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") })
        XCTAssertTrue(output.contains("::error file=models/blog & more.yaml,line=5,col=9,title=assoclint (reversed-belongs-to)::Post.belongsTo(Comment) is reversed"))
        XCTAssertTrue(output.contains("%0Ahelp: "), "the help is on a second line of the annotation")
        XCTAssertEqual(GitHubReporter.escapeData("100% a\r\nb"), "100%25 a%0D%0Ab")
        XCTAssertEqual(GitHubReporter.escapeProperty("a:b,c%\n"), "a%3Ab%2Cc%25%0A")
    }

    func testCompactLinesAreOnePerFinding() {
        let lines = CompactReporter.render(result).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, result.findings.count)
        let pattern = try! NSRegularExpression(pattern: #"^(.+):(\d+):(\d+): (error|warning): (.+) \[([a-z-]+)\]$"#)
        for line in lines {
            XCTAssertNotNil(pattern.firstMatch(in: String(line), range: NSRange(line.startIndex..., in: line)), String(line))
        }
    }

    /// Parses XML with Foundation's XMLParser and collects element names and attributes.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(String, [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    func parse(_ xml: String) throws -> Collector {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        return collector
    }

    func testJUnitIsWellFormedAndCountsFailures() throws {
        let xml = JUnitReporter.render(result)
        let parsed = try parse(xml)
        let root = try XCTUnwrap(parsed.elements.first)
        XCTAssertEqual(root.0, "testsuites")
        XCTAssertEqual(root.1["failures"], "\(result.findings.count)")
        let suites = parsed.elements.filter { $0.0 == "testsuite" }.map { $0.1["name"] ?? "" }
        XCTAssertEqual(suites, ["models/blog & more.yaml", "models/tags.yaml"], "a clean file is a passing suite")
        XCTAssertEqual(parsed.elements.filter { $0.0 == "failure" }.count, result.findings.count)
        XCTAssertTrue(parsed.text.contains("post.get<Comments>&()"), "escaped text survives parsing")
    }

    func testCheckstyleIsWellFormed() throws {
        let parsed = try parse(CheckstyleReporter.render(result))
        XCTAssertEqual(parsed.elements.first?.0, "checkstyle")
        let errors = parsed.elements.filter { $0.0 == "error" }
        XCTAssertEqual(errors.count, result.findings.count)
        XCTAssertEqual(errors.first?.1["source"], "assoclint.reversed-belongs-to")
        XCTAssertEqual(errors.first?.1["line"], "5")
        XCTAssertEqual(Set(errors.map { $0.1["severity"] ?? "" }), ["error", "warning"])
    }

    func testXMLEscapingDropsWhatXMLCannotCarry() throws {
        XCTAssertEqual(XML.escape("a<b>&\"'\u{01}"), "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}")
        let finding = Finding(ruleID: "invalid-declaration", severity: .error, message: "bad \u{0B} byte", location: Location(path: "x.yaml", mark: SourceMark(line: 1, column: 1)))
        _ = try parse(JUnitReporter.render(LintResult(findings: [finding], files: [], inputErrors: [])))
    }

    func testGitLabFingerprintsAreUniquePerOccurrenceAndStable() throws {
        let duplicated = lint("models:\n  A:\n    associations: [ { hasMany: B }, { hasMany: B } ]\n  B: {}\n")
        let output = GitLabReporter.render(duplicated)
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        // Two missing inverses (the same message twice) and the duplicate itself.
        XCTAssertEqual(items.map { $0["check_name"] as? String }, ["missing-inverse", "duplicate-association", "missing-inverse"])
        let fingerprints = items.compactMap { $0["fingerprint"] as? String }
        XCTAssertEqual(Set(fingerprints).count, 3)
        XCTAssertEqual(GitLabReporter.render(duplicated), output, "stable across runs")
        let first = items[0]
        XCTAssertEqual(first["check_name"] as? String, "missing-inverse")
        XCTAssertEqual(first["severity"] as? String, "minor")
        let location = try XCTUnwrap(first["location"] as? [String: Any])
        XCTAssertEqual(location["path"] as? String, "a.yaml")
        XCTAssertEqual((location["lines"] as? [String: Int])?["begin"], 3)
        XCTAssertNotNil(first["description"] as? String)
    }

    func testSARIFContentAndSchemaValidity() throws {
        let sarif = SARIFReporter.render(result)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String }, RuleCatalog.shared.ids)
        let missing = try XCTUnwrap(rules.first { $0["id"] as? String == "missing-inverse" })
        XCTAssertEqual((missing["defaultConfiguration"] as? [String: String])?["level"], "warning")
        XCTAssertEqual((missing["shortDescription"] as? [String: String])?["text"], RuleCatalog.shared.entry(id: "missing-inverse")?.summary)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, result.findings.count)
        let reversed = try XCTUnwrap(results.first { $0["ruleId"] as? String == "reversed-belongs-to" })
        let physical = try XCTUnwrap(((reversed["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((physical["artifactLocation"] as? [String: String])?["uri"], "models/blog%20&%20more.yaml")
        XCTAssertEqual((physical["region"] as? [String: Int])?["startLine"], 5)
        XCTAssertEqual((reversed["relatedLocations"] as? [[String: Any]])?.count, 1)
        XCTAssertEqual(((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: String])?["uri"], "file:///project/")

        try assertValid(sarif, schema: "Tests/Fixtures/sarif-schema-2.1.0.json", name: "report.sarif.json")
    }

    /// Validates a document with the official schema through Python's jsonschema.
    func assertValid(_ document: String, schema: String, name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assoclint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try document.write(to: file, atomically: true, encoding: .utf8)
        let validation = try validateJSON(schema: schema, files: [file.path])
        XCTAssertEqual(validation.status, 0, "schema validation failed:\n\(validation.output)")
    }

    func testTextSummaryWithTime() {
        XCTAssertEqual(Reporter.summary(result, options: ReportOptions(elapsedSeconds: 0.0123)), "Found 2 errors and 1 warning in 2 files (12 ms).")
        let clean = lint("models:\n  A: {}\n")
        XCTAssertEqual(Reporter.summary(clean, options: ReportOptions(elapsedSeconds: 1.5)), "No problems found in 1 file (1.5 s).")
        XCTAssertEqual(Reporter.summary(clean), "No problems found in 1 file.")
    }
}
