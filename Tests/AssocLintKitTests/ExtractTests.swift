import Foundation
import XCTest
@testable import AssocLintKit

/// `assoclint extract`: the YAML it writes reads back as the same names, and linting it gives
/// the findings linting the code gives, by rule and declaration.
final class ExtractTests: XCTestCase {
    /// "rule path:line" of each finding, for comparing code and its extracted YAML.
    typealias Spot = String

    func lintCode(_ style: String) -> (result: LintResult, yaml: String) {
        var options = LintOptions(paths: [style])
        options.workingDirectory = fixtureURL("code").path
        let extracted = ProjectExtractor.run(options)
        return (extracted.result, extracted.yaml ?? "")
    }

    /// The code place a line of extracted YAML came from: its `# path:line` comment, else the
    /// nearest one above (an option written on the call's line).
    static func codePlace(ofLine line: Int, in yaml: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var index = min(line, lines.count) - 1
        while index >= 0 {
            let text = lines[index]
            if let range = text.range(of: "  # ", options: .backwards) {
                var comment = text[range.upperBound...]
                if let reason = comment.range(of: " -- ") { comment = comment[reason.upperBound...] }
                if comment.contains(":"), !comment.hasPrefix("not understood") { return String(comment) }
            }
            index -= 1
        }
        return nil
    }

    func spots(ofYAML yaml: String) -> [Spot] {
        let result = Linter.lint([LintInput(path: "extracted.yaml", bytes: Array(yaml.utf8), isExplicit: true)])
        return result.findings.map { "\($0.ruleID) \(Self.codePlace(ofLine: $0.location.line, in: yaml) ?? "?")" }.sorted()
    }

    func testExtractedYAMLLintsLikeTheCode() {
        for style in CodeFrontEndTests.styles {
            let (result, yaml) = lintCode(style)
            let code = result.findings.filter { !ProjectExtractor.codeOnlyRules.contains($0.ruleID) }
                .map { "\($0.ruleID) \($0.location.path):\($0.location.line)" }.sorted()
            XCTAssertFalse(code.isEmpty, style)
            XCTAssertEqual(spots(ofYAML: yaml), code, "\(style):\n\(yaml)")
        }
    }

    func testEveryDeclarationCarriesItsPlace() throws {
        let (_, yaml) = lintCode("define")
        XCTAssertTrue(yaml.contains("  User:  # define/models/user.js:4\n"), yaml)
        XCTAssertTrue(yaml.contains("      email:  # define/models/user.js:5\n"), yaml)
        XCTAssertTrue(yaml.contains("      - hasMany: Post  # define/models/user.js:10\n"), yaml)
        // The code's suppression comment is carried over to the declaration's line.
        XCTAssertTrue(yaml.contains("      - { belongsTo: User }  # assoclint-disable-line missing-inverse -- define/models/comment.js:13\n"), yaml)
    }

    func testUnknownAndIgnoredOptionsAreCarriedOver() throws {
        // Found in a real project: a lower-case `foreignkey`, which Sequelize ignores.
        let directory = try temporaryDirectory()
        try """
        const A = sequelize.define('A', { bId: DataTypes.INTEGER }), B = sequelize.define('B', {});
        B.hasMany(A, {
          foreignkey: 'bId',
        });
        A.belongsTo(B, { foreignKey: 'bId', allowNull: false });
        """.write(to: directory.appendingPathComponent("models.js"), atomically: true, encoding: .utf8)
        var options = LintOptions(paths: ["."])
        options.workingDirectory = directory.path
        let extracted = ProjectExtractor.run(options)
        let yaml = try XCTUnwrap(extracted.yaml)
        let code = extracted.result.findings.map { "\($0.ruleID) \($0.location.path):\($0.location.line)" }.sorted()
        XCTAssertEqual(code, ["foreign-key-mismatch models.js:2", "ignored-option models.js:5", "invalid-declaration models.js:3"], extracted.result.compact)
        XCTAssertEqual(spots(ofYAML: yaml), code, yaml)
    }

