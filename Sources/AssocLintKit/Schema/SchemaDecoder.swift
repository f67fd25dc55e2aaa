/// Turns a composed YAML document into typed declarations, recording every wrong shape,
/// unknown key and option Sequelize would reject as a problem at its own mark, and carrying on
/// with the rest of the file.
public enum SchemaDecoder {
    /// Decodes a file while it is composed: each model is decoded as soon as its YAML is complete,
    /// so a large schema is never held as one tree. With `parts` > 1, a large file is cut into
    /// that many parts (`SchemaFileParts`) decoded on as many threads; the result is the same as
    /// in one piece, which is how the file is read when a part does not parse.
    public static func decode(path: String, bytes: [UInt8], limits: YAMLLimits = .standard, parts: Int = 1) -> SchemaFile {
        if parts > 1, let plan = SchemaFileParts(bytes, count: parts) {
            let timer = PhaseTimer()
            let decoded = plan.parts.parallelMap(jobs: plan.parts.count) { part in
                decode(path: path, bytes: part.prefix + bytes[part.range], limits: limits, lineOffset: part.lineOffset)
            }
            timer.lap("  compose and decode \(plan.parts.count) parts of \(path)")
            // Every part read completely, and the first (which holds the `models:` key) is a
            // model file (a defence in depth: the plan already refuses keys inside quoted text).
            if !decoded.contains(where: { $0.isIncomplete }), decoded.first?.isModelFile == true {
                var file = SchemaFile(path: path)
                for part in decoded {
                    file.isModelFile = file.isModelFile || part.isModelFile
                    file.models += part.models
                    file.usages += part.usages
                    file.problems += part.problems
                    file.yamlIssues += part.yamlIssues
                }
                return file
            }
        }
        return decode(path: path, bytes: bytes, limits: limits, lineOffset: 0)
    }

    static func decode(path: String, bytes: [UInt8], limits: YAMLLimits, lineOffset: Int) -> SchemaFile {
        let timer = PhaseTimer()
        var decoder = Decoder(file: SchemaFile(path: path))
        var modelKeyMarks = Set<SourceMark>()
        let composed = YAMLComposer.compose(bytes, limits: limits, streaming: "models", lineOffset: lineOffset) { entry in
            decoder.file.isModelFile = true
            decoder.decodeModelEntry(entry, modelKeyMarks: &modelKeyMarks)
        }
        timer.lap("  compose and decode models \(path)")
        if composed.isIncomplete {
            // A file that does not parse reports its yaml-syntax finding alone, as if nothing had
            // been streamed (like a linter that cannot parse a file).
            decoder = Decoder(file: SchemaFile(path: path))
            modelKeyMarks = []
        }
        let file = decode(decoder, composed: composed, modelKeyMarks: modelKeyMarks)
        timer.lap("  decode the rest \(path)")
        return file
    }

    private static func decode(_ decoder: Decoder, composed: ComposedYAML, modelKeyMarks: Set<SourceMark>) -> SchemaFile {
        var decoder = decoder
        var modelKeyMarks = modelKeyMarks
        decoder.file.isIncomplete = composed.isIncomplete
        for document in composed.documents {
            decoder.decodeDocument(document, modelKeyMarks: &modelKeyMarks)
        }
        // Repeated model names are the duplicate-model rule's; other repeated keys are YAML issues.
        decoder.file.yamlIssues = composed.issues.filter { issue in
            if case .duplicateKey = issue.kind { return !modelKeyMarks.contains(issue.mark) }
            return true
        }
        return decoder.file
    }
}

/// `Author.hasMany(Post)` for messages, built only when a message needs it.
private struct CallText: CustomStringConvertible {
    let source: String
    let kind: AssociationKind
    let target: String

    var description: String { "\(source).\(kind.rawValue)(\(target))" }
}

private struct Decoder {
    var file: SchemaFile
    var typeSlips: [String: String?] = [:]

    mutating func problem(_ mark: SourceMark, _ message: String, help: String? = nil) {
        file.problems.append(DeclarationProblem(mark: mark, message: message, help: help))
    }

