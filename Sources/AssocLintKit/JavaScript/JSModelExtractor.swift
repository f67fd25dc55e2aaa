/// The third layer of the JavaScript/TypeScript front end (issue 10), in progress: one parsed
/// file to the typed schema the YAML decoder produces. So far it reads, within one file,
/// `sequelize.define('Name', attributes, options)` and `class X extends Model` + `X.init(...)`,
/// and the association calls on those models (`X.hasMany(Y, {...})`, `this.belongsTo(...)` in a
/// class, `models.Y`/`db.Y` targets named after the model). Whatever it cannot read exactly is
/// listed in `notUnderstood` and left out: nothing is guessed. Not yet used by `lint`.
public struct JSModelExtraction: Sendable {
    public var file: SchemaFile
    /// What could not be read statically, with its place (a hole in the schema).
    public var notUnderstood: [(mark: SourceMark, what: String)] = []
}

public enum JSModelExtractor {
    static let associationKinds = Set(AssociationKind.allCases.map(\.rawValue))

    public static func extract(_ program: JSProgram, path: String) -> JSModelExtraction {
        var extractor = Extractor(path: path)
        extractor.collectModels(program.statements)
        extractor.collectAssociations(program.statements, thisModel: nil)
        var file = SchemaFile(path: path)
        file.isModelFile = !extractor.models.isEmpty || extractor.sawAssociation
        file.models = extractor.models
        return JSModelExtraction(file: file, notUnderstood: extractor.notUnderstood.sorted { $0.mark < $1.mark })
    }

    struct Extractor {
        let path: String
        var models: [ModelDecl] = []
        /// Identifiers (and `db.x` paths) bound to a model, by the model's index in `models`.
        var bindings: [String: Int] = [:]
        var notUnderstood: [(mark: SourceMark, what: String)] = []
        var sawAssociation = false

        init(path: String) {
            self.path = path
        }

        // MARK: models

        /// Finds the models the file defines, and the names bound to them.
        mutating func collectModels(_ statements: [JSStatement]) {
            for statement in statements {
                switch statement {
                case .variables(let declarations, _):
                    for (pattern, initializer) in declarations {
                        guard case .identifier(let name, _) = pattern, let initializer else { visitForModels(initializer); continue }
                        if let index = defineCall(initializer) { bindings[name] = index } else { visitForModels(initializer) }
                    }
                case .expression(let expression):
                    if case .assignment(let target, "=", let value, _) = expression, let index = defineCall(value), let name = Self.path(of: target) {
                        bindings[name] = index
                    } else {
                        visitForModels(expression)
                    }
                case .classDeclaration(let type):
                    if let name = type.name, Self.extendsModel(type) { bindings[name] = addModel(named: name, at: type.mark) }
                case .function(let function): collectModels(function.body)
                case .returnStatement(let value, _): visitForModels(value)
                case .export(let inner, _): collectModels([inner])
                case .exportDefault(let value, _): visitForModels(value)
                case .block(let inner, _): collectModels(inner)
                case .importDeclaration, .other: break
                }
            }
        }

        mutating func visitForModels(_ expression: JSExpression?) {
            guard let expression else { return }
            switch expression {
            case .function(let function): collectModels(function.body)
            case .classExpression(let type):
                if let name = type.name, Self.extendsModel(type) { bindings[name] = addModel(named: name, at: type.mark) }
            case .call(let callee, let arguments, _):
                // `X.init(attributes, { modelName, ... })` on a class.
                if case .member(.identifier(let className, _), "init", _) = callee, let index = bindings[className] {
                    applyInit(arguments, to: models[index])
                }
                for argument in arguments { visitForModels(argument) }
            case .assignment(_, _, let value, _): visitForModels(value)
            case .sequence(let parts, _), .other(let parts, _), .array(let parts, _): for part in parts { visitForModels(part) }
            default: break
            }
        }

