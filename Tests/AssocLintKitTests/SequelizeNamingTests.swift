import XCTest
@testable import AssocLintKit

/// Names Sequelize v6 generates: checked against every row of the table produced by running
/// sequelize 6.37.5 (Tests/Fixtures/accessors-v6.tsv), and against hand-picked cases.
final class SequelizeNamingTests: XCTestCase {
    struct Row {
        var fields: [String: String]
        subscript(_ name: String) -> String { fields[name] ?? "" }
    }

    func rows() throws -> [Row] {
        let text = try String(contentsOf: fixtureURL("accessors-v6.tsv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        return lines.map { Row(fields: Dictionary(uniqueKeysWithValues: zip(header, $0 + Array(repeating: "", count: max(0, header.count - $0.count))))) }
    }

    /// The YAML of `Owner.<type>(<model>, { as })` for one row.
    func schema(for row: Row, underscored: Bool) -> String {
        let model = row["model_name"], type = row["assoc_type"], alias = row["as"]
        var entry = "      - \(type): '\(model)'\n"
        if alias.hasPrefix("{") {
            let object = alias.dropFirst().dropLast().split(separator: ",").map { part -> String in
                let pieces = part.split(separator: ":").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
                return "\(pieces[0]): '\(pieces[1])'"
            }.joined(separator: ", ")
            entry += "        as: { \(object) }\n"
        } else if !alias.isEmpty {
            entry += "        as: '\(alias)'\n"
        }
        if type == "belongsToMany" { entry += "        through: 'Owner_\(model)_join'\n" }
        return """
        models:
          Owner:
            underscored: \(underscored)
            associations:
        \(entry)  '\(model)':
            underscored: \(underscored)

        """
    }

    func testEveryRowOfTheSequelizeAccessorTable() throws {
        let rows = try rows()
        XCTAssertGreaterThan(rows.count, 500)
        var mismatches: [String] = []
        for row in rows {
            let label = "\(row["assoc_type"])(\(row["model_name"]), as: \(row["as"]))"
            let plain = lint(schema(for: row, underscored: false))
            if !row["error"].isEmpty {
                // Sequelize throws for these (hasOne with an object alias): assoclint must refuse them.
                if !plain.findings.contains(where: { $0.ruleID == "invalid-declaration" && $0.message.contains("object alias") }) {
                    mismatches.append("\(label): expected an invalid-declaration for '\(row["error"])'")
                }
                continue
            }
            let context = LintContext(files: [SchemaDecoder.decode(path: "a.yaml", bytes: Array(schema(for: row, underscored: false).utf8))])
            let underscoredContext = LintContext(files: [SchemaDecoder.decode(path: "a.yaml", bytes: Array(schema(for: row, underscored: true).utf8))])
            guard let association = context.schema.associations.first,
                  let underscoredAssociation = underscoredContext.schema.associations.first else {
                mismatches.append("\(label): not resolved")
                continue
            }
            var expected: [String: String] = ["association_key": row["association_key"], "foreign_key": row["foreign_key"],
                                              "foreign_key_model": row["foreign_key_model"], "other_key": row["other_key"],
                                              "foreign_key_column_if_underscored": row["foreign_key_column_if_underscored"]]
            var actual: [String: String] = ["association_key": association.names.key, "foreign_key": association.foreignKey,
                                            "other_key": association.otherKey ?? "",
                                            "foreign_key_column_if_underscored": underscoredAssociation.foreignKeyColumn]
            switch association.foreignKeyHolder {
            case .source: actual["foreign_key_model"] = "Owner"
            case .target: actual["foreign_key_model"] = row["model_name"]
            case .through(let name): actual["foreign_key_model"] = name
            }
            for kind in AccessorKind.allCases {
                expected[kind.rawValue] = row[kind.rawValue]
                actual[kind.rawValue] = association.names.accessor(kind) ?? ""
            }
            for (column, value) in expected.sorted(by: { $0.key < $1.key }) where actual[column] != value {
                mismatches.append("\(label): \(column) is '\(actual[column] ?? "")', Sequelize gives '\(value)'")
            }
        }
        XCTAssertEqual(mismatches, [], "\(mismatches.count) mismatches")
    }

    func names(_ kind: AssociationKind, _ target: String, as alias: AssociationAlias? = nil) -> AssociationNames {
        AssociationNames(kind: kind, alias: alias, target: ModelNames(modelName: target))
    }

    func testHasManyAccessorsInMixinOrder() {
        XCTAssertEqual(names(.hasMany, "Item").accessors.map(\.name),
                       ["getItems", "countItems", "hasItem", "hasItems", "setItems", "addItem", "addItems", "removeItem", "removeItems", "createItem"])
        XCTAssertEqual(names(.belongsTo, "Author").accessors.map(\.name), ["getAuthor", "setAuthor", "createAuthor"])
        XCTAssertEqual(names(.hasOne, "Profile").accessors.map(\.name), ["getProfile", "setProfile", "createProfile"])
        XCTAssertEqual(names(.belongsToMany, "Course").accessor(.get), "getCourses")
    }

    func testIrregularUncountableCompoundAndPluralModelNames() {
        XCTAssertEqual(names(.hasMany, "Person").accessor(.get), "getPeople")
        XCTAssertEqual(names(.hasMany, "Person").accessor(.add), "addPerson")
        XCTAssertEqual(names(.hasMany, "Child").accessor(.get), "getChildren")
        XCTAssertEqual(names(.hasMany, "Sheep").accessor(.get), "getSheep")
        XCTAssertEqual(names(.hasMany, "Equipment").accessor(.add), "addEquipment")
        XCTAssertEqual(names(.hasMany, "Information").accessor(.get), "getInformation")
        XCTAssertEqual(names(.hasMany, "Series").accessor(.create), "createSeries")
        XCTAssertEqual(names(.hasMany, "OrderItem").accessor(.get), "getOrderItems")
        XCTAssertEqual(names(.hasMany, "ProductCategory").accessor(.get), "getProductCategories")
        XCTAssertEqual(names(.hasMany, "ProductCategory").accessor(.add), "addProductCategory")
        // Already plural model names are singularized by v6.
        XCTAssertEqual(names(.belongsTo, "Users").accessor(.get), "getUser")
        XCTAssertEqual(names(.hasMany, "Users").accessor(.get), "getUsers")
        XCTAssertEqual(names(.belongsTo, "Data").accessor(.get), "getDatum")
        XCTAssertEqual(names(.hasMany, "PERSON").accessor(.get), "getPEople")
        XCTAssertEqual(names(.hasMany, "Goose").accessor(.get), "getGeese")
    }

    func testAliases() {
        // A string alias is the plural of a multi association, singularized for singular accessors.
        XCTAssertEqual(names(.hasMany, "Post", as: .string("articles")).accessor(.add), "addArticle")
        XCTAssertEqual(names(.hasMany, "Post", as: .string("articles")).key, "articles")
        // A singular alias makes every accessor singular.
        XCTAssertEqual(names(.hasMany, "Post", as: .string("post")).accessor(.get), "getPost")
        // belongsTo uses the alias verbatim, even plural.
        XCTAssertEqual(names(.belongsTo, "User", as: .string("authors")).accessor(.get), "getAuthors")
        XCTAssertEqual(names(.hasMany, "Post", as: .object(singular: "entry", plural: "entries")).accessor(.add), "addEntry")
    }

    func testModelNameOverrides() {
        let person = ModelNames(modelName: "Person", singularOverride: "human")
        XCTAssertEqual(person.singular, "human")
        XCTAssertEqual(person.plural, "People")
        XCTAssertEqual(ModelNames.defaultTableName(modelName: "APIKey", underscored: true, freezeTableName: false), "a_p_i_keys")
        XCTAssertEqual(ModelNames.defaultTableName(modelName: "Person", underscored: false, freezeTableName: true), "Person")
    }

    func resolved(_ yaml: String) -> [ResolvedAssociation] {
        LintContext(files: [SchemaDecoder.decode(path: "a.yaml", bytes: Array(yaml.utf8))]).schema.associations
    }

    func testDefaultForeignKeys() {
        let associations = resolved("""
        models:
          User:
            associations:
              - hasMany: Post
              - hasOne: Profile
                as: avatar
              - belongsToMany: Project
                through: UserProjects
          Post:
            underscored: true
            associations:
              - belongsTo: User
                as: author
          Profile: {}
          Project: {}
          user: { associations: [ { hasMany: post } ] }
          post: {}
          Person:
            name: { singular: human }
            associations: [ { hasOne: Passport }, { hasMany: Passport, as: passports } ]
          Passport: {}
        """)
        let keys = associations.map { "\($0.call) \($0.foreignKey) \($0.foreignKeyColumn)" }
        XCTAssertEqual(keys, [
            "User.hasMany(Post) UserId user_id",
            "User.hasOne(Profile, { as: 'avatar' }) avatarId avatarId",
            "User.belongsToMany(Project) UserId UserId",
            "Post.belongsTo(User, { as: 'author' }) authorId author_id",
            "user.hasMany(post) userId userId",
            // hasOne names its key from singularize(model name); hasMany from name.singular.
            "Person.hasOne(Passport) PersonId PersonId",
            "Person.hasMany(Passport, { as: 'passports' }) humanId humanId",
        ])
        XCTAssertEqual(associations[2].otherKey, "ProjectId")
    }

    func testPrimaryKeyAndKeysNameTheForeignKey() {
        let associations = resolved("""
        models:
          Account:
            attributes:
              uuid: { type: UUID, primaryKey: true }
              email: { type: STRING, unique: true }
            associations:
              - hasMany: Session
              - hasMany: Login
                sourceKey: email
              - belongsToMany: Group
                through: Memberships
                sourceKey: email
          Session: {}
          Login: {}
          Group: {}
        """)
        XCTAssertEqual(associations.map(\.foreignKey), ["AccountUuid", "AccountUuid", "AccountEmail"])
    }

    func testSelfBelongsToManyOtherKeyUsesTheAlias() {
        let associations = resolved("""
        models:
          User:
            associations:
              - belongsToMany: User
                as: followers
                through: Follows
        """)
        XCTAssertEqual(associations.first?.foreignKey, "UserId")
        XCTAssertEqual(associations.first?.otherKey, "followerId")
    }
}

/// `authorId`, `AuthorId` and `author_id` are one link; the comparison without building strings
/// must agree with the normalized forms, ASCII or not.
final class LinkNameTests: XCTestCase {
    func testNormalizedDropsUnderscoresAndCase() {
        XCTAssertEqual(ForeignKeyNaming.normalized("Author_Id"), "authorid")
        XCTAssertEqual(ForeignKeyNaming.normalized("ÜNIT_id"), "ünitid")
    }

    func testSameLinkAgreesWithNormalized() {
        let names = ["authorId", "author_id", "AuthorID", "authorIds", "author", "_author__id_", "", "_", "ünit_id",
                     "ÜnitId", "unitId", "İd", "i̇d", "ß", "ss"]
        for a in names {
            for b in names {
                XCTAssertEqual(ForeignKeyNaming.sameLink(a, b), ForeignKeyNaming.normalized(a) == ForeignKeyNaming.normalized(b), "\(a) ~ \(b)")
            }
        }
        XCTAssertTrue(ForeignKeyNaming.sameLink("authorId", "author_id"))
        XCTAssertFalse(ForeignKeyNaming.sameLink("authorId", "authorIds"))
    }
}
