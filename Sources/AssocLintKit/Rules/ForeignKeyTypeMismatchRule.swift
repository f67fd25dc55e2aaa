/// `foreign-key-type-mismatch`: a declared foreign key attribute whose type cannot hold the key it
/// references (a STRING or UUID column for an INTEGER id, an INTEGER column for a UUID key), or a
/// type the association gives the key it adds. Sequelize keeps a declared type without a check
/// (associations.md §5.12).
public struct ForeignKeyTypeMismatchRule: Rule {
    public static let id = "foreign-key-type-mismatch"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        var reported = Set<String>()
        /// A declared key attribute (once per attribute, however many associations use it).
        func report(holder: ResolvedModel, attribute: AttributeDecl, referenced: ResolvedModel, key: String, type: String,
                    keyType: String, families: (family: TypeFamily, keyFamily: TypeFamily), via: String?) {
            guard reported.insert("\(holder.ordinal)\u{0}\(attribute.name)").inserted else { return }
            let keyAttribute = referenced.decl.attribute(named: key)
            let related = RelatedLocation(keyAttribute.map { referenced.decl.location(of: $0) } ?? referenced.decl.location,
                                          keyAttribute == nil ? "\(referenced.name).\(key) is the INTEGER id Sequelize adds" : "\(referenced.name).\(key) is \(keyType)")
            findings.append(finding(
                "\(holder.name).\(attribute.name) is \(type) but \(via.map { "as the foreign key of \($0) it" } ?? "it") references \(referenced.name).\(key), which is \(keyType): Sequelize keeps the declared type, so the database refuses the foreign key constraint or compares \(families.family.rawValue) with \(families.keyFamily.rawValue) values",
                at: holder.decl.location(of: attribute),
                help: "declare \(holder.name).\(attribute.name) as \(keyType), the type of \(referenced.name).\(key)",
                related: [related]))
        }
        // The associations whose key type cannot hold its reference (found while resolving).
        for index in schema.associationIndices(with: .foreignKeyTypeMismatch) {
            let association = schema.associations[index]
            guard !association.decl.isReportedInvalid, let holder = association.holderModel else { continue }
            var keys = [(association.foreignKey, association.foreignKeyReference)]
            if let otherKey = association.otherKey, let other = association.otherKeyReference { keys.append((otherKey, other)) }
            for (name, reference) in keys {
                guard let mismatch = association.keyTypeMismatch(name, references: reference.model, key: reference.key) else { continue }
                if let attribute = holder.decl.attribute(named: name) {
                    report(holder: holder, attribute: attribute, referenced: reference.model, key: reference.key, type: mismatch.type,
                           keyType: mismatch.keyType, families: (mismatch.family, mismatch.keyFamily), via: association.call)
                } else if let given = association.decl.foreignKeyType {
                    // The key is added by the association, with the type it gives.
                    findings.append(finding(
                        "\(association.call) gives its foreign key \(holder.name).\(name) the type \(given.value), but it references \(reference.model.name).\(reference.key), which is \(mismatch.keyType): the database refuses the foreign key constraint or compares \(mismatch.family.rawValue) with \(mismatch.keyFamily.rawValue) values",
                        at: Location(path: association.decl.path, mark: given.mark),
                        help: "give it the type of \(reference.model.name).\(reference.key), \(mismatch.keyType), or leave the type out: Sequelize then uses the referenced key's type"))
                }
            }
        }
        // Columns that say what they reference.
        for model in schema.modelsWithReferences {
            for attribute in model.decl.attributes {
                guard let reference = attribute.references, let name = schema.referencedModel(reference.model),
                      let referenced = schema.models[name], let type = attribute.type else { continue }
                let key = reference.key ?? referenced.primaryKey
                guard let keyType = referenced.keyType(key), let families = TypeFamily.conflict(type, keyType) else { continue }
                report(holder: model, attribute: attribute, referenced: referenced, key: key, type: type, keyType: keyType, families: families, via: nil)
            }
        }
        return findings.sorted { $0.location < $1.location }
    }
}