    /// Reports keys of `pairs` outside `allowed`, with a suggestion; returns the known pairs.
    mutating func knownPairs(_ pairs: [YAMLPair], allowed: Set<String>, what: String,
                             extra: (String) -> String? = { _ in nil }) -> [YAMLPair] {
        // Usually every key is known: then the pairs themselves, without a copy.
        if pairs.allSatisfy({ $0.key.scalar.map(allowed.contains) == true }) { return pairs }
        var known: [YAMLPair] = []
        for pair in pairs {
            guard let name = pair.key.scalar else {
                problem(pair.key.mark, "\(what)s must be plain names, not \(pair.key.kindDescription)")
                continue
            }
            if allowed.contains(name) {
                known.append(pair)
            } else if let note = extra(name) {
                problem(pair.key.mark, note)
            } else {
                problem(pair.key.mark, "unknown \(what) '\(name)'.\(Suggestion.phrase(for: name, in: allowed))",
                        help: "known keys: \(allowed.sorted().joined(separator: ", "))")
            }
        }
        return known
    }

    func string(_ node: YAMLNode) -> String? {
        guard let text = node.scalar, !node.isNull else { return nil }
        return text
    }

    /// A name (model, alias, key, table): text, but not a plain `true`/`false` or number,
    /// which in such a place is a slip rather than a name.
    func name(_ node: YAMLNode) -> String? {
        guard node.bool == nil, node.int == nil, let text = string(node), !text.isEmpty else { return nil }
        return text
    }

    mutating func requireString(_ node: YAMLNode, _ what: String) -> String? {
        if let text = name(node) { return text }
        problem(node.mark, "\(what) must be a name, not \(node.kindDescription)")
        return nil
    }

    mutating func requireBool(_ node: YAMLNode, _ what: String) -> Bool? {
        if let value = node.bool { return value }
        problem(node.mark, "\(what) must be true or false, not \(node.kindDescription)")
        return nil
    }

    // MARK: documents

    mutating func decodeDocument(_ root: YAMLNode, modelKeyMarks: inout Set<SourceMark>) {
        // Anything without a top-level `models:` key is not a model file (no-declarations says so).
        guard let pairs = root.mapping else { return }
        let hasModels = pairs.contains { $0.key.scalar == "models" }
        guard hasModels else { return }
        file.isModelFile = true
        for pair in pairs {
            if let name = pair.key.scalar, name.hasPrefix("x-") { continue }  // user extensions (anchors)
            guard let name = pair.key.scalar, Vocabulary.topLevelKeys.contains(name) else {
                _ = knownPairs([pair], allowed: Vocabulary.topLevelKeys, what: "top-level key",
                               extra: { _ in nil })
                continue
            }
            switch name {
            case "sequelize": decodeVersion(pair.value)
            case "models": decodeModels(pair.value, modelKeyMarks: &modelKeyMarks)
            case "usages": decodeUsages(pair.value)
            case "incomplete": if requireBool(pair.value, "incomplete") == true { file.isIncomplete = true }
            default: break
            }
        }
    }

    mutating func decodeVersion(_ node: YAMLNode) {
        guard let version = node.int ?? string(node).flatMap({ Int($0) }) else {
            problem(node.mark, "'sequelize' must be a major version number such as 6, not \(node.kindDescription)")
            return
        }
        if version != 6 {
            problem(node.mark, "sequelize: \(version) is not supported; assoclint checks Sequelize v6 semantics",
                    help: "write 'sequelize: 6' or leave the key out")
        }
    }

    mutating func decodeModels(_ node: YAMLNode, modelKeyMarks: inout Set<SourceMark>) {
        if node.isNull { return }
        guard let pairs = node.mapping else {
            problem(node.mark, "'models' must map model names to their definitions, not \(node.kindDescription)")
            return
        }
        for pair in pairs {
            decodeModelEntry(pair, modelKeyMarks: &modelKeyMarks)
        }
    }

