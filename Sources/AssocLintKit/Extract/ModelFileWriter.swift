/// Writes schema files back as one YAML model file (`assoclint extract`): every model, attribute,
/// association, method and usage, each with a `# path:line` comment saying where it was read.
/// Scalars are written plain only when YAML reads them back as the same string; anything else
/// is double-quoted with escapes (the round-trip tests prove it for any name).
public enum ModelFileWriter {
    /// `suppressions`: the code's suppression comments. One that silences a line is carried over
    /// to the line written for the declaration there; one for a whole code file is listed only
    /// (in YAML it would cover every file's declarations).
    public static func render(_ files: [SchemaFile], suppressions: [SuppressionDirective] = [], header: [String] = []) -> String {
        var writer = Writer()
        for directive in suppressions where directive.scope != nil {
            guard let line = directive.targetLine else { continue }
            writer.directives[directive.path, default: [:]][line, default: []] += directive.rules.map(\.rule)
        }
        for line in header { writer.line("# \(line)") }
        for directive in suppressions where directive.scope == .file {
            writer.line("# not carried over: \(comment(directive.path)) disables \(directive.rules.map(\.rule).joined(separator: ", ")) for that whole code file")
        }
        let notes = files.flatMap { file in file.notes.map { (file.path, $0) } }
        for (path, note) in notes {
            writer.line("# \(note.isHole ? "not understood" : "left out"): \(comment("\(path):\(note.mark.line):\(note.mark.column): \(note.message)"))")
        }
        writer.line("sequelize: 6")
        if files.contains(where: \.isIncomplete) {
            writer.line("# Code that names a model at run time was not read: any model may declare more.")
            writer.line("incomplete: true")
        }
        let models = files.flatMap(\.models)
        if models.isEmpty {
            writer.line("models: {}")
        } else {
            writer.line("models:")
            for model in models { writer.model(model) }
        }
        let usages = files.flatMap(\.usages)
        if !usages.isEmpty {
            writer.line("usages:")
            for usage in usages {
                writer.line("  - call: \(scalar(usage.call))", at: usage.location)
                writer.line("    at: \(scalar("\(usage.path):\(usage.mark.line)"))")
            }
        }
        return writer.text
    }

    struct Writer {
        var text = ""
        /// Code path → line → the rules a suppression comment silences there.
        var directives: [String: [Int: [String]]] = [:]

        func suppressed(_ location: Location) -> [String] {
            directives[location.path]?[location.line] ?? []
        }

        mutating func line(_ content: String, at location: Location? = nil) {
            text += content
            if let location {
                let rules = suppressed(location)
                let place = ModelFileWriter.comment("\(location.path):\(location.line)")
                text += rules.isEmpty ? "  # \(place)" : "  # assoclint-disable-line \(rules.joined(separator: ", ")) -- \(place)"
            }
            text += "\n"
        }

        mutating func model(_ model: ModelDecl) {
            line("  \(scalar(model.name)):", at: model.location)
            if model.isIncomplete {
                line("    incomplete: true  # a declaration of it could not be read statically")
            }
            if let table = model.tableName { line("    tableName: \(scalar(table))") }
            if model.underscored { line("    underscored: true") }
            if model.freezeTableName { line("    freezeTableName: true") }
            if model.paranoid { line("    paranoid: true") }
            if !model.timestamps { line("    timestamps: false") }
            if model.deletedAtDisabled { line("    deletedAt: false") }
            if model.singularName != nil || model.pluralName != nil {
                let parts = [("singular", model.singularName), ("plural", model.pluralName)].compactMap { key, value in value.map { "\(key): \(scalar($0, flow: true))" } }
                line("    name: { \(parts.joined(separator: ", ")) }")
            }
            if !model.uniqueIndexFields.isEmpty {
                line("    indexes:")
                for field in model.uniqueIndexFields.sorted() { line("      - { unique: true, fields: [\(scalar(field, flow: true))] }") }
            }
            if model.declaresAttributes {
                if model.attributes.isEmpty {
                    line("    attributes: {}")
                } else {
                    line("    attributes:")
                    for attribute in model.attributes { self.attribute(attribute, path: model.attributesPath ?? model.path) }
                }
            }
            if !model.associations.isEmpty {
                line("    associations:")
                for association in model.associations { self.association(association) }
            }
            if !model.methods.isEmpty {
                line("    methods:")
                for method in model.methods {
                    line("      - name: \(scalar(method.name))", at: Location(path: method.path ?? model.path, mark: method.mark))
                }
            }
        }

