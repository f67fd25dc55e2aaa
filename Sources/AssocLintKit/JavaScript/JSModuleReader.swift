/// The third layer of the JavaScript/TypeScript front end: one parsed file to a `JSModule`. It
/// reads the program the way the code runs it, as far as that is statically clear: each
/// expression is walked once, its side effects recorded (a model defined, an association
/// declared, a name exported) and its value, when it may be a model, returned as a `JSModelRef`.
/// Whatever cannot be read exactly becomes a note and is left out: nothing is guessed.
public enum JSModuleReader {
    public static func read(_ bytes: [UInt8], path: String, absolutePath: String? = nil) -> JSModule {
        read(JSParser.parse(bytes), path: path, absolutePath: absolutePath)
    }

    public static func read(_ program: JSProgram, path: String, absolutePath: String? = nil) -> JSModule {
        var reader = Reader(module: JSModule(path: path, absolutePath: absolutePath ?? path))
        reader.typeAnnotations = program.typeAnnotations
        reader.memberNameMarks = program.memberNameMarks
        reader.statements(program.statements)
        reader.module.comments = program.comments
        return reader.module
    }

    static let associationKinds = Set(AssociationKind.allCases.map(\.rawValue))
    static let decoratorKinds: [String: AssociationKind] = ["HasMany": .hasMany, "HasOne": .hasOne, "BelongsTo": .belongsTo, "BelongsToMany": .belongsToMany]
    /// sequelize-typescript's instance helpers and the accessor each calls (`$get('items')`).
    static let typescriptAccessorPrefixes = ["$get": "get", "$set": "set", "$add": "add", "$create": "create",
                                             "$remove": "remove", "$has": "has", "$count": "count"]
    /// Instance methods an accessor call can start with (an accessor's shape).
    static let accessorPrefixes = ["get", "set", "add", "create", "remove", "has", "count"]

    struct Reader {
        var module: JSModule

        enum Binding {
            /// A value that may be a model.
            case ref(JSModelRef)
            /// A literal (an options object or string kept for `X.hasMany(Y, options)`).
            case literal(JSExpression)
            /// An instance of a model (`const order = await Order.findByPk(id)`, `order: Order`).
            case instance(JSModelRef)
            /// Something else, hiding an outer name.
            case opaque
        }

        var scopes: [[String: Binding]] = [[:]]
        /// The model `this` is in a static member (or a function assigned to `X.associate`).
        var thisModel: JSModelRef?
        /// The model `this` is an instance of (instance methods of a model class).
        var thisInstance: JSModelRef?
        /// The local model each return statement of the current function gives, if any.
        var returned: [Int] = []
        /// `order: Order` annotations, by the name's place.
        var typeAnnotations: [SourceMark: String] = [:]
        /// Where member names stand, for accessor calls (`getItem` of `order.getItem()`).
        var memberNameMarks: [MemberName: SourceMark] = [:]
        /// The `associate` definition being read (an index into `associateAssignments`).
        var currentAssociate: Int?
        /// Names of classes that `X.init({...}, {...})` initializes in the statements being read.
        var initializedClasses = Set<String>()
        /// Classes already read as models, by their place (hoisted before the statements run).
        var classModels: [SourceMark: Int] = [:]

        init(module: JSModule) {
            self.module = module
        }

        // MARK: scopes

        func lookup(_ name: String) -> Binding? {
            for scope in scopes.reversed() { if let binding = scope[name] { return binding } }
            return nil
        }

        mutating func bind(_ name: String, _ binding: Binding) {
            scopes[scopes.count - 1][name] = binding
        }

        /// The model an annotation names (`order: Order`), when `Order` is bound to one.
        func annotatedModel(_ mark: SourceMark) -> JSModelRef? {
            guard let type = typeAnnotations[mark], case .ref(let model)? = lookup(type) else { return nil }
            return model
        }

        mutating func bind(_ pattern: JSPattern, _ value: JSModelRef?, initializer: JSExpression?) {
            switch pattern {
            case .identifier(let name, let mark):
                if let model = annotatedModel(mark) {
                    bind(name, .instance(model))
                } else if let initializer, let model = instanceModel(initializer) {
                    // `Order.build()` (with or without await): an instance, whatever the call returns.
                    bind(name, .instance(model))
                } else if let value {
                    bind(name, .ref(value))
                } else if let initializer, Self.isLiteral(initializer) {
                    bind(name, .literal(initializer))
                } else {
                    bind(name, .opaque)
                }
            case .object(let properties, _):
                for (key, inner) in properties {
                    if key == "..." { bind(inner, nil, initializer: nil); continue }
                    bind(inner, value.map { .member($0, key) }, initializer: nil)
                }
            case .array(let elements, _):
                for element in elements { bind(element, nil, initializer: nil) }
            case .other: break
            }
        }

        static func isLiteral(_ expression: JSExpression) -> Bool {
            switch expression {
            case .object, .string, .boolean, .number: return true
            default: return false
            }
        }

        // MARK: statements

        mutating func statements(_ list: [JSStatement]) {
            // Classes initialized here are models whatever they extend (`class User extends Base`).
            for case .expression(.call(.member(.identifier(let name, _), "init", _), let arguments, _)) in list
            where arguments.count >= 2 {
                if case .object = arguments[0] { initializedClasses.insert(name) }
            }
            for statement in list { hoist(statement) }
            for statement in list { self.statement(statement) }
        }

        /// Imports and classes are known before the statements run.
        mutating func hoist(_ statement: JSStatement) {
            switch statement {
            case .importDeclaration(let source, let bindings, _):
                module.importSpecs.append(source)
                for (local, imported) in bindings {
                    bind(local, .ref(imported == "*" ? .module(source) : .named(source, imported)))
                }
            case .classDeclaration(let type):
                if let name = type.name, let index = classModel(type) { bind(name, .ref(.local(index))) }
            case .export(let inner, _): hoist(inner)
            case .function(let function):
                if let name = function.name { bind(name, .opaque) }
            default: break
            }
        }

