import XCTest
@testable import AssocLintKit

/// The associations quiz, answer by answer: each wrong answer gives exactly its finding, each
/// right answer none; and the cases around reversals (issue 8) that decide from declared columns.
final class QuizTests: XCTestCase {
    // MARK: Q2 "A Comment belongs to a Post"

    static let commentWithPostId = """
      Comment:
        attributes:
          body: TEXT
          postId: { type: INTEGER, references: { model: Posts, key: id } }
    """

    func testQ2RightAnswer() {
        let result = lint("""
        models:
          Post:
            attributes: { title: STRING }
            associations: [ { hasMany: Comment, foreignKey: postId } ]
        \(Self.commentWithPostId)
            associations: [ { belongsTo: Post, foreignKey: postId } ]
        usages: [ Comment.getPost, Post.getComments ]
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testQ2BelongsToOnTheWrongModel() {
        let result = lint("""
        models:
          Post:
            attributes: { title: STRING }
            associations: [ { belongsTo: Comment } ]
        \(Self.commentWithPostId)
        """)
        XCTAssertEqual(result.spots, ["reversed-belongs-to@4:23"], result.compact)
        let help = result.findings.first?.help ?? ""
        XCTAssertTrue(help.contains("Comment.belongsTo(Post, { foreignKey: 'postId' }) (comment.getPost())"), help)
        XCTAssertTrue(help.contains("Post.hasMany(Comment, { foreignKey: 'postId' })"), help)
    }

    func testQ2HasManyOnTheModelThatBelongs() {
        let result = lint("""
        models:
          Post:
            attributes: { title: STRING }
        \(Self.commentWithPostId)
            associations: [ { hasMany: Post } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["reversed-has-many"], result.compact)
        let finding = result.findings[0]
        XCTAssertEqual(finding.message, "Comment.hasMany(Post) looks reversed: it expects a foreign key CommentId on Post, but Post has no column linking to Comment while Comment.postId links to Post, so Comment belongs to Post")
        XCTAssertEqual(finding.help, "replace it with Post.hasMany(Comment, { foreignKey: 'postId' }) (post.getComments()); declare Comment.belongsTo(Post, { foreignKey: 'postId' }) (comment.getPost())")
        XCTAssertEqual(finding.related.map(\.location.line), [7], "points at Comment.postId")
    }

    func testQ2HasManyAloneIsAMissingInverse() {
        let result = lint("""
        models:
          Post:
            attributes: { title: STRING }
            associations: [ { hasMany: Comment, foreignKey: postId } ]
        \(Self.commentWithPostId)
        """)
        XCTAssertEqual(result.ruleIDs, ["missing-inverse"], result.compact)
        XCTAssertTrue(result.findings[0].message.contains("comment.getPost() does not exist"))
    }

    // MARK: Q3, Q4

    func testQ3RightAnswer() {
        let result = lint("""
        models:
          Author:
            attributes: { name: STRING }
            associations: [ { hasMany: Book } ]
          Book:
            attributes:
              title: STRING
              AuthorId: { type: INTEGER, references: { model: Authors, key: id } }
            associations: [ { belongsTo: Author } ]
        usages: [ Author.getBooks, Book.getAuthor ]
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testQ4SingularGetter() {
        let result = lint("""
        models:
          Order:
            associations: [ { hasMany: Item } ]
          Item:
            associations: [ { belongsTo: Order } ]
        usages: [ order.getItem, order.getItems ]
        """)
        XCTAssertEqual(result.spots, ["has-many-singular-getter@6:11"], result.compact)
    }

    // MARK: Q5 "Each User has one Profile, each Profile belongs to one User"

    static let user = """
      User:
        attributes:
          email: { type: STRING, unique: true }
    """
    static let profile = """
      Profile:
        attributes:
          bio: TEXT
          userId: { type: INTEGER, allowNull: false, unique: true, references: { model: Users, key: id } }
    """

    func testQ5RightAnswer() {
        let result = lint("""
        models:
        \(Self.user)
            associations: [ { hasOne: Profile, foreignKey: userId } ]
        \(Self.profile)
            associations: [ { belongsTo: User, foreignKey: userId } ]
        usages: [ User.getProfile, Profile.getUser ]
        """)
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testQ5ReversedPairInBothOrders() {
        let userFirst = lint("""
        models:
        \(Self.user)
            associations: [ { belongsTo: Profile } ]
        \(Self.profile)
            associations: [ { hasOne: User } ]
        """)
        let profileFirst = lint("""
        models:
        \(Self.profile)
            associations: [ { hasOne: User } ]
        \(Self.user)
            associations: [ { belongsTo: Profile } ]
        """)
        for (result, belongsToLine, hasOneLine) in [(userFirst, 5, 10), (profileFirst, 10, 6)] {
            XCTAssertEqual(result.spots, ["reversed-belongs-to@\(belongsToLine):23"], result.compact)
            guard let finding = result.findings.first else { continue }
            XCTAssertEqual(finding.message, "User.belongsTo(Profile) and Profile.hasOne(User) look reversed: both put the foreign key ProfileId on User, but User has no column linking to Profile while Profile.userId links to User")
            XCTAssertEqual(finding.help, "replace it with User.hasOne(Profile, { foreignKey: 'userId' }) (user.getProfile()); replace Profile.hasOne(User) with Profile.belongsTo(User, { foreignKey: 'userId' }) (profile.getUser())")
            XCTAssertEqual(finding.related.first?.location.line, hasOneLine, "the hasOne is a related location")
        }
    }

    func testQ5ReversedPairWithHasMany() {
        let result = lint("""
        models:
        \(Self.user)
            associations: [ { belongsTo: Profile } ]
        \(Self.profile)
            associations: [ { hasMany: User } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["reversed-belongs-to"], result.compact)
        // Profile.userId is unique: the fix is a one-to-one, whatever the pair said.
        XCTAssertTrue(result.findings.first?.help?.hasPrefix("replace it with User.hasOne(Profile, { foreignKey: 'userId' }) (user.getProfile())") ?? false,
                      result.findings.first?.help ?? "")
    }

    func testQ5HasManyForAOneToOne() {
        let result = lint("""
        models:
        \(Self.user)
            associations: [ { hasMany: Profile, foreignKey: userId } ]
        \(Self.profile)
            associations: [ { belongsTo: User, foreignKey: userId } ]
        usages: [ User.getProfiles ]
        """)
        XCTAssertEqual(result.ruleIDs, ["has-many-for-one-to-one"], result.compact)
    }

    func testAReversedPairIsNotReportedWhenTheSourceDeclaresALink() {
        // Today's guard: User declares its own link to Profile, so the pair may well be right.
        let result = lint("""
        models:
          User:
            attributes:
              email: STRING
              profileId: { type: INTEGER, references: { model: Profiles, key: id } }
            associations: [ { belongsTo: Profile, foreignKey: profileId } ]
        \(Self.profile)
            associations: [ { hasOne: User, foreignKey: profileId } ]
        """)
        XCTAssertFalse(result.ruleIDs.contains("reversed-belongs-to"), result.compact)
        XCTAssertFalse(result.ruleIDs.contains("reversed-has-many"), result.compact)
    }

    func testAPairAgainstAModelThatListsNoAttributesNeedsAReference() {
        // Nothing is known of User's columns: a column only named like the link says nothing...
        let named = lint("""
        models:
          User:
            associations: [ { belongsTo: Profile } ]
          Profile:
            attributes: { bio: TEXT, userId: { type: INTEGER, unique: true } }
            associations: [ { hasOne: User } ]
        """)
        XCTAssertEqual(named.findings, [], named.compact)
        // ...but one that references Users says where the key is.
        let referencing = lint("""
        models:
          User:
            associations: [ { belongsTo: Profile } ]
        \(Self.profile)
            associations: [ { hasOne: User } ]
        """)
        XCTAssertEqual(referencing.ruleIDs, ["reversed-belongs-to"], referencing.compact)
        XCTAssertTrue(referencing.findings.first?.message.contains("Profile.userId references User (which lists no attributes of its own)") ?? false,
                      referencing.compact)
    }

    // MARK: mutual belongsTo

    func testMutualBelongsTo() {
        let result = lint("""
        models:
          Person:
            attributes: { name: STRING }
            associations: [ { belongsTo: Passport } ]
          Passport:
            attributes:
              personId: { type: INTEGER, references: { model: People, key: id } }
            associations: [ { belongsTo: Person, foreignKey: personId } ]
        """)
        XCTAssertEqual(result.spots, ["reversed-belongs-to@4:23"], result.compact)
        let help = result.findings.first?.help ?? ""
        XCTAssertTrue(help.contains("Person.hasOne(Passport, { foreignKey: 'personId' })"), help)
        XCTAssertTrue(help.contains("Person.hasMany(Passport, { foreignKey: 'personId' })"), help)
        XCTAssertTrue(help.contains("Passport.belongsTo(Person) already holds the key Passport.personId"), help)
        XCTAssertFalse(help.contains("Passport.hasMany(Person)") || help.contains("Passport.hasOne(Person)"), "the mirror image of the mistake: \(help)")
    }

    func testMutualBelongsToWithAUniqueKeySuggestsHasOneOnly() {
        let result = lint("""
        models:
          Person:
            attributes: { name: STRING }
            associations: [ { belongsTo: Passport } ]
          Passport:
            attributes:
              PersonId: { type: INTEGER, unique: true }
            associations: [ { belongsTo: Person } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["reversed-belongs-to"], result.compact)
        XCTAssertEqual(result.findings.first?.help, "replace it with Person.hasOne(Passport) (person.getPassport()); Passport.belongsTo(Person) already holds the key Passport.PersonId")
    }

    func testAnAliasedBelongsToBackIsARoleNotEvidence() {
        // A department belongs to its manager; employees belong to their department.
        let result = lint("""
        models:
          Employee:
            attributes: { name: STRING }
            associations: [ { belongsTo: Department } ]
          Department:
            attributes:
              managerId: { type: INTEGER, references: { model: Employees, key: id } }
            associations:
              - hasMany: Employee
              - { belongsTo: Employee, as: manager, foreignKey: managerId }
              - { hasOne: Employee, as: managed, foreignKey: managerId }
        """)
        XCTAssertFalse(result.ruleIDs.contains("reversed-belongs-to"), result.compact)
        XCTAssertFalse(result.ruleIDs.contains("reversed-has-many"), result.compact)
    }

    // MARK: reversed-has-many

    func testHasOneOnTheModelThatHoldsTheKey() {
        let result = lint("""
        models:
        \(Self.user)
        \(Self.profile)
            associations: [ { hasOne: User } ]
        """)
        XCTAssertEqual(result.ruleIDs, ["reversed-has-many"], result.compact)
        XCTAssertEqual(result.findings.first?.help, "replace it with User.hasOne(Profile, { foreignKey: 'userId' }) (user.getProfile()); declare Profile.belongsTo(User, { foreignKey: 'userId' }) (profile.getUser())")
    }

    func testHasManyBesideTheRightBelongsTo() {
        let result = lint("""
        models:
          Post:
            attributes: { title: STRING }
        \(Self.commentWithPostId)
            associations:
              - hasMany: Post
              - { belongsTo: Post, foreignKey: postId }
        """)
        XCTAssertEqual(result.ruleIDs, ["reversed-has-many"], result.compact)
        XCTAssertEqual(result.findings.first?.help, "replace it with Post.hasMany(Comment, { foreignKey: 'postId' }) (post.getComments()); Comment.belongsTo(Post) already holds the key Comment.postId")
    }

    func testAReversedPairSeenFromTheHasManyIsOneFindingOnTheBelongsTo() {
        let result = lint("""
        models:
          Post:
            attributes: { title: STRING }
            associations: [ { belongsTo: Comment } ]
        \(Self.commentWithPostId)
            associations: [ { hasMany: Post } ]
        """)
        XCTAssertEqual(result.spots, ["reversed-belongs-to@4:23"], result.compact)
        XCTAssertEqual(result.findings.first?.related.first?.location.line, 9)
    }

    func testHasManyIsNotReversedWithoutEvidence() {
        let result = lint("""
        models:
          User:
            attributes:
              name: STRING
              pinnedPostId: { type: INTEGER, references: { model: Posts, key: id } }
              lastPostId: { type: INTEGER, references: { model: Posts, key: id } }
            associations:
              - hasMany: Post
              - { belongsTo: Post, as: pinnedPost }
          Post:
            attributes: { title: STRING }
            associations: [ { belongsTo: User }, { hasOne: User, as: pinner, foreignKey: pinnedPostId }, { belongsTo: Tag } ]
          Tag:
            associations: [ { hasMany: Post } ]
          Label:
            attributes: { PostId: INTEGER }
            associations: [ { hasMany: Post } ]
        """, names: ["roles.yaml"])
        // User's pinnedPostId is a role and lastPostId only references Posts; Tag lists no columns.
        // Label.PostId is named as Label's link to Post, and Post has no LabelId: that one is reversed.
        XCTAssertEqual(result.spots, ["reversed-has-many@17:23"], result.compact)
    }

    func testATargetThatListsNoAttributesNeedsAColumnThatReferencesIt() {
        // Post may hold CommentId undeclared, but Comment.postId references Posts: reversed.
        let referenced = lint("""
        models:
          Post: {}
        \(Self.commentWithPostId)
            associations: [ { hasMany: Post } ]
        """)
        XCTAssertEqual(referenced.ruleIDs, ["reversed-has-many"], referenced.compact)
        // A column only named like the link says nothing about a model that lists no attributes.
        let named = lint("""
        models:
          Post: {}
          Comment:
            attributes: { postId: INTEGER }
            associations: [ { hasMany: Post } ]
        """)
        XCTAssertFalse(named.ruleIDs.contains("reversed-has-many"), named.compact)
    }

    // MARK: belongsToMany keys, invalid entries

    func testBelongsToManyKeysAreJunctionColumns() {
        let result = lint("""
        models:
          Category:
            attributes: { quotaId: INTEGER }
            associations:
              - { belongsToMany: Person, foreignKey: quotaId, through: Membership }
          Person:
            attributes: { name: STRING }
            associations:
              - { belongsToMany: Category, otherKey: quotaId, through: Membership }
              - { belongsTo: Category, as: people, foreignKey: categoryId }
          Membership:
            attributes: { quotaId: INTEGER, PersonId: INTEGER }
        """)
        XCTAssertFalse(result.ruleIDs.contains("reversed-belongs-to"), result.compact)
        XCTAssertEqual(result.ruleIDs, ["missing-inverse"], "only the one-sided belongsTo: \(result.compact)")
    }

    func testAnEntryWithTwoKindsCountsAsItsFirstForPairing() {
        let result = lint("""
        models:
          User:
            associations:
              - hasMany: Post
                belongsTo: Post
          Post:
            associations: [ { belongsTo: User } ]
        """)
        XCTAssertEqual(result.spots, ["invalid-declaration@5:9"], result.compact)
    }

    func testABelongsToManyWithoutThroughIsInvalidDeclarationsAlone() {
        let result = lint("""
        models:
          Tag:
            associations: [ { belongsToMany: User } ]
          User:
            associations: [ { belongsToMany: Tag, through: UserTags } ]
          Label:
            associations: [ { belongsToMany: User, through: { unique: false } } ]
        """)
        XCTAssertEqual(Set(result.ruleIDs), ["invalid-declaration"], result.compact)
        for finding in result.findings {
            for text in [finding.message, finding.help ?? ""] + finding.related.map(\.message) {
                XCTAssertFalse(text.contains("''") || text.contains("through ,") || text.hasSuffix("through "), text)
            }
        }
    }

    // MARK: advice never repeats a mistake

    func testNoHelpAdvisesTheMirrorImageOfAReversedAssociation() {
        let cases = [
            "models:\n\(Self.user)\n    associations: [ { belongsTo: Profile } ]\n\(Self.profile)\n    associations: [ { hasOne: User } ]\n",
            "models:\n  Person:\n    attributes: { name: STRING }\n    associations: [ { belongsTo: Passport } ]\n  Passport:\n    attributes: { personId: INTEGER }\n    associations: [ { belongsTo: Person, foreignKey: personId } ]\n",
            "models:\n  Post:\n    attributes: { title: STRING }\n\(Self.commentWithPostId)\n    associations: [ { hasMany: Post, foreignKey: { name: postId, unique: true } } ]\n",
            "models:\n  Post:\n    attributes: { title: STRING }\n    associations: [ { belongsTo: Comment } ]\n\(Self.commentWithPostId)\n",
        ]
        for text in cases {
            let result = lint(text)
            let reversed = result.findings.filter { $0.ruleID.hasPrefix("reversed-") }
            XCTAssertEqual(reversed.count, 1, result.compact)
            XCTAssertEqual(result.findings.count, 1, "one mistake, one finding: \(result.compact)")
            // The mirror image: the declaration that would pair with the reversed one.
            let schema = LintContext(files: [SchemaDecoder.decode(path: "a.yaml", bytes: Array(text.utf8))]).schema
            for association in schema.associations where reversed.contains(where: { $0.location == association.location }) {
                // Advice is "replace it with C", "replace X with C", "declare C" or "add '- entry' to T's".
                let kinds = association.kind == .belongsTo ? ["hasMany", "hasOne"] : ["belongsTo"]
                for kind in kinds {
                    let call = "\(association.target).\(kind)(\(association.source)"
                    let advice = ["with \(call)", "declare \(call)", "add '- \(kind): \(association.source)' to \(association.target)'s",
                                  "add '- { \(kind): \(association.source),"]
                    for finding in result.findings {
                        let help = finding.help ?? ""
                        XCTAssertFalse(advice.contains { help.contains($0) }, "\(help) advises \(call)")
                    }
                }
            }
        }
    }
}