        mutating func attribute(_ attribute: AttributeDecl, path: String) {
            let location = Location(path: path, mark: attribute.mark)
            var options: [(String, String)] = []
            if let type = attribute.type { options.append(("type", scalar(type))) }
            if let allowNull = attribute.allowNull { options.append(("allowNull", "\(allowNull)")) }
            if attribute.primaryKey { options.append(("primaryKey", "true")) }
            switch attribute.unique {
            case .unique: options.append(("unique", "true"))
            case .compositeIndex(let name): options.append(("unique", scalar(name)))
            case .notUnique: break
            }
            if let field = attribute.field { options.append(("field", scalar(field))) }
            if let references = attribute.references {
                var parts = ["model: \(scalar(references.model, flow: true))"]
                if let key = references.key { parts.append("key: \(scalar(key, flow: true))") }
                options.append(("references", "{ \(parts.joined(separator: ", ")) }"))
            }
            if options.isEmpty {
                line("      \(scalar(attribute.name)): {}", at: location)
                return
            }
            line("      \(scalar(attribute.name)):", at: location)
            for (key, value) in options { line("        \(key): \(value)") }
        }

        mutating func association(_ association: AssociationDecl) {
            let path = association.path
            // A suppression on the call's line covers its options too: then the entry is written
            // on one line, in flow style, so the same comment covers them.
            let oneLine = !suppressed(association.location).isEmpty
            var options: [String] = []
            if !oneLine { line("      - \(association.kind.rawValue): \(scalar(association.target))", at: association.location) }
            defer {
                if oneLine {
                    let entry = ["\(association.kind.rawValue): \(scalar(association.target, flow: true))"] + options
                    line("      - { \(entry.joined(separator: ", ")) }", at: association.location)
                }
            }
            /// An option written on another line of the code gets its own comment.
            func option(_ key: String, _ value: String, _ mark: SourceMark?) {
                if oneLine {
                    options.append("\(key): \(value)")
                    return
                }
                let location = mark.flatMap { $0.line != association.mark.line ? Location(path: path, mark: $0) : nil }
                line("        \(key): \(value)", at: location)
            }
            switch association.alias {
            case .string(let alias)?: option("as", scalar(alias, flow: oneLine), association.aliasMark)
            case .object(let singular, let plural)?:
                let parts = [("singular", singular), ("plural", plural)].compactMap { key, value in value.map { "\(key): \(scalar($0, flow: true))" } }
                option("as", "{ \(parts.joined(separator: ", ")) }", association.aliasMark)
            case nil: break
            }
            var foreignKeyParts: [String] = []
            if let allowNull = association.foreignKeyAllowNull { foreignKeyParts.append("allowNull: \(allowNull)") }
            if association.foreignKeyUnique == .unique { foreignKeyParts.append("unique: true") }
            if case .compositeIndex(let name) = association.foreignKeyUnique { foreignKeyParts.append("unique: \(scalar(name, flow: true))") }
            // A type given by keyType is written as keyType, below.
            let keyTypeWritten = association.misplacedOptions.contains { $0.name == "keyType" }
            if let type = association.foreignKeyType, association.kind != .belongsToMany, !keyTypeWritten {
                foreignKeyParts.append("type: \(scalar(type.value, flow: true))")
            }
            if foreignKeyParts.isEmpty {
                if let key = association.foreignKey { option("foreignKey", scalar(key, flow: oneLine), association.foreignKeyMark) }
            } else {
                if let key = association.foreignKey { foreignKeyParts.insert("name: \(scalar(key, flow: true))", at: 0) }
                option("foreignKey", "{ \(foreignKeyParts.joined(separator: ", ")) }", association.foreignKeyMark)
            }
            if let key = association.sourceKey { option("sourceKey", scalar(key, flow: oneLine), association.sourceKeyMark) }
            if let key = association.targetKey { option("targetKey", scalar(key, flow: oneLine), association.targetKeyMark) }
            if let key = association.otherKey { option("otherKey", scalar(key, flow: oneLine), association.otherKeyMark) }
            if let through = association.through {
                // Options written inside `through`, where Sequelize does not read them, stay there.
                let inside = association.misplacedOptions.filter { $0.place == .through }
                if inside.isEmpty {
                    option("through", scalar(through, flow: oneLine), association.throughMark)
                } else {
                    let parts = ["model: \(scalar(through, flow: true))"] + inside.map { "\($0.name): \(ModelFileWriter.literal($0.value))" }
                    option("through", "{ \(parts.joined(separator: ", ")) }", association.throughMark)
                }
            }
            if let action = association.onDelete { option("onDelete", scalar(action.value, flow: oneLine), action.mark) }
            if let action = association.onUpdate { option("onUpdate", scalar(action.value, flow: oneLine), action.mark) }
            if let flag = association.constraints { option("constraints", "\(flag.value)", flag.mark) }
            if let flag = association.hooks { option("hooks", "\(flag.value)", flag.mark) }
            if association.hasScope { option("scope", "{}", nil) }
            // Options Sequelize does not know: kept as written, so the YAML reports them too.
            for unknown in association.unknownOptions {
                option(ModelFileWriter.scalar(unknown.name, flow: true), ModelFileWriter.literal(unknown.value), unknown.mark)
            }
            // Options Sequelize does not read where they are written: kept, for ignored-option.
            for misplaced in association.misplacedOptions where misplaced.place != .through {
                let value = misplaced.name == "keyType" ? association.foreignKeyType?.value ?? misplaced.value : misplaced.value
                option(misplaced.name, ModelFileWriter.literal(value), misplaced.mark)
            }
        }
    }