        mutating func statement(_ statement: JSStatement) {
            switch statement {
            case .expression(let expression):
                _ = evaluate(expression)
            case .variables(let declarations, _):
                for (pattern, initializer) in declarations {
                    // `const db = { Tutorial: require('./tutorial')(sequelize) }`: keys, as `db.Tutorial = ...` would give.
                    if case .identifier(let name, _) = pattern, case .object(let properties, _)? = initializer {
                        for property in properties {
                            let value = evaluate(property.value)
                            if let key = property.name, !property.isSpread, let value { module.namespaceAssignments["\(name).\(key)"] = value }
                        }
                        bind(pattern, nil, initializer: initializer)
                        continue
                    }
                    let value = initializer.flatMap { evaluate($0) }
                    bind(pattern, value, initializer: initializer)
                }
            case .function(let function):
                let value = evaluate(.function(function))
                if let name = function.name { bind(name, value.map { .ref($0) } ?? .opaque) }
            case .classDeclaration(let type):
                readClass(type)
            case .returnStatement(let value, _):
                if let value, let result = evaluate(value), case .local(let index) = result { returned.append(index) }
            case .export(let inner, _):
                self.statement(inner)
                for name in Self.declaredNames(inner) {
                    if case .ref(let value)? = lookup(name) { module.exports[name] = value }
                }
            case .exportDefault(let value, _):
                if case .object(let properties, _) = value, !properties.isEmpty {
                    // `export default { User, Post }`: the names, as `module.exports = { ... }` gives them.
                    for property in properties {
                        guard let name = property.name, !property.isSpread else { _ = evaluate(property.value); continue }
                        if let result = evaluate(property.value) { module.exports[name] = result }
                    }
                } else if let result = evaluate(value) {
                    module.exports["default"] = result
                }
            case .exportNames(let names, let source, _):
                for (local, exported) in names {
                    if let source, local == "*" {
                        module.importSpecs.append(source)
                        if exported == "*" { module.reexports.append(source) } else { module.exports[exported] = .module(source) }
                    } else if let source {
                        module.importSpecs.append(source)
                        module.exports[exported] = .named(source, local)
                    } else if case .ref(let value)? = lookup(local) {
                        module.exports[exported] = value
                    }
                }
            case .block(let inner, _):
                scopes.append([:])
                statements(inner)
                scopes.removeLast()
            case .importDeclaration, .other:
                break
            }
        }

        static func declaredNames(_ statement: JSStatement) -> [String] {
            switch statement {
            case .variables(let declarations, _):
                return declarations.compactMap { if case .identifier(let name, _) = $0.pattern { return name } else { return nil } }
            case .classDeclaration(let type): return type.name.map { [$0] } ?? []
            case .function(let function): return function.name.map { [$0] } ?? []
            default: return []
            }
        }

        // MARK: expressions

        /// Walks an expression once, recording what it declares; returns its value when it may be
        /// a model (or hold one).
        mutating func evaluate(_ expression: JSExpression) -> JSModelRef? {
            switch expression {
            case .identifier(let name, _):
                switch lookup(name) {
                case .ref(let value)?: return value
                // An object the code fills in (`const db = {}; db.author = ...`): its members are
                // what is assigned to them, else the models of those names (the loader's object).
                case .literal(.object)?: return .registryObject(name)
                case .literal?, .instance?, .opaque?: return nil
                case nil:
                    // The loader's object passed around under its usual names.
                    return name == "models" || name == "db" ? .registryObject(name) : nil
                }
            case .this:
                return thisModel
            case .member(let object, let name, _):
                if let path = Self.path(of: object), path == "sequelize.models" || path.hasSuffix(".sequelize.models") {
                    return .registry(name)
                }
                // `const { User, Post } = sequelize.models`: the models by name.
                if name == "models", let path = Self.path(of: object), path == "sequelize" || path.hasSuffix(".sequelize") {
                    return .registryObject("sequelize.models")
                }
                return evaluate(object).map { .member($0, name) }
            case .call(let callee, let arguments, let mark):
                return call(callee, arguments, mark: mark)
            case .new(let callee, let arguments, _):
                _ = evaluate(callee)
                // `new Sequelize(url, { define: { underscored: true } })`: options for every model.
                if Self.path(of: callee).map({ $0 == "Sequelize" || $0.hasSuffix(".Sequelize") }) == true {
                    for argument in arguments {
                        guard case .object(let properties, _) = resolvedLiteral(argument),
                              let define = properties.first(where: { $0.name == "define" }) else { continue }
                        let defaults = ModelDecl(name: "", path: module.path, mark: define.mark)
                        readOptions(define.value, into: defaults)
                        module.globalDefines.append((defaults, Self.keys(resolvedLiteral(define.value))))
                    }
                }
                arguments.forEach { _ = evaluate($0) }
                return nil
            case .assignment(let target, let op, let value, let mark):
                return assignment(target, op, value, mark: mark)
            case .function(let function):
                return readFunction(function, parameters: .plain)
            case .classExpression(let type):
                return readClass(type).map { .local($0) }
            case .sequence(let parts, _):
                var last: JSModelRef?
                for (index, part) in parts.enumerated() {
                    last = evaluate(part)
                    // `X.hasMany(Y), { foreignKey: ... }`: the object never reaches the call.
                    if index + 1 < parts.count, case .object(let properties, let objectMark) = parts[index + 1], !properties.isEmpty,
                       let association = lastAssociationCall(part) {
                        association.optionsOutsideCall = OptionValue(value: Self.sketch(properties), mark: objectMark)
                    }
                }
                return last
            case .object(let properties, _):
                for property in properties { _ = evaluate(property.value) }
                return nil
            case .array(let parts, _), .other(let parts, _):
                for part in parts { _ = evaluate(part) }
                return nil
            case .index(let object, let index, _):
                _ = evaluate(object)
                _ = evaluate(index)
                if case .string(let key, _) = index, let base = evaluate(object) { return .member(base, key) }
                return nil
            case .spread(let inner, _), .decorator(let inner, _):
                _ = evaluate(inner)
                return nil
            case .string, .number, .boolean, .null:
                return nil
            }
        }