    func testWhatIsNotUnderstoodIsListedAndMarked() throws {
        let directory = try temporaryDirectory()
        try """
        const A = sequelize.define('A', {});
        const B = sequelize.define('B', {});
        A.hasMany(models[name]);
        B.belongsTo(A);
        """.write(to: directory.appendingPathComponent("a.js"), atomically: true, encoding: .utf8)
        var options = LintOptions(paths: ["."])
        options.workingDirectory = directory.path
        let extracted = ProjectExtractor.run(options)
        let yaml = try XCTUnwrap(extracted.yaml)
        XCTAssertTrue(yaml.contains("# not understood: a.js:3:1: A.hasMany(…): a target that is not a model known statically\n"), yaml)
        XCTAssertTrue(yaml.contains("  A:  # a.js:1\n    incomplete: true"), yaml)
        XCTAssertEqual(extracted.result.notes, ["a.js:3:1: not understood, left out: A.hasMany(…): a target that is not a model known statically"])
        // Neither the code nor its YAML report B.belongsTo(A) as missing its inverse: A's unread call may be it.
        XCTAssertEqual(extracted.result.findings.map(\.ruleID), [])
        XCTAssertEqual(spots(ofYAML: yaml), [])
    }

    /// Names that YAML would read as something else, or that need escapes, read back unchanged.
    func testAnyNameReadsBackUnchanged() throws {
        let names = ["yes", "No", "null", "~", "true", "OFF", "y", "123", "0x1F", "1e3", "-dash", "a: b", "a #b", "# hash",
                     "trailing ", " leading", "tab\there", "new\nline", "quote\"d", "back\\slash", "'single'", "Ünïcödé", "日本",
                     "emoji 🎉", "", "[x]", "{y}", "a, b", "*star", "&amp", "!bang", "%pct", "@at", "`tick`", "|pipe", ">gt",
                     "?q", "-", ".", "...", "---", "\u{2028}sep", "\u{85}nel", "bell\u{7}", "nbsp\u{A0}x", "\u{FEFF}bom", "x:y", "DECIMAL(10, 2)"]
        let file = SchemaFile(path: "a.js")
        var files = [file]
        for (index, name) in names.enumerated() {
            let model = ModelDecl(name: name, path: "a.js", mark: SourceMark(line: index + 1, column: 1))
            model.tableName = name
            model.declaresAttributes = true
            var attribute = AttributeDecl(name: name, mark: model.mark)
            attribute.type = "STRING"
            attribute.field = name
            attribute.references = AttributeReference(model: name, key: name, mark: model.mark)
            model.attributes = [attribute]
            let association = AssociationDecl(kind: .hasMany, source: name, target: name, path: "a.js", mark: model.mark, targetMark: model.mark)
            association.alias = .object(singular: name, plural: name + "s")
            association.foreignKey = name
            association.foreignKeyAllowNull = false
            let junction = AssociationDecl(kind: .belongsToMany, source: name, target: name, path: "a.js", mark: model.mark, targetMark: model.mark)
            junction.through = name
            junction.alias = .string(name)
            model.associations = [association, junction]
            model.methods = [MethodDecl(name: name, mark: model.mark)]
            files[0].models.append(model)
            files[0].usages.append(UsageDecl(model: name.replacingOccurrences(of: ".", with: ""), method: "get", path: "a.js", mark: model.mark))
        }
        // Line suppressions force the one-line (flow) form of an entry: its scalars too.
        let directive = SuppressionDirective(scope: .nextLine, word: "assoclint-disable-next-line", rules: [.init(rule: "missing-inverse", column: 1)],
                                             path: "a.js", mark: SourceMark(line: 1, column: 1))
        let yaml = ModelFileWriter.render(files, suppressions: [directive])
        let decoded = SchemaDecoder.decode(path: "x.yaml", bytes: Array(yaml.utf8))
        XCTAssertEqual(decoded.yamlIssues.map(\.message), [], yaml)
        let readBack = decoded.models.filter { !$0.name.isEmpty }
        let expected = names.filter { !$0.isEmpty }
        XCTAssertEqual(readBack.map(\.name), expected, yaml)
        for model in readBack {
            XCTAssertEqual(model.tableName, model.name)
            XCTAssertEqual(model.attributes.map(\.name), [model.name])
            XCTAssertEqual(model.attributes.first?.field, model.name)
            XCTAssertEqual(model.attributes.first?.references?.model, model.name)
            XCTAssertEqual(model.attributes.first?.references?.key, model.name)
            XCTAssertEqual(model.associations.map(\.target), [model.name, model.name])
            XCTAssertEqual(model.associations.first?.foreignKey, model.name)
            XCTAssertEqual(model.associations.first?.alias, .object(singular: model.name, plural: model.name + "s"))
            XCTAssertEqual(model.associations.last?.through, model.name)
            XCTAssertEqual(model.associations.last?.alias, .string(model.name))
            XCTAssertEqual(model.methods.map(\.name), [model.name])
        }
    }
}
