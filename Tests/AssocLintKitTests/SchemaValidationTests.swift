import Foundation
import XCTest
@testable import AssocLintKit

/// The editor schemas in schema/ (for yaml-language-server) are checked with Python's jsonschema
/// through Tests/Fixtures/validate_json.py: they accept the samples and the catalog's good examples,
/// reject the typical wrong shapes, and list exactly the keys the decoder knows.
/// Needs python3 with `pip install jsonschema pyyaml`; without them these tests fail.
final class SchemaValidationTests: XCTestCase {
    static let modelsSchema = "schema/assoclint-models.schema.json"
    static let configSchema = "schema/assoclint-config.schema.json"

    // MARK: model files

    func testSamplesValidate() throws {
        let samples = packageRoot.appendingPathComponent("Samples")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil))
        let files = enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" }
            .sorted { $0.path < $1.path }
        XCTAssertGreaterThanOrEqual(files.count, 10, "the samples: tutorial, quiz, shop")
        let run = try validate(Self.modelsSchema, files.map(\.path))
        for file in files {
            XCTAssertEqual(run.line(for: file.path), "ok \(file.path)", run.output)
        }
        XCTAssertEqual(run.status, 0, run.output)
    }

    func testGoodRuleExamplesValidate() throws {
        var texts: [(name: String, text: String)] = []
        for document in RuleCatalog.shared.documents {
            for (index, example) in document.goodExamples.enumerated() {
                texts.append(("\(document.id)-good-\(index + 1).yaml", example))
            }
        }
        XCTAssertGreaterThanOrEqual(texts.count, RuleCatalog.shared.documents.count, "a good example per rule")
        let run = try validate(Self.modelsSchema, texts: texts)
        for file in run.files {
            XCTAssertEqual(run.line(for: file), "ok \(file)", run.output)
        }
        XCTAssertEqual(run.status, 0, run.output)
    }

    /// Forms that are easy to get wrong in a schema: merge keys and anchors under `x-` keys, nulls,
    /// both forms of every option, several documents. The decoder accepts them without a problem,
    /// and so must the schema.
    func testUnusualValidFormsValidateAndDecodeCleanly() throws {
        let texts: [(name: String, text: String)] = [
            ("merges.yaml", """
            x-timestamps: &stamps
              createdAt: { type: DATE, allowNull: false }
              updatedAt: DATE
            x-author: &author
              belongsTo: Author
              foreignKey: { name: authorId, allowNull: false, unique: false, type: INTEGER }
            sequelize: 6
            models:
              Author:
                tableName: authors
                name: { singular: writer, plural: writers }
                freezeTableName: false
                createdAt: created
                updatedAt: false
                version: true
                indexes: [{ unique: true, fields: [email] }]
                whereMergeStrategy: and
                attributes:
                  <<: *stamps
                  email: { type: DataTypes.STRING, unique: { name: author_email, msg: taken } }
                  nick: { type: "varchar(20)", unique: nick_idx, field: nick_name, autoIncrement: false }
                associations:
                  - hasMany: Post
                    as: { singular: article, plural: articles }
                    foreignKey: authorId
                    sourceKey: id
                    onDelete: CASCADE
                    hooks: true
                    scope: { kind: post }
                  - belongsToMany: Tag
                    through: { model: AuthorTags, unique: false, scope: { a: 1 }, paranoid: true }
                    otherKey: { name: tagId }
                    timestamps: false
                    uniqueKey: author_tag
              Post:
                attributes:
                  authorId:
                    type: INTEGER
                    references: { model: { tableName: authors, schema: public }, key: id, deferrable: INITIALLY_DEFERRED }
                associations:
                  - <<: *author
                    as: author
                    targetKey: id
                    constraints: false
                    foreignKeyConstraint: true
                  - hasOne: Cover
                    keyType: UUID
              Cover:
              Tag: {}
              AuthorTags:
                attributes:
                associations:
            usages:
              - Author.getArticles
              - post.getAuthor()
              - { call: Author.countArticles, at: src/authors.js:1 }
              - call: Author.getTags

            """),
            ("nulls.yaml", "models:\nusages:\n"),
            ("documents.yaml", "models:\n  A: {}\n---\nmodels:\n  B:\n    associations:\n      - belongsTo: A\n"),
        ]
        for (name, text) in texts {
            let decoded = SchemaDecoder.decode(path: name, bytes: Array(text.utf8))
            XCTAssertEqual(decoded.problems.map(\.message), [], name)
            XCTAssertEqual(decoded.yamlIssues.map(\.message), [], name)
        }
        let run = try validate(Self.modelsSchema, texts: texts)
        for file in run.files {
            XCTAssertEqual(run.line(for: file), "ok \(file)", run.output)
        }
        XCTAssertEqual(run.status, 0, run.output)
    }

    func testWrongShapesAreRejected() throws {
        // name, text, where the schema must report it, and whether assoclint's decoder reports it too.
        let cases: [(name: String, text: String, at: String, decoderReports: Bool)] = [
            ("misspelt-kind.yaml", """
            models:
              Author:
                associations:
                  - hasmany: Post
              Post: {}
            """, "/models/Author/associations/0", true),
            ("misspelt-option.yaml", """
            models:
              Author:
                associations:
                  - hasMany: Post
                    foriegnKey: authorId
              Post: {}
            """, "/models/Author/associations/0", true),
            ("two-kinds.yaml", """
            models:
              Author:
                associations:
                  - hasMany: Post
                    belongsTo: Post
              Post: {}
            """, "/models/Author/associations/0", true),
            ("associations-mapping.yaml", """
            models:
              Author:
                associations:
                  hasMany: Post
              Post: {}
            """, "/models/Author/associations", true),
            ("references-string.yaml", """
            models:
              User: {}
              Post:
                attributes:
                  UserId:
                    type: INTEGER
                    references: Users
            """, "/models/Post/attributes/UserId/references", true),
            ("as-number.yaml", """
            models:
              Author:
                associations:
                  - hasMany: Post
                    as: 42
              Post: {}
            """, "/models/Author/associations/0/as", true),
            ("unknown-model-option.yaml", """
            models:
              Author:
                tablename: authors
            """, "/models/Author", true),
            ("usage-text.yaml", """
            models:
              Author: {}
            usages: [justText]
            """, "/usages/0", true),
            ("sequelize-7.yaml", """
            sequelize: 7
            models:
              Author: {}
            """, "/sequelize", true),
            ("has-many-through.yaml", """
            models:
              Author:
                associations:
                  - hasMany: Post
                    through: AuthorPosts
              Post: {}
            """, "/models/Author/associations/0/through", true),
            ("belongs-to-many-without-through.yaml", """
            models:
              Author:
                associations:
                  - belongsToMany: Post
              Post: {}
            """, "/models/Author/associations/0", true),
            ("belongs-to-object-alias.yaml", """
            models:
              Post:
                associations:
                  - belongsTo: Author
                    as: { singular: author, plural: authors }
              Author: {}
            """, "/models/Post/associations/0/as", true),
            ("v7-option.yaml", """
            models:
              Author:
                associations:
                  - hasMany: Post
                    inverse: { as: author }
              Post: {}
            """, "/models/Author/associations/0/inverse", true),
            ("attribute-without-type.yaml", """
            models:
              Post:
                attributes:
                  title: { allowNull: false }
            """, "/models/Post/attributes/title", true),
            ("boolean-as-text.yaml", """
            models:
              Post:
                underscored: yes
            """, "/models/Post/underscored", true),
            ("association-text.yaml", """
            models:
              Post:
                associations:
                  - Comment
              Comment: {}
            """, "/models/Post/associations/0", true),
            ("unknown-top-level-key.yaml", """
            model:
              A: {}
            models:
              B: {}
            """, "/", true),
            ("usage-unknown-key.yaml", """
            models:
              A: {}
            usages:
              - { cal: A.getB }
            """, "/usages/0", true),
        ]
        for wrong in cases where wrong.decoderReports {
            let decoded = SchemaDecoder.decode(path: wrong.name, bytes: Array((wrong.text + "\n").utf8))
            XCTAssertFalse(decoded.problems.isEmpty, "assoclint should report \(wrong.name) too")
        }
        let run = try validate(Self.modelsSchema, texts: cases.map { ($0.name, $0.text + "\n") })
        for (file, wrong) in zip(run.files, cases) {
            let line = run.line(for: file) ?? "(no line)"
            XCTAssertTrue(line.hasPrefix("invalid \(file): \(wrong.at): "),
                          "\(wrong.name) should be invalid at \(wrong.at), got: \(line)")
        }
        XCTAssertEqual(run.status, 1, run.output)
    }

    // MARK: .assoclint.yml

    func testConfigSchema() throws {
        let good: [(name: String, text: String)] = [
            ("starter.yml", ProjectConfig.starter),
            ("rules.yml", """
            include: models/**/*.yaml
            exclude:
              - "models/legacy/**"
            sequelize: 6
            rules:
              missing-inverse: error
              unknown-accessor: off
              no-declarations: warning

            """),
        ]
        let bad: [(name: String, text: String, at: String)] = [
            ("bad-severity.yml", "rules: {missing-inverse: warn}\n", "/rules/missing-inverse"),
            ("bad-rule.yml", "rules: {no-such-rule: off}\n", "/rules"),
            ("bad-key.yml", "exlude: [\"vendor/**\"]\n", "/"),
            ("bad-version.yml", "sequelize: 7\n", "/sequelize"),
        ]
        let run = try validate(Self.configSchema, texts: good + bad.map { ($0.name, $0.text) })
        for file in run.files.prefix(good.count) {
            XCTAssertEqual(run.line(for: file), "ok \(file)", run.output)
            let loaded = ProjectConfig.load(path: file, displayPath: file, knownRules: RuleCatalog.shared.ids)
            XCTAssertEqual(loaded.errors.map(\.description), [], "assoclint accepts \(file)")
        }
        for (file, wrong) in zip(run.files.dropFirst(good.count), bad) {
            let line = run.line(for: file) ?? "(no line)"
            XCTAssertTrue(line.hasPrefix("invalid \(file): \(wrong.at): "),
                          "\(wrong.name) should be invalid at \(wrong.at), got: \(line)")
            let loaded = ProjectConfig.load(path: file, displayPath: file, knownRules: RuleCatalog.shared.ids)
            XCTAssertFalse(loaded.errors.isEmpty, "assoclint rejects \(wrong.name) too")
        }
        XCTAssertEqual(run.status, 1, run.output)
    }

    // MARK: the schemas follow the decoder

    /// The schemas list exactly the keys the decoder and the config loader know, so a key added to
    /// `Vocabulary` or a new rule cannot be forgotten here; every property has hover docs.
    func testSchemasListTheKnownKeys() throws {
        let models = try loadJSON(Self.modelsSchema)
        let definitions = try XCTUnwrap(models["definitions"] as? [String: Any])
        func keys(_ schema: Any?, _ path: String...) throws -> Set<String> {
            var node = schema
            for part in path { node = (node as? [String: Any])?[part] }
            return Set(try XCTUnwrap(node as? [String: Any], "no \(path.joined(separator: "."))").keys)
        }
        let kinds = Set(AssociationKind.allCases.map(\.rawValue))
        XCTAssertEqual(try keys(models, "properties"), Vocabulary.topLevelKeys)
        XCTAssertEqual(try keys(definitions, "model", "properties"), Vocabulary.modelKeys)
        XCTAssertEqual(try keys(definitions, "attribute", "properties"), Vocabulary.attributeKeys)
        XCTAssertEqual(try keys(definitions, "references", "properties"), Vocabulary.referencesKeys)
        XCTAssertEqual(try keys(definitions, "foreignKeyDefinition", "properties"), Vocabulary.foreignKeyKeys)
        XCTAssertEqual(try keys(definitions, "names", "properties"), Vocabulary.nameKeys)
        XCTAssertEqual(try keys(definitions, "usage", "properties"), Vocabulary.usageKeys)
        XCTAssertEqual(try keys(definitions, "association", "properties"),
                       Vocabulary.associationOptionKeys.union(kinds).union(Vocabulary.sequelize7OnlyAssociationKeys))
        XCTAssertEqual(try keys(definitions, "association", "properties", "as", "properties"), Vocabulary.nameKeys)
        XCTAssertEqual(try keys(definitions, "association", "properties", "through", "properties"),
                       Vocabulary.throughKeys.union(Vocabulary.misplacedThroughKeys))

        let config = try loadJSON(Self.configSchema)
        XCTAssertEqual(try keys(config, "properties"), ProjectConfig.keys)
        let rules = try XCTUnwrap((config["properties"] as? [String: Any])?["rules"] as? [String: Any])
        XCTAssertEqual((rules["propertyNames"] as? [String: Any])?["enum"] as? [String], RuleCatalog.shared.ids)
        XCTAssertEqual(try keys(rules, "properties"), Set(RuleCatalog.shared.ids))
        for (id, rule) in try XCTUnwrap(rules["properties"] as? [String: [String: Any]]) {
            XCTAssertEqual(rule["enum"] as? [String], ProjectConfig.severityValues, id)
        }

        for (name, schema) in [(Self.modelsSchema, models), (Self.configSchema, config)] {
            XCTAssertNotNil(schema["description"] as? String, name)
            XCTAssertEqual(undocumentedProperties(schema, root: schema), [], "\(name): properties without title or description")
        }
    }

    /// Paths of properties that have no title or description, themselves or through their `$ref`.
    func undocumentedProperties(_ node: Any, root: [String: Any], path: String = "#") -> [String] {
        var found: [String] = []
        if let object = node as? [String: Any] {
            for (key, value) in object {
                if key == "properties" || key == "patternProperties", let properties = value as? [String: Any] {
                    for (name, property) in properties {
                        guard var documented = property as? [String: Any] else { continue }  // `true`/`false`
                        if let ref = documented["$ref"] as? String, ref.hasPrefix("#/definitions/"),
                           let target = (root["definitions"] as? [String: Any])?[String(ref.dropFirst(14))] as? [String: Any] {
                            documented.merge(target) { own, _ in own }
                        }
                        if documented["title"] == nil || documented["description"] == nil {
                            found.append("\(path)/\(key)/\(name)")
                        }
                    }
                }
                found += undocumentedProperties(value, root: root, path: "\(path)/\(key)")
            }
        } else if let array = node as? [Any] {
            for (index, item) in array.enumerated() {
                found += undocumentedProperties(item, root: root, path: "\(path)/\(index)")
            }
        }
        return found.sorted()
    }

    // MARK: running validate_json.py

    func validate(_ schema: String, texts: [(name: String, text: String)]) throws -> SchemaValidation {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("assoclint-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (name, text) in texts {
            let file = directory.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            paths.append(file.path)
        }
        return try validate(schema, paths)
    }

    func validate(_ schema: String, _ files: [String]) throws -> SchemaValidation {
        try validateJSON(schema: schema, files: files)
    }

    func loadJSON(_ relativePath: String) throws -> [String: Any] {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent(relativePath))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], relativePath)
    }
}
