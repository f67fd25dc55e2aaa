import XCTest
@testable import AssocLintKit

final class ReversedBelongsToTests: XCTestCase {
    func testBelongsToBesideAnUnaliasedHasManyOnTheSameModel() {
        let result = lint("""
        models:
          Post:
            associations:
              - hasMany: Comment
              - belongsTo: Comment
          Comment: {}
        """)
        // One mistake, one finding: the hasMany's missing inverse is explained by the reversal.
        XCTAssertEqual(result.spots, ["reversed-belongs-to@5:9"])
        let finding = result.findings[0]
        XCTAssertTrue(finding.message.contains("Post.belongsTo(Comment)"))
        XCTAssertEqual(finding.related.map(\.location.line), [4])
        XCTAssertTrue(finding.help?.contains("declare Comment.belongsTo(Post) (comment.getPost())") ?? false, finding.help ?? "")
    }

    func testLinkColumnOnTheTargetIsEvidence() {
        let result = lint("""
        models:
          Post:
            attributes:
              title: STRING
            associations:
              - belongsTo: Comment
          Comment:
            attributes:
              postId: { type: INTEGER, references: { model: posts, key: id } }
        """)
        XCTAssertEqual(result.ruleIDs, ["reversed-belongs-to"])
        XCTAssertTrue(result.findings[0].message.contains("Comment.postId links to Post"))
    }

    func testAliasesTellRolesApart() {
        let result = lint("""
        models:
          User:
            associations:
              - hasMany: Photo
              - belongsTo: Photo
                as: avatar
              - hasMany: Post
          Photo:
            associations:
              - belongsTo: User
              - hasOne: User
                as: avatarOwner
                foreignKey: avatarId
          Post:
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertFalse(result.ruleIDs.contains("reversed-belongs-to"), result.compact)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testSelfAssociationsAreNeverReversed() {
        let result = lint("""
        models:
          Category:
            associations:
              - hasMany: Category
              - belongsTo: Category
        """)
        XCTAssertFalse(result.ruleIDs.contains("reversed-belongs-to"), result.compact)
    }

    func testLinkColumnsClaimedByAnotherAssociationAreNoEvidence() {
        // A default address next to the address book: User.belongsTo(Address) is right.
        let result = lint("""
        models:
          User:
            associations:
              - hasMany: Address
              - belongsTo: Address
                as: defaultAddress
                foreignKey: defaultAddressId
          Address:
            attributes:
              UserId: { type: INTEGER, references: { model: Users, key: id } }
            associations:
              - belongsTo: User
              - hasOne: User
                as: defaultFor
                foreignKey: defaultAddressId
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }
}

final class HasManySingularGetterTests: XCTestCase {
    let schema = """
    models:
      Order:
        associations:
          - hasMany: Item
      Item:
        associations:
          - belongsTo: Order
    usages:
      - Order.getItem
      - call: order.getItems
        at: src/routes/orders.js:42
      - Order.addItem
      - Item.getOrder
      - Order.save
      - Order.getDataValue
    """

    func testSingularGetterOnHasMany() {
        let result = lint(schema)
        XCTAssertEqual(result.spots, ["has-many-singular-getter@9:5"])
        let finding = result.findings[0]
        XCTAssertTrue(finding.message.contains("getItems()"), finding.message)
        XCTAssertTrue(finding.help?.contains("hasOne") ?? false)
        XCTAssertEqual(finding.severity, .error)
    }

    func testAnAssociationThatGeneratesTheSingularGetterWins() {
        let result = lint("""
        models:
          Order:
            associations:
              - hasMany: Item
              - hasOne: Item
                as: item
                foreignKey: featuredOrderId
          Item:
            associations:
              - belongsTo: Order
              - belongsTo: Order
                as: featuredOrder
        usages: [Order.getItem]
        """)
        // getItem is the hasOne's; only its createItem is lost to the hasMany's (§5.5).
        XCTAssertEqual(result.ruleIDs, ["duplicate-association"], result.compact)
        XCTAssertTrue(result.findings.first?.message.contains("order.createItem()") ?? false, result.compact)
    }