    /// A literal option value as YAML: booleans and numbers as they are, text quoted as needed,
    /// `null` for a value that was not a literal. Always safe inside `{ }`.
    static func literal(_ value: String?) -> String {
        guard let value else { return "null" }
        if value == "true" || value == "false" || (Double(value) != nil && value.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }) { return value }
        return scalar(value, flow: true)
    }

    /// A comment's text: one line, whatever the path or message holds.
    static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// Words YAML 1.1 (and 1.2's core schema) read as something other than a string.
    static let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]

    /// The scalar as written: plain when that reads back as the same string, else double-quoted.
    /// Inside `{ }` or `[ ]` (`flow`) a comma ends a plain scalar, so it is quoted there.
    public static func scalar(_ text: String, flow: Bool = false) -> String {
        isPlainSafe(text) && !(flow && text.contains(",")) ? text : doubleQuoted(text)
    }

    /// A name-like text: a letter, `_` or `$` first, then letters, digits and `_ $ . - ( ) , '`
    /// or single inner spaces (never `: ` or ` #`, never a trailing space), and no reserved word.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isASCIILetter(first) || first == "_" || first == "$",
              !reserved.contains(text.lowercased()), text.unicodeScalars.last != " " else { return false }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            let allowed = isASCIILetter(scalar) || ("0"..."9").contains(scalar) || "_$.-(),'".unicodeScalars.contains(scalar)
                || (scalar == " " && previous != " ")
            guard allowed else { return false }
            if scalar == "#" && previous == " " { return false }
            previous = scalar
        }
        return true
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// A YAML double-quoted scalar: `\` and `"` escaped, control and line-separator characters as
    /// escapes, everything else (unicode included) as it is.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{85}": result += "\\N"
            case "\u{A0}": result += "\\_"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            case "\u{FEFF}": result += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