        /// The association declared by the call an expression ends with, when it is one just read.
        func lastAssociationCall(_ expression: JSExpression) -> AssociationDecl? {
            guard case .call(.member(_, let method, _), _, let mark) = expression, JSModuleReader.associationKinds.contains(method) else { return nil }
            return module.associations.last(where: { $0.decl.mark == mark })?.decl
        }

        mutating func call(_ callee: JSExpression, _ arguments: [JSExpression], mark: SourceMark) -> JSModelRef? {
            if case .identifier("require", _) = callee, case .string(let spec, _)? = arguments.first {
                module.importSpecs.append(spec)
                return .module(spec)
            }
            // The loader calls associate: `db[name].associate(db)`, `m['associate'](db)`, `m.associate.call(m, db)`.
            switch callee {
            case .member(_, "associate", _), .index(_, .string("associate", _), _),
                 .member(.member(_, "associate", _), "call", _), .member(.member(_, "associate", _), "apply", _):
                module.callsAssociate = true
            default: break
            }
            if case .member(let object, let method, _) = callee {
                switch method {
                case "define" where arguments.count >= 2 && !(Self.path(of: object)?.lowercased().contains("mock") ?? false):
                    // (A test double such as sequelize-mock's `DBConnectionMock.define` defines nothing real.)
                    if let index = define(arguments, mark: mark) { return .local(index) }
                case _ where JSModuleReader.associationKinds.contains(method):
                    associationCall(object, kind: AssociationKind(rawValue: method) ?? .hasMany, arguments: arguments, mark: mark)
                    return nil
                case "init" where !arguments.isEmpty:
                    // `static init(sequelize) { return super.init({...}, {...}) }` (sequelize-auto).
                    if case .identifier("super", _) = object, case .local(let index)? = thisModel {
                        if case .object = resolvedLiteral(arguments[0]) { applyInit(arguments, to: index) }
                        return .local(index)
                    }
                    if let model = evaluate(object), case .local(let index) = model {
                        if case .object = resolvedLiteral(arguments[0]) { applyInit(arguments, to: index) }
                        for argument in arguments.dropFirst(2) { _ = evaluate(argument) }
                        return model
                    } else if let model = evaluate(object), arguments.count >= 2, case .object = resolvedLiteral(arguments[0]), case .object = resolvedLiteral(arguments[1]) {
                        // A class imported from elsewhere, initialized here.
                        let declared = ModelDecl(name: "", path: module.path, mark: mark)
                        readAttributes(arguments[0], into: declared)
                        readOptions(arguments[1], into: declared)
                        module.foreignInits.append((model, declared, Self.keys(resolvedLiteral(arguments[1]))))
                        return model
                    }
                case _ where module.factoryMethods.contains(where: { $0.name == method }):
                    if case .local(let index)? = evaluate(object), module.factoryMethods.contains(where: { $0 == (index, method) }) {
                        for argument in arguments { _ = evaluate(argument) }
                        return .local(index)
                    }
                case "model" where arguments.count == 1:
                    if case .string(let name, _) = arguments[0], Self.path(of: object)?.hasSuffix("sequelize") == true {
                        return .registry(name)
                    }
                case "addModels":
                    // sequelize-typescript registers classes: nothing more to learn.
                    for argument in arguments { _ = evaluate(argument) }
                    return nil
                default:
                    break
                }
            }
            if case .member(let object, let method, let chainMark) = callee, let model = instanceOf(object) {
                // The finding points at the method's name.
                let methodMark = memberNameMarks[MemberName(chain: chainMark, name: method)] ?? chainMark
                if Self.hasAccessorShape(method) {
                    module.usages.append((model, method, methodMark))
                } else if let prefix = JSModuleReader.typescriptAccessorPrefixes[method], case .string(let property, let propertyMark)? = arguments.first, let first = property.first {
                    // sequelize-typescript: `$get('items')` calls `getItems()`; the finding points at 'items'.
                    module.usages.append((model, prefix + first.uppercased() + property.dropFirst(), propertyMark))
                }
            }
            let function = evaluate(callee)
            // Arguments in a call may be functions run later (`forEach`, `associate`): walk them.
            for argument in arguments { _ = evaluate(argument) }
            return function.map { .called($0) }
        }

        mutating func assignment(_ target: JSExpression, _ op: String, _ value: JSExpression, mark: SourceMark) -> JSModelRef? {
            guard op == "=" else { _ = evaluate(value); return nil }
            let targetPath = Self.path(of: target)
            // `X.associate = function (models) { ... }`: `this` is X, the parameter is the loader's object.
            if case .member(let object, "associate", _) = target, let model = evaluate(object), case .function(let function) = value {
                let savedAssociate = currentAssociate
                if case .local(let index) = model {
                    module.associateAssignments.append((index, mark))
                    currentAssociate = module.associateAssignments.count - 1
                }
                let saved = thisModel
                if !function.isArrow { thisModel = model }
                defer { thisModel = saved; currentAssociate = savedAssociate }
                return readFunction(function, parameters: .associate)
            }
            // `X.prototype.name = ...`: an instance method.
            if case .member(.member(let object, "prototype", _), let name, let nameMark) = target, let model = evaluate(object) {
                _ = evaluate(value)
                module.methods.append((model, MethodDecl(name: name, mark: nameMark, path: module.path)))
                return nil
            }
            if targetPath == "module.exports" || targetPath == "exports" {
                module.assignsModuleExports = true
                if case .object(let properties, _) = value, !properties.isEmpty {
                    // `module.exports = { User, Post }`: the names are the exports.
                    for property in properties {
                        guard let name = property.name, !property.isSpread else { _ = evaluate(property.value); continue }
                        if let result = evaluate(property.value) { module.exports[name] = result }
                    }
                    return nil
                }
                let result = evaluate(value)
                if let result { module.exports["default"] = result }
                return result
            }
            let result = evaluate(value)
            if let targetPath {
                let parts = targetPath.split(separator: ".").map(String.init)
                if parts.count == 3, parts[0] == "module", parts[1] == "exports" {
                    if let result { module.exports[parts[2]] = result }
                } else if parts.count == 2, parts[0] == "exports" {
                    if let result { module.exports[parts[1]] = result }
                } else if parts.count == 2, parts[0] != "this" {
                    if let result { module.namespaceAssignments[targetPath] = result }
                } else if parts.count == 1 {
                    // Reassigning a name: its value is now this one.
                    bind(parts[0], result.map { .ref($0) } ?? .opaque)
                }
            } else {
                _ = evaluate(target)
            }
            return result
        }