    func testBelongsToManyToo() {
        let result = lint("""
        models:
          Student:
            associations: [ { belongsToMany: Course, through: Enrollment } ]
          Course:
            associations: [ { belongsToMany: Student, through: Enrollment } ]
        usages: [Student.getCourse]
        """)
        XCTAssertEqual(result.ruleIDs, ["has-many-singular-getter"])
    }
}

final class MissingInverseTests: XCTestCase {
    func testHasManyWithoutBelongsTo() {
        let result = lint("""
        models:
          Author:
            associations:
              - hasMany: Post
          Post: {}
        """)
        XCTAssertEqual(result.spots, ["missing-inverse@4:9"])
        XCTAssertEqual(result.findings[0].severity, .warning)
        XCTAssertEqual(result.exitStatus, 0, "a warning does not fail the run")
        XCTAssertTrue(result.findings[0].message.contains("post.getAuthor()"))
        XCTAssertEqual(result.findings[0].help, "add '- belongsTo: Author' to Post's associations")
    }

    func testBelongsToWithoutOwnerSuggestsTheForeignKey() {
        let result = lint("""
        models:
          Post:
            associations:
              - belongsTo: User
                as: author
          User: {}
        """)
        XCTAssertEqual(result.ruleIDs, ["missing-inverse"])
        XCTAssertEqual(result.findings[0].help, "add '- { hasMany: Post, foreignKey: authorId }' to User's associations")
    }

    func testUniqueForeignKeySuggestsHasOne() {
        let result = lint("""
        models:
          Profile:
            attributes:
              UserId: { type: INTEGER, unique: true }
            associations: [ { belongsTo: User } ]
          User: {}
        """)
        XCTAssertEqual(result.findings.first?.help, "add '- hasOne: Profile' to User's associations")
    }

    func testPairsAcrossFilesAndByForeignKey() {
        let users = """
        models:
          User:
            associations:
              - hasMany: Post
                as: authoredPosts
                foreignKey: authorId
              - hasMany: Post
                as: editedPosts
                foreignKey: editorId
        """
        let posts = """
        models:
          Post:
            associations:
              - belongsTo: User
                as: editor
              - belongsTo: User
                as: author
        """
        XCTAssertEqual(lint(users, posts).findings, [])
        let missingEditor = posts.replacingOccurrences(of: "      - belongsTo: User\n        as: editor\n", with: "")
        let result = lint(users, missingEditor)
        XCTAssertEqual(result.spots, ["missing-inverse@7:9"])
        XCTAssertEqual(result.findings[0].location.path, "a.yaml")
    }

    func testAnAssociationBackOverAnotherKeyIsNamedNotDenied() {
        // Found in a real project: two aliased belongsTo and a hasMany over a third key.
        let result = lint("""
        models:
          Transfer:
            attributes:
              fromWarehouseId: INTEGER
              toWarehouseId: INTEGER
            associations:
              - belongsTo: Warehouse
                as: from
                foreignKey: fromWarehouseId
              - belongsTo: Warehouse
                as: to
                foreignKey: toWarehouseId
          Warehouse:
            associations:
              - hasMany: Transfer
                foreignKey: warehouseId
        """)
        XCTAssertEqual(result.ruleIDs, ["missing-inverse", "missing-inverse", "missing-inverse"], result.compact)
        XCTAssertEqual(result.findings[0].message, "Transfer.belongsTo(Warehouse, { as: 'from' }) has no inverse over fromWarehouseId: Warehouse.hasMany(Transfer) goes back but uses the foreign key warehouseId, so warehouse.getTransfers() follows warehouseId, not fromWarehouseId")
        XCTAssertEqual(result.findings[0].related.last?.location.line, 15)
    }

