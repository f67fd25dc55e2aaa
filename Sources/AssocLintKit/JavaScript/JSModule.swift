/// What one JavaScript/TypeScript file says about models, before the files are put together: the
/// models it defines, the association calls it makes (with their source and target still written
/// as the code names them), what it imports and exports, and what it could not read. `JSProject`
/// resolves the names across files into the typed schema.
public struct JSModule: Sendable {
    public var path: String
    /// The file's identity on disk, to resolve `require('./x')` and `import ... from './x'`.
    public var absolutePath: String
    /// The models defined here, in order (`sequelize.define`, classes extending `Model`).
    public var models: [ModelDecl] = []
    /// sequelize-typescript: `@ForeignKey(() => X)` attributes, by the index of their model.
    public var decoratedForeignKeys: [(model: Int, attribute: String, target: JSModelRef)] = []
    public var associations: [JSPendingAssociation] = []
    /// `obj.key = value` where value may be a model (`db.author = require('./author')(...)`).
    public var namespaceAssignments: [String: JSModelRef] = [:]
    /// Export name (`default` for `export default` and `module.exports = ...`) → value. Named
    /// exports of CommonJS (`exports.X = ...`) and ESM (`export class X`) alike.
    public var exports: [String: JSModelRef] = [:]
    /// `module.exports = value` was written (so `require` returns that value, not the names).
    public var assignsModuleExports = false
    /// `X.init(attributes, options)` on a class imported from another file: what it declares,
    /// read into a model of its own, merged into the class's model when the names are resolved.
    public var foreignInits: [(model: JSModelRef, declared: ModelDecl, options: Set<String>)] = []
    /// Models of classes that extend `Model` but that nothing here initializes (no `init`,
    /// `super.init`, `@Table` or decorated column): an abstract base unless another file does.
    public var uninitializedClasses = Set<Int>()
    /// Static methods that return their class, by model (`static initModel(s) { return X.init(...) }`).
    public var factoryMethods: [(model: Int, name: String)] = []
    /// `new Sequelize(..., { define: { ... } })`: options every model gets unless it sets them,
    /// and which options each model sets itself (by model index; -1 for foreign inits' models).
    public var globalDefines: [(defaults: ModelDecl, options: Set<String>)] = []
    public var explicitOptions: [Int: Set<String>] = [:]
    /// `export * from './user'`: the modules whose names this one re-exports.
    public var reexports: [String] = []
    /// Whether it calls some `.associate(...)` (the loader does: `db[name].associate(db)`).
    public var callsAssociate = false
    /// `X.associate = ...` and `static associate` per model: each place (only the last one runs).
    public var associateAssignments: [(model: Int, mark: SourceMark)] = []
    /// `declare getX: SomeAssociationMixin<...>` members, by model.
    public var declaredMixins: [(model: Int, name: String, type: String, mark: SourceMark)] = []
    /// Instance methods added outside the class (`X.prototype.name = ...`, `instanceMethods`).
    public var methods: [(model: JSModelRef, method: MethodDecl)] = []
    /// What cannot be read statically, each once with its place; the declaration it belongs to is
    /// left out.
    public var notUnderstood: [SourceNote] = []
    /// Declarations Sequelize would reject, found while reading (invalid-declaration).
    public var problems: [DeclarationProblem] = []
    /// Models of other files with a hole here (`User.hasMany(models[name])` on an imported User).
    public var incompleteModels: [JSModelRef] = []
    /// The file defines a model whose name cannot be read: any model may be missing.
    public var isIncomplete = false
    /// Calls of accessor-shaped methods on instances of a known model.
    public var usages: [(model: JSModelRef, method: String, mark: SourceMark)] = []
    /// The modules it imports or requires, as written (`./user`, `../models`, `sequelize`).
    public var importSpecs: [String] = []
    /// The comments, for suppression directives.
    public var comments: [JSToken] = []

    /// Whether the file takes part in the schema: it defines a model, declares an association or
    /// makes an accessor call on a known model.
    public var declaresSomething: Bool { !models.isEmpty || !associations.isEmpty || !usages.isEmpty || !notUnderstood.isEmpty }
}

/// A note about a place in a file that is not a finding: something that cannot be read
/// statically (a hole), or code that never runs; either way, what it declares is left out.
public struct SourceNote: Sendable, Equatable {
    public var mark: SourceMark
    public var message: String
    /// Something that cannot be read statically (else: read, and known never to run).
    public var isHole = true

    public init(mark: SourceMark, message: String, isHole: Bool = true) {
        self.mark = mark
        self.message = message
        self.isHole = isHole
    }

    /// The note as printed: "not understood, left out: ..." for a hole.
    public var text: String { isHole ? "not understood, left out: \(message)" : message }
}

/// A model (or a value that may hold one) as the code names it; `JSProject` resolves it.
public indirect enum JSModelRef: Sendable, Hashable {
    /// The model with this index in the same module.
    case local(Int)
    /// The model the loader's object keys by this name (`models.X` in `associate(models)`,
    /// `sequelize.models.X`): `db.X = ...` where the project assigns it, else the model named X.
    case registry(String)
    /// What `require(spec)` returns.
    case module(String)
    /// `import { name } from spec`, `require(spec).name` (`default` for a default import).
    case named(String, String)
    /// A property of a value.
    case member(JSModelRef, String)
    /// A value called (`require('./author.model')(sequelize, Sequelize)`).
    case called(JSModelRef)
    /// A function that defines the local model with this index and returns it.
    case factory(Int)
    /// The loader's object in this module (`db` in `models/index.js`), by its name.
    case registryObject(String)
}

/// An association call read from code, its source and target still unresolved.
public struct JSPendingAssociation: Sendable {
    public var source: JSModelRef
    public var target: JSModelRef
    /// `through` naming a model (`through: UserGroup`, `() => UserGroup` in sequelize-typescript).
    public var throughModel: JSModelRef?
    /// Everything else as read (options, marks); `source`/`target`/`through` are filled in later.
    public var decl: AssociationDecl
    /// sequelize-typescript: the decorated property (the alias when none is given) and whether
    /// the foreign key is left to its rules.
    public var decorated: Bool = false
    /// The `associate` definition (index into `JSModule.associateAssignments`) it is declared in.
    public var associateDefinition: Int?
}