    /// One `Name: definition` entry under `models:`.
    mutating func decodeModelEntry(_ pair: YAMLPair, modelKeyMarks: inout Set<SourceMark>) {
        modelKeyMarks.insert(pair.key.mark)
        guard let name = string(pair.key), !name.isEmpty else {
            problem(pair.key.mark, "a model name must be a name, not \(pair.key.kindDescription)")
            return
        }
        decodeModel(name: name, mark: pair.key.mark, node: pair.value)
    }

    mutating func decodeModel(name: String, mark: SourceMark, node: YAMLNode) {
        var model = ModelDecl(name: name, path: file.path, mark: mark)
        var associationsNode: YAMLNode?
        if !node.isNull {
            guard let pairs = node.mapping else {
                problem(node.mark, "model \(name) must be a mapping of options, attributes and associations, not \(node.kindDescription)")
                file.models.append(model)
                return
            }
            for pair in knownPairs(pairs, allowed: Vocabulary.modelKeys, what: "model option") {
                let value = pair.value
                switch pair.name {
                case "attributes": decodeAttributes(value, into: &model)
                case "associations": associationsNode = value
                case "tableName": model.tableName = requireString(value, "tableName")
                case "underscored": model.underscored = requireBool(value, "underscored") ?? false
                case "freezeTableName": model.freezeTableName = requireBool(value, "freezeTableName") ?? false
                case "paranoid": model.paranoid = requireBool(value, "paranoid") ?? false
                case "timestamps": model.timestamps = requireBool(value, "timestamps") ?? true
                case "deletedAt": model.deletedAtDisabled = value.bool == false
                case "omitNull", "hasTrigger":
                    _ = requireBool(value, pair.name)
                case "methods": model.methods = decodeMethods(value, model: name)
                case "incomplete": model.isIncomplete = requireBool(value, "incomplete") ?? false
                case "name": decodeNameOption(value, into: &model)
                case "indexes": model.uniqueIndexFields = uniqueIndexFields(value)
                default: break  // accepted options that do not affect associations
                }
            }
        }
        // Associations are decoded after attributes, whatever their order in the file, so that
        // source keys can be checked against the attributes.
        if let associationsNode { decodeAssociations(associationsNode, into: &model) }
        file.models.append(model)
    }

    /// `methods: [getFullName, { name: getProfile, at: src/models/user.js:12 }]`.
    mutating func decodeMethods(_ node: YAMLNode, model: String) -> [MethodDecl] {
        if node.isNull { return [] }
        guard let items = node.sequence else {
            problem(node.mark, "'methods' must be a list of instance method names such as '- getFullName', not \(node.kindDescription)")
            return []
        }
        var methods: [MethodDecl] = []
        for item in items {
            if let name = name(item) {
                methods.append(MethodDecl(name: name, mark: item.mark))
            } else if let pairs = item.mapping {
                var method: MethodDecl?
                var at: String?
                for pair in knownPairs(pairs, allowed: Vocabulary.methodKeys, what: "method key") {
                    if pair.name == "name", let text = requireString(pair.value, "methods.name") {
                        method = MethodDecl(name: text, mark: pair.value.mark)
                    } else if pair.name == "at" {
                        at = requireString(pair.value, "methods.at")
                    }
                }
                if var method {
                    method.at = at
                    methods.append(method)
                } else {
                    problem(item.mark, "a method entry of \(model) needs 'name'")
                }
            } else {
                problem(item.mark, "a method entry is a name such as '- getFullName' or { name, at }, not \(item.kindDescription)")
            }
        }
        return methods
    }

    /// The single fields of `indexes: [{ unique: true, fields: [x] }]` (a field may be a name or
    /// `{ name: x }`, `{ attribute: x }`). Other index shapes are accepted as they are.
    func uniqueIndexFields(_ node: YAMLNode) -> Set<String> {
        var fields: Set<String> = []
        for index in node.sequence ?? [] {
            guard let pairs = index.mapping, pairs.contains(where: { $0.name == "unique" && $0.value.bool == true }),
                  let list = pairs.first(where: { $0.name == "fields" })?.value.sequence, list.count == 1 else { continue }
            let field = list[0]
            if let name = string(field) {
                fields.insert(name)
            } else if let name = field.mapping?.first(where: { $0.name == "name" || $0.name == "attribute" }).flatMap({ string($0.value) }) {
                fields.insert(name)
            }
        }
        return fields
    }