    func testBelongsToManyNeedsTheSameJunction() {
        let result = lint("""
        models:
          Student:
            associations: [ { belongsToMany: Course, through: Enrollment } ]
          Course:
            associations: [ { belongsToMany: Student, through: Enrollments } ]
        """)
        // One mistake, one finding: on the side whose model's name sorts last.
        XCTAssertEqual(result.spots, ["missing-inverse@3:23"])
        XCTAssertTrue(result.findings[0].message.contains("goes through"))
    }

    func testSelfBelongsToManyIsSymmetric() {
        let result = lint("""
        models:
          User:
            associations: [ { belongsToMany: User, as: friends, through: Friendships } ]
        """)
        XCTAssertEqual(result.findings, [])
    }
}

final class HasManyForOneToOneTests: XCTestCase {
    func testUniqueLinkColumn() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Profile } ]
          Profile:
            attributes:
              UserId: { type: INTEGER, unique: true }
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertEqual(result.spots, ["has-many-for-one-to-one@3:23"])
        XCTAssertTrue(result.findings[0].help?.contains("User.hasOne(Profile)") ?? false)
        XCTAssertTrue(result.findings[0].help?.contains("user.getProfile()") ?? false)
    }

    func testUniqueForeignKeyOption() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Profile, foreignKey: { name: userId, unique: true } } ]
          Profile:
            associations: [ { belongsTo: User, foreignKey: userId } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["has-many-for-one-to-one"])
    }

    func testCompositeUniqueIndexAndSingularAliasAreNoEvidence() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Profile, as: profile } ]
          Profile:
            attributes:
              UserId: { type: INTEGER, unique: user_kind }
              kind: { type: STRING, unique: user_kind }
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertFalse(result.ruleIDs.contains("has-many-for-one-to-one"), result.compact)
    }
}

final class UnknownModelTests: XCTestCase {
    func testTargetAndUsageWithSuggestion() {
        let result = lint("""
        models:
          Author:
            associations: [ { hasMany: Posts } ]
          Post:
            associations: [ { belongsTo: author } ]
        usages: [Autor.getPosts]
        """)
        XCTAssertEqual(result.ruleIDs, ["unknown-model", "unknown-model", "unknown-model"])
        XCTAssertTrue(result.findings[0].message.contains("Did you mean 'Post'?"), result.findings[0].message)
        XCTAssertTrue(result.findings[1].message.contains("Did you mean 'Author'?"))
        XCTAssertTrue(result.findings[2].message.contains("Did you mean 'Author'?"))
    }

