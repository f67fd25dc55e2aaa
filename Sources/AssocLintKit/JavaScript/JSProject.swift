/// The last layer of the JavaScript/TypeScript front end: the modules of a project put together.
/// Names are resolved across files (`require`, `import`, `module.exports`, `export default`, the
/// loader's `db.X = ...`), each association is attached to its source model, and every file
/// becomes a `SchemaFile` like a YAML one. What does not resolve becomes a note and a hole.
public enum JSProject {
    /// The schema files of the modules, in the same order.
    public static func resolve(_ modules: [JSModule]) -> [SchemaFile] {
        var resolver = Resolver(modules: modules)
        return resolver.run()
    }

    /// The file extensions read as JavaScript or TypeScript.
    public static let extensions = [".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".jsx", ".tsx"]

    public static func isCodeFile(_ path: String) -> Bool {
        extensions.contains { path.hasSuffix($0) } && !isDeclarationFile(path)
    }

    /// TypeScript declaration files (`.d.ts`) hold types only.
    static func isDeclarationFile(_ path: String) -> Bool {
        path.hasSuffix(".d.ts") || path.hasSuffix(".d.cts") || path.hasSuffix(".d.mts")
    }

    enum Value {
        case model(ModelDecl)
        /// A model the loader keys by this name.
        case registryName(String)
        case factory(ModelDecl)
        /// A module's named exports.
        case namespace(Int)
        /// The loader's object `name` in a module.
        case registryObject(Int, String)
    }

    struct Resolver {
        let modules: [JSModule]
        /// Absolute path → module index.
        let byPath: [String: Int]
        var registryKeys: [String: ModelDecl] = [:]
        /// sequelize-typescript keys already reported missing ("holder\0other").
        var reportedMissingKeys = Set<String>()
        /// Each module's relative imports: spec → module index.
        let imports: [[String: Int]]
        /// Static methods returning their class, by model.
        let factoryMethods: [ObjectIdentifier: Set<String>]
        var modelsByName: [String: ModelDecl] = [:]

        init(modules: [JSModule]) {
            self.modules = modules
            var byPath: [String: Int] = [:]
            for (index, module) in modules.enumerated() where byPath[module.absolutePath] == nil { byPath[module.absolutePath] = index }
            self.byPath = byPath
            // Each module's imports, located once (names are resolved through them many times).
            imports = modules.map { module in
                var located: [String: Int] = [:]
                for spec in module.importSpecs where located[spec] == nil {
                    if let target = Self.locate(spec, from: module.absolutePath, in: byPath) { located[spec] = target }
                }
                return located
            }
            var factories: [ObjectIdentifier: Set<String>] = [:]
            for module in modules {
                for (model, name) in module.factoryMethods { factories[ObjectIdentifier(module.models[model]), default: []].insert(name) }
            }
            factoryMethods = factories
        }

        mutating func run() -> [SchemaFile] {
            // `X.init(...)` in another file than the class: its attributes and options, first
            // (a modelName there renames the model).
            var initializedElsewhere = Set<ObjectIdentifier>()
            var explicit: [ObjectIdentifier: Set<String>] = [:]
            for (index, module) in modules.enumerated() {
                for (ref, declared, options) in module.foreignInits {
                    guard case .model(let model)? = value(ref, in: index) else { continue }
                    Self.merge(declared, into: model)
                    initializedElsewhere.insert(ObjectIdentifier(model))
                    explicit[ObjectIdentifier(model), default: []].formUnion(options)
                }
                for (model, options) in module.explicitOptions {
                    explicit[ObjectIdentifier(module.models[model]), default: []].formUnion(options)
                }
            }
            // `new Sequelize(..., { define })`: when the project has one, every model's defaults.
            let defines = modules.flatMap(\.globalDefines)
            if defines.count == 1, let (defaults, options) = defines.first {
                for module in modules {
                    for model in module.models {
                        Self.applyDefaults(defaults, options, to: model, except: explicit[ObjectIdentifier(model)] ?? [])
                    }
                }
            }
            for module in modules {
                for model in module.models where modelsByName[model.name] == nil { modelsByName[model.name] = model }
            }
            // The loader's keys: `db.X = <a model>` (tutorials key models by file, not by name).
            var conflicting = Set<String>()
            for (index, module) in modules.enumerated() {
                for (path, ref) in module.namespaceAssignments.sorted(by: { $0.key < $1.key }) {
                    guard let dot = path.firstIndex(of: "."), case .model(let model)? = value(ref, in: index) else { continue }
                    let key = String(path[path.index(after: dot)...])
                    if let known = registryKeys[key], known !== model { conflicting.insert(key) }
                    registryKeys[key] = model
                }
            }
            for key in conflicting { registryKeys[key] = nil }
            // A project that registers its models itself (`db.Book = require('./book')(...)`) and
            // never calls `associate`: the associate functions are dead code.
            let associateNeverRuns = !registryKeys.isEmpty && !modules.contains(where: \.callsAssociate)

            var files = modules.map { module -> SchemaFile in
                var file = SchemaFile(path: module.path)
                // Most code declares no model: saving it in an editor is no mistake.
                file.mayDeclareNothing = true
                // A class that extends Model but that nothing initializes is an abstract base.
                file.models = module.models.enumerated().filter { index, model in
                    !module.uninitializedClasses.contains(index) || initializedElsewhere.contains(ObjectIdentifier(model))
                }.map(\.element)
                file.isIncomplete = module.isIncomplete
                file.notes = module.notUnderstood
                file.problems = module.problems
                return file
            }
            for (index, module) in modules.enumerated() {
                for (model, mark) in module.associateAssignments { module.models[model].associateDefinitions.append(mark) }
                for (model, name, type, mark) in module.declaredMixins {
                    module.models[model].declaredAccessors.append(DeclaredAccessor(name: name, type: type, mark: mark))
                }
                for (ref, method) in module.methods {
                    if let model = self.model(ref, in: index) { model.methods.append(method) }
                }
                for ref in module.incompleteModels {
                    if let model = self.model(ref, in: index) { model.isIncomplete = true } else { files[index].isIncomplete = true }
                }
                // Only the last `associate` of a model runs: the earlier ones' associations do not exist.
                var lastDefinition: [Int: Int] = [:]
                for (definition, (model, _)) in module.associateAssignments.enumerated() { lastDefinition[model] = definition }
                var deadDefinitions = Set<Int>()
                for pending in module.associations {
                    var overwritten = false
                    if let definition = pending.associateDefinition {
                        let (model, mark) = module.associateAssignments[definition]
                        if associateNeverRuns {
                            if deadDefinitions.insert(definition).inserted {
                                files[index].notes.append(SourceNote(
                                    mark: mark,
                                    message: "\(module.models[model].name).associate is never called (the code registers its models itself, and nothing calls associate): its associations do not exist and are left out",
                                    isHole: false))
                            }
                            continue
                        }
                        overwritten = lastDefinition[model] != definition
                    }
                    attach(pending, in: index, file: &files[index], overwritten: overwritten)
                }
                for (ref, method, mark) in module.usages {
                    guard let model = self.model(ref, in: index) else { continue }
                    files[index].usages.append(UsageDecl(model: model.name, method: method, path: module.path, mark: mark))
                }
            }
            for index in files.indices {
                files[index].isModelFile = modules[index].declaresSomething || !files[index].usages.isEmpty
                files[index].notes.sort { $0.mark < $1.mark }
            }
            return files
        }

        /// The global `define` options, for those the model does not set itself.
        static func applyDefaults(_ defaults: ModelDecl, _ options: Set<String>, to model: ModelDecl, except: Set<String>) {
            let given = options.subtracting(except)
            if given.contains("underscored") { model.underscored = defaults.underscored }
            if given.contains("freezeTableName") { model.freezeTableName = defaults.freezeTableName }
            if given.contains("paranoid") { model.paranoid = defaults.paranoid }
            if given.contains("timestamps") { model.timestamps = defaults.timestamps }
            if given.contains("deletedAt") { model.deletedAtDisabled = defaults.deletedAtDisabled }
        }

        /// What an `init` in another file declares, on the class's model.
        static func merge(_ declared: ModelDecl, into model: ModelDecl) {
            if !declared.name.isEmpty { model.name = declared.name }
            if declared.declaresAttributes {
                model.declaresAttributes = true
                model.attributesPath = declared.path
                for attribute in declared.attributes { JSModuleReader.Reader.add(attribute, to: model) }
            }
            model.tableName = declared.tableName ?? model.tableName
            model.underscored = model.underscored || declared.underscored
            model.freezeTableName = model.freezeTableName || declared.freezeTableName
            model.paranoid = model.paranoid || declared.paranoid
            model.timestamps = model.timestamps && declared.timestamps
            model.deletedAtDisabled = model.deletedAtDisabled || declared.deletedAtDisabled
            model.singularName = declared.singularName ?? model.singularName
            model.pluralName = declared.pluralName ?? model.pluralName
            model.uniqueIndexFields.formUnion(declared.uniqueIndexFields)
            model.methods += declared.methods
            model.isIncomplete = model.isIncomplete || declared.isIncomplete
        }

        /// Puts an association on its source model, once its names are known.
        mutating func attach(_ pending: JSPendingAssociation, in index: Int, file: inout SchemaFile, overwritten: Bool = false) {
            let decl = pending.decl
            guard let source = model(pending.source, in: index) else {
                var what = "\(decl.kind.rawValue)(…) on something that is not a model known statically"
                if case .registryName(let key)? = value(pending.source, in: index) {
                    what = "\(decl.kind.rawValue)(…) on the loader's '\(key)', but no model is named '\(key)' and nothing assigns that key (the loader may key its models otherwise)"
                }
                file.notes.append(SourceNote(mark: decl.mark, message: what + " (any model may be incomplete)"))
                file.isIncomplete = true
                return
            }
            guard let target = name(pending.target, in: index) else {
                file.notes.append(SourceNote(mark: decl.mark, message: "\(source.name).\(decl.kind.rawValue)(…): a target that is not a model known statically"))
                source.isIncomplete = true
                return
            }
            decl.source = source.name
            decl.target = target
            if let through = pending.throughModel {
                guard let name = name(through, in: index) else {
                    file.notes.append(SourceNote(mark: decl.throughMark ?? decl.mark, message: "the through model of \(source.name).belongsToMany(\(target)), which is not known statically"))
                    source.isIncomplete = true
                    return
                }
                decl.through = name
            }
            if pending.decorated, let problem = decoratedKeys(decl, source: source) {
                file.problems.append(problem)
            }
            if overwritten {
                source.overwrittenAssociations.append(decl)
                return
            }
            file.problems += decl.sequelizeRejections(sourceName: source.name)
            source.associations.append(decl)
        }

        /// `@ForeignKey(() => X)` attributes by the name of the model that holds them, in order:
        /// the attribute and the name of the model it points at.
        lazy var decoratedForeignKeys: [String: [(attribute: String, target: String)]] = {
            var keys: [String: [(attribute: String, target: String)]] = [:]
            for (moduleIndex, module) in modules.enumerated() {
                for (model, attribute, target) in module.decoratedForeignKeys {
                    guard let targetName = name(target, in: moduleIndex) else { continue }
                    keys[module.models[model].name, default: []].append((attribute, targetName))
                }
            }
            return keys
        }()

        /// sequelize-typescript passes the foreign key explicitly: the first `@ForeignKey` to the
        /// other model on the class that holds the key. Without one it throws at `addModels`:
        /// the problem, if so.
        mutating func decoratedKeys(_ decl: AssociationDecl, source: ModelDecl) -> DeclarationProblem? {
            // Whatever is reported, an association whose key is missing is not set up at all.
            var missingKey = false
            defer { if missingKey { decl.isReportedInvalid = true } }
            let keys = decoratedForeignKeys
            var missing: (holder: String, other: String)?
            func key(on holder: String?, pointingAt other: String) -> String? {
                guard let holder else { return nil }
                if let found = keys[holder]?.first(where: { $0.target == other })?.attribute { return found }
                missing = missing ?? (holder, other)
                return nil
            }
            switch decl.kind {
            case .hasMany, .hasOne:
                if decl.foreignKey == nil { decl.foreignKey = key(on: decl.target, pointingAt: source.name) }
            case .belongsTo:
                if decl.foreignKey == nil { decl.foreignKey = key(on: source.name, pointingAt: decl.target) }
            case .belongsToMany:
                // A through model that is not a class (a table name) gets Sequelize's default keys.
                guard let through = decl.through, modelsByName[through] != nil, decl.throughForm == .model else { return nil }
                if decl.foreignKey == nil { decl.foreignKey = key(on: through, pointingAt: source.name) }
                if decl.otherKey == nil { decl.otherKey = key(on: through, pointingAt: decl.target) }
            }
            // One missing key is one mistake, however many decorators need it.
            guard let (holder, other) = missing, modelsByName[holder] != nil else { return nil }
            missingKey = true
            guard reportedMissingKeys.insert("\(holder)\u{0}\(other)").inserted else { return nil }
            return DeclarationProblem(
                mark: decl.mark,
                message: "@\(decl.kind.decoratorName)(() => \(decl.target)) on \(source.name): \(holder) has no @ForeignKey(() => \(other)), so sequelize-typescript throws \"Foreign key for \"\(other)\" is missing on \"\(holder)\".\" at addModels",
                help: "add '@ForeignKey(() => \(other)) @Column' to the key column of \(holder), or pass the key as the decorator's second argument")
        }

        /// The model a reference names, if it is one known statically.
        func model(_ ref: JSModelRef, in index: Int) -> ModelDecl? {
            switch value(ref, in: index) {
            case .model(let model)?: return model
            case .registryName(let key)?: return registryKeys[key] ?? modelsByName[key]
            default: return nil
            }
        }

        /// The model name a reference names: a known model's, or the key the loader would look
        /// up (`models.Psot` names 'Psot', which unknown-model then reports).
        func name(_ ref: JSModelRef, in index: Int) -> String? {
            switch value(ref, in: index) {
            case .model(let model)?: return model.name
            case .registryName(let key)?: return (registryKeys[key] ?? modelsByName[key])?.name ?? key
            default: return nil
            }
        }

        func value(_ ref: JSModelRef, in index: Int, depth: Int = 0) -> Value? {
            guard depth < 32 else { return nil }  // an import cycle
            let module = modules[index]
            switch ref {
            case .local(let local):
                return module.models.indices.contains(local) ? .model(module.models[local]) : nil
            case .factory(let local):
                return module.models.indices.contains(local) ? .factory(module.models[local]) : nil
            case .registry(let key):
                return .registryName(key)
            case .registryObject(let name):
                return .registryObject(index, name)
            case .module(let spec):
                guard let target = self.module(spec, from: index) else { return nil }
                if modules[target].assignsModuleExports, let value = modules[target].exports["default"] {
                    return self.value(value, in: target, depth: depth + 1)
                }
                return .namespace(target)
            case .named(let spec, let name):
                guard let target = self.module(spec, from: index) else { return nil }
                if let value = modules[target].exports[name] { return self.value(value, in: target, depth: depth + 1) }
                if name == "default" { return .namespace(target) }
                // `export * from './user'`: the name from the modules re-exported.
                for spec in modules[target].reexports {
                    if let found = self.value(.named(spec, name), in: target, depth: depth + 1) { return found }
                }
                if modules[target].assignsModuleExports, let value = modules[target].exports["default"],
                   let base = self.value(value, in: target, depth: depth + 1) {
                    return member(base, name, depth: depth + 1)
                }
                return nil
            case .member(let base, let name):
                return value(base, in: index, depth: depth + 1).flatMap { member($0, name, depth: depth + 1) }
            case .called(let base):
                if case .factory(let model)? = value(base, in: index, depth: depth + 1) { return .model(model) }
                // `User.initModel(sequelize)`: a static method that returns its class.
                if case .member(let inner, let name) = base, case .model(let model)? = value(inner, in: index, depth: depth + 1),
                   factoryMethods[ObjectIdentifier(model)]?.contains(name) == true {
                    return .model(model)
                }
                return nil
            }
        }

        func member(_ base: Value, _ name: String, depth: Int) -> Value? {
            switch base {
            case .namespace(let target):
                if let exported = modules[target].exports[name] { return value(exported, in: target, depth: depth + 1) }
                for spec in modules[target].reexports {
                    if let found = value(.named(spec, name), in: target, depth: depth + 1) { return found }
                }
                return nil
            case .registryObject(let target, let object):
                if let assigned = modules[target].namespaceAssignments["\(object).\(name)"] {
                    return value(assigned, in: target, depth: depth + 1)
                }
                return .registryName(name)
            case .model, .registryName, .factory:
                return nil
            }
        }

        /// The module a `require`/`import` of the module `index` names, if it is one of the project.
        func module(_ spec: String, from index: Int) -> Int? {
            imports[index][spec]
        }

        /// The module a relative spec names: the file itself, with one of the code extensions, or
        /// its `index` file (`./user.js` is also `./user.ts` in TypeScript).
        static func locate(_ spec: String, from path: String, in byPath: [String: Int]) -> Int? {
            guard spec.hasPrefix("./") || spec.hasPrefix("../") || spec == "." || spec == ".." else { return nil }
            let base = normalize(directory(of: path) + "/" + spec)
            var candidates = [base] + JSProject.extensions.map { base + $0 } + JSProject.extensions.map { base + "/index" + $0 }
            for (written, real) in [(".js", ".ts"), (".jsx", ".tsx"), (".mjs", ".mts"), (".cjs", ".cts")] where base.hasSuffix(written) {
                candidates.append(String(base.dropLast(written.count)) + real)
            }
            return candidates.lazy.compactMap { byPath[$0] }.first
        }

        static func directory(of path: String) -> String {
            guard let slash = path.lastIndex(of: "/") else { return "." }
            return String(path[..<slash])
        }

        /// Resolves `.` and `..` components.
        static func normalize(_ path: String) -> String {
            var parts: [Substring] = []
            for part in path.split(separator: "/", omittingEmptySubsequences: true) {
                if part == "." { continue }
                if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
                parts.append(part)
            }
            return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
        }
    }
}
