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