    func testImplicitJunctionAndLowerCaseModelsAreFine() {
        let result = lint("""
        models:
          users:
            associations: [ { belongsToMany: projects, through: user_projects } ]
          projects:
            associations: [ { belongsToMany: users, through: user_projects } ]
        usages: [users.getProjects]
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }
}

final class UnknownAccessorTests: XCTestCase {
    func testTypoGetsDidYouMean() {
        let result = lint("""
        models:
          Order:
            associations: [ { hasMany: Item } ]
          Item:
            associations: [ { belongsTo: Order } ]
        usages: [Order.getItmes, Order.setItem, Item.getOrders, Order.findAll]
        """)
        XCTAssertEqual(result.ruleIDs, ["unknown-accessor", "unknown-accessor", "unknown-accessor"])
        XCTAssertTrue(result.findings[0].message.contains("Did you mean 'getItems'?"))
        XCTAssertTrue(result.findings[1].message.contains("Did you mean 'setItems'?"))
        XCTAssertTrue(result.findings[2].message.contains("Did you mean 'getOrder'?"))
    }
}

final class DuplicateModelTests: XCTestCase {
    func testSecondDeclarationAcrossFilesPointsAtTheFirst() {
        let result = lint("models:\n  User: {}\n", "models:\n  Post: {}\n  User: {}\n")
        XCTAssertEqual(result.spots, ["duplicate-model@3:3"])
        XCTAssertEqual(result.findings[0].location.path, "b.yaml")
        XCTAssertEqual(result.findings[0].related.first?.location, Location(path: "a.yaml", mark: SourceMark(line: 2, column: 3)))
    }

    func testDuplicateKeyInOneFileIsADuplicateModelNotAYAMLIssue() {
        let result = lint("models:\n  User: {}\n  User: {}\n")
        XCTAssertEqual(result.spots, ["duplicate-model@3:3"])
    }
}

/// Cases found in review: correct Sequelize that must not be reported, and messages that must
/// say the right thing.
final class ReviewRegressionTests: XCTestCase {
    func testUnmodelledLinkColumnDoesNotReverseAPairedBelongsTo() {
        let result = lint("""
        models:
          Employee:
            associations: [ { belongsTo: Department } ]
          Department:
            attributes:
              managerId: { type: INTEGER, references: { model: Employees, key: id } }
            associations: [ { hasMany: Employee } ]
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testSourceThatDeclaresTheForeignKeyIsNotReversed() {
        let result = lint("""
        models:
          User:
            attributes:
              PictureId: { type: INTEGER, references: { model: Pictures, key: id } }
            associations: [ { hasMany: Picture }, { belongsTo: Picture } ]
          Picture:
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertFalse(result.ruleIDs.contains("reversed-belongs-to"), result.compact)
    }

    func testDifferentJunctionsMessageSaysWhatReallyHappens() {
        let result = lint("""
        models:
          User:
            associations: [ { belongsToMany: Project, through: UserProjects } ]
          Project:
            associations: [ { belongsToMany: User, through: ProjectMembers } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["missing-inverse"], "one mistake, one finding (on the side whose model's name sorts last)")
        XCTAssertEqual(result.findings[0].message, "User.belongsToMany(Project) goes through 'UserProjects' but Project.belongsToMany(User) goes through 'ProjectMembers': rows added with user.addProject() are invisible to project.getUsers(), and the other way round")
    }

    func testSingularGetterHelpKeepsTheAlias() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Task, as: openTasks } ]
          Task:
            associations: [ { belongsTo: User } ]
        usages: [User.getOpenTask]
        """)
        XCTAssertEqual(result.ruleIDs, ["has-many-singular-getter"])
        XCTAssertEqual(result.findings[0].help, "call user.getOpenTasks(); if each User has only one Task, the fix is User.hasOne(Task, { as: 'openTask', foreignKey: 'UserId' }), which generates getOpenTask()")
    }

    func testHookShorthandsAreModelMethods() {
        let result = lint("models:\n  User: {}\nusages: [User.beforeCreate, User.afterSave]\n")
        XCTAssertEqual(result.findings, [])
    }
}

final class ForeignKeyMismatchTests: XCTestCase {
    func testInverseSidesWithDifferentKeys() {
        let result = lint("""
        models:
          User:
            associations: [ { hasMany: Post, foreignKey: authorId } ]
          Post:
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertEqual(result.spots, ["foreign-key-mismatch@3:23"])
        XCTAssertTrue(result.findings[0].message.contains("(authorId and UserId)"))
        XCTAssertEqual(result.findings[0].help, "give both the same foreignKey, e.g. 'foreignKey: authorId' on each")
    }