        /// `.method`: a class member's function (`this` as set by the class).
        enum Parameters { case plain, associate, method }

        /// Walks a function's body in its own scope. The value is a factory when the function
        /// returns a model it defines.
        mutating func readFunction(_ function: JSFunction, parameters: Parameters) -> JSModelRef? {
            scopes.append([:])
            let savedReturned = returned
            let savedThis = thisModel, savedInstance = thisInstance
            returned = []
            if !function.isArrow && parameters == .plain {
                thisModel = nil
                thisInstance = nil
            }
            for (position, parameter) in function.parameters.enumerated() {
                switch parameter {
                case .identifier(let name, _):
                    if position == 0 && parameters == .associate || name == "models" || name == "db" {
                        bind(name, .ref(.registryObject(name)))
                    } else {
                        bind(parameter, nil, initializer: nil)
                    }
                case .object(let properties, _) where position == 0 && parameters == .associate:
                    // `associate({ Shop, Customer })`: each is the model of that name.
                    for (key, inner) in properties {
                        if case .identifier(let local, _) = inner { bind(local, key == "..." ? .opaque : .ref(.registry(key))) }
                    }
                default:
                    bind(parameter, nil, initializer: nil)
                }
            }
            statements(function.body)
            let result = returned.last.map { JSModelRef.factory($0) }
            returned = savedReturned
            thisModel = savedThis
            thisInstance = savedInstance
            scopes.removeLast()
            return result
        }

        /// `sequelize.define('Name', attributes, options)`: the new model's index.
        mutating func define(_ arguments: [JSExpression], mark: SourceMark) -> Int? {
            guard case .object = resolvedLiteral(arguments[1]) else { return nil }
            guard case .string(let name, _) = arguments[0] else {
                module.notUnderstood.append(SourceNote(mark: arguments[0].mark, message: "a model defined with a name that is not a string literal (any model may be missing)"))
                module.isIncomplete = true
                return nil
            }
            guard !name.isEmpty else {
                module.problems.append(DeclarationProblem(mark: arguments[0].mark, message: "sequelize.define('') names no model: Sequelize needs a model name",
                                                          help: "give the model its name, e.g. sequelize.define('User', ...)"))
                _ = evaluate(arguments[1])
                return nil
            }
            let index = addModel(named: name, at: mark)
            readAttributes(arguments[1], into: module.models[index])
            // `define` sets options.modelName to its first argument: a modelName there is ignored.
            if arguments.count > 2 { readOptions(arguments[2], into: module.models[index], modelNameApplies: false, explicitFor: index) }
            return index
        }

        mutating func addModel(named name: String, at mark: SourceMark) -> Int {
            module.models.append(ModelDecl(name: name, path: module.path, mark: mark))
            return module.models.count - 1
        }

        mutating func applyInit(_ arguments: [JSExpression], to index: Int) {
            module.uninitializedClasses.remove(index)
            readAttributes(arguments[0], into: module.models[index])
            if arguments.count > 1 { readOptions(arguments[1], into: module.models[index], explicitFor: index) }
        }

        mutating func readAttributes(_ expression: JSExpression, into model: ModelDecl) {
            guard case .object(let properties, _) = resolvedLiteral(expression) else {
                module.notUnderstood.append(SourceNote(mark: expression.mark, message: "the attributes of \(model.name), which are not an object literal"))
                model.isIncomplete = true
                return
            }
            model.declaresAttributes = true
            for property in properties {
                guard let name = property.name, !property.isSpread else {
                    module.notUnderstood.append(SourceNote(mark: property.mark, message: "an attribute of \(model.name) that is not a plain name (a spread or a computed key)"))
                    model.isIncomplete = true
                    continue
                }
                var attribute = AttributeDecl(name: name, mark: property.mark)
                if case .object(let options, _) = property.value {
                    Self.readAttributeOptions(options, into: &attribute)
                } else {
                    attribute.type = Self.typeText(property.value)
                }
                Self.add(attribute, to: model)
            }
        }

        /// A name written twice in one object literal keeps its last value, as in JavaScript.
        static func add(_ attribute: AttributeDecl, to model: ModelDecl) {
            if let index = model.attributes.firstIndex(where: { $0.name == attribute.name }) {
                model.attributes[index] = attribute
            } else {
                model.attributes.append(attribute)
            }
        }

        static func readAttributeOptions(_ options: [JSProperty], into attribute: inout AttributeDecl) {
            for option in options {
                switch option.name {
                case "type": attribute.type = typeText(option.value)
                case "allowNull": if case .boolean(let value, _) = option.value { attribute.allowNull = value }
                case "primaryKey": if case .boolean(let value, _) = option.value { attribute.primaryKey = value }
                case "unique":
                    if case .boolean(let value, _) = option.value { attribute.unique = value ? .unique : .notUnique }
                    if case .string(let index, _) = option.value { attribute.unique = .compositeIndex(index) }
                    if case .object(let parts, _) = option.value, let name = parts.first(where: { $0.name == "name" }), case .string(let index, _) = name.value {
                        attribute.unique = .compositeIndex(index)
                    }
                case "field": if case .string(let field, _) = option.value { attribute.field = field }
                case "references":
                    if case .object(let reference, let referenceMark) = option.value, let table = string("model", in: reference) {
                        attribute.references = AttributeReference(model: table, key: string("key", in: reference), mark: referenceMark)
                    }
                default: break
                }
            }
        }

