import XCTest
@testable import AssocLintKit

/// The rules of the catalog's pitfalls (issue 9), variant by variant: what Sequelize throws at boot
/// and what it accepts silently. Each rule's catalog examples run in CatalogTests too.
final class PitfallRuleTests: XCTestCase {
    // MARK: duplicate-alias

    func testAnAliasAfterTheSameDefaultKeyThrowsButNotTheReverse() {
        let aliasSecond = lint("""
        models:
          User:
            associations: [ { hasMany: Task }, { hasMany: Task, as: Tasks, foreignKey: ownerId } ]
          Task: { associations: [ { belongsTo: User }, { belongsTo: User, as: owner, foreignKey: ownerId } ] }
        """)
        XCTAssertEqual(aliasSecond.spots, ["duplicate-alias@3:61"], aliasSecond.compact)
        XCTAssertTrue(aliasSecond.findings.first?.message.contains("You have used the alias Tasks in two separate associations. Aliased associations must have unique aliases.") ?? false)
        // Unaliased second: no throw, the key is silently taken over.
        let aliasFirst = lint("""
        models:
          User:
            associations: [ { hasMany: Task, as: Tasks, foreignKey: ownerId }, { hasMany: Task } ]
          Task: { associations: [ { belongsTo: User }, { belongsTo: User, as: owner, foreignKey: ownerId } ] }
        """)
        XCTAssertEqual(aliasFirst.ruleIDs, ["duplicate-association"], aliasFirst.compact)
    }

    func testTheThroughModelsNameOnTheTargetSideIsNotJudged() {
        // Sequelize checks the target's earlier associations too, but which comes first depends on
        // the order the code calls them in (sequelize-auto calls every belongsToMany first).
        let result = lint("""
        models:
          Team:
            associations: [ { belongsTo: Membership } ]
          User:
            associations: [ { belongsToMany: Team, through: Membership } ]
          Membership:
            attributes: { UserId: INTEGER, TeamId: INTEGER }
            associations: [ { hasMany: Team } ]
        """)
        XCTAssertEqual(result.ruleIDs.filter { $0 != "missing-inverse" }, [], result.compact)
    }

    func testAliasNumberStaysSilentOnAmbiguousWords() {
        let result = lint("""
        models:
          User:
            attributes: { focusId: INTEGER, gpsId: INTEGER }
            associations:
              - { belongsToMany: User, as: following, through: Follows, foreignKey: followerId, otherKey: followedId }
              - { belongsToMany: User, as: followers, through: Follows, foreignKey: followedId, otherKey: followerId }
              - { hasOne: UserSettings, as: settings }
              - { belongsTo: Focus, as: focus }
              - { belongsTo: Device, as: gps }
              - { hasMany: Employee, as: staff }
          UserSettings: { associations: [ { belongsTo: User, foreignKey: settingsId } ] }
          Focus: { associations: [ { hasMany: User, foreignKey: focusId } ] }
          Device: { associations: [ { hasMany: User, foreignKey: gpsId } ] }
          Employee: { associations: [ { belongsTo: User } ] }
        """)
        XCTAssertFalse(result.ruleIDs.contains("alias-number"), result.compact)
    }

    // MARK: alias-attribute-collision