    func testAliasOnTheBelongsToChangesItsDefault() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Post } ] }
          Post: { associations: [ { belongsTo: User, as: author } ] }
        """)
        XCTAssertEqual(result.ruleIDs, ["foreign-key-mismatch"])
    }

    func testDeclaredColumnSpeltDifferently() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Post } ] }
          Post:
            attributes:
              userId: INTEGER
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["foreign-key-mismatch"])
        XCTAssertEqual(result.findings[0].help, "add 'foreignKey: userId' to this association")
    }

    func testMatchingKeysAndJunctionsAreFine() {
        let result = lint("""
        models:
          User:
            associations:
              - { hasMany: Post, as: posts, foreignKey: authorId }
              - { belongsToMany: Group, through: Membership }
          Post:
            attributes: { authorId: INTEGER }
            associations: [ { belongsTo: User, as: author, foreignKey: authorId } ]
          Group:
            associations: [ { belongsToMany: User, through: Membership } ]
          Membership:
            attributes: { UserId: INTEGER, GroupId: INTEGER }
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testJunctionModelWithOtherSpelling() {
        let result = lint("""
        models:
          User: { associations: [ { belongsToMany: Group, through: Membership } ] }
          Group: { associations: [ { belongsToMany: User, through: Membership } ] }
          Membership:
            attributes: { user_id: INTEGER, group_id: INTEGER }
        """)
        XCTAssertEqual(result.ruleIDs, ["foreign-key-mismatch", "foreign-key-mismatch"], result.compact)
    }
}

