import XCTest
@testable import AssocLintKit

/// A large file is cut into parts decoded side by side. Wherever the cuts fall, and whatever the
/// file holds, the findings must be exactly those of reading it in one piece.
final class SplitFileTests: XCTestCase {
    func cuts(_ text: String) -> [String]? {
        SchemaFileParts.cutPoints(Array(text.utf8)).map { cuts in
            cuts.map { cut in
                let rest = text.utf8.dropFirst(cut.offset)
                return "\(cut.line)\(cut.inUsages ? "u" : "m"):" + String(decoding: rest.prefix { $0 != 10 }, as: UTF8.self)
            }
        }
    }

    func testCutsFallBeforeModelEntriesAfterTheFirstAndBeforeUsages() {
        let text = """
        sequelize: 6
        models:
          A:
            associations:
            - hasMany: B
        # a comment
          B: { attributes: { x: INTEGER } }
          C:
            tableName: cs
        usages:
          - A.getBs
          - { call: B.getA, at: x.js }
        """
        XCTAssertEqual(cuts(text), ["7m:  B: { attributes: { x: INTEGER } }", "8m:  C:", "11u:  - A.getBs", "12u:  - { call: B.getA, at: x.js }"])
    }

    func testUsagesAtTheKeysIndentationAreEntriesToo() {
        XCTAssertEqual(cuts("models:\n  A: {}\nusages:\n- A.getBs\n- A.getCs\n"), ["4u:- A.getBs", "5u:- A.getCs"])
    }

    func testFilesItDoesNotTrustAreReadInOnePiece() {
        XCTAssertNil(cuts("x-base: &base { type: INTEGER }\nmodels:\n  A:\n    attributes: { id: *base }\n  B: {}\n"), "aliases")
        XCTAssertNil(cuts("models:\r\n  A: {}\r\n  B: {}\r\n"), "CR")
        XCTAssertNil(cuts("models:\n  A: {}\nmodels:\n  B: {}\n"), "a repeated key")
        XCTAssertNil(cuts("models:\n  A: {}\n---\nmodels:\n  B: {}\n"), "a second document")
        XCTAssertNil(cuts("%YAML 1.1\n---\nmodels:\n  A: {}\n"), "a directive")
        XCTAssertNil(cuts("\"models\":\n  A: {}\n  B: {}\n"), "a quoted top-level key")
        XCTAssertNil(cuts("models:\n  A: {}\n  \"B\": {}\n"), "a quoted model name")
        XCTAssertNil(cuts("models:\n  Author:\n    attributes:\n  STRING"), "a stray scalar among the models")
        XCTAssertNil(cuts("models:\n  A:\n  - x\n  B: {}\n"), "a list at the models' indentation")
        XCTAssertNil(cuts("models:\n  A: {}\nusages:\n  A: b\n  - A.getBs\n"), "usages that start as a mapping")
        XCTAssertNil(cuts("Models:\n  A: {}\nusages:\n  - A.getBs\n  - A.getCs\n"), "no models: key (not a model file)")
        XCTAssertNil(cuts("models:\n  A: {}\nx: \"abc\nusages: #\"\n  - B.c\n"), "a top-level line that closes quoted text")
        XCTAssertEqual(cuts("usages:\n  - A.getBs\n  - A.getCs\nmodels:\n  A: {}\n  B: {}\n"), ["6m:  B: {}"], "usages before models are not cut")
        XCTAssertEqual(cuts("models: { A: {}, B: {} }\n"), [], "a flow mapping has no cut")
    }

    func testThePartsCarryTheirKeyAndLineNumbers() throws {
        let text = "models:\n  A: {}\n  B: {}\n  C: {}\nusages:\n  - A.getBs\n"
        let plan = try XCTUnwrap(SchemaFileParts(Array(text.utf8), count: 3))
        let rendered = plan.parts.map { part in
            String(decoding: part.prefix, as: UTF8.self) + "|" + String(decoding: Array(text.utf8)[part.range], as: UTF8.self) + "|\(part.lineOffset)"
        }
        XCTAssertEqual(rendered, ["|models:\n  A: {}\n  B: {}\n|0", "models:\n|  C: {}\nusages:\n|2", "models:\nusages:\n|  - A.getBs\n|3"])
    }

