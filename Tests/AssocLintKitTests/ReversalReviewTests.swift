import Foundation
import XCTest
@testable import AssocLintKit

/// Schemas a review of the reversal rules (issue 8) found, kept in Tests/Fixtures/reversal-review:
/// roles that are not reversals, advice that must not repeat a mistake, and cases that were missed.
final class ReversalReviewTests: XCTestCase {
    func lintFixture(_ name: String) throws -> LintResult {
        let bytes = try Data(contentsOf: fixtureURL("reversal-review/\(name).yaml"))
        return Linter.lint([LintInput(path: "\(name).yaml", bytes: Array(bytes), isExplicit: true)])
    }

    func testAliasedRolesBesideTheRightBelongsToAreNotReversed() throws {
        // A managed department, owned teams, a favourite post: second links under role names,
        // whose own columns Sequelize adds. Only their missing inverses are reported.
        for name in ["dept2", "role3", "fav"] {
            let result = try lintFixture(name)
            XCTAssertEqual(Set(result.ruleIDs), ["missing-inverse"], "\(name): \(result.compact)")
        }
    }

    func testAKeyBothSidesNameExplicitlyIsNoEvidence() throws {
        let result = try lintFixture("audit")
        XCTAssertEqual(result.findings, [], result.compact)
    }

    func testAUniqueKeyIsAdvisedAsAOneToOne() throws {
        let result = try lintFixture("hm12")
        XCTAssertEqual(result.ruleIDs, ["reversed-belongs-to"], result.compact)
        XCTAssertEqual(result.findings.first?.help, "replace it with User.hasOne(Profile) (user.getProfile()); replace Profile.hasMany(User) with Profile.belongsTo(User) (profile.getUser())")
    }

    func testNoSingularGetterAdviceOnAReversedHasMany() throws {
        // comment.getPost() is right; Comment.hasMany(Post) is the mistake.
        let result = try lintFixture("sg2")
        XCTAssertEqual(result.ruleIDs, ["reversed-has-many"], result.compact)
    }

    func testAnExistingRightOwnerIsNotAdvisedAgain() throws {
        let result = try lintFixture("m10b")
        XCTAssertEqual(result.ruleIDs, ["reversed-has-many"], "one finding: \(result.compact)")
        XCTAssertEqual(result.findings.first?.help, "remove it: User.hasMany(Post) already owns Post through Post.userId; declare Post.belongsTo(User, { foreignKey: 'userId' }) (post.getUser())")
    }

    func testTheOppositeAssociationsKeyIsKeptInTheAdvice() throws {
        let result = try lintFixture("a1")
        XCTAssertEqual(result.ruleIDs, ["reversed-belongs-to"], result.compact)
        XCTAssertTrue(result.findings.first?.help?.contains("declare Comment.belongsTo(Post, { foreignKey: 'postId' })") ?? false, result.compact)
    }

    func testAnAliasDoesNotHideAReversedHasOne() throws {
        // Comment.hasOne(Post, { as: 'post' }) expects Post.postId (the alias names the key), and
        // Comment.postId says the key is on Comment.
        let result = try lintFixture("miss_alias1")
        XCTAssertEqual(result.ruleIDs, ["reversed-has-many"], result.compact)
    }

    func testAReferencingColumnDecidesAgainstAModelThatListsNoAttributes() throws {
        let result = try lintFixture("noattr2")
        XCTAssertEqual(result.ruleIDs, ["reversed-belongs-to"], result.compact)
    }

    func testAnEntryWithTwoKindsIsOneFinding() throws {
        for name in ["twokind2", "twokind4"] {
            let result = try lintFixture(name)
            XCTAssertEqual(result.ruleIDs, ["invalid-declaration"], "\(name): \(result.compact)")
        }
    }

    /// Found in a real project: User declares `user_id` (a login handle, not a key) and both
    /// sides of User-Review agree on `userId`. A column named after its own model links it to
    /// no other model, so nothing is reversed.
    func testAColumnNamedAfterItsOwnModelIsNotALinkToAnother() {
        let result = lint("""
        models:
          User:
            attributes:
              user_id: { type: STRING(50), allowNull: false, unique: true }
            associations:
              - hasMany: Review
                foreignKey: userId
              - hasOne: Cart
                foreignKey: userId
          Review:
            associations:
              - belongsTo: User
                as: user
          Cart:
            attributes:
              total: INTEGER
        """)
        XCTAssertEqual(result.ruleIDs, ["missing-inverse"], result.compact)
        XCTAssertTrue(result.findings[0].message.hasPrefix("User.hasOne(Cart) has no inverse"), result.compact)
    }
}