    mutating func decodeNameOption(_ node: YAMLNode, into model: inout ModelDecl) {
        guard let pairs = node.mapping else {
            problem(node.mark, "'name' must be a mapping with 'singular' and/or 'plural', not \(node.kindDescription)")
            return
        }
        for pair in knownPairs(pairs, allowed: Vocabulary.nameKeys, what: "name key") {
            let value = requireString(pair.value, "name.\(pair.name)")
            if pair.name == "singular" { model.singularName = value } else { model.pluralName = value }
        }
    }

    // MARK: attributes

    mutating func decodeAttributes(_ node: YAMLNode, into model: inout ModelDecl) {
        model.declaresAttributes = true
        if node.isNull { return }
        guard let pairs = node.mapping else {
            problem(node.mark, "'attributes' must map attribute names to types or definitions, not \(node.kindDescription)")
            return
        }
        for pair in pairs {
            guard let name = string(pair.key), !name.isEmpty else {
                problem(pair.key.mark, "an attribute name must be a name, not \(pair.key.kindDescription)")
                continue
            }
            var attribute = AttributeDecl(name: name, mark: pair.key.mark)
            if let definition = pair.value.mapping {
                for option in knownPairs(definition, allowed: Vocabulary.attributeKeys, what: "attribute option") {
                    decodeAttributeOption(option, into: &attribute)
                }
            } else if let type = string(pair.value) {
                attribute.type = type
                checkType(type, at: pair.value.mark)
            } else {
                problem(pair.value.mark, "attribute \(model.name).\(name) must be a data type such as STRING or a mapping with 'type', not \(pair.value.kindDescription)")
            }
            if attribute.type == nil, pair.value.mapping != nil {
                problem(pair.key.mark, "attribute \(model.name).\(name) has no 'type'; Sequelize throws: Unrecognized datatype for attribute \"\(model.name).\(name)\"",
                        help: "add a type, e.g. 'type: INTEGER' for a foreign key to an INTEGER id")
            }
            model.attributes.append(attribute)
        }
    }

    mutating func checkType(_ type: String, at mark: SourceMark) {
        // Schemas repeat a handful of types: check each spelling once per file.
        let slip: String?
        if let known = typeSlips[type] {
            slip = known
        } else {
            slip = Vocabulary.typeSlip(type)
            typeSlips[type] = .some(slip)
        }
        if let intended = slip {
            problem(mark, "unknown data type '\(type)'. Did you mean '\(intended)'?",
                    help: "Sequelize would pass '\(type)' to the database as a raw SQL type")
        }
    }

    mutating func decodeAttributeOption(_ pair: YAMLPair, into attribute: inout AttributeDecl) {
        let value = pair.value
        switch pair.name {
        case "type":
            if let type = requireString(value, "type") {
                attribute.type = type
                checkType(type, at: value.mark)
            }
        case "allowNull": attribute.allowNull = requireBool(value, "allowNull")
        case "primaryKey": attribute.primaryKey = requireBool(value, "primaryKey") ?? false
        case "unique": attribute.unique = decodeUnique(value)
        case "field": attribute.field = requireString(value, "field")
        case "references": attribute.references = decodeReferences(value, attribute: attribute.name)
        default: break
        }
    }

    /// `unique: true`, `false`, a composite index name, or `{name, msg}`.
    mutating func decodeUnique(_ node: YAMLNode) -> Uniqueness {
        if let flag = node.bool { return flag ? .unique : .notUnique }
        if let pairs = node.mapping {
            // { name: index_name, msg: '...' } names a composite index; without a name it is unique alone.
            if let name = pairs.first(where: { $0.name == "name" }).flatMap({ string($0.value) }) {
                return .compositeIndex(name)
            }
            return .unique
        }
        if let name = string(node), !name.isEmpty { return .compositeIndex(name) }
        problem(node.mark, "'unique' must be true, false or the name of a composite unique index, not \(node.kindDescription)")
        return .notUnique
    }