/// The second review's cases: valid Sequelize that must stay quiet, and advice that must be right.
final class SecondReviewTests: XCTestCase {
    func testUnderscoredSpellingsOfOneColumnAreOneColumn() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Post, foreignKey: authorId } ] }
          Post:
            underscored: true
            attributes: { author_id: INTEGER }
            associations: [ { belongsTo: User, as: author } ]
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testAMismatchedDeclaredColumnIsReportedOnce() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Post, foreignKey: userId } ] }
          Post:
            attributes: { user_id: INTEGER }
            associations: [ { belongsTo: User, foreignKey: userId } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["foreign-key-mismatch"], result.compact)
        XCTAssertTrue(result.findings[0].message.contains("(column userId)"))
    }

    func testSeveralOwnersShareOneBelongsTo() {
        let result = lint("""
        models:
          User:
            associations:
              - { hasMany: Post, as: posts }
              - { hasMany: Post, as: drafts, scope: { status: draft } }
              - { hasOne: Post, as: latestPost, foreignKey: UserId }
          Post: { associations: [ { belongsTo: User } ] }
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testAReferenceUnderARoleNameIsNoReversal() {
        let result = lint("""
        models:
          Post:
            attributes: { title: STRING }
            associations: [ { belongsTo: User } ]
          User:
            attributes:
              lastPostId: { type: INTEGER, references: { model: Posts, key: id } }
        """)
        XCTAssertEqual(result.ruleIDs, ["missing-inverse"], result.compact)
    }

    func testSingleFieldUniqueIndexMakesAOneToOne() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Profile } ] }
          Profile:
            indexes: [ { unique: true, fields: [UserId] } ]
            attributes: { UserId: INTEGER }
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["has-many-for-one-to-one"], result.compact)
    }

    func testOneToOneAdviceKeepsAliasAndForeignKey() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Profile, as: ownedProfiles, foreignKey: ownerId } ] }
          Profile:
            attributes: { ownerId: { type: INTEGER, unique: true } }
        """)
        let finding = result.findings("has-many-for-one-to-one").first
        XCTAssertEqual(finding?.help, "declare User.hasOne(Profile, { as: 'ownedProfile', foreignKey: 'ownerId' }) instead (it generates user.getOwnedProfile()), and declare Profile.belongsTo(User) on the other side")
        let getter = lint("""
        models:
          Order: { associations: [ { hasMany: Item, as: lineItems } ] }
          Item: { associations: [ { belongsTo: Order, as: order, foreignKey: OrderId } ] }
        usages: [Order.getLineItem]
        """)
        XCTAssertEqual(getter.findings.first?.help, "call order.getLineItems(); if each Order has only one Item, the fix is Order.hasOne(Item, { as: 'lineItem', foreignKey: 'OrderId' }), which generates getLineItem()")
    }

    func testMissingInverseSuggestsTheHasOneKeyWithANameOverride() {
        let result = lint("""
        models:
          Person: { name: { singular: human } }
          Passport:
            attributes: { humanId: { type: INTEGER, unique: true } }
            associations: [ { belongsTo: Person } ]
        """)
        XCTAssertEqual(result.findings.first?.help, "add '- { hasOne: Passport, foreignKey: humanId }' to Person's associations")
    }

    func testUnusedSuppressionWaitsForABrokenFile() {
        let good = "models:\n  A:\n    associations:\n      # assoclint-disable-next-line missing-inverse\n      - hasMany: B\n  B: {}\n"
        let result = lint(good, "models:\n  C: [\n")
        XCTAssertEqual(result.ruleIDs, ["yaml-syntax"], result.compact)
    }

    func testModelMethodsAreNeverSingularGetters() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Post, as: { plural: posts } } ] }
          Post: { associations: [ { belongsTo: User } ] }
        usages: [User.get]
        """)
        XCTAssertFalse(result.ruleIDs.contains("has-many-singular-getter"), result.compact)
    }

    func testControlCharactersDoNotReachTheTerminal() {
        let result = lint("models:\n  \"Evil\\e[2J\": { associations: [ { hasMany: Nope } ] }\n")
        let compact = CompactReporter.render(result)
        XCTAssertFalse(compact.contains("\u{1B}"))
        XCTAssertTrue(compact.contains("Evil\\u{1B}[2J"), compact)
        XCTAssertFalse(Reporter.render(result, format: .text).contains("\u{1B}"))
        XCTAssertFalse(GitHubReporter.render(result).contains("\u{1B}"))
    }
}

/// The third review's cases.
final class ThirdReviewTests: XCTestCase {
    func testASecondBelongsToWithAnotherSpellingIsNotTakenForAnInverse() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Post } ] }
          Post:
            associations:
              - belongsTo: User
              - { belongsTo: User, as: owner, foreignKey: userId }
        """)
        // userId is a second column next to UserId: that belongsTo has no hasMany of its own.
        XCTAssertEqual(result.spots, ["missing-inverse@6:11"], result.compact)
    }

    func testManyAliasedPairsBetweenTwoModelsStayLinear() {
        let count = 3000
        var users = "models:\n  User:\n    associations:\n"
        var posts = "  Post:\n    associations:\n"
        for index in 0..<count {
            users += "      - { hasMany: Post, as: list\(index)Posts, foreignKey: key\(index) }\n"
            posts += "      - { belongsTo: User, as: owner\(index), foreignKey: key\(index) }\n"
        }
        let started = Date()
        let result = lint(users + posts)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(result.findings, [])
    }

    func testUniqueIndexFieldsNameColumns() {
        let result = lint("""
        models:
          User: { associations: [ { hasMany: Profile } ] }
          Profile:
            underscored: true
            indexes: [ { unique: true, fields: [user_id] } ]
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["has-many-for-one-to-one"], result.compact)
        XCTAssertTrue(result.findings[0].message.contains("a unique index covers Profile.user_id alone"))
    }

    func testHasOneAdviceKeepsTheSourceKey() {
        let result = lint("""
        models:
          User:
            attributes: { uuid: { type: UUID, unique: true } }
            associations: [ { hasMany: Item, sourceKey: uuid } ]
          Item:
            attributes: { UserId: { type: UUID, unique: true } }
            associations: [ { belongsTo: User, targetKey: uuid } ]
        """)
        XCTAssertEqual(result.findings.first?.help, "declare User.hasOne(Item, { sourceKey: 'uuid' }) instead (it generates user.getItem()), and keep Item.belongsTo(User)")
    }

    func testTabsAndCRLFInTheTextExcerpt() {
        let result = lint("models:\r\n  A: {hasMany:\tB}\r\n  B: { associations: [ { hasMany: Nope } ] }\r\n")
        let text = Reporter.render(result, format: .text)
        XCTAssertFalse(text.contains("\\u{9}"), text)
        XCTAssertTrue(text.contains("3 |   B: { associations: [ { hasMany: Nope } ] }"), text)
    }
}