        mutating func readOptions(_ expression: JSExpression, into model: ModelDecl, modelNameApplies: Bool = true, explicitFor index: Int? = nil) {
            guard case .object(let properties, _) = resolvedLiteral(expression) else { _ = evaluate(expression); return }
            for property in properties {
                if let index, let name = property.name { module.explicitOptions[index, default: []].insert(name) }
                switch (property.name, property.value) {
                case ("tableName", .string(let table, _)): model.tableName = table
                case ("modelName", _) where !modelNameApplies:
                    break
                case ("modelName", .string(let name, let nameMark)):
                    if name.isEmpty {
                        module.problems.append(DeclarationProblem(mark: nameMark, message: "modelName '' names no model: Sequelize needs a model name",
                                                                  help: "give the model its name, or leave modelName out to use the class name"))
                    } else {
                        model.name = name
                    }
                case ("underscored", .boolean(let value, _)): model.underscored = value
                case ("freezeTableName", .boolean(let value, _)): model.freezeTableName = value
                case ("paranoid", .boolean(let value, _)): model.paranoid = value
                case ("timestamps", .boolean(let value, _)): model.timestamps = value
                case ("deletedAt", .boolean(false, _)): model.deletedAtDisabled = true
                case ("name", .object(let names, _)):
                    model.singularName = Self.string("singular", in: names) ?? model.singularName
                    model.pluralName = Self.string("plural", in: names) ?? model.pluralName
                case ("modelName", _):
                    module.notUnderstood.append(SourceNote(mark: property.value.mark, message: "a modelName that is not a string literal (any model may be missing)"))
                    module.isIncomplete = true
                case ("indexes", .array(let indexes, _)):
                    // A unique index over one column makes that column unique on its own.
                    for index in indexes {
                        guard case .object(let parts, _) = index, parts.contains(where: { $0.name == "unique" && Self.isTrue($0.value) }),
                              let fields = parts.first(where: { $0.name == "fields" }), case .array(let columns, _) = fields.value,
                              columns.count == 1 else { continue }
                        switch columns[0] {
                        case .string(let column, _): model.uniqueIndexFields.insert(column)
                        case .object(let field, _):
                            if let name = field.first(where: { $0.name == "name" || $0.name == "attribute" }), case .string(let column, _) = name.value {
                                model.uniqueIndexFields.insert(column)
                            }
                        default: break
                        }
                    }
                case ("classMethods", .object(let methods, _)):
                    // Sequelize v3's form: v6 ignores it, so an associate written there never runs.
                    let names = methods.compactMap(\.name)
                    module.notUnderstood.append(SourceNote(
                        mark: property.mark,
                        message: "classMethods is an option of Sequelize v3 that v6 ignores: \(model.name) gets none of \(names.joined(separator: ", "))\(names.contains("associate") ? ", so the associations declared in its associate do not exist" : ""); left out",
                        isHole: false))
                case ("instanceMethods", .object(let methods, _)):
                    // Sequelize v3's form (v6 ignores it): recorded so calls to them are not unknown.
                    for method in methods { if let name = method.name { model.methods.append(MethodDecl(name: name, mark: method.mark)) } }
                default:
                    _ = evaluate(property.value)
                }
            }
        }

        /// `{ foreignKey: 'brandId', as: … }`: an object with its literal values, for messages.
        static func sketch(_ properties: [JSProperty]) -> String {
            let parts = properties.map { property -> String in
                guard let name = property.name, !property.isSpread else { return "…" }
                switch property.value {
                case .string(let text, _): return "\(name): '\(text)'"
                case .boolean(let flag, _): return "\(name): \(flag)"
                case .number(let number, _): return "\(name): \(number)"
                default: return "\(name): …"
                }
            }
            return "{ \(parts.joined(separator: ", ")) }"
        }

        /// A literal's value as text (`false`, `12`, `brandId`; a data type as the YAML format
        /// writes it), nil for anything else.
        static func literalText(_ expression: JSExpression) -> String? {
            switch expression {
            case .boolean(let flag, _): return "\(flag)"
            case .number(let number, _): return number
            case .string(let text, _): return text
            case .member, .call: return typeText(expression)
            default: return nil
            }
        }

        /// The string literal an object literal gives `key` (the last one, as in JavaScript).
        static func string(_ key: String, in properties: [JSProperty]) -> String? {
            guard let property = properties.last(where: { $0.name == key }), case .string(let text, _) = property.value else { return nil }
            return text
        }

        /// The plain keys of an object literal.
        static func keys(_ expression: JSExpression) -> Set<String> {
            guard case .object(let properties, _) = expression else { return [] }
            return Set(properties.compactMap(\.name))
        }

        static func isTrue(_ expression: JSExpression) -> Bool {
            if case .boolean(true, _) = expression { return true }
            return false
        }

        /// A `const` literal named by an identifier stands for its value.
        func resolvedLiteral(_ expression: JSExpression) -> JSExpression {
            if case .identifier(let name, _) = expression, case .literal(let value)? = lookup(name) { return value }
            return expression
        }

        /// `DataTypes.STRING`, `DataTypes.STRING(64)`, `Sequelize.UUID`, `'INTEGER'`: the type as
        /// the YAML format writes it (`STRING`, `STRING(64)`).
        static func typeText(_ expression: JSExpression) -> String? {
            switch expression {
            case .member(let object, let name, _):
                // `DataTypes.INTEGER.UNSIGNED` → `INTEGER.UNSIGNED`; `DataTypes.STRING(64).BINARY` too.
                if let path = path(of: expression) {
                    for prefix in ["Sequelize.DataTypes.", "DataTypes.", "Sequelize.", "DataType.", "sequelize.DataTypes.", "Sequelize.DataType."]
                    where path.hasPrefix(prefix) {
                        return String(path.dropFirst(prefix.count))
                    }
                    return name
                }
                if case .call = object, let base = typeText(object) { return base + "." + name }
                return name
            case .identifier(let name, _): return name
            case .string(let text, _): return text
            case .call(let callee, let arguments, _), .new(let callee, let arguments, _):
                // `DataTypes.STRING(64)`, and `new DataTypes.STRING(64)`.
                guard let base = typeText(callee) else { return nil }
                let values = arguments.compactMap { argument -> String? in
                    switch argument {
                    case .number(let number, _): return number
                    case .string(let text, _): return "'\(text)'"
                    default: return nil
                    }
                }
                return values.count == arguments.count ? "\(base)(\(values.joined(separator: ", ")))" : base
            default: return nil
            }
        }