    mutating func decodeReferences(_ node: YAMLNode, attribute: String) -> AttributeReference? {
        if let table = string(node) {
            // Accepted by v6's type declarations, but its query generators read `references.model`:
            // the constraint silently goes missing.
            problem(node.mark, "'references: \(table)' is a plain string: Sequelize v6's query generators read references.model, which a string does not have, so the foreign key constraint is silently broken",
                    help: "write 'references: { model: \(table), key: id }'")
            return AttributeReference(model: table, key: nil, mark: node.mark)
        }
        guard let pairs = node.mapping else {
            problem(node.mark, "'references' must be a mapping { model: Table, key: id }, not \(node.kindDescription)")
            return nil
        }
        var model: String?, key: String?, modelMark = node.mark
        for pair in knownPairs(pairs, allowed: Vocabulary.referencesKeys, what: "references key") {
            switch pair.name {
            case "model":
                if let modelPairs = pair.value.mapping {
                    // { model: { tableName: x, schema: y } } is accepted by Sequelize too.
                    model = modelPairs.first(where: { $0.name == "tableName" }).flatMap { string($0.value) }
                } else {
                    model = requireString(pair.value, "references.model")
                }
                modelMark = pair.value.mark
            case "key": key = requireString(pair.value, "references.key")
            default: break
            }
        }
        guard let model else {
            problem(node.mark, "'references' of attribute \(attribute) needs 'model' (the referenced model or table)")
            return nil
        }
        return AttributeReference(model: model, key: key, mark: modelMark)
    }

    // MARK: associations

    mutating func decodeAssociations(_ node: YAMLNode, into model: inout ModelDecl) {
        if node.isNull { return }
        guard let items = node.sequence else {
            problem(node.mark, "'associations' must be a list of entries such as '- hasMany: Post', not \(node.kindDescription)")
            return
        }
        for item in items {
            if let association = decodeAssociation(item, model: model) {
                model.associations.append(association)
            }
        }
    }

    static let kinds = AssociationKind.allCases.map(\.rawValue)

    mutating func decodeAssociation(_ node: YAMLNode, model: ModelDecl) -> AssociationDecl? {
        let kinds = Self.kinds
        if let text = string(node) {
            problem(node.mark, "an association entry is a mapping such as '- hasMany: \(text)', not the text '\(text)'")
            return nil
        }
        guard let pairs = node.mapping else {
            problem(node.mark, "an association entry is a mapping such as '- hasMany: Post', not \(node.kindDescription)")
            return nil
        }
        // The kind key, and a second one if the entry (wrongly) has two.
        var kindPair: YAMLPair?, kind: AssociationKind?, secondKindPair: YAMLPair?
        for pair in pairs {
            guard let found = AssociationKind(rawValue: pair.name) else { continue }
            if kind == nil {
                (kindPair, kind) = (pair, found)
            } else {
                secondKindPair = pair
                break
            }
        }
        guard let kindPair, let kind else {
            // Point at the likeliest misspelt kind key.
            let guess = pairs.first { Suggestion.nearest(to: $0.name, in: kinds) != nil }
            if let guess {
                problem(guess.key.mark, "'\(guess.name)' is not an association kind.\(Suggestion.phrase(for: guess.name, in: kinds))",
                        help: "an entry needs exactly one of hasMany, belongsTo, hasOne, belongsToMany")
            } else {
                problem(node.mark, "this association entry has no kind: it needs exactly one of hasMany, belongsTo, hasOne, belongsToMany")
            }
            return nil
        }
        if let secondKindPair {
            problem(secondKindPair.key.mark, "this entry declares both \(kindPair.name) and \(secondKindPair.name); write each association as its own list entry")
        }
        guard let target = requireString(kindPair.value, "the target of \(kind.rawValue)") else { return nil }
        var association = AssociationDecl(kind: kind, source: model.name, target: target, path: file.path,
                                          mark: kindPair.key.mark, targetMark: kindPair.value.mark)
        // An entry with two kinds stands for its first: its other side pairs with it, and no rule
        // but invalid-declaration reports on it.
        association.isReportedInvalid = secondKindPair != nil
        if secondKindPair != nil {
            association.otherKindTargets = pairs.filter { AssociationKind(rawValue: $0.name) != nil && $0.key.mark != kindPair.key.mark }
                .compactMap { string($0.value) }
        }
        let call = CallText(source: model.name, kind: kind, target: target)
        let options = secondKindPair == nil
            ? pairs.filter { $0.key.mark != kindPair.key.mark }
            : pairs.filter { AssociationKind(rawValue: $0.name) == nil }
        let known = knownPairs(options, allowed: Vocabulary.associationOptionKeys, what: "association option") { name in
            Vocabulary.sequelize7OnlyAssociationKeys.contains(name)
                ? "'\(name)' is a Sequelize v7 option; Sequelize v6 ignores it" : nil
        }
        for pair in known {
            decodeAssociationOption(pair, into: &association, call: call)
        }
        checkSequelizeRejections(&association, model: model, node: node, call: call)
        return association
    }

