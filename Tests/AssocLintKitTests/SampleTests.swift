import Foundation
import XCTest
@testable import AssocLintKit

/// Every sample's compact output is kept beside it (`expected.txt` for a directory,
/// `<name>.expected.txt` for a single file) and compared here.
final class SampleTests: XCTestCase {
    func run(_ relativePath: String) -> LintResult {
        Linter.lint(paths: [packageRoot.appendingPathComponent(relativePath).path])
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

    func testEachQuizFileProducesItsRule() throws {
        let folder = packageRoot.appendingPathComponent("Samples/quiz")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertEqual(files, ["has-many-for-one-to-one.yaml", "has-many-singular-getter.yaml", "missing-inverse.yaml", "reversed-belongs-to.yaml"])
        for file in files {
            let rule = String(file.dropLast(5))
            let result = run("Samples/quiz/\(file)")
            XCTAssertEqual(Set(result.ruleIDs), [rule], compact(result))
            XCTAssertEqual(compact(result), try expected("Samples/quiz/\(rule).expected.txt"), file)
        }
    }
}