        // MARK: classes

        static func extendsModel(_ type: JSClass) -> Bool {
            guard let superclass = type.superclass else { return false }
            switch superclass {
            case .identifier("Model", _), .member(_, "Model", _): return true
            case .call(.identifier("Model", _), _, _), .call(.member(_, "Model", _), _, _): return true
            default: return false
            }
        }

        /// The model a class declares (created once, when first seen): a class that extends
        /// `Model`, is decorated with `@Table`, or is initialized with `X.init(...)`.
        mutating func classModel(_ type: JSClass) -> Int? {
            if let index = classModels[type.mark] { return index }
            guard let name = type.name,
                  Self.extendsModel(type) || initializedClasses.contains(name) || Self.hasTableDecorator(type) else { return nil }
            let index = addModel(named: name, at: type.mark)
            classModels[type.mark] = index
            let decorated = Self.hasTableDecorator(type) || type.members.contains { !$0.decorators.isEmpty }
            if !initializedClasses.contains(name) && !decorated { module.uninitializedClasses.insert(index) }
            // `class User extends BaseModel`: the base class's methods are not known here.
            module.models[index].inheritsUnknownMethods = type.superclass != nil && !Self.extendsModel(type)
            return index
        }

        static func hasTableDecorator(_ type: JSClass) -> Bool {
            type.decorators.contains { decorator in
                switch decorator {
                case .decorator(.identifier("Table", _), _), .decorator(.call(.identifier("Table", _), _, _), _): return true
                default: return false
                }
            }
        }

        @discardableResult
        mutating func readClass(_ type: JSClass) -> Int? {
            let index = classModel(type)
            if let index, let name = type.name { bind(name, .ref(.local(index))) }
            let model = index.map { JSModelRef.local($0) }
            if let index { readTableDecorator(type.decorators, into: index) }
            for member in type.members {
                let savedThis = thisModel, savedInstance = thisInstance
                defer { thisModel = savedThis; thisInstance = savedInstance }
                thisModel = member.isStatic ? model : nil
                thisInstance = member.isStatic ? nil : model
                if let index, !member.decorators.isEmpty { readDecoratedMember(member, of: index) }
                if let index, member.isDeclared, !member.isStatic, let typeText = member.typeText,
                   typeText.contains("AssociationMixin") || typeText.contains("Mixin<") {
                    module.declaredMixins.append((index, member.name, typeText, member.mark))
                }
                if member.isStatic && member.name == "associate", let index, case .function? = member.value {
                    module.associateAssignments.append((index, member.mark))
                    let savedAssociate = currentAssociate
                    currentAssociate = module.associateAssignments.count - 1
                    if case .function(let function)? = member.value { _ = readFunction(function, parameters: .associate) }
                    currentAssociate = savedAssociate
                    continue
                }
                guard let value = member.value else { continue }
                if case .function(let function) = value {
                    if let index, !member.isStatic, member.kind == .method || member.kind == .field {
                        module.models[index].methods.append(MethodDecl(name: member.name, mark: member.mark))
                    }
                    // Arrow fields keep the instance as `this`; methods have it as their own.
                    let result = readFunction(function, parameters: function.isArrow ? .plain : .method)
                    if let index, member.isStatic, case .factory(index)? = result { module.factoryMethods.append((index, member.name)) }
                } else {
                    _ = evaluate(value)
                }
            }
            return index
        }

        // MARK: sequelize-typescript

        mutating func readTableDecorator(_ decorators: [JSExpression], into index: Int) {
            for decorator in decorators {
                guard case .decorator(let inner, _) = decorator else { continue }
                if case .call(.identifier("Table", _), let arguments, _) = inner, let options = arguments.first {
                    readOptions(options, into: module.models[index])
                }
            }
        }

        /// `@Column`, `@ForeignKey(() => X)`, `@BelongsTo(() => X)`... on a property.
        mutating func readDecoratedMember(_ member: JSClassMember, of index: Int) {
            let model = module.models[index]
            var attribute: AttributeDecl?
            var allowNull: Bool?, primaryKey = false, unique: Uniqueness?
            for decorator in member.decorators {
                guard case .decorator(let inner, _) = decorator else { continue }
                let (name, arguments): (String?, [JSExpression]) = {
                    switch inner {
                    case .identifier(let name, _): return (name, [])
                    case .call(.identifier(let name, _), let arguments, _): return (name, arguments)
                    default: return (nil, [])
                    }
                }()
                guard let name else { continue }
                switch name {
                case "Column":
                    var column = AttributeDecl(name: member.name, mark: member.mark)
                    column.type = Self.typeFromTypeScript(member.typeText)
                    if let first = arguments.first {
                        if case .object(let options, _) = first { Self.readAttributeOptions(options, into: &column) } else if let type = Self.typeText(first) { column.type = type }
                    }
                    attribute = column
                case "PrimaryKey": primaryKey = true
                case "AllowNull":
                    if case .boolean(let flag, _)? = arguments.first { allowNull = flag } else { allowNull = true }
                case "Unique": unique = .unique
                case "ForeignKey":
                    if let target = arguments.first.flatMap({ returnedModel($0) }) {
                        module.decoratedForeignKeys.append((index, member.name, target))
                    }
                case _ where JSModuleReader.decoratorKinds[name] != nil:
                    decoratedAssociation(JSModuleReader.decoratorKinds[name] ?? .hasMany, arguments, member: member, of: index)
                default:
                    break
                }
            }
            if var attribute {
                if let allowNull { attribute.allowNull = allowNull }
                if primaryKey { attribute.primaryKey = true }
                if let unique { attribute.unique = unique }
                model.declaresAttributes = true
                Self.add(attribute, to: model)
            }
        }

        /// `() => Team` (or `Team`): the model the thunk returns.
        mutating func returnedModel(_ expression: JSExpression) -> JSModelRef? {
            if case .function(let function) = expression, function.isArrow, function.parameters.isEmpty,
               function.body.count == 1, case .returnStatement(let value?, _) = function.body[0] {
                return evaluate(value)
            }
            return nil
        }