    mutating func decodeAssociationOption(_ pair: YAMLPair, into association: inout AssociationDecl, call: CallText) {
        let value = pair.value
        switch pair.name {
        case "as":
            association.aliasMark = value.mark
            if let alias = name(value) {
                association.alias = .string(alias)
            } else if let pairs = value.mapping {
                var singular: String?, plural: String?
                for part in knownPairs(pairs, allowed: Vocabulary.nameKeys, what: "alias key") {
                    let text = requireString(part.value, "as.\(part.name)")
                    if part.name == "singular" { singular = text } else { plural = text }
                }
                association.alias = .object(singular: singular, plural: plural)
            } else {
                problem(value.mark, "'as' must be an alias name or { singular, plural }, not \(value.kindDescription)")
            }
        case "foreignKey":
            association.foreignKeyMark = value.mark
            decodeForeignKey(value, option: "foreignKey") { name, unique, allowNull, type in
                association.foreignKey = name
                association.foreignKeyUnique = unique
                association.foreignKeyAllowNull = allowNull
                // The object's type wins over keyType (`{ type: keyType, ...foreignKey }`).
                if let type { association.foreignKeyType = type }
            }
        case "otherKey":
            association.otherKeyMark = value.mark
            decodeForeignKey(value, option: "otherKey") { name, _, _, _ in association.otherKey = name }
        case "sourceKey":
            association.sourceKey = requireString(value, "sourceKey")
            association.sourceKeyMark = value.mark
        case "targetKey":
            association.targetKey = requireString(value, "targetKey")
            association.targetKeyMark = value.mark
        case "through":
            association.throughMark = value.mark
            if let junction = name(value) {
                association.through = junction
            } else if let pairs = value.mapping {
                let allowed = Vocabulary.throughKeys.union(Vocabulary.misplacedThroughKeys)
                for part in knownPairs(pairs, allowed: allowed, what: "through option") {
                    if part.name == "model" {
                        association.through = requireString(part.value, "through.model")
                    } else if Vocabulary.misplacedThroughKeys.contains(part.name) {
                        association.misplacedOptions.append(MisplacedOption(name: part.name, place: .through, mark: part.key.mark))
                    }
                }
                if association.through == nil {
                    problem(value.mark, "'through' as a mapping needs 'model'; without it Sequelize v6 crashes with a TypeError",
                            help: "write 'through: { model: JunctionModel }' or 'through: JunctionTable'")
                }
            } else if value.bool == false {
                problem(value.mark, "'through: false' makes Sequelize v6 crash with a TypeError; name the junction model or table")
            } else {
                problem(value.mark, "'through' must name the junction model or table, not \(value.kindDescription)")
            }
        case "onDelete", "onUpdate":
            if let action = requireString(value, pair.name) {
                let option = OptionValue(value: action, mark: value.mark)
                if pair.name == "onDelete" { association.onDelete = option } else { association.onUpdate = option }
            }
        case "constraints", "hooks":
            if let flag = requireBool(value, pair.name) {
                let option = OptionValue(value: flag, mark: value.mark)
                if pair.name == "hooks" { association.hooks = option } else { association.constraints = option }
            }
        case "timestamps":
            _ = requireBool(value, pair.name)
            association.misplacedOptions.append(MisplacedOption(name: pair.name, place: .kindSpecific, mark: pair.key.mark))
        case "foreignKeyConstraint":
            _ = requireBool(value, pair.name)
        case "keyType", "uniqueKey":
            association.misplacedOptions.append(MisplacedOption(name: pair.name, place: .kindSpecific, mark: pair.key.mark))
            if pair.name == "keyType", association.foreignKeyType == nil, association.kind != .belongsToMany, let type = string(value) {
                checkType(type, at: value.mark)
                association.foreignKeyType = OptionValue(value: type, mark: value.mark)
            }
        case "scope":
            association.hasScope = true
        case let name where Vocabulary.misplacedAssociationKeys.contains(name):
            association.misplacedOptions.append(MisplacedOption(name: name, place: .associationOptions, mark: pair.key.mark))
        default:
            break
        }
    }

