import XCTest
@testable import AssocLintKit

/// The JavaScript/TypeScript tokenizer: what a tolerant reader of model files must skip exactly,
/// with lines and columns, and never a crash or a stall on any input.
final class JSTokenizerTests: XCTestCase {
    func tokens(_ source: String) -> [JSToken] { JSTokenizer.tokenize(Array(source.utf8)) }

    /// `kind:text` for each token, comments left out unless asked for.
    func shapes(_ source: String, comments: Bool = false) -> [String] {
        tokens(source).filter { comments || $0.kind != .comment }.map { "\($0.kind):\($0.text)" }
    }

    func testACallWithAnOptionsObject() {
        XCTAssertEqual(shapes("User.hasMany(models.Post, { foreignKey: 'userId', as: \"posts\" });"), [
            "identifier:User", "punctuator:.", "identifier:hasMany", "punctuator:(", "identifier:models", "punctuator:.",
            "identifier:Post", "punctuator:,", "punctuator:{", "identifier:foreignKey", "punctuator::", "string:userId",
            "punctuator:,", "identifier:as", "punctuator::", "string:posts", "punctuator:}", "punctuator:)", "punctuator:;",
        ])
    }

    func testLinesAndColumns() {
        let list = tokens("const a = 1;\n  // note\n\tb?.c(`x`)\r\nd")
        let marks = list.map { "\($0.text)@\($0.mark.line):\($0.mark.column)" }
        XCTAssertEqual(marks, ["const@1:1", "a@1:7", "=@1:9", "1@1:11", ";@1:12", " note@2:3", "b@3:2", "?.@3:3", "c@3:5", "(@3:6", "x@3:7", ")@3:10", "d@4:1"])
        XCTAssertEqual(list.map(\.followsLineBreak), [false, false, false, false, false, true, true, false, false, false, false, false, true])
    }

    func testCommentsAreKeptForSuppressions() {
        XCTAssertEqual(shapes("a // assoclint-disable-line reversed-belongs-to\n/* assoclint-disable-file x */ b", comments: true), [
            "identifier:a", "comment: assoclint-disable-line reversed-belongs-to", "comment: assoclint-disable-file x ", "identifier:b",
        ])
    }

    func testStringsDecodeTheirEscapes() {
        XCTAssertEqual(shapes(#"'it\'s' "a\"b" 'tab\tend' 'back\\slash'"#), ["string:it's", "string:a\"b", "string:tab\tend", #"string:back\slash"#])
    }

    func testTemplatesWithNestedSubstitutions() {
        // `a${ {b: `c${d}`}.b }e`: a template inside an object inside a substitution.
        XCTAssertEqual(shapes("x = `a${ {b: `c${d}`}.b }e`; y"), [
            "identifier:x", "punctuator:=", "template:a", "punctuator:{", "identifier:b", "punctuator::", "template:c",
            "identifier:d", "template:", "punctuator:}", "punctuator:.", "identifier:b", "template:e", "punctuator:;", "identifier:y",
        ])
    }

    func testRegexOrDivisionByWhatComesBefore() {
        XCTAssertEqual(shapes("a = b / c / d"), ["identifier:a", "punctuator:=", "identifier:b", "punctuator:/", "identifier:c", "punctuator:/", "identifier:d"])
        XCTAssertEqual(shapes("x = /ab[/]c\\/d/gi.test(s)"), ["identifier:x", "punctuator:=", "regex:/ab[/]c\\/d/", "punctuator:.", "identifier:test", "punctuator:(", "identifier:s", "punctuator:)"])
        XCTAssertEqual(shapes("return /x/"), ["identifier:return", "regex:/x/"])
        XCTAssertEqual(shapes("f(a) / 2"), ["identifier:f", "punctuator:(", "identifier:a", "punctuator:)", "punctuator:/", "number:2"])
    }

    func testNumbersPunctuatorsAndDecorators() {
        XCTAssertEqual(shapes("0x1F 1_000n 1.5e-3 .5 a?.b ?? c ...d => @Table #x"), [
            "number:0x1F", "number:1_000n", "number:1.5e-3", "number:.5", "identifier:a", "punctuator:?.", "identifier:b",
            "punctuator:??", "identifier:c", "punctuator:...", "identifier:d", "punctuator:=>", "punctuator:@", "identifier:Table",
            "punctuator:#", "identifier:x",
        ])
        XCTAssertEqual(shapes("a?.5:b"), ["identifier:a", "punctuator:?", "number:.5", "punctuator::", "identifier:b"])
    }

    func testUnicodeIdentifiersAndAByteOrderMark() {
        let list = JSTokenizer.tokenize([0xEF, 0xBB, 0xBF] + Array("const café = 'ü'".utf8))
        XCTAssertEqual(list.map(\.text), ["const", "café", "=", "ü"])
        XCTAssertEqual(list.first?.mark, SourceMark(line: 1, column: 1))
    }

    func testUnclosedConstructsEndAtTheEndAndAreFlagged() {
        for source in ["'abc", "`abc ${ x", "/* never closed", "x = /abc", "`a"] {
            let list = tokens(source)
            XCTAssertTrue(list.contains(where: \.unterminated), "\(source): \(list)")
        }
        // A string cannot span lines: the next line is read as code again.
        XCTAssertEqual(shapes("'abc\nnext"), ["string:abc", "identifier:next"])
        XCTAssertEqual(shapes("#!/usr/bin/env node\nx", comments: true), ["comment:/usr/bin/env node", "identifier:x"])
    }

    func testAnyBytesEndWithoutACrash() {
        var generator = SystemRandomNumberGenerator()
        let interesting = Array("`${}'\"/\\*\n\r{}[]()?.@#0xe+-".utf8) + [0xC3, 0xA9, 0xFF, 0x80, 0xF0]
        for _ in 0..<500 {
            let length = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<length).map { _ in interesting.randomElement(using: &generator) ?? 0 }
            let list = JSTokenizer.tokenize(bytes)
            // Every token starts inside the input, in order.
            XCTAssertTrue(list.allSatisfy { $0.mark.line >= 1 && $0.mark.column >= 1 })
            XCTAssertEqual(list.map(\.mark), list.map(\.mark).sorted(), String(decoding: bytes, as: UTF8.self))
        }
    }
}
