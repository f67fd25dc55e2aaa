import XCTest
@testable import AssocLintKit

final class YAMLComposerTests: XCTestCase {
    func testMarksAreOneBasedForKeysAndValues() throws {
        let composed = YAMLComposer.compose("models:\n  Author:\n    tableName: authors\n")
        let root = try XCTUnwrap(composed.documents.first?.mapping)
        XCTAssertEqual(root[0].key.mark, SourceMark(line: 1, column: 1))
        let models = try XCTUnwrap(root[0].value.mapping)
        XCTAssertEqual(models[0].key.mark, SourceMark(line: 2, column: 3))
        let options = try XCTUnwrap(models[0].value.mapping)
        XCTAssertEqual(options[0].key.mark, SourceMark(line: 3, column: 5))
        XCTAssertEqual(options[0].value.mark, SourceMark(line: 3, column: 16))
        XCTAssertEqual(options[0].value.scalar, "authors")
        XCTAssertTrue(composed.issues.isEmpty)
    }

    func testAliasesResolveToTheAnchoredNodeAtTheAliasMark() throws {
        let composed = YAMLComposer.compose("a: &x [1, 2]\nb: *x\n")
        let root = try XCTUnwrap(composed.documents.first?.mapping)
        XCTAssertEqual(root[1].value.sequence?.compactMap(\.scalar), ["1", "2"])
        XCTAssertEqual(root[1].value.mark, SourceMark(line: 2, column: 4))
    }

    func testMergeKeysKeepExplicitKeysAndEarlierSources() throws {
        let text = """
        base: &base { underscored: true, tableName: base }
        other: &other { tableName: other, paranoid: true }
        model:
          <<: [*base, *other]
          tableName: mine
        """
        let composed = YAMLComposer.compose(text)
        let model = try XCTUnwrap(composed.documents.first?.mapping?[2].value.mapping)
        let values = Dictionary(uniqueKeysWithValues: model.map { ($0.name, $0.value.scalar ?? "") })
        XCTAssertEqual(values, ["underscored": "true", "tableName": "mine", "paranoid": "true"])
        XCTAssertFalse(model.contains { $0.name == "<<" })
    }

    func testMergeOfAScalarIsAnIssue() {
        let composed = YAMLComposer.compose("a:\n  <<: 3\n")
        XCTAssertEqual(composed.issues.first?.kind, .syntax)
        XCTAssertEqual(composed.issues.first?.mark.line, 2)
    }

    func testDuplicateKeysAreReportedAtTheSecondWithTheFirstMark() {
        let composed = YAMLComposer.compose("a: 1\nb: 2\na: 3\n")
        XCTAssertEqual(composed.issues.count, 1)
        XCTAssertEqual(composed.issues[0].kind, .duplicateKey(key: "a", firstMark: SourceMark(line: 1, column: 1)))
        XCTAssertEqual(composed.issues[0].mark, SourceMark(line: 3, column: 1))
    }

    func testDuplicateKeysInLargeMappingsUseTheIndex() {
        var text = (0..<40).map { "k\($0): v" }.joined(separator: "\n")
        text += "\nk7: again\nk39: again\n"
        let composed = YAMLComposer.compose(text)
        XCTAssertEqual(composed.issues.map(\.mark.line), [41, 42])
        XCTAssertEqual(composed.issues.first?.kind, .duplicateKey(key: "k7", firstMark: SourceMark(line: 8, column: 1)))
    }

    func testSyntaxErrorIsReportedAtTheProblemMark() {
        let composed = YAMLComposer.compose("models:\n  Author: [unclosed\n  Post: {}\n")
        XCTAssertEqual(composed.issues.first?.kind, .syntax)
        XCTAssertTrue(composed.isIncomplete)
        XCTAssertEqual(composed.issues.first?.mark.line, 3)
    }

    func testBillionLaughsIsRefusedQuickly() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        let names = "abcdefghij".map(String.init)
        for index in 1..<names.count {
            let previous = names[index - 1]
            text += "\(names[index]): &\(names[index]) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let started = Date()
        let composed = YAMLComposer.compose(text)
        XCTAssertEqual(composed.issues.last?.kind, .limit)
        XCTAssertTrue(composed.issues.last?.message.contains("alias") ?? false)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "must stop early, not expand")
    }

    func testDeepNestingIsRefusedWithoutOverflow() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let composed = YAMLComposer.compose(text)
        XCTAssertEqual(composed.issues.first?.kind, .limit)
        XCTAssertTrue(composed.issues.first?.message.contains("nesting") ?? false)
    }

    func testInvalidUTF8IsASyntaxIssueWithItsLine() {
        var bytes = Array("models:\n  A: {}\n  B: ".utf8)
        bytes += [0xFF, 0xFE, 0x41, 0x0A]
        let composed = YAMLComposer.compose(bytes)
        XCTAssertEqual(composed.issues.first?.kind, .syntax)
        XCTAssertEqual(composed.issues.first?.mark.line, 3)
        XCTAssertTrue(composed.issues.first?.message.contains("UTF-8") ?? false)
    }

    func testBOMAndCRLFKeepLineNumbers() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb:\r\n  c: 2\r\n".utf8)
        let composed = YAMLComposer.compose(bytes)
        XCTAssertTrue(composed.issues.isEmpty)
        let root = try XCTUnwrap(composed.documents.first?.mapping)
        XCTAssertEqual(root[0].key.mark, SourceMark(line: 1, column: 1))
        XCTAssertEqual(root[1].value.mapping?[0].key.mark, SourceMark(line: 3, column: 3))
    }

    func testEmptyInputHasNoDocument() {
        let composed = YAMLComposer.compose([UInt8]())
        XCTAssertTrue(composed.documents.isEmpty)
        XCTAssertTrue(composed.issues.isEmpty)
    }

    func testScalarInterpretation() throws {
        let composed = YAMLComposer.compose("a: true\nb: 'true'\nc: ~\nd: 6\ne:\n")
        let root = try XCTUnwrap(composed.documents.first?.mapping)
        XCTAssertEqual(root[0].value.bool, true)
        XCTAssertNil(root[1].value.bool, "a quoted 'true' is text")
        XCTAssertTrue(root[2].value.isNull)
        XCTAssertEqual(root[3].value.int, 6)
        XCTAssertTrue(root[4].value.isNull)
    }

    func testUnknownAliasIsAnIssue() {
        let composed = YAMLComposer.compose("a: *nope\n")
        XCTAssertFalse(composed.issues.isEmpty)
    }
}
