import XCTest
@testable import AssocLintKit

/// invalid-declaration, yaml-syntax and no-declarations, and the forms Sequelize accepts.
final class DeclarationTests: XCTestCase {
    func testMisspeltKindAndOptionGetDidYouMean() {
        let result = lint("""
        models:
          Order:
            associations:
              - hasmany: Item
              - hasMany: Item
                foriegnKey: orderId
          Item:
            associations: [ { belongsTo: Order } ]
        """)
        XCTAssertEqual(result.spots, ["invalid-declaration@4:9", "invalid-declaration@6:9"])
        XCTAssertTrue(result.findings[0].message.contains("Did you mean 'hasMany'?"))
        XCTAssertTrue(result.findings[1].message.contains("Did you mean 'foreignKey'?"))
    }

    func testWrongShapesAreReportedAndTheRestIsStillRead() {
        let result = lint("""
        models:
          User:
            underscored: yes please
            attributes: [name]
            associations:
              - Post
              - { hasMany: Post, belongsTo: Post }
              - hasOne: [Profile]
              - hasMany: Post
          Post:
            associations: [ { belongsTo: User } ]
        usages: [justText, { at: here }]
        """)
        XCTAssertEqual(result.spots, [
            "invalid-declaration@3:18", "invalid-declaration@4:17", "invalid-declaration@6:9",
            "invalid-declaration@7:26", "invalid-declaration@8:17", "invalid-declaration@12:10",
            "invalid-declaration@12:20",
        ], result.compact)
    }

    func testSequelizeRejections() {
        let result = lint("""
        models:
          User:
            associations:
              - hasMany: Project
                through: UserProjects
              - belongsToMany: Group
              - belongsToMany: User
                through: Friendships
              - belongsTo: Team
                as: { singular: team, plural: teams }
          Project: {}
          Group: {}
          Team: {}
        """)
        let messages = result.findings("invalid-declaration").map(\.message)
        XCTAssertEqual(messages.count, 4, result.compact)
        XCTAssertTrue(messages[0].contains("N:M associations are not supported with hasMany"))
        XCTAssertTrue(messages[1].contains("requires through option"))
        XCTAssertTrue(messages[2].contains("'as' must be defined for many-to-many self-associations"))
        XCTAssertTrue(messages[3].contains("object alias"))
    }