        /// A bare `@Column` takes its type from the TypeScript type.
        static func typeFromTypeScript(_ text: String?) -> String? {
            guard let text else { return nil }
            let base = text.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? text
            switch base {
            case "number": return "INTEGER"
            case "string": return "STRING"
            case "boolean": return "BOOLEAN"
            case "Date": return "DATE"
            default: return nil
            }
        }

        mutating func decoratedAssociation(_ kind: AssociationKind, _ arguments: [JSExpression], member: JSClassMember, of index: Int) {
            guard let first = arguments.first, let target = returnedModel(first) else {
                module.notUnderstood.append(SourceNote(mark: member.mark, message: "@\(kind.decoratorName) on \(member.name): a target that is not a model known statically"))
                module.models[index].isIncomplete = true
                return
            }
            let decl = AssociationDecl(kind: kind, source: "", target: "", path: module.path, mark: member.mark, targetMark: first.mark)
            var pending = JSPendingAssociation(source: .local(index), target: target, decl: decl, decorated: true)
            var rest = Array(arguments.dropFirst())
            if kind == .belongsToMany, let through = rest.first {
                if let model = returnedModel(through) {
                    pending.throughModel = model
                    decl.throughForm = .model
                    decl.throughMark = through.mark
                    rest.removeFirst()
                } else if case .string(let table, _) = through {
                    decl.through = table
                    decl.throughForm = .name
                    decl.throughMark = through.mark
                    rest.removeFirst()
                }
            }
            if case .string(let key, let keyMark)? = rest.first {
                decl.foreignKey = key
                decl.foreignKeyMark = keyMark
                rest.removeFirst()
                if kind == .belongsToMany, case .string(let other, let otherMark)? = rest.first {
                    decl.otherKey = other
                    decl.otherKeyMark = otherMark
                }
            } else if let options = rest.first {
                guard case .object(let properties, _) = resolvedLiteral(options), readAssociationOptions(properties, into: &pending) else {
                    if case .object = resolvedLiteral(options) {} else {
                        module.notUnderstood.append(SourceNote(mark: options.mark, message: "the options of @\(kind.decoratorName) on \(member.name), which are not an object literal"))
                    }
                    module.models[index].isIncomplete = true
                    return
                }
            }
            if decl.alias == nil { decl.alias = .string(member.name) }
            module.associations.append(pending)
        }

        // MARK: associations

        mutating func associationCall(_ object: JSExpression, kind: AssociationKind, arguments: [JSExpression], mark: SourceMark) {
            let source = evaluate(object)
            let call = "\(Self.path(of: object) ?? "…").\(kind.rawValue)(…)"
            guard let source else {
                for argument in arguments { _ = evaluate(argument) }
                module.notUnderstood.append(SourceNote(mark: mark, message: "\(call) on something that is not a model known statically (any model may be incomplete)"))
                module.isIncomplete = true
                return
            }
            guard let targetExpression = arguments.first, let target = evaluate(targetExpression) else {
                for argument in arguments.dropFirst() { _ = evaluate(argument) }
                module.notUnderstood.append(SourceNote(mark: mark, message: "\(call): a target that is not a model known statically"))
                markIncomplete(source)
                return
            }
            let decl = AssociationDecl(kind: kind, source: "", target: "", path: module.path, mark: mark, targetMark: targetExpression.mark)
            var pending = JSPendingAssociation(source: source, target: target, decl: decl)
            pending.associateDefinition = currentAssociate
            if arguments.count > 1 {
                let options = resolvedLiteral(arguments[1])
                guard case .object(let properties, _) = options else {
                    _ = evaluate(arguments[1])
                    module.notUnderstood.append(SourceNote(mark: arguments[1].mark, message: "the options of \(call), which are not an object literal"))
                    markIncomplete(source)
                    return
                }
                guard readAssociationOptions(properties, into: &pending) else {
                    markIncomplete(source)
                    return
                }
            }
            module.associations.append(pending)
        }

        /// A hole in what a model declares: rules that need its complete list stay silent about it.
        mutating func markIncomplete(_ model: JSModelRef) {
            if case .local(let index) = model { module.models[index].isIncomplete = true } else { module.incompleteModels.append(model) }
        }