    /// Lints texts in one piece and cut into 2 to 4 parts (every file is split), and compares.
    func assertSplitMatches(_ texts: [String], file: StaticString = #filePath, line: UInt = #line) {
        let inputs = texts.enumerated().map { LintInput(path: "f\($0.offset).yaml", bytes: Array($0.element.utf8), isExplicit: true) }
        let whole = CompactReporter.render(Linter.lint(inputs, jobs: 1))
        for jobs in [2, 3, 4] {
            let split = CompactReporter.render(Linter.lint(inputs, jobs: jobs * texts.count, splitFilesFrom: 1))
            XCTAssertEqual(split, whole, "jobs \(jobs): \(texts)", file: file, line: line)
        }
    }

    func testSplitFilesGiveTheFindingsOfWholeOnes() {
        for seed in 0..<300 as Range<UInt64> {
            let texts = PropertyTests.schema(seed: seed * 7919 + 11)
            assertSplitMatches(texts)
            if seed % 10 == 0 {
                // The same files without a models: key, and with the usages before the models.
                assertSplitMatches(texts.map { $0.replacingOccurrences(of: "models:", with: "Models:") })
                assertSplitMatches(texts.map { text in
                    guard let usages = text.range(of: "usages:\n") else { return text }
                    return String(text[usages.lowerBound...]) + String(text[..<usages.lowerBound])
                })
            }
        }
    }

    func testCutsInsideMultiLineValuesFallBackToOnePiece() {
        assertSplitMatches(["""
        models:
          A: { attributes: { x: INTEGER },
          associations: [ { hasMany: B } ] }
          B:
            comment: "a long
          description"
            associations:
              - belongsTo: A
          C:
            comment: |
              text
            associations:
              - hasMany: Nowhere
        """])
    }

    func testLinesThatOnlyLookLikeEntriesAreNotCuts() {
        // Found by the fuzzer: cut before "  STRING", the second part parsed on its own.
        assertSplitMatches(["models:\n  Author:\n    attributes:\n  STRING"])
        assertSplitMatches(["models:\n  A: {}\nusages:\n  A: b\n  - A.getBs\n"])
        assertSplitMatches(["models:\n  A:\n  - x\n  B: {}\n"])
        // Found by the fuzzer: a file without models: (not a model file) whose usages were cut.
        assertSplitMatches(["Models:\n  Order: {}\nusages:\n  - call: Order.getItems\n    at: x.js\n  - Order.countItems\n"])
        // Keys that are really inside quoted text or a flow collection.
        assertSplitMatches(["models:\n  A: {}\nx: \"abc\nusages: #\"\n  - B.c\n"])
        assertSplitMatches(["x: \"abc\nmodels:\n  A: 1\n  B: 2\"\n"])
        assertSplitMatches(["models:\n  A: {}\nx: [a,\nusages:\n  - b ]\n  - c\n"])
        assertSplitMatches(["usages:\n  - A.getBs\n  - A.getCs\nmodels:\n  A: {}\n  B: { associations: [ { hasMany: A } ] }\n"])
    }

