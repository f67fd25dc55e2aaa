import XCTest
@testable import AssocLintKit

/// The extractor's first styles: `sequelize.define` modules with `associate`, plain scripts, and
/// classes with `init` and `static associate`, read within one file.
final class JSModelExtractorTests: XCTestCase {
    func extract(_ source: String, path: String = "models.js") -> JSModelExtraction {
        JSModelExtractor.extract(JSParser.parse(Array(source.utf8)), path: path)
    }

    func testDefineModulesWithAssociate() throws {
        let result = extract("""
        module.exports = (sequelize, DataTypes) => {
          const Post = sequelize.define('Post', {
            title: DataTypes.STRING(128),
            authorId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'Users', key: 'id' } },
          }, { tableName: 'posts', paranoid: true });
          Post.associate = function (models) {
            Post.belongsTo(models.User, { foreignKey: 'authorId', as: 'author', onDelete: 'CASCADE' });
            Post.belongsToMany(models.Tag, { through: 'PostTags' });
          };
          return Post;
        };
        """)
        XCTAssertTrue(result.file.isModelFile)
        let post = try XCTUnwrap(result.file.models.first)
        XCTAssertEqual(post.name, "Post")
        XCTAssertEqual(post.tableName, "posts")
        XCTAssertTrue(post.paranoid)
        XCTAssertEqual(post.attributes.map(\.name), ["title", "authorId"])
        XCTAssertEqual(post.attributes.map(\.type), ["STRING(128)", "INTEGER"])
        XCTAssertEqual(post.attributes[1].allowNull, false)
        XCTAssertEqual(post.attributes[1].references?.model, "Users")
        XCTAssertEqual(post.associations.map { "\($0.kind.rawValue) \($0.target)" }, ["belongsTo User", "belongsToMany Tag"])
        XCTAssertEqual(post.associations[0].alias, .string("author"))
        XCTAssertEqual(post.associations[0].foreignKey, "authorId")
        XCTAssertEqual(post.associations[0].onDelete?.value, "CASCADE")
        XCTAssertEqual(post.associations[0].mark, SourceMark(line: 7, column: 5))
        XCTAssertEqual(post.associations[1].through, "PostTags")
        XCTAssertEqual(post.associations[1].throughForm, .name)
        XCTAssertTrue(result.notUnderstood.isEmpty)
    }

    func testAPlainScriptLintsLikeItsYAML() {
        // The quiz's reversed pair, written as a script: the same finding as in YAML.
        let result = extract("""
        const User = sequelize.define('User', { email: { type: DataTypes.STRING, unique: true } });
        const Profile = sequelize.define('Profile', {
          bio: DataTypes.TEXT,
          userId: { type: DataTypes.INTEGER, allowNull: false, unique: true, references: { model: 'Users', key: 'id' } },
        });
        User.belongsTo(Profile);
        Profile.hasOne(User);
        """)
        let findings = RuleRegistry.all.flatMap { $0.init().check(LintContext(files: [result.file])) }
        XCTAssertEqual(findings.map(\.ruleID), ["reversed-belongs-to"], "\(findings.map(\.message))")
        XCTAssertEqual(findings.first?.location.line, 6)
    }

    func testClassesWithInitAndStaticAssociate() throws {
        let result = extract("""
        class Cart extends Model {
          static associate(models) { this.belongsTo(models.Customer); this.hasMany(models.CartItem, { as: 'items' }); }
        }
        Cart.init({ total: DataTypes.DECIMAL(10, 2) }, { sequelize, modelName: 'ShoppingCart', tableName: 'carts' });
        """, path: "cart.ts")
        let cart = try XCTUnwrap(result.file.models.first)
        XCTAssertEqual(cart.name, "ShoppingCart")
        XCTAssertEqual(cart.tableName, "carts")
        XCTAssertEqual(cart.attributes.first?.type, "DECIMAL(10, 2)")
        XCTAssertEqual(cart.associations.map { "\($0.kind.rawValue) \($0.target) \($0.source)" }, ["belongsTo Customer ShoppingCart", "hasMany CartItem ShoppingCart"])
    }

    func testWhatCannotBeReadIsListedAndLeftOut() {
        let result = extract("""
        const A = sequelize.define('A', {});
        A.hasMany(models[name]);
        A.belongsTo(models.B, { ...defaults, as: 'b' });
        A.hasOne(models.C, { foreignKey: keyFor('c') });
        A.hasMany(models.D, options);
        const X = sequelize.define(modelName, {});
        """)
        XCTAssertEqual(result.file.models.map(\.name), ["A"])
        XCTAssertEqual(result.file.models.first?.associations.count, 0)
        XCTAssertEqual(result.notUnderstood.map(\.mark.line), [2, 3, 4, 5, 6], "\(result.notUnderstood)")
    }
}