    mutating func decodeForeignKey(_ node: YAMLNode, option: String,
                                   _ store: (String?, Uniqueness, Bool?, OptionValue<String>?) -> Void) {
        if let keyName = name(node) {
            store(keyName, .notUnique, nil, nil)
            return
        }
        guard let pairs = node.mapping else {
            problem(node.mark, "'\(option)' must be an attribute name or a mapping { name, allowNull, unique }, not \(node.kindDescription)")
            return
        }
        var name: String?, unique = Uniqueness.notUnique, allowNull: Bool?, type: OptionValue<String>?
        for pair in knownPairs(pairs, allowed: Vocabulary.foreignKeyKeys, what: "\(option) option") {
            switch pair.name {
            case "name", "fieldName": name = requireString(pair.value, "\(option).\(pair.name)")
            case "unique": unique = decodeUnique(pair.value)
            case "allowNull": allowNull = requireBool(pair.value, "\(option).allowNull")
            case "type":
                if let text = requireString(pair.value, "\(option).type") {
                    checkType(text, at: pair.value.mark)
                    type = OptionValue(value: text, mark: pair.value.mark)
                }
            default: break
            }
        }
        store(name, unique, allowNull, type)
    }

    /// Calls Sequelize v6 throws for (or silently turns into nonsense) at definition time.
    mutating func checkSequelizeRejections(_ association: inout AssociationDecl, model: ModelDecl, node: YAMLNode, call: CallText) {
        file.problems += association.sequelizeRejections(sourceName: model.name)
    }

    // MARK: usages

    mutating func decodeUsages(_ node: YAMLNode) {
        if node.isNull { return }
        guard let items = node.sequence else {
            problem(node.mark, "'usages' must be a list of calls such as '- Order.getItems', not \(node.kindDescription)")
            return
        }
        for item in items {
            var callNode = item, at: String?
            if let pairs = item.mapping {
                var call: YAMLNode?
                for pair in knownPairs(pairs, allowed: Vocabulary.usageKeys, what: "usage key") {
                    if pair.name == "call" { call = pair.value } else { at = string(pair.value) }
                }
                guard let call else {
                    problem(item.mark, "a usage mapping needs 'call: Model.method'")
                    continue
                }
                callNode = call
            }
            guard let text = string(callNode) else {
                problem(callNode.mark, "a usage is 'Model.method', not \(callNode.kindDescription)")
                continue
            }
            var call = text.trimmingWhitespace
            if call.hasSuffix("()") { call.removeLast(2) }
            // Exactly one dot, with a name on each side.
            let utf8 = call.utf8
            guard let dot = utf8.firstIndex(of: UInt8(ascii: ".")), dot != utf8.startIndex,
                  case let methodStart = utf8.index(after: dot), methodStart != utf8.endIndex,
                  !utf8[methodStart...].contains(UInt8(ascii: ".")) else {
                problem(callNode.mark, "a usage is written 'Model.method' (e.g. 'Order.getItems'), not '\(text)'")
                continue
            }
            file.usages.append(UsageDecl(model: String(call[..<dot]), method: String(call[methodStart...]), path: file.path,
                                         mark: callNode.mark, at: at))
        }
    }
}