        static func extendsModel(_ type: JSClass) -> Bool {
            guard let superclass = type.superclass else { return false }
            switch superclass {
            case .identifier("Model", _), .member(_, "Model", _): return true
            default: return false
            }
        }

        /// `sequelize.define('Name', attributes, options)`: the model's index.
        mutating func defineCall(_ expression: JSExpression) -> Int? {
            guard case .call(let callee, let arguments, let mark) = expression, case .member(_, "define", _) = callee,
                  let first = arguments.first else { return nil }
            guard case .string(let name, _) = first else {
                notUnderstood.append((mark, "a model whose name is not a string literal"))
                return nil
            }
            let index = addModel(named: name, at: mark)
            if arguments.count > 1 { readAttributes(arguments[1], into: models[index]) }
            if arguments.count > 2 { readOptions(arguments[2], into: models[index]) }
            return index
        }

        mutating func addModel(named name: String, at mark: SourceMark) -> Int {
            models.append(ModelDecl(name: name, path: path, mark: mark))
            return models.count - 1
        }

        mutating func applyInit(_ arguments: [JSExpression], to model: ModelDecl) {
            if let attributes = arguments.first { readAttributes(attributes, into: model) }
            if arguments.count > 1 { readOptions(arguments[1], into: model) }
        }

        mutating func readAttributes(_ expression: JSExpression, into model: ModelDecl) {
            guard case .object(let properties, _) = expression else {
                notUnderstood.append((expression.mark, "the attributes of \(model.name), which are not an object literal"))
                return
            }
            model.declaresAttributes = true
            for property in properties {
                guard let name = property.name, !property.isSpread else {
                    notUnderstood.append((property.mark, "an attribute of \(model.name) that is not a plain name (a spread or a computed key)"))
                    continue
                }
                var attribute = AttributeDecl(name: name, mark: property.mark)
                if case .object(let options, _) = property.value {
                    for option in options {
                        switch option.name {
                        case "type": attribute.type = Self.typeText(option.value)
                        case "allowNull": if case .boolean(let value, _) = option.value { attribute.allowNull = value }
                        case "primaryKey": if case .boolean(let value, _) = option.value { attribute.primaryKey = value }
                        case "unique":
                            if case .boolean(let value, _) = option.value { attribute.unique = value ? .unique : .notUnique }
                            if case .string(let index, _) = option.value { attribute.unique = .compositeIndex(index) }
                        case "field": if case .string(let field, _) = option.value { attribute.field = field }
                        case "references":
                            if case .object(let reference, let referenceMark) = option.value,
                               let model = reference.first(where: { $0.name == "model" }), case .string(let table, _) = model.value {
                                let key = reference.first(where: { $0.name == "key" }).flatMap { if case .string(let key, _) = $0.value { return key } else { return nil } }
                                attribute.references = AttributeReference(model: table, key: key, mark: referenceMark)
                            }
                        default: break
                        }
                    }
                } else {
                    attribute.type = Self.typeText(property.value)
                }
                model.attributes.append(attribute)
            }
        }

        mutating func readOptions(_ expression: JSExpression, into model: ModelDecl) {
            guard case .object(let properties, _) = expression else { return }
            for property in properties {
                switch (property.name, property.value) {
                case ("tableName", .string(let table, _)): model.tableName = table
                case ("modelName", .string(let name, _)): model.name = name
                case ("underscored", .boolean(let value, _)): model.underscored = value
                case ("freezeTableName", .boolean(let value, _)): model.freezeTableName = value
                case ("paranoid", .boolean(let value, _)): model.paranoid = value
                case ("timestamps", .boolean(let value, _)): model.timestamps = value
                case ("name", .object(let names, _)):
                    for name in names {
                        if case .string(let text, _) = name.value {
                            if name.name == "singular" { model.singularName = text }
                            if name.name == "plural" { model.pluralName = text }
                        }
                    }
                default: break
                }
            }
        }