    func testPlainStringReferencesIsTheBrokenConstraintTrap() {
        let result = lint("""
        models:
          Organization: { associations: [ { hasMany: Member } ] }
          Member:
            attributes:
              OrganizationId: { type: INTEGER, references: Organizations }
            associations: [ { belongsTo: Organization } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["invalid-declaration"])
        XCTAssertEqual(result.findings[0].help, "write 'references: { model: Organizations, key: id }'")
    }

    func testEveryFormSequelizeAcceptsIsAccepted() {
        let result = lint("""
        sequelize: 6
        x-defaults: &defaults
          timestamps: true
          paranoid: false
        models:
          users:
            <<: *defaults
            tableName: app_users
            underscored: true
            freezeTableName: false
            name: { singular: user, plural: users }
            indexes: [ { unique: true, fields: [email] } ]
            hooks: { beforeCreate: normalize }
            attributes:
              id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }
              email: { type: Sequelize.STRING(128), unique: email_tenant, allowNull: false, validate: { isEmail: true } }
              tenantId: { type: INTEGER.UNSIGNED, unique: email_tenant }
              role: ENUM('admin', 'member')
              price: DECIMAL(10, 2)
              raw: varchar(255)
              tags: ARRAY(STRING)
              status: { type: STRING, unique: { name: status_idx, msg: taken }, defaultValue: active }
            associations:
              - hasMany: posts
                foreignKey: { name: authorId, allowNull: false }
                onDelete: CASCADE
                onUpdate: CASCADE
                hooks: true
                constraints: true
                scope: { kind: article }
          posts:
            attributes:
              authorId: { type: INTEGER, references: { model: app_users, key: id }, onDelete: CASCADE }
            associations:
              - belongsTo: users
                foreignKey: authorId
                targetKey: id
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testUnknownDataTypeNearAKnownOne() {
        let result = lint("models:\n  A:\n    attributes:\n      n: INTERGER\n      m: { type: DataTypes.STRNG }\n")
        XCTAssertEqual(result.spots, ["invalid-declaration@4:10", "invalid-declaration@5:18"])
        XCTAssertTrue(result.findings[0].message.contains("Did you mean 'INTEGER'?"))
    }

    func testAttributeWithoutTypeIsWhatSequelizeThrowsFor() {
        let result = lint("models:\n  A:\n    attributes:\n      n: { allowNull: false }\n")
        XCTAssertEqual(result.ruleIDs, ["invalid-declaration"])
        XCTAssertTrue(result.findings[0].message.contains("Unrecognized datatype"))
    }

    func testRepeatedOptionKey() {
        let result = lint("models:\n  A:\n    tableName: a\n    tableName: b\n")
        XCTAssertEqual(result.spots, ["invalid-declaration@4:5"])
        XCTAssertEqual(result.findings[0].related.first?.location.line, 3)
    }

    func testSourceKeyMustBeAnAttribute() {
        let result = lint("""
        models:
          User:
            attributes: { email: STRING }
            associations: [ { hasOne: Profile, sourceKey: emial } ]
          Profile: { associations: [ { belongsTo: User, targetKey: email } ] }
        """)
        XCTAssertEqual(result.ruleIDs, ["unknown-source-key"], result.compact)
        XCTAssertTrue(result.findings[0].help?.hasPrefix("did you mean 'email'? ") ?? false)
    }

    func testUnsupportedVersion() {
        XCTAssertEqual(lint("sequelize: 7\nmodels: {}\n").ruleIDs, ["invalid-declaration"])
        XCTAssertEqual(lint("sequelize: 6\nmodels: {}\n").ruleIDs, [])
    }

    func testSyntaxErrorIsAFindingAndOtherFilesAreStillLinted() {
        let result = lint("models:\n  A: [\n", "models:\n  B:\n    associations: [ { hasMany: Nope } ]\n  B: {}\n")
        XCTAssertEqual(result.spots, ["yaml-syntax@3:1", "duplicate-model@4:3"])
        XCTAssertTrue(result.findings[0].help?.contains("does not report unknown models") ?? false)
        XCTAssertEqual(result.exitStatus, 1)
    }

    func testNonUTF8BinaryEmptyAndNonModelFiles() {
        let inputs = [
            LintInput(path: "binary.yaml", bytes: [0x00, 0xFF, 0x13, 0x80, 0x81], isExplicit: true),
            LintInput(path: "empty.yaml", bytes: [], isExplicit: true),
            LintInput(path: "config.yaml", bytes: Array("name: app\nversion: 2\n".utf8), isExplicit: true),
            LintInput(path: "found.yaml", bytes: Array("name: app\n".utf8), isExplicit: false),
            LintInput(path: "list.yaml", bytes: Array("- a\n- b\n".utf8), isExplicit: true),
        ]
        let result = Linter.lint(inputs)
        XCTAssertEqual(result.findings.map { "\($0.location.path) \($0.ruleID)" }, [
            "binary.yaml yaml-syntax", "config.yaml no-declarations", "empty.yaml no-declarations",
            "list.yaml no-declarations",
        ], result.compact)
        XCTAssertFalse(result.files.contains { $0.path == "found.yaml" }, "non-model files found in a walk are not part of the schema")
    }

    func testAliasBombAndDeepNestingAreFindings() {
        var bomb = "models:\n  A: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<9 {
            bomb += "  A\(level): &a\(level) [" + Array(repeating: level == 1 ? "*a" : "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let deep = "models:\n  A: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let result = lint(bomb, deep)
        XCTAssertEqual(result.ruleIDs, ["yaml-syntax", "yaml-syntax"])
    }
}

final class TargetKeyTests: XCTestCase {
    func testTargetKeyMustBeAnAttributeOfTheTarget() {
        let result = lint("""
        models:
          User:
            attributes: { email: { type: STRING, unique: true } }
            associations: [ { hasMany: Post, sourceKey: email, foreignKey: authorEmail } ]
          Post:
            associations: [ { belongsTo: User, targetKey: emial, foreignKey: authorEmail } ]
        """)
        XCTAssertEqual(result.spots, ["unknown-target-key@6:51"], result.compact)
        XCTAssertTrue(result.findings[0].help?.hasPrefix("did you mean 'email'? ") ?? false)
        XCTAssertTrue(result.findings[0].message.contains("Unknown attribute \"emial\" passed as targetKey, define this attribute on model \"User\" first"))
    }
}

/// Rarely set options live in boxes allocated on demand; reading them back must give what was set.
final class CompactDeclarationTests: XCTestCase {
    func testAttributeOptionsRoundTrip() {
        var attribute = AttributeDecl(name: "authorId", mark: SourceMark(line: 3, column: 7))
        XCTAssertEqual(attribute.unique, .notUnique)
        XCTAssertNil(attribute.field)
        XCTAssertNil(attribute.references)
        attribute.unique = .compositeIndex("pair")
        attribute.field = "author_id"
        attribute.references = AttributeReference(model: "Authors", key: "id", mark: SourceMark(line: 4, column: 9))
        XCTAssertEqual(attribute.unique, .compositeIndex("pair"))
        XCTAssertEqual(attribute.field, "author_id")
        XCTAssertEqual(attribute.references, AttributeReference(model: "Authors", key: "id", mark: SourceMark(line: 4, column: 9)))
        attribute.unique = .unique
        XCTAssertEqual(attribute.unique, .unique)
        XCTAssertEqual(attribute.field, "author_id", "the other options stay")
        attribute.field = nil
        attribute.references = nil
        XCTAssertNil(attribute.field)
        XCTAssertNil(attribute.references)
        XCTAssertEqual(attribute.unique, .unique)
        XCTAssertEqual(attribute.mark, SourceMark(line: 3, column: 7))
    }

    func testAssociationRareOptionsRoundTrip() {
        let association = AssociationDecl(kind: .hasMany, source: "A", target: "B", path: "a.yaml",
                                          mark: SourceMark(line: 1, column: 1), targetMark: SourceMark(line: 1, column: 5))
        association.foreignKeyUnique = .notUnique
        XCTAssertNil(association.sourceKey)
        association.sourceKey = "uuid"
        association.targetKeyMark = SourceMark(line: 2, column: 3)
        association.foreignKeyUnique = .unique
        association.otherKey = "bId"
        XCTAssertEqual(association.sourceKey, "uuid")
        XCTAssertEqual(association.targetKeyMark, SourceMark(line: 2, column: 3))
        XCTAssertNil(association.targetKey)
        XCTAssertEqual(association.foreignKeyUnique, .unique)
        XCTAssertEqual(association.otherKey, "bId")
    }

    func testMarksKeepLargeLineNumbers() {
        let mark = SourceMark(line: 3_000_000, column: 70_000)
        XCTAssertEqual(mark.line, 3_000_000)
        XCTAssertEqual(mark.column, 70_000)
        XCTAssertLessThan(SourceMark(line: 2, column: 9), SourceMark(line: 3, column: 1))
        XCTAssertLessThan(SourceMark(line: 3, column: 1), SourceMark(line: 3, column: 2))
    }
}
