import Foundation
import XCTest
@testable import AssocLintKit

/// Every sample's compact output is kept beside it (`expected.txt` for a directory,
/// `<name>.expected.txt` for a single file) and compared here.
final class SampleTests: XCTestCase {
    /// Lints as the command does: a sample folder's `.assoclint.yml` applies.
    func run(_ relativePath: String) -> LintResult {
        Linter.run(LintOptions(paths: [packageRoot.appendingPathComponent(relativePath).path]))
    }

    /// Compact output with paths relative to the package root.
    func compact(_ result: LintResult) -> String {
        result.compact.replacingOccurrences(of: packageRoot.path + "/", with: "")
    }

    func expected(_ relativePath: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    func testTutorialIsClean() throws {
        let result = run("Samples/tutorial")
        XCTAssertEqual(compact(result), try expected("Samples/tutorial/expected.txt"))
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.exitStatus, 0)
    }

    func testShopIsCleanAndRealistic() throws {
        let result = run("Samples/shop")
        XCTAssertEqual(compact(result), try expected("Samples/shop/expected.txt"))
        XCTAssertEqual(result.findings, [])
        let schema = LintContext(files: result.files.map { SchemaDecoder.decode(path: $0.path, bytes: $0.bytes) }).schema
        XCTAssertGreaterThanOrEqual(schema.models.count, 20)
        XCTAssertGreaterThan(result.files.count, 2, "split over several files")
        let kinds = Set(schema.associations.map(\.kind))
        XCTAssertEqual(kinds, Set(AssociationKind.allCases))
        XCTAssertTrue(schema.associations.contains { $0.isSelf }, "a self-association")
        XCTAssertTrue(schema.associations.contains { $0.hasAlias })
        XCTAssertTrue(schema.associations.contains { $0.foreignKeyIsExplicit })
        XCTAssertTrue(schema.models.values.contains { $0.decl.underscored })
        XCTAssertTrue(schema.associations.contains { association in
            if case .through(let name) = association.foreignKeyHolder { return schema.models[name] != nil }
            return false
        }, "a junction model")
    }

    func testExpressAppCodeGivesTheSingularGetter() throws {
        let result = run("Samples/express-app")
        XCTAssertEqual(compact(result), try expected("Samples/express-app/expected.txt"))
        XCTAssertEqual(result.ruleIDs, ["has-many-singular-getter"])
        XCTAssertEqual(result.notes, [], "everything in the app is read")
        // The models (two styles) and the route; not the loader, app.js or package.json.
        XCTAssertEqual(result.files.map { $0.path.components(separatedBy: "express-app/").last ?? "" }.sorted(),
                       ["src/models/customer.js", "src/models/item.js", "src/models/order.js", "src/routes/orders.js"])
    }

    /// Each quiz file is one wrong answer (Samples/quiz/README.md) and gives exactly its finding.
    static let quiz = [
        "q2-belongs-to-on-the-wrong-model.yaml": "reversed-belongs-to",
        "q2-has-many-on-the-wrong-model.yaml": "reversed-has-many",
        "q2-has-many-without-belongs-to.yaml": "missing-inverse",
        "q4-singular-getter.yaml": "has-many-singular-getter",
        "q5-reversed-pair.yaml": "reversed-belongs-to",
        "q5-has-many-for-one-to-one.yaml": "has-many-for-one-to-one",
    ]

    func testEachQuizFileGivesExactlyItsFinding() throws {
        let folder = packageRoot.appendingPathComponent("Samples/quiz")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(Set(files), Set(Self.quiz.keys))
        let expectedLines = try expected("Samples/quiz/expected.txt").split(separator: "\n").map(String.init)
        for (file, rule) in Self.quiz {
            let result = run("Samples/quiz/\(file)")
            XCTAssertEqual(result.ruleIDs, [rule], compact(result))
            XCTAssertEqual(compact(result).split(separator: "\n").map(String.init),
                           expectedLines.filter { $0.hasPrefix("Samples/quiz/\(file):") }, file)
        }
    }

    func testTheQuizFolderReportsEachMistakeOnce() throws {
        let result = run("Samples/quiz")
        XCTAssertEqual(compact(result), try expected("Samples/quiz/expected.txt"))
        XCTAssertEqual(result.findings.count, Self.quiz.count, compact(result))
        XCTAssertEqual(Set(result.findings.map(\.location.path).map { URL(fileURLWithPath: $0).lastPathComponent }), Set(Self.quiz.keys))
        // The README names every file and its finding.
        let readme = try expected("Samples/quiz/README.md")
        for (file, rule) in Self.quiz {
            XCTAssertTrue(readme.contains("| `\(file)` |") && readme.contains("`\(rule)`"), file)
        }
    }

    /// Each pitfalls file is named after the rule it shows, and gives that rule's findings only;
    /// every rule of issue 9's catalog has a file.
    func testEachPitfallFileGivesItsRule() throws {
        let folder = packageRoot.appendingPathComponent("Samples/pitfalls")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let rules = Set(files.map { String($0.dropLast(5)) })
        XCTAssertTrue(rules.isSubset(of: Set(RuleCatalog.shared.ids)), "\(rules.subtracting(RuleCatalog.shared.ids))")
        XCTAssertEqual(rules, [
            "duplicate-alias", "alias-attribute-collision", "unknown-target-key", "unknown-source-key",
            "duplicate-association", "alias-number", "self-many-to-many-keys", "through-mismatch",
            "through-table-name", "foreign-key-type-mismatch", "ignored-option", "cascade-to-parent",
            "paranoid-cascade", "conflicting-on-delete", "set-null-not-nullable", "shadowed-accessor",
            "has-one-not-unique", "inflection-surprise",
        ])
        let expectedLines = try expected("Samples/pitfalls/expected.txt").split(separator: "\n").map(String.init)
        for file in files {
            let result = run("Samples/pitfalls/\(file)")
            XCTAssertEqual(Set(result.ruleIDs), [String(file.dropLast(5))], compact(result))
            XCTAssertEqual(compact(result).split(separator: "\n").map(String.init),
                           expectedLines.filter { $0.hasPrefix("Samples/pitfalls/\(file):") }, file)
        }
        let whole = run("Samples/pitfalls")
        XCTAssertEqual(compact(whole), try expected("Samples/pitfalls/expected.txt"))
        let readme = try expected("Samples/pitfalls/README.md")
        for file in files { XCTAssertTrue(readme.contains("`\(file)`"), file) }
    }
}
