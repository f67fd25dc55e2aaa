import XCTest
@testable import AssocLintKit

/// The JavaScript/TypeScript front end: files read one by one (`JSModuleReader`), then put
/// together (`JSProject`); and the five code styles of the fixtures linted end to end.
final class CodeFrontEndTests: XCTestCase {
    struct Extraction {
        var file: SchemaFile
        var notUnderstood: [SourceNote] { file.notes }
    }

    /// One file read and resolved on its own.
    func extract(_ source: String, path: String = "models.js") -> Extraction {
        Extraction(file: read([path: source])[0])
    }

    /// Files read and resolved together, in the order of their paths.
    func read(_ sources: [String: String]) -> [SchemaFile] {
        let modules = sources.sorted { $0.key < $1.key }.map { JSModuleReader.read(Array($0.value.utf8), path: $0.key, absolutePath: "/project/" + $0.key) }
        return JSProject.resolve(modules)
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
        let findings = RuleRegistry.all.flatMap { $0.init().check(LintContext(files: [result.file])) }.filter { $0.ruleID != "unused-suppression" }
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

    // MARK: across files

    func testImportsRequiresAndExportsResolveAcrossFiles() throws {
        let files = read([
            "models/user.ts": "export class User extends Model {}\nUser.init({ email: DataTypes.STRING }, { sequelize });",
            "models/post.js": "const Post = sequelize.define('Post', {});\nmodule.exports = Post;",
            "models/tag.mjs": "export default sequelize.define('tag', {});",
            "models/index.ts": "export { User } from './user';\nexport { default as Tag } from './tag.mjs';",
            "relations.ts": """
            import { User, Tag } from './models';
            const Post = require('./models/post');
            User.hasMany(Post, { as: 'posts' });
            Post.belongsTo(User);
            Post.belongsToMany(Tag, { through: 'PostTags' });
            """,
        ])
        let associations = files.flatMap { $0.models.flatMap(\.associations) }.map { "\($0.path):\($0.mark.line) \($0.source).\($0.kind.rawValue)(\($0.target))" }
        XCTAssertEqual(associations, ["relations.ts:4 Post.belongsTo(User)", "relations.ts:5 Post.belongsToMany(tag)", "relations.ts:3 User.hasMany(Post)"])
        XCTAssertEqual(files.flatMap(\.notes), [])
    }

    func testTheLoadersKeysFollowItsAssignments() throws {
        // Tutorials key the loader's object by file; the model inside is named otherwise.
        let files = read([
            "models/index.js": """
            const db = {};
            db.writer = require('./author.model.js')(sequelize, Sequelize);
            db.book = require('./book.model')(sequelize, Sequelize);
            db.writer.hasMany(db.book);
            Object.keys(db).forEach((key) => { if (db[key].associate) db[key].associate(db); });
            module.exports = db;
            """,
            "models/author.model.js": "module.exports = (sequelize, Sequelize) => { const A = sequelize.define('authors', {}); return A; };",
            "models/book.model.js": "module.exports = (sequelize, DataTypes) => sequelize.define('book', {}, {});",
            "models/review.js": "module.exports = (sequelize) => { const R = sequelize.define('review', {}); R.associate = (models) => { R.belongsTo(models.writer); }; return R; };",
        ])
        let associations = files.flatMap { $0.models.flatMap(\.associations) }.map { "\($0.source).\($0.kind.rawValue)(\($0.target))" }
        XCTAssertEqual(associations.sorted(), ["authors.hasMany(book)", "review.belongsTo(authors)"])
    }

    func testClassesOfABaseClassAreModelsWhenInitialized() throws {
        let file = extract("""
        class BaseModel extends Model { static tableFor(name) { return name; } }
        class User extends BaseModel {
          static associate(models) { this.hasMany(models.Post); }
        }
        User.init({ email: DataTypes.STRING }, { sequelize });
        class Helper extends Base {}
        @Table class Post extends AppModel {}
        """, path: "models.ts").file
        // BaseModel extends Model but nothing initializes it: an abstract base, not a model.
        XCTAssertEqual(file.models.map(\.name), ["User", "Post"])
        XCTAssertEqual(file.models[0].associations.map(\.target), ["Post"])
        XCTAssertEqual(file.notes, [])
        XCTAssertEqual(file.models.map(\.inheritsUnknownMethods), [true, true])
    }

    func testMethodsOfABaseClassAreNotUnknownAccessors() {
        let source = """
        import { BaseModel } from './base';
        class User extends BaseModel {}
        User.init({}, { sequelize });
        class Post extends Model {}
        Post.init({}, { sequelize });
        User.hasMany(Post);
        Post.belongsTo(User);
        async function show(user: User, post: Post) {
          await user.getAuditTrail();
          await user.getPost();
          await post.getAuditTrail();
        }
        """
        let result = Linter.lint([LintInput(path: "models.ts", bytes: Array(source.utf8), isExplicit: true)])
        // getAuditTrail may come from BaseModel; the singular getter is still the classic mistake.
        XCTAssertEqual(result.findings.map { "\($0.ruleID)@\($0.location.line)" }, ["has-many-singular-getter@10", "unknown-accessor@11"], result.compact)
    }

    func testClassMethodsOfSequelizeV3AreNotRun() throws {
        let file = extract("""
        const User = sequelize.define('User', {}, {
          classMethods: { associate: function (models) { User.hasMany(models.Post); } },
        });
        const Post = sequelize.define('Post', {});
        """).file
        XCTAssertEqual(file.models.flatMap(\.associations).count, 0)
        XCTAssertEqual(file.notes.map(\.text), ["classMethods is an option of Sequelize v3 that v6 ignores: User gets none of associate, so the associations declared in its associate do not exist; left out"])
    }

    func testInitInAnotherFileThanTheClass() throws {
        // Found in a real project: the class in one file, `init` in another.
        let files = read([
            "models/post.ts": "export class Posts extends Model { declare addTags: BelongsToManyAddAssociationMixin<Tag, number>; }",
            "models/postInit.ts": """
            import { Posts } from './post';
            export function initPosts() {
              Posts.init({
                id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
                title: { type: DataTypes.STRING(200), allowNull: false },
              }, { sequelize, modelName: 'Post', tableName: 'posts', paranoid: true });
            }
            """,
        ])
        let post = try XCTUnwrap(files.flatMap(\.models).first)
        XCTAssertEqual(post.name, "Post")
        XCTAssertEqual(post.tableName, "posts")
        XCTAssertTrue(post.paranoid)
        XCTAssertEqual(post.attributes.map { "\($0.name) \($0.type ?? "-")" }, ["id INTEGER.UNSIGNED", "title STRING(200)"])
        XCTAssertEqual(post.location(of: post.attributes[1]), Location(path: "models/postInit.ts", mark: SourceMark(line: 5, column: 5)))
        XCTAssertEqual(post.location.path, "models/post.ts")
        XCTAssertEqual(post.declaredAccessors.map(\.name), ["addTags"])
    }

    func testAssociateFunctionsThatNothingCallsAreLeftOutWithANote() throws {
        let book = "module.exports = (sequelize) => { const Book = sequelize.define('Book', {}); Book.associate = (models) => { Book.belongsTo(models.Author); }; return Book; };"
        let author = "module.exports = (sequelize) => sequelize.define('Author', {});"
        // The index registers the models itself and calls no associate: Book.associate is dead code.
        let manual = read([
            "models/index.js": "const db = {};\ndb.Book = require('./book')(sequelize);\ndb.Author = require('./author')(sequelize);\ndb.Author.hasMany(db.Book);\nmodule.exports = db;",
            "models/book.js": book, "models/author.js": author,
        ])
        XCTAssertEqual(manual.flatMap { $0.models.flatMap(\.associations) }.map { "\($0.source).\($0.kind.rawValue)(\($0.target))" }, ["Author.hasMany(Book)"])
        XCTAssertEqual(manual.flatMap(\.notes).map(\.text), ["Book.associate is never called (the code registers its models itself, and nothing calls associate): its associations do not exist and are left out"])
        // With the usual loader loop, it runs.
        let loader = read([
            "models/index.js": "const db = {};\ndb.Book = require('./book')(sequelize);\ndb.Author = require('./author')(sequelize);\nObject.keys(db).forEach((name) => db[name].associate && db[name].associate(db));\nmodule.exports = db;",
            "models/book.js": book, "models/author.js": author,
        ])
        XCTAssertEqual(loader.flatMap { $0.models.flatMap(\.associations) }.map { "\($0.source).\($0.kind.rawValue)(\($0.target))" }, ["Book.belongsTo(Author)"])
        XCTAssertEqual(loader.flatMap(\.notes), [])
    }

    func testSequelizeTypescriptKeysFollowItsRules() throws {
        let files = read([
            "team.ts": "@Table export class Team extends Model { @HasMany(() => Player) players: Player[]; @HasOne(() => Player, 'captainOfId') captain: Player; }",
            "player.ts": """
            @Table({ modelName: 'player' })
            export class Player extends Model {
              @ForeignKey(() => Team) @Column teamId: number;
              @ForeignKey(() => Team) @Column captainOfId: number;
              @BelongsTo(() => Team) team: Team;
              @BelongsToMany(() => Group, () => Membership) groups: Group[];
            }
            """,
            "membership.ts": "@Table export class Membership extends Model { @ForeignKey(() => Group) @Column groupId: number; @ForeignKey(() => Player) @Column playerId: number; }",
            "group.ts": "@Table export class Group extends Model {}",
        ].mapValues { "import { Team } from './team'; import { Player } from './player'; import { Group } from './group'; import { Membership } from './membership';\n" + $0 })
        let associations = files.flatMap { $0.models.flatMap(\.associations) }
        let described = associations.map { "\($0.source).\($0.kind.rawValue)(\($0.target)) as \($0.alias.map { "\($0)" } ?? "-") fk \($0.foreignKey ?? "-") other \($0.otherKey ?? "-") through \($0.through ?? "-")" }
        XCTAssertEqual(described, [
            "player.belongsTo(Team) as string(\"team\") fk teamId other - through -",
            "player.belongsToMany(Group) as string(\"groups\") fk playerId other groupId through Membership",
            "Team.hasMany(player) as string(\"players\") fk teamId other - through -",
            "Team.hasOne(player) as string(\"captain\") fk captainOfId other - through -",
        ])
        let player = try XCTUnwrap(files.flatMap(\.models).first { $0.name == "player" })
        XCTAssertEqual(player.attributes.map { "\($0.name) \($0.type ?? "-")" }, ["teamId INTEGER", "captainOfId INTEGER"])
    }

    func testHolesMakeTheirModelIncompleteAndAreNotedOnce() throws {
        let files = read([
            "a.js": """
            const A = sequelize.define('A', {});
            const B = sequelize.define('B', {});
            A.hasMany(models[name]);
            B.belongsTo(A);
            """,
        ])
        let a = try XCTUnwrap(files[0].models.first)
        XCTAssertTrue(a.isIncomplete)
        XCTAssertFalse(files[0].models[1].isIncomplete)
        XCTAssertFalse(files[0].isIncomplete, "the hole belongs to A alone")
        XCTAssertEqual(files[0].notes.map(\.mark.line), [3])
        // B.belongsTo(A) has no inverse that can be seen, but A's unread association may be it.
        let findings = MissingInverseRule().check(LintContext(files: files))
        XCTAssertEqual(findings.map(\.message), [])
    }

    func testInstanceMethodsAndDeclaredMixinsAreRecorded() throws {
        let file = extract("""
        class Invoice extends Model {
          declare getCustomer: BelongsToGetAssociationMixin<Customer>;
          total() { return 1; }
          getShop = async function () { return null; };
          static associate(models) { this.belongsTo(models.Customer); }
          static associate(models) { this.belongsTo(models.Shop); }
        }
        Invoice.init({}, { sequelize });
        Invoice.prototype.getCustomer = function () {};
        """, path: "invoice.ts").file
        let invoice = try XCTUnwrap(file.models.first)
        XCTAssertEqual(invoice.methods.map(\.name), ["total", "getShop", "getCustomer"])
        XCTAssertEqual(invoice.declaredAccessors.map(\.name), ["getCustomer"])
        XCTAssertEqual(invoice.associateDefinitions.map(\.line), [5, 6])
    }

    func testAccessorCallsOnKnownInstancesAreUsages() throws {
        let files = read([
            "models.js": "const Order = sequelize.define('Order', {}); module.exports = { Order };",
            "routes.js": """
            const { Order } = require('./models');
            const api = require('./api');
            async function show(id) {
              const order = await Order.findByPk(id);
              order.getItem();
              order.toJSON();
              api.getItem();
              const other = await fetchOrder(id);
              other.getItems();
            }
            """,
        ])
        XCTAssertEqual(files[1].usages.map { "\($0.model).\($0.method) \($0.mark.line)" }, ["Order.getItem 5"])
        XCTAssertTrue(files[1].isModelFile, "a file with usages takes part")
        let built = read([
            "models.js": "const Order = sequelize.define('Order', { code: { type: new DataTypes.STRING(12) } }); module.exports = { Order };",
            "draft.js": "const { Order } = require('./models');\nconst draft = Order.build({});\ndraft.getLines();",
        ])
        XCTAssertEqual(built[0].usages.map { "\($0.model).\($0.method) \($0.mark.line)" }, ["Order.getLines 3"], "build() without await")
        XCTAssertEqual(built[1].models.first?.attributes.first?.type, "STRING(12)")
    }

    func testTypedNamesThisAndSequelizeTypescriptHelpersAreUsages() throws {
        let files = read([
            "order.ts": """
            export class Order extends Model {
              total() { return this.getLines(); }
            }
            Order.init({}, { sequelize });
            """,
            "service.ts": """
            import { Order } from './order';
            export function describe(order: Order, other: Other, maybe: Order | null) {
              order.getCustomer();
              other.getCustomer();
              maybe?.countLines();
              const typed: Order = load();
              typed.$get('items');
              typed.$count('lines');
              typed.$get(name);
            }
            """,
        ])
        XCTAssertEqual(files[0].usages.map { "\($0.model).\($0.method) \($0.mark.line)" }, ["Order.getLines 2"])
        XCTAssertEqual(files[1].usages.map { "\($0.model).\($0.method) \($0.mark.line)" },
                       ["Order.getCustomer 3", "Order.countLines 5", "Order.getItems 7", "Order.countLines 8"])
        // Findings point at the method's name (or at $get's property name), not at the receiver.
        XCTAssertEqual(files[1].usages.map(\.mark.column), [9, 10, 14, 16])
    }

    func testSuppressionCommentsInCode() throws {
        let source = """
        const A = sequelize.define('A', {}), B = sequelize.define('B', {}), C = sequelize.define('C', {});

        // assoclint-disable-next-line missing-inverse -- read from A only
        A.hasMany(B);
        A.hasOne(B, { as: 'first' }); /* assoclint-disable-line missing-inverse */
        A.belongsToMany(C, { through: 'AC' }); // assoclint-disable-line missing-invers
        // assoclint-disable-next-line unknown-model
        B.hasMany(A, { as: 'owners' });
        /* assoclint-disable-file has-many-singular-getter */
        // assoclint-disable
        """
        let result = Linter.lint([LintInput(path: "a.js", bytes: Array(source.utf8), isExplicit: true)])
        XCTAssertEqual(result.findings.map { "\($0.ruleID)@\($0.location.line):\($0.location.column)" }, [
            "missing-inverse@6:1", "unused-suppression@6:66",
            "unused-suppression@7:32", "missing-inverse@8:1",
            "unused-suppression@9:27", "unused-suppression@10:1",
        ], result.compact)
        XCTAssertTrue(result.findings[1].message.contains("'missing-invers' is not a rule. Did you mean 'missing-inverse'?"), result.findings[1].message)
        XCTAssertEqual(result.findings[5].help, "write '// assoclint-disable-next-line RULE', '// assoclint-disable-line RULE' or '// assoclint-disable-file RULE'")
    }

    func testUnknownOptionsAreReportedAsInYAML() {
        let source = """
        const A = sequelize.define('A', {}), B = sequelize.define('B', {});
        A.hasMany(B, { foreignkey: 'aId', inverse: { as: 'a' } });
        B.belongsTo(A, { foreignKey: 'aId' });
        """
        let result = Linter.lint([LintInput(path: "a.js", bytes: Array(source.utf8), isExplicit: true)])
        XCTAssertEqual(result.findings.map { "\($0.ruleID)@\($0.location.line):\($0.location.column)" },
                       ["foreign-key-mismatch@2:1", "invalid-declaration@2:16", "invalid-declaration@2:35"], result.compact)
        XCTAssertTrue(result.findings[1].message.hasPrefix("unknown association option 'foreignkey'. Did you mean 'foreignKey'?"), result.compact)
        XCTAssertEqual(result.findings[2].message, "'inverse' is a Sequelize v7 option; Sequelize v6 ignores it")
    }

    /// Tests/Fixtures/code-cases: shapes a review found read wrong, each with its expected output.
    func testReviewCases() throws {
        let root = fixtureURL("code-cases")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "README.md" }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 16)
        for name in cases {
            var options = LintOptions(paths: ["."])
            options.workingDirectory = root.appendingPathComponent(name).path
            let result = Linter.run(options, discoverConfig: false)
            let expected = try String(contentsOf: root.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
            XCTAssertEqual(result.compact, expected, name)
            XCTAssertEqual(result.notes, [], "\(name): everything is read")
            XCTAssertFalse(result.files.isEmpty, name)
        }
    }

    // MARK: the fixtures, one project per code style

    static let styles = ["define", "classes", "decorators", "central-index", "plain-script"]

    func testEachCodeStyleGivesItsExpectedFindings() throws {
        for style in Self.styles {
            let directory = fixtureURL("code")
            var options = LintOptions(paths: [style])
            options.workingDirectory = directory.path
            let result = Linter.run(options, discoverConfig: false)
            let expected = try String(contentsOf: directory.appendingPathComponent("\(style)/expected.txt"), encoding: .utf8)
            XCTAssertEqual(result.compact, expected, style)
            XCTAssertEqual(result.notes, [], "\(style): everything is read")
            XCTAssertFalse(result.findings.isEmpty, "\(style) holds a mistake")
        }
    }
}
