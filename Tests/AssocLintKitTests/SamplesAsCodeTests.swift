import Foundation
import XCTest
@testable import AssocLintKit

/// The YAML samples written as Sequelize code (one `sequelize.define` script per YAML file,
/// associations in `X.associate = (models) => { ... }`, methods on the prototype, usages on
/// instances from `findByPk`): linting the code gives the samples' findings, by rule and
/// declaration. This runs the code front end over every option the samples use.
final class SamplesAsCodeTests: XCTestCase {
    /// A rendered file: its source and, for each declaration, the line it starts on.
    struct Rendered {
        var path: String
        var source = ""
        var line = 0
        var declarations: [(line: Int, key: String)] = []

        mutating func emit(_ text: String, declaring key: String? = nil) {
            line += 1
            if let key { declarations.append((line, key)) }
            source += text + "\n"
        }
    }

    static func js(_ text: String) -> String {
        var result = "'"
        for character in text.unicodeScalars {
            switch character {
            case "'": result += "\\'"
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "'"
    }

    static func declarationKeys(_ file: SchemaFile) -> [(line: Int, key: String)] {
        var keys: [(line: Int, key: String)] = []
        for model in file.models {
            keys.append((model.mark.line, "model \(model.name)"))
            for attribute in model.attributes { keys.append((attribute.mark.line, "attribute \(model.name).\(attribute.name)")) }
            for (index, association) in model.associations.enumerated() { keys.append((association.mark.line, "association \(model.name)#\(index)")) }
            for method in model.methods { keys.append((method.mark.line, "method \(model.name).\(method.name)")) }
        }
        for (index, usage) in file.usages.enumerated() { keys.append((usage.mark.line, "usage #\(index) \(usage.call)")) }
        return keys.sorted { $0.line < $1.line }
    }

    static func render(_ file: SchemaFile, path: String) -> Rendered {
        var out = Rendered(path: path)
        out.emit("'use strict';")
        var variables: [String: String] = [:]
        for (index, model) in file.models.enumerated() { variables[model.name] = "M\(index)" }
        for model in file.models {
            let variable = variables[model.name] ?? "M"
            out.emit("const \(variable) = sequelize.define(\(js(model.name)), {", declaring: "model \(model.name)")
            for attribute in model.attributes {
                var options: [String] = []
                if let type = attribute.type { options.append("type: \(js(type))") }
                if let allowNull = attribute.allowNull { options.append("allowNull: \(allowNull)") }
                if attribute.primaryKey { options.append("primaryKey: true") }
                switch attribute.unique {
                case .unique: options.append("unique: true")
                case .compositeIndex(let name): options.append("unique: \(js(name))")
                case .notUnique: break
                }
                if let field = attribute.field { options.append("field: \(js(field))") }
                if let references = attribute.references {
                    options.append("references: { model: \(js(references.model))\(references.key.map { ", key: \(js($0))" } ?? "") }")
                }
                out.emit("  \(js(attribute.name)): { \(options.joined(separator: ", ")) },", declaring: "attribute \(model.name).\(attribute.name)")
            }
            var options: [String] = []
            if let table = model.tableName { options.append("tableName: \(js(table))") }
            if model.underscored { options.append("underscored: true") }
            if model.freezeTableName { options.append("freezeTableName: true") }
            if model.paranoid { options.append("paranoid: true") }
            if !model.timestamps { options.append("timestamps: false") }
            if model.deletedAtDisabled { options.append("deletedAt: false") }
            if model.singularName != nil || model.pluralName != nil {
                options.append("name: { \([("singular", model.singularName), ("plural", model.pluralName)].compactMap { key, value in value.map { "\(key): \(js($0))" } }.joined(separator: ", ")) }")
            }
            if !model.uniqueIndexFields.isEmpty {
                options.append("indexes: [\(model.uniqueIndexFields.sorted().map { "{ unique: true, fields: [\(js($0))] }" }.joined(separator: ", "))]")
            }
            out.emit("}, { \(options.joined(separator: ", ")) });")
            if !model.associations.isEmpty {
                out.emit("\(variable).associate = (models) => {")
                for (index, association) in model.associations.enumerated() {
                    out.emit("  \(variable).\(association.kind.rawValue)(models[\(js(association.target))]\(associationOptions(association)));",
                             declaring: "association \(model.name)#\(index)")
                }
                out.emit("};")
            }
            for method in model.methods {
                out.emit("\(variable).prototype.\(method.name) = function () {};", declaring: "method \(model.name).\(method.name)")
            }
        }
        for (index, usage) in file.usages.enumerated() {
            out.emit("async function use\(index)() {")
            out.emit("  const model = sequelize.model(\(js(usage.model)));")
            out.emit("  const instance = await model.findByPk(1);")
            out.emit("  return instance.\(usage.method)();", declaring: "usage #\(index) \(usage.call)")
            out.emit("}")
        }
        return out
    }

    static func associationOptions(_ association: AssociationDecl) -> String {
        var options: [String] = []
        switch association.alias {
        case .string(let alias)?: options.append("as: \(js(alias))")
        case .object(let singular, let plural)?:
            options.append("as: { \([("singular", singular), ("plural", plural)].compactMap { key, value in value.map { "\(key): \(js($0))" } }.joined(separator: ", ")) }")
        case nil: break
        }
        var keyParts: [String] = []
        if let allowNull = association.foreignKeyAllowNull { keyParts.append("allowNull: \(allowNull)") }
        if association.foreignKeyUnique == .unique { keyParts.append("unique: true") }
        let misplacedKeyType = association.misplacedOptions.contains { $0.name == "keyType" }
        if let type = association.foreignKeyType, !misplacedKeyType { keyParts.append("type: \(js(type.value))") }
        if keyParts.isEmpty {
            if let key = association.foreignKey { options.append("foreignKey: \(js(key))") }
        } else {
            if let key = association.foreignKey { keyParts.insert("name: \(js(key))", at: 0) }
            options.append("foreignKey: { \(keyParts.joined(separator: ", ")) }")
        }
        if let key = association.sourceKey { options.append("sourceKey: \(js(key))") }
        if let key = association.targetKey { options.append("targetKey: \(js(key))") }
        if let key = association.otherKey { options.append("otherKey: \(js(key))") }
        let throughExtras = association.misplacedOptions.filter { $0.place == .through }.map { "\($0.name): 'x'" }
        if let through = association.through {
            options.append(throughExtras.isEmpty ? "through: \(js(through))" : "through: { model: \(js(through)), \(throughExtras.joined(separator: ", ")) }")
        }
        if let action = association.onDelete { options.append("onDelete: \(js(action.value))") }
        if let action = association.onUpdate { options.append("onUpdate: \(js(action.value))") }
        if let flag = association.constraints { options.append("constraints: \(flag.value)") }
        if let flag = association.hooks { options.append("hooks: \(flag.value)") }
        if association.hasScope { options.append("scope: { kind: 'x' }") }
        for option in association.misplacedOptions where option.place != .through {
            if option.name == "keyType", let type = association.foreignKeyType {
                options.append("keyType: \(js(type.value))")
            } else {
                options.append("\(option.name): false")
            }
        }
        return options.isEmpty ? "" : ", { \(options.joined(separator: ", ")) }"
    }

    /// The declaration a finding's line belongs to: the last one starting on or before it.
    static func key(of line: Int, in declarations: [(line: Int, key: String)]) -> String {
        declarations.last { $0.line <= line }?.key ?? "file"
    }

    func compare(_ sample: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = packageRoot.appendingPathComponent(sample)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var yamlInputs: [LintInput] = []
        var codeInputs: [LintInput] = []
        var yamlKeys: [String: [(line: Int, key: String)]] = [:]
        var codeKeys: [String: [(line: Int, key: String)]] = [:]
        for name in names {
            let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(name)))
            let decoded = SchemaDecoder.decode(path: name, bytes: bytes)
            // Declarations YAML cannot get right are YAML's to report (invalid-declaration).
            guard decoded.problems.isEmpty, decoded.yamlIssues.isEmpty, decoded.isModelFile else { continue }
            let codePath = "/project/" + name.replacingOccurrences(of: ".yaml", with: ".js")
            let rendered = Self.render(decoded, path: codePath)
            yamlInputs.append(LintInput(path: name, bytes: bytes, isExplicit: true))
            codeInputs.append(LintInput(path: codePath, bytes: Array(rendered.source.utf8), isExplicit: true))
            yamlKeys[name] = Self.declarationKeys(decoded)
            codeKeys[codePath] = rendered.declarations
        }
        XCTAssertFalse(yamlInputs.isEmpty, sample, file: file, line: line)
        var config = ProjectConfig(path: "/project/.assoclint.yml")
        for rule in RuleCatalog.optIn { config.severities[rule] = .warning }
        let yaml = Linter.lint(yamlInputs, config: config)
        let code = Linter.lint(codeInputs, config: config)
        XCTAssertEqual(code.notes, [], "\(sample): the rendered code is read completely", file: file, line: line)
        func spots(_ result: LintResult, _ keys: [String: [(line: Int, key: String)]]) -> [String] {
            result.findings.map { finding in
                "\(finding.ruleID) \(finding.location.path.split(separator: "/").last.map(String.init) ?? ""): \(Self.key(of: finding.location.line, in: keys[finding.location.path] ?? []))"
                    .replacingOccurrences(of: ".js:", with: ".yaml:")
            }.sorted()
        }
        XCTAssertEqual(spots(code, codeKeys), spots(yaml, yamlKeys), "\(sample):\n\(codeInputs.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n"))", file: file, line: line)
        // And what extract writes of that code lints like it too, mapped back through its comments.
        let extracted = ModelFileWriter.render(code.context?.files ?? [], suppressions: code.context?.suppressionDirectives ?? [])
        let relinted = Linter.lint([LintInput(path: "extracted.yaml", bytes: Array(extracted.utf8), isExplicit: true)], config: config)
        let extractedSpots = relinted.findings.map { finding -> String in
            let place = ExtractTests.codePlace(ofLine: finding.location.line, in: extracted) ?? "?"
            let (path, codeLine) = (String(place.split(separator: ":").first ?? ""), Int(place.split(separator: ":").last ?? "") ?? 0)
            return "\(finding.ruleID) \(path.split(separator: "/").last.map(String.init) ?? ""): \(Self.key(of: codeLine, in: codeKeys[path] ?? []))"
                .replacingOccurrences(of: ".js:", with: ".yaml:")
        }.sorted()
        XCTAssertEqual(extractedSpots, spots(code, codeKeys), "\(sample): extract then lint\n\(extracted)", file: file, line: line)
        // The quiz and the pitfalls are all mistakes; the tutorial and the shop are clean.
        let clean = sample.hasSuffix("tutorial") || sample.hasSuffix("shop")
        XCTAssertEqual(yaml.findings.allSatisfy { RuleCatalog.optIn.contains($0.ruleID) }, clean, "\(sample): \(yaml.compact)", file: file, line: line)
        XCTAssertGreaterThan(codeKeys.values.map(\.count).reduce(0, +), 10, "\(sample) is rendered", file: file, line: line)
    }

    func testQuizAsCode() throws { try compare("Samples/quiz") }
    func testPitfallsAsCode() throws { try compare("Samples/pitfalls") }
    func testShopAsCode() throws { try compare("Samples/shop") }
    func testTutorialAsCode() throws { try compare("Samples/tutorial") }
}