    func testAnAttributeNamedLikeTheDefaultKey() {
        let result = lint("""
        models:
          Post:
            attributes: { User: STRING }
            associations: [ { belongsTo: User } ]
          User: { associations: [ { hasMany: Post } ] }
        """)
        XCTAssertEqual(result.ruleIDs, ["alias-attribute-collision"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("Naming collision between attribute 'User' and association 'User' on model Post") ?? false)
    }

    func testAForeignKeyAddedByAnEarlierAssociation() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Post, foreignKey: owner } ] }
          Post: { associations: [ { belongsTo: User, foreignKey: owner }, { belongsTo: Account, as: owner, foreignKey: accountId } ] }
          Account: { associations: [ { hasMany: Post, foreignKey: accountId } ] }
        """)
        XCTAssertEqual(result.ruleIDs, ["alias-attribute-collision"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("the foreign key of User.hasMany(Post)") ?? false, result.compact)
    }

    // MARK: unknown keys

    func testHasManySourceKeyCrashesWithATypeError() {
        let result = lint("""
        models:
          User:
            attributes: { email: STRING }
            associations: [ { hasMany: Post, sourceKey: mail, foreignKey: userEmail } ]
          Post:
            attributes: { userEmail: STRING }
            associations: [ { belongsTo: User, targetKey: email, foreignKey: userEmail } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["unknown-source-key"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("TypeError: Cannot read properties of undefined (reading 'field')") ?? false)
    }

    func testTheImplicitIdIsAKnownKey() {
        let result = lint("""
        models:
          User:
            attributes: { email: STRING }
            associations: [ { hasOne: Profile, sourceKey: id } ]
          Profile:
            attributes: { UserId: { type: INTEGER, unique: true } }
            associations: [ { belongsTo: User, targetKey: id } ]
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    // MARK: duplicate-association

    func testTheSameKeyTwiceWithoutAlias() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Task, foreignKey: a }, { hasMany: Task, foreignKey: b } ]
          Task:
            associations: [ { belongsTo: User, foreignKey: a }, { belongsTo: User, as: other, foreignKey: b } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["duplicate-association"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("the same key 'Tasks'") ?? false, result.compact)
    }

    func testAccessorCollisionBetweenDifferentKeys() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Item }, { belongsTo: Item, as: item } ]
          Item:
            associations: [ { belongsTo: User }, { hasOne: User, as: holder, foreignKey: itemId } ]
        """)
        XCTAssertEqual(result.spots, ["duplicate-association@3:63"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("user.createItem()") ?? false, result.compact)
        XCTAssertFalse(result.findings.first?.message.contains("getItem") ?? true, "getItem and setItem are installed")
    }

    func testTheSameRelationshipUnderTwoNamesButNotWithAScope() {
        let twice = lint("""
        models:
          User:
            associations: [ { hasMany: Post, as: articles }, { hasMany: Post } ]
          Post: { associations: [ { belongsTo: User } ] }
        """)
        XCTAssertEqual(twice.ruleIDs, ["duplicate-association"], twice.compact)
        let filterAlias = lint("""
        models:
          User:
            associations: [ { hasMany: Post, as: posts }, { hasMany: Post, as: filterPosts } ]
          Post: { associations: [ { belongsTo: User } ] }
        """)
        XCTAssertEqual(filterAlias.findings, [], filterAlias.compact)
        XCTAssertTrue(twice.findings.first?.message.contains("declares the same relationship") ?? false)
        let scoped = lint("""
        models:
          User:
            associations: [ { hasMany: Post, as: posts }, { hasMany: Post, as: articles, scope: { kind: article } } ]
          Post: { associations: [ { belongsTo: User } ] }
        """)
        XCTAssertEqual(scoped.findings, [], scoped.compact)
    }

    func testAReversedBelongsToIsNotAlsoADuplicate() {
        let result = lint("""
        models:
          Post: { associations: [ { hasMany: Comment }, { belongsTo: Comment } ] }
          Comment: {}
        """)
        XCTAssertEqual(result.ruleIDs, ["reversed-belongs-to"], result.compact)
    }

    // MARK: alias-number

    func testAliasNumber() {
        let result = lint("""
        models:
          Post:
            attributes: { categoriesId: INTEGER, statusId: INTEGER }
            associations:
              - { belongsTo: Category, as: categories }
              - { belongsTo: Status, as: status }
          Category: { associations: [ { hasMany: Post, foreignKey: categoriesId } ] }
          Status: { associations: [ { hasMany: Post, foreignKey: statusId } ] }
          User:
            associations:
              - { hasMany: Person, as: person }
              - { hasMany: Note, as: news }
              - { hasMany: Tag, as: { singular: tag, plural: tag } }
          Person: { associations: [ { belongsTo: User } ] }
          Note: { associations: [ { belongsTo: User } ] }
          Tag: { associations: [ { belongsTo: User } ] }
        """)
        XCTAssertEqual(result.spots, ["alias-number@5:36", "alias-number@11:32", "alias-number@13:29"], result.compact)
        XCTAssertTrue(result.findings[0].message.contains("post.getCategories() returns one Category"), result.compact)
        XCTAssertTrue(result.findings[0].help?.contains("'as: category'") ?? false)
        XCTAssertTrue(result.findings[1].help?.contains("'as: people'") ?? false, result.compact)
    }

    // MARK: self-many-to-many-keys, through-mismatch, through-table-name

    func testExplicitEqualKeysOnASelfManyToMany() {
        let result = lint("""
        models:
          User:
            associations: [ { belongsToMany: User, as: friends, through: Friendships, foreignKey: userId, otherKey: userId } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["self-many-to-many-keys"], result.compact)
        let fine = lint("""
        models:
          User:
            associations: [ { belongsToMany: User, as: followers, through: Follows, foreignKey: followedId, otherKey: followerId } ]
        """)
        XCTAssertEqual(fine.findings, [], fine.compact)
    }

    func testOneSideExplicitIsReconciled() {
        let result = lint("""
        models:
          User: { associations: [ { belongsToMany: Project, through: UP, foreignKey: uid, otherKey: pid } ] }
          Project: { associations: [ { belongsToMany: User, through: UP } ] }
        """)
        XCTAssertEqual(result.findings, [], result.compact)
        let crossedWrong = lint("""
        models:
          User: { associations: [ { belongsToMany: Project, through: UP, foreignKey: uid } ] }
          Project: { associations: [ { belongsToMany: User, through: UP, otherKey: userRef } ] }
        """)
        XCTAssertEqual(crossedWrong.spots, ["through-mismatch@3:32"], crossedWrong.compact)
    }

    func testAStringThroughAndAModelThroughAreNotPaired() {
        // Only code can tell the two forms apart (the YAML format names both the same way).
        let text = """
        models:
          User: { associations: [ { belongsToMany: Project, through: UserProject } ] }
          Project: { associations: [ { belongsToMany: User, through: UserProject } ] }
          UserProject: {}
        """
        func check(_ forms: (ThroughForm?, ThroughForm?)) -> [Finding] {
            let file = SchemaDecoder.decode(path: "a.yaml", bytes: Array(text.utf8))
            file.models[0].associations[0].throughForm = forms.0
            file.models[1].associations[0].throughForm = forms.1
            return ThroughMismatchRule().check(LintContext(files: [file]))
        }
        XCTAssertEqual(check((nil, nil)), [])
        XCTAssertEqual(check((.model, .model)), [])
        let mixed = check((.name, .model))
        XCTAssertEqual(mixed.map(\.location.line), [3])
        XCTAssertTrue(mixed.first?.message.contains("User.belongsToMany(Project) names it as a string and Project.belongsToMany(User) as the model") ?? false,
                      mixed.first?.message ?? "")
    }

    func testThroughTheDefaultTableOfAModel() {
        let result = lint("""
        models:
          User: { associations: [ { belongsToMany: Role, through: UserRoles } ] }
          Role: { associations: [ { belongsToMany: User, through: UserRoles } ] }
          UserRole: { attributes: { UserId: INTEGER, RoleId: INTEGER } }
        """)
        XCTAssertEqual(result.ruleIDs, ["through-table-name", "through-table-name"], result.compact)
        XCTAssertEqual(result.findings.first?.help, "write 'through: UserRole'")
    }

    // MARK: foreign-key-type-mismatch

    func testTypeFamilies() {
        let result = lint("""
        models:
          User:
            attributes: { id: { type: BIGINT, primaryKey: true }, uuid: { type: UUID, unique: true } }
            associations:
              - { hasMany: Post }
              - { hasMany: Comment, sourceKey: uuid, foreignKey: userUuid }
              - { hasMany: Vote, foreignKey: voterId }
          Post:
            attributes: { UserId: INTEGER }
            associations: [ { belongsTo: User } ]
          Comment:
            attributes: { userUuid: 'CHAR(36)' }
            associations: [ { belongsTo: User, targetKey: uuid, foreignKey: userUuid } ]
          Vote:
            attributes: { voterId: DataTypes.STRING(36), ref: { type: UUID, references: { model: users, key: id } } }
            associations: [ { belongsTo: User, as: voter } ]
        """)
        // INTEGER for BIGINT and CHAR(36) for UUID are fine; a STRING voterId and a UUID ref for a BIGINT id are not.
        XCTAssertEqual(result.spots, ["foreign-key-type-mismatch@15:19", "foreign-key-type-mismatch@15:50"], result.compact)
        XCTAssertTrue(result.findings[0].message.contains("Vote.voterId is DataTypes.STRING(36) but as the foreign key of User.hasMany(Vote) it references User.id, which is BIGINT"), result.compact)
    }

    // MARK: ignored-option

    func testIgnoredOptions() {
        let result = lint("""
        models:
          User:
            attributes: { email: STRING }
            associations:
              - { hasMany: Post, targetKey: email, otherKey: x }
              - { hasOne: Profile, through: Profiles, unique: true }
          Post:
            associations: [ { belongsTo: User, sourceKey: email } ]
          Profile:
            attributes: { UserId: { type: INTEGER, unique: true } }
            associations: [ { belongsTo: User, type: INTEGER } ]
        """)
        XCTAssertEqual(result.ruleIDs, Array(repeating: "ignored-option", count: 6), result.compact)
        XCTAssertEqual(result.findings.map { $0.help ?? "" }.filter { $0.contains("sourceKey: email") || $0.contains("targetKey: email") }.count, 2)
    }

    func testActionsWithoutConstraintsAndMisplacedThroughKeys() {
        let result = lint("""
        models:
          Post:
            associations:
              - { belongsToMany: Tag, through: { model: PostTag, foreignKey: postRef, otherKey: tagRef } }
              - { hasMany: Comment, constraints: false, onDelete: CASCADE, onUpdate: CASCADE }
          Tag: { associations: [ { belongsToMany: Post, through: PostTag } ] }
          PostTag: {}
          Comment: { associations: [ { belongsTo: Post, constraints: false } ] }
        """)
        XCTAssertEqual(result.ruleIDs, Array(repeating: "ignored-option", count: 4), result.compact)
        XCTAssertEqual(result.findings.filter { $0.message.contains("does not stop an explicit") }.count, 2, result.compact)
    }

    func testOptionsReadByOtherKindsOnly() {
        let result = lint("""
        models:
          User:
            associations:
              - { hasMany: Post, uniqueKey: user_post, timestamps: false }
              - { belongsToMany: Group, through: Members, keyType: BIGINT, uniqueKey: member_idx, timestamps: false, constraints: false, onDelete: CASCADE }
          Post: { associations: [ { belongsTo: User } ] }
          Group: { associations: [ { belongsToMany: User, through: Members } ] }
        """)
        XCTAssertEqual(result.ruleIDs, Array(repeating: "ignored-option", count: 4), result.compact)
        XCTAssertTrue(result.compact.contains("'uniqueKey' only on belongsToMany"), result.compact)
        XCTAssertTrue(result.compact.contains("ignores 'keyType' on belongsToMany"), result.compact)
        XCTAssertTrue(result.compact.contains("belongsToMany then adds no foreign key constraint"), result.compact)
    }

    // MARK: on delete

    func testConflictingOnUpdateAndTheSameActionSpeltDifferently() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Post, onDelete: set null, onUpdate: CASCADE } ]
          Post:
            associations: [ { belongsTo: User, onDelete: SET_NULL, onUpdate: NO ACTION } ]
        """)
        XCTAssertEqual(result.spots, ["conflicting-on-delete@5:70"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("onUpdate: NO ACTION") ?? false)
    }

    func testSetNullOnADeclaredNotNullColumn() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Post, onDelete: SET NULL }, { hasMany: Note, onDelete: SET NULL, constraints: false } ]
          Post:
            attributes: { UserId: { type: INTEGER, allowNull: false } }
            associations: [ { belongsTo: User } ]
          Note:
            attributes: { UserId: { type: INTEGER, allowNull: false } }
            associations: [ { belongsTo: User, constraints: false } ]
        """)
        // constraints: false does not stop an explicit onDelete (the constraint is still added, so
        // SET NULL still fails), and ignored-option says so.
        XCTAssertEqual(result.ruleIDs, ["set-null-not-nullable", "set-null-not-nullable", "ignored-option"], result.compact)
        XCTAssertTrue(result.findings[2].message.contains("'constraints: false' does not stop an explicit onDelete: Sequelize v6 still adds the foreign key constraint with ON DELETE SET NULL"), result.compact)
        XCTAssertEqual(result.findings.first?.related.first?.location.line, 5)
    }

    // MARK: shadowed-accessor and methods

    func testMethodsAreAccessorsNobodyReportsAsUnknown() {
        let result = lint("""
        models:
          Order:
            methods: [ getTotal, { name: getItem, at: src/models/order.js:40 } ]
            associations: [ { hasMany: Item } ]
          Item: { associations: [ { belongsTo: Order } ] }
        usages: [ Order.getTotal, Order.getItem, Order.getTotals ]
        """)
        // getItem is the model's own: neither a singular-getter mistake nor unknown.
        XCTAssertEqual(result.ruleIDs, ["unknown-accessor"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("getTotals") ?? false)
    }

    func testAMethodNamedLikeAnAccessor() {
        let result = lint("""
        models:
          Order:
            methods: [ { name: addItem, at: src/models/order.js:12 } ]
            associations: [ { hasMany: Item } ]
          Item: { associations: [ { belongsTo: Order } ] }
        """)
        XCTAssertEqual(result.spots, ["shadowed-accessor@3:24"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("(at src/models/order.js:12)") ?? false)
    }

    func testMalformedMethodsAreInvalidDeclarations() {
        let result = lint("""
        models:
          Order:
            methods: [ 3, { at: x.js:1 }, { name: getTotal, line: 4 } ]
          Other:
            methods: getTotal
        """)
        XCTAssertEqual(result.ruleIDs, Array(repeating: "invalid-declaration", count: 4), result.compact)
    }

    // MARK: opt-in hints

    func lintWith(_ rules: [String], _ text: String) -> LintResult {
        var config = ProjectConfig(path: "/nonexistent/.assoclint.yml")
        for rule in rules { config.severities[rule] = .warning }
        return Linter.lint([LintInput(path: "a.yaml", bytes: Array(text.utf8), isExplicit: true)], config: config)
    }

    func testHasOneNotUniqueIsSilencedByAUniqueIndexOrTheInverse() {
        let result = lintWith(["has-one-not-unique"], """
        models:
          User:
            associations: [ { hasOne: Profile }, { hasOne: Avatar }, { hasOne: Address } ]
          Profile:
            attributes: { UserId: INTEGER }
            indexes: [ { unique: true, fields: [UserId] } ]
            associations: [ { belongsTo: User } ]
          Avatar:
            attributes: { UserId: INTEGER }
            associations: [ { belongsTo: User, foreignKey: { name: UserId, unique: true } } ]
          Address:
            attributes: { UserId: INTEGER }
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertEqual(result.spots, ["has-one-not-unique@3:64"], result.compact)
    }

    func testInflectionSurpriseIsSilencedByNameOverrides() {
        let result = lintWith(["inflection-surprise"], """
        models:
          Report:
            associations: [ { hasMany: Slice }, { belongsTo: Data }, { belongsTo: Media, as: cover } ]
          Slice: { associations: [ { belongsTo: Report } ] }
          Data: { name: { singular: Data, plural: Data }, associations: [ { hasMany: Report } ] }
          Media: { associations: [ { hasOne: Report, as: coverOf, foreignKey: coverId } ] }
          User: {}
        """)
        XCTAssertEqual(result.spots, ["inflection-surprise@4:3", "inflection-surprise@6:3"], result.compact)
        XCTAssertTrue(result.findings[0].message.contains("Slouse"), result.compact)
        XCTAssertTrue(result.findings[1].message.contains("Medium"), result.compact)
    }

    // MARK: cascades

    func testCascadeToParentNeedsBothCascadeAndHooks() {
        let result = lint("""
        models:
          Post: { associations: [ { hasMany: Comment, onDelete: CASCADE, hooks: true } ] }
          Comment:
            associations:
              - { belongsTo: Post, onDelete: cascade, hooks: true }
              - { belongsTo: User, onDelete: CASCADE }
              - { belongsTo: Tag, onDelete: SET NULL, hooks: true }
          User: { associations: [ { hasMany: Comment } ] }
          Tag: { associations: [ { hasMany: Comment } ] }
        """)
        XCTAssertEqual(result.spots, ["cascade-to-parent@5:54"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("comment.destroy() loads the Post it belongs to and destroys it") ?? false)
    }

    func testParanoidCascadeFromEitherSideOncePerColumn() {
        let result = lint("""
        models:
          User:
            paranoid: true
            associations: [ { hasMany: Post, onDelete: CASCADE, hooks: true } ]
          Post:
            associations: [ { belongsTo: User, onDelete: CASCADE } ]
          Account:
            paranoid: true
            associations: [ { hasMany: Invoice } ]
          Invoice:
            associations: [ { belongsTo: Account, onDelete: CASCADE } ]
          Team:
            associations: [ { hasMany: Member, onDelete: CASCADE } ]
          Member: { associations: [ { belongsTo: Team } ] }
        """)
        XCTAssertEqual(result.spots, ["paranoid-cascade@4:48", "paranoid-cascade@11:53"], result.compact)
        XCTAssertTrue(result.findings[0].message.contains("hooks: true does not help"), result.compact)
        XCTAssertTrue(result.findings[0].help?.contains("afterDestroy") ?? false)
    }

    func testCascadeThroughAManyToManyAndFromAParanoidChild() {
        let result = lint("""
        models:
          User:
            associations: [ { belongsToMany: Group, through: Memberships, onDelete: CASCADE, hooks: true } ]
          Group:
            associations: [ { belongsToMany: User, through: Memberships } ]
          Note:
            paranoid: true
            associations: [ { belongsTo: User, onDelete: CASCADE, hooks: true } ]
        """)
        XCTAssertEqual(result.ruleIDs.filter { $0 == "cascade-to-parent" }.count, 2, result.compact)
        XCTAssertTrue(result.compact.contains("user.destroy() loads every Group it is linked to and destroys them"), result.compact)
        XCTAssertTrue(result.compact.contains("note.destroy({ force: true }) (Note is paranoid)"), result.compact)
    }

    func testParanoidWithoutTimestampsDeletesForReal() {
        let result = lint("""
        models:
          User:
            paranoid: true
            timestamps: false
            associations: [ { hasMany: Post, onDelete: CASCADE } ]
          Account:
            paranoid: true
            deletedAt: false
            associations: [ { hasMany: Post, onDelete: CASCADE } ]
          Post: { associations: [ { belongsTo: User }, { belongsTo: Account } ] }
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testParanoidManyToManyLeavesItsJunctionRows() {
        let result = lint("""
        models:
          User:
            paranoid: true
            attributes: { uuid: { type: UUID, unique: true } }
            associations: [ { belongsToMany: Group, through: Memberships, sourceKey: uuid, onDelete: CASCADE } ]
          Group: { associations: [ { belongsToMany: User, through: Memberships, targetKey: uuid } ] }
        """)
        XCTAssertEqual(result.ruleIDs, ["paranoid-cascade"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("the Memberships rows that link it stay") ?? false, result.compact)
        XCTAssertTrue(result.findings.first?.help?.contains("Memberships.destroy({ where: { UserUuid: user.uuid }") ?? false, result.findings.first?.help ?? "")
    }

    func testATypeTheAssociationGivesItsKey() {
        let result = lint("""
        models:
          Account:
            attributes: { id: { type: UUID, primaryKey: true } }
            associations:
              - { hasMany: Invoice, foreignKey: { name: accountId, type: INTEGER } }
              - { hasMany: Receipt, keyType: DataTypes.INTEGER }
              - { hasMany: Note, keyType: UUID }
          Invoice: { associations: [ { belongsTo: Account, foreignKey: accountId } ] }
          Receipt: { associations: [ { belongsTo: Account } ] }
          Note: { associations: [ { belongsTo: Account } ] }
        """)
        XCTAssertEqual(result.ruleIDs, ["foreign-key-type-mismatch", "foreign-key-type-mismatch"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("gives its foreign key Invoice.accountId the type INTEGER, but it references Account.id, which is UUID") ?? false, result.compact)
    }

    func testTwoSelfManyToManyDeclarationsWithDefaultKeysShareOneColumn() {
        // belongs-to-many.js pairs the second with the first (same raw through) and takes its
        // default otherKey from the first's foreignKey: UserId for both.
        let defaults = lint("""
        models:
          User:
            associations:
              - { belongsToMany: User, as: followers, through: Follows }
              - { belongsToMany: User, as: followings, through: Follows }
        """)
        XCTAssertEqual(defaults.spots, ["self-many-to-many-keys@5:36"], defaults.compact)
        let crossed = lint("""
        models:
          User:
            associations:
              - { belongsToMany: User, as: followers, through: Follows, foreignKey: followedId, otherKey: followerId }
              - { belongsToMany: User, as: followings, through: Follows, foreignKey: followerId, otherKey: followedId }
        """)
        XCTAssertEqual(crossed.findings, [], crossed.compact)
    }
}