        /// `DataTypes.STRING`, `DataTypes.STRING(64)`, `Sequelize.UUID`, `'INTEGER'`: the type as
        /// the YAML format writes it (`STRING`, `STRING(64)`).
        static func typeText(_ expression: JSExpression) -> String? {
            switch expression {
            case .member(_, let name, _): return name
            case .identifier(let name, _): return name
            case .string(let text, _): return text
            case .call(let callee, let arguments, _):
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

        // MARK: associations

        /// Finds association calls on known models.
        mutating func collectAssociations(_ statements: [JSStatement], thisModel: Int?) {
            for statement in statements {
                switch statement {
                case .expression(let expression): visitForAssociations(expression, thisModel: thisModel)
                case .variables(let declarations, _): declarations.forEach { visitForAssociations($0.initializer, thisModel: thisModel) }
                case .function(let function): collectAssociations(function.body, thisModel: thisModel)
                case .classDeclaration(let type): visitClass(type)
                case .returnStatement(let value, _): visitForAssociations(value, thisModel: thisModel)
                case .export(let inner, _): collectAssociations([inner], thisModel: thisModel)
                case .exportDefault(let value, _): visitForAssociations(value, thisModel: thisModel)
                case .block(let inner, _): collectAssociations(inner, thisModel: thisModel)
                case .importDeclaration, .other: break
                }
            }
        }

        mutating func visitClass(_ type: JSClass) {
            let model = type.name.flatMap { bindings[$0] }
            for member in type.members {
                // `this` in a static method is the class.
                let thisModel = member.isStatic ? model : nil
                if case .function(let function)? = member.value { collectAssociations(function.body, thisModel: thisModel) }
            }
        }

        mutating func visitForAssociations(_ expression: JSExpression?, thisModel: Int?) {
            guard let expression else { return }
            switch expression {
            case .call(let callee, let arguments, let mark):
                if case .member(let object, let method, _) = callee, JSModelExtractor.associationKinds.contains(method) {
                    associationCall(object, kind: AssociationKind(rawValue: method) ?? .hasMany, arguments: arguments, mark: mark, thisModel: thisModel)
                }
                visitForAssociations(callee, thisModel: thisModel)
                arguments.forEach { visitForAssociations($0, thisModel: thisModel) }
            case .function(let function): collectAssociations(function.body, thisModel: thisModel)
            case .classExpression(let type): visitClass(type)
            case .assignment(_, _, let value, _): visitForAssociations(value, thisModel: thisModel)
            case .sequence(let parts, _), .other(let parts, _), .array(let parts, _): parts.forEach { visitForAssociations($0, thisModel: thisModel) }
            case .member(let object, _, _): visitForAssociations(object, thisModel: thisModel)
            default: break
            }
        }

        /// The model an expression names: a bound identifier or path, `this` in a class, or
        /// `models.X`/`db.X`/`sequelize.models.X` read as the model named X.
        func model(_ expression: JSExpression, thisModel: Int?) -> (name: String, known: Bool)? {
            if case .this = expression, let thisModel { return (models[thisModel].name, true) }
            if let path = Self.path(of: expression), let index = bindings[path] { return (models[index].name, true) }
            if case .member(let object, let name, _) = expression, let base = Self.path(of: object),
               ["models", "db", "sequelize.models", "this.sequelize.models"].contains(base) {
                return (name, false)
            }
            return nil
        }

        mutating func associationCall(_ object: JSExpression, kind: AssociationKind, arguments: [JSExpression], mark: SourceMark, thisModel: Int?) {
            guard let (sourceName, sourceKnown) = model(object, thisModel: thisModel), sourceKnown,
                  let index = models.firstIndex(where: { $0.name == sourceName }) else { return }
            sawAssociation = true
            let source = models[index]
            guard let targetExpression = arguments.first, let (target, _) = model(targetExpression, thisModel: thisModel) else {
                notUnderstood.append((mark, "\(source.name).\(kind.rawValue)(…): a target that is not a model known statically"))
                return
            }
            let association = AssociationDecl(kind: kind, source: source.name, target: target, path: path, mark: mark, targetMark: targetExpression.mark)
            if arguments.count > 1 {
                guard case .object(let options, _) = arguments[1] else {
                    notUnderstood.append((arguments[1].mark, "the options of \(source.name).\(kind.rawValue)(\(target)), which are not an object literal"))
                    return
                }
                guard readAssociationOptions(options, into: association) else { return }
            }
            source.associations.append(association)
        }

        /// Reads the options as written; false (and the association left out) when one cannot be
        /// read exactly.
        mutating func readAssociationOptions(_ options: [JSProperty], into association: AssociationDecl) -> Bool {
            for option in options {
                guard let name = option.name, !option.isSpread else {
                    notUnderstood.append((option.mark, "options of \(association.source).\(association.kind.rawValue)(\(association.target)) spread from elsewhere"))
                    return false
                }
                let value = option.value
                switch (name, value) {
                case ("as", .string(let alias, _)): association.alias = .string(alias); association.aliasMark = value.mark
                case ("as", .object(let names, _)):
                    func text(_ key: String) -> String? { names.first { $0.name == key }.flatMap { if case .string(let t, _) = $0.value { return t } else { return nil } } }
                    association.alias = .object(singular: text("singular"), plural: text("plural"))
                    association.aliasMark = value.mark
                case ("foreignKey", .string(let key, _)): association.foreignKey = key; association.foreignKeyMark = value.mark
                case ("foreignKey", .object(let parts, _)):
                    association.foreignKeyMark = value.mark
                    for part in parts {
                        switch (part.name, part.value) {
                        case ("name", .string(let key, _)): association.foreignKey = key
                        case ("allowNull", .boolean(let flag, _)): association.foreignKeyAllowNull = flag
                        case ("unique", .boolean(let flag, _)): association.foreignKeyUnique = flag ? .unique : .notUnique
                        default: break
                        }
                    }
                case ("sourceKey", .string(let key, _)): association.sourceKey = key; association.sourceKeyMark = value.mark
                case ("targetKey", .string(let key, _)): association.targetKey = key; association.targetKeyMark = value.mark
                case ("otherKey", .string(let key, _)): association.otherKey = key; association.otherKeyMark = value.mark
                case ("through", .string(let table, _)):
                    association.through = table
                    association.throughMark = value.mark
                    association.throughForm = .name
                case ("through", _):
                    var junction = value
                    if case .object(let parts, _) = value, let model = parts.first(where: { $0.name == "model" }) { junction = model.value }
                    if case .string(let table, _) = junction {
                        association.through = table
                        association.throughForm = .name
                    } else if let (name, _) = self.model(junction, thisModel: nil) {
                        association.through = name
                        association.throughForm = .model
                    } else {
                        notUnderstood.append((value.mark, "the through model of \(association.source).belongsToMany(\(association.target))"))
                        return false
                    }
                    association.throughMark = value.mark
                case ("onDelete", .string(let action, _)): association.onDelete = OptionValue(value: action, mark: value.mark)
                case ("onUpdate", .string(let action, _)): association.onUpdate = OptionValue(value: action, mark: value.mark)
                case ("constraints", .boolean(let flag, _)): association.constraints = OptionValue(value: flag, mark: value.mark)
                case ("hooks", .boolean(let flag, _)): association.hooks = OptionValue(value: flag, mark: value.mark)
                case ("scope", _): association.hasScope = true
                case ("as", _), ("foreignKey", _), ("sourceKey", _), ("targetKey", _), ("otherKey", _):
                    // A key or alias computed at run time: the association cannot be named exactly.
                    notUnderstood.append((value.mark, "'\(name)' of \(association.source).\(association.kind.rawValue)(\(association.target)), which is not a literal"))
                    return false
                default:
                    break
                }
            }
            return true
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