    /// Found by a review of the plan (each differed before the fix).
    func testLayoutsAReviewFound() {
        // YAML's other line breaks shift line numbers, or end a line where the plan sees none.
        assertSplitMatches(["models:\n  A: { comment: \"x\u{2028}y\" }\n  B: { associations: [ { hasMany: Nowhere } ] }\n"])
        assertSplitMatches(["models:\n  A: {} # note\u{85}\n  B: { associations: [ { hasMany: Nowhere } ] }\n"])
        assertSplitMatches(["models:\n  A: {}\u{2028}B:\n  C: { associations: [ { hasMany: Nowhere } ] }\n"])
        assertSplitMatches(["models:\n  A: {}\u{2029}B:\n  C: { associations: [ { hasMany: Nowhere } ] }\n"])
        // `foo :` is the key `foo`: a repeated top-level key.
        assertSplitMatches(["foo: 1\nmodels:\n  A: {}\n  B: {}\nfoo : 2\n"])
        assertSplitMatches(["sequelize: 6\nmodels:\n  A: {}\n  B: {}\nsequelize : 6\n"])
        // Quoted text that opens on an indented line and holds a column-0 `usages:` or `models:`.
        assertSplitMatches(["models:\n  B: {}\n  A:\n    associations:\n    - \"abc\nusages:\n    #\"\n    - hasMany: B\n"])
        assertSplitMatches(["models:\n  B: {}\n  A:\n    associations:\n    - 'abc\nusages:\n    #'\n    - hasMany: B\n"])
        assertSplitMatches(["models:\n  B: {}\n  A:\n    associations:\n    - \"abc\nusages:\n    - x" + String(repeating: "x", count: 500) + "\"\n    - hasMany: B\n"])
        assertSplitMatches(["models:\n  A: {}\nx:\n  \"abc\nusages:\n  #\"\n  - A.getBs\n"])
        // An indented root mapping: its keys are not at column 0.
        assertSplitMatches(["  models:\n    A:\n      attributes:\n        x: \"abc\nmodels:\n        y: \"\n        z: STRIN\n"])
    }

    /// Found by a second review (each differed before the fix).
    func testLayoutsASecondReviewFound() {
        // A quote that YAML reads as plain text, before a real opening quote on the same line.
        assertSplitMatches(["models:\n  B: {}\n  A:\n    associations:\n    - x:'y: \"abc'\nusages: #\"\n    - hasMany: Nowhere\n"])
        assertSplitMatches(["models:\n  B: {}\n  A:\n    associations:\n    - x\"y: 'abc\"\nusages: #'\n    - hasMany: Nowhere\n"])
        assertSplitMatches(["models:\n  B: {}\n  A:\n    associations:\n    - b 'c: 'd\nusages: #'\n    - hasMany: Nowhere\n"])
        // An explicit key without a value: its null is marked where the next token starts.
        assertSplitMatches(["models:\n  A:\n    attributes:\n      ? k\n  B: {}\n"])
        // Merge keys without aliases still count toward the expansion limit of the whole file.
        let bomb = { (name: String) in
            "  \(name):\n    tableName: " + String(repeating: "{<<: ", count: 201) + "{"
                + (0..<250).map { "a\($0): 1" }.joined(separator: ", ") + "}" + String(repeating: "}", count: 201) + "\n"
        }
        assertSplitMatches(["models:\n" + bomb("A") + bomb("B")])
    }

    func testQuotesThatCloseOnTheirLineStillAllowCuts() {
        XCTAssertEqual(cuts("models:\n  A: { comment: \"it's \\\"fine\\\"\" }  # a \"comment\n  B: { as: 'o''k' }\n")?.count, 1)
        XCTAssertNil(cuts("models:\n  A: { comment: \"two\n    lines\" }\n  B: {}\n"))
        XCTAssertEqual(cuts("models:\n  A:\n    comment: it's plain\n  B: {}\n")?.count, 1, "an apostrophe inside plain text opens nothing")
    }

    func testProblemsAndSyntaxErrorsKeepTheirLines() {
        assertSplitMatches(["models:\n  A:\n    associations:\n      - hasMany: B\n  B:\n    tableName: [x]\n  C:\n    bogus: 1\nusages:\n  - A.getB\n  - nope\n"])
        assertSplitMatches(["models:\n  A:\n    associations:\n      - hasMany: B\n  B:\n    associations: [\n  C: {}\n"])
        assertSplitMatches(["sequelize: 5\nmodels:\n  A: {}\n  A: {}\n  B:\n    attributes: { x: INTEGR }\n"])
    }
}