        /// Reads the options as written; false (with a note, and the association left out) when
        /// one that names something cannot be read exactly.
        mutating func readAssociationOptions(_ options: [JSProperty], into pending: inout JSPendingAssociation) -> Bool {
            let association = pending.decl
            let call = "\(association.kind.rawValue)(…)"
            for option in options {
                guard let name = option.name, !option.isSpread else {
                    module.notUnderstood.append(SourceNote(mark: option.mark, message: "options of \(call) spread from elsewhere"))
                    return false
                }
                let value = resolvedLiteral(option.value)
                switch (name, value) {
                case ("as", .string(let alias, _)): association.alias = .string(alias); association.aliasMark = option.value.mark
                case ("as", .object(let names, _)):
                    association.alias = .object(singular: Self.string("singular", in: names), plural: Self.string("plural", in: names))
                    association.aliasMark = option.value.mark
                case ("foreignKey", .string(let key, _)): association.foreignKey = key; association.foreignKeyMark = option.value.mark
                case ("foreignKey", .object(let parts, _)):
                    association.foreignKeyMark = option.value.mark
                    for part in parts {
                        switch (part.name, part.value) {
                        case ("name", .string(let key, _)): association.foreignKey = key
                        case ("allowNull", .boolean(let flag, _)): association.foreignKeyAllowNull = flag
                        case ("unique", .boolean(let flag, _)): association.foreignKeyUnique = flag ? .unique : .notUnique
                        case ("type", let type): association.foreignKeyType = Self.typeText(type).map { OptionValue(value: $0, mark: type.mark) }
                        default: break
                        }
                    }
                case ("sourceKey", .string(let key, _)): association.sourceKey = key; association.sourceKeyMark = option.value.mark
                case ("targetKey", .string(let key, _)): association.targetKey = key; association.targetKeyMark = option.value.mark
                case ("otherKey", .string(let key, _)): association.otherKey = key; association.otherKeyMark = option.value.mark
                case ("otherKey", .object(let parts, _)):
                    if let part = parts.first(where: { $0.name == "name" }), case .string(let key, _) = part.value {
                        association.otherKey = key
                        association.otherKeyMark = option.value.mark
                    }
                case ("keyType", _), ("uniqueKey", _), ("timestamps", _):
                    association.misplacedOptions.removeAll { $0.name == name && $0.place == .kindSpecific }
                    association.misplacedOptions.append(MisplacedOption(name: name, place: .kindSpecific, mark: option.mark, value: Self.literalText(value)))
                    if name == "keyType", association.kind != .belongsToMany, let text = Self.typeText(value) {
                        association.foreignKeyType = association.foreignKeyType ?? OptionValue(value: text, mark: option.value.mark)
                    }
                case (let name, _) where Vocabulary.misplacedAssociationKeys.contains(name):
                    association.misplacedOptions.removeAll { $0.name == name && $0.place == .associationOptions }
                    association.misplacedOptions.append(MisplacedOption(name: name, place: .associationOptions, mark: option.mark, value: Self.literalText(value)))
                case ("through", _):
                    var junction = value
                    if case .object(let parts, _) = value, let model = parts.first(where: { $0.name == "model" }) {
                        junction = resolvedLiteral(model.value)
                        for part in parts where part.name.map(Vocabulary.misplacedThroughKeys.contains) == true {
                            association.misplacedOptions.removeAll { $0.name == part.name && $0.place == .through }
                            association.misplacedOptions.append(MisplacedOption(name: part.name ?? "", place: .through, mark: part.mark,
                                                                                value: Self.literalText(resolvedLiteral(part.value))))
                        }
                    }
                    association.throughMark = option.value.mark
                    if case .string(let table, _) = junction {
                        association.through = table
                        association.throughForm = .name
                    } else if let model = returnedModel(junction) ?? evaluate(junction) {
                        pending.throughModel = model
                        association.throughForm = .model
                    } else {
                        module.notUnderstood.append(SourceNote(mark: option.value.mark, message: "the through model of \(call), which is not known statically"))
                        return false
                    }
                case ("onDelete", .string(let action, _)): association.onDelete = OptionValue(value: action, mark: option.value.mark)
                case ("onUpdate", .string(let action, _)): association.onUpdate = OptionValue(value: action, mark: option.value.mark)
                case ("constraints", .boolean(let flag, _)): association.constraints = OptionValue(value: flag, mark: option.value.mark)
                case ("hooks", .boolean(let flag, _)): association.hooks = OptionValue(value: flag, mark: option.value.mark)
                case ("scope", _): association.hasScope = true
                case ("as", _), ("foreignKey", _), ("sourceKey", _), ("targetKey", _), ("otherKey", _):
                    // A key or alias computed at run time: the association cannot be named exactly.
                    module.notUnderstood.append(SourceNote(mark: option.value.mark, message: "'\(name)' of \(call), which is not a literal"))
                    return false
                default:
                    // Present with a value not known statically: nothing is read from it.
                    _ = evaluate(option.value)
                }
                // An option Sequelize v6 does not know is ignored by it: say so, as for YAML.
                if !Vocabulary.associationOptionKeys.contains(name) {
                    association.unknownOptions.removeAll { $0.name == name }  // the last one wins, as in JavaScript
                    association.unknownOptions.append(MisplacedOption(name: name, place: .associationOptions, mark: option.mark, value: Self.literalText(value)))
                    let allowed = Vocabulary.associationOptionKeys
                    module.problems.append(Vocabulary.sequelize7OnlyAssociationKeys.contains(name)
                        ? DeclarationProblem(mark: option.mark, message: "'\(name)' is a Sequelize v7 option; Sequelize v6 ignores it")
                        : DeclarationProblem(mark: option.mark, message: "unknown association option '\(name)'.\(Suggestion.phrase(for: name, in: allowed)) Sequelize v6 ignores it",
                                             help: "known options: \(allowed.sorted().joined(separator: ", "))"))
                }
            }
            return true
        }

        // MARK: instances

        /// The model whose instance an expression gives: `await Order.findByPk(id)`, `Order.build()`.
        mutating func instanceModel(_ expression: JSExpression) -> JSModelRef? {
            var expression = expression
            if case .other(let parts, _) = expression, parts.count == 1 { expression = parts[0] }
            guard case .call(.member(let object, let method, _), _, _) = expression,
                  ["findByPk", "findOne", "create", "build", "findById"].contains(method) else { return nil }
            // A dotted path only: evaluating it records nothing (the call was walked already).
            return Self.path(of: object) == nil ? nil : evaluate(object)
        }

        /// The model an expression is an instance of: a name bound to an instance, `this` in an
        /// instance method.
        func instanceOf(_ expression: JSExpression) -> JSModelRef? {
            switch expression {
            case .identifier(let name, _):
                if case .instance(let model)? = lookup(name) { return model }
                return nil
            case .this: return thisInstance
            default: return nil
            }
        }

        /// `getItems`, `setAuthor`, `countTags`: a prefix and a capitalized name.
        static func hasAccessorShape(_ method: String) -> Bool {
            for prefix in JSModuleReader.accessorPrefixes where method.hasPrefix(prefix) {
                if let next = method.dropFirst(prefix.count).first, next.isUppercase { return true }
            }
            return false
        }


        /// `a`, `a.b`, `a.b.c`, `this.a.b`: a dotted path of names, if the expression is one.
        static func path(of expression: JSExpression) -> String? {
            switch expression {
            case .identifier(let name, _): return name
            case .this: return "this"
            case .member(let object, let name, _): return path(of: object).map { "\($0).\(name)" }
            default: return nil
            }
        }
    }
}

extension AssociationKind {
    /// The sequelize-typescript decorator (`@HasMany`).
    var decoratorName: String {
        switch self {
        case .hasMany: return "HasMany"
        case .hasOne: return "HasOne"
        case .belongsTo: return "BelongsTo"
        case .belongsToMany: return "BelongsToMany"
        }
    }
}
