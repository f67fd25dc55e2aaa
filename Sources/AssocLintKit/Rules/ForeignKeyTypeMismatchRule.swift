/// `foreign-key-type-mismatch`: a declared foreign key attribute whose type cannot hold the key it
/// references (a STRING or UUID column for an INTEGER id, an INTEGER column for a UUID key).
/// Sequelize keeps the declared type without a check (associations.md §5.12).
public struct ForeignKeyTypeMismatchRule: Rule {
    public static let id = "foreign-key-type-mismatch"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        var reported = Set<String>()
        // Schemas repeat a handful of type spellings: each is read once.
        var families: [String: TypeFamily?] = [:]
        func familyOf(_ type: String) -> TypeFamily? {
            if let known = families[type] { return known }
            let parsed = TypeFamily(type)
            families[type] = .some(parsed)
            return parsed
        }
        func report(holder: ResolvedModel, attribute: AttributeDecl, referenced: ResolvedModel, key: String, via: String?,
                    related extra: [RelatedLocation] = []) {
            guard let type = attribute.type, let family = familyOf(type) else { return }
            let keyAttribute = referenced.decl.attribute(named: key)
            // An undeclared `id` is the INTEGER primary key Sequelize adds.
            guard let keyType = keyAttribute?.type ?? (key == "id" && !referenced.decl.attributes.contains(where: \.primaryKey) ? "INTEGER" : nil),
                  let keyFamily = familyOf(keyType), !family.holds(keyFamily),
                  reported.insert("\(holder.ordinal)\u{0}\(attribute.name)").inserted else { return }
            var related = extra
            related.append(RelatedLocation(keyAttribute.map { Location(path: referenced.decl.path, mark: $0.mark) } ?? referenced.decl.location,
                                           keyAttribute == nil ? "\(referenced.name).\(key) is the INTEGER id Sequelize adds" : "\(referenced.name).\(key) is \(keyType)"))
            findings.append(finding(
                "\(holder.name).\(attribute.name) is \(type) but \(via.map { "as the foreign key of \($0) it" } ?? "it") references \(referenced.name).\(key), which is \(keyType): Sequelize keeps the declared type, so the database refuses the foreign key constraint or compares \(family.rawValue) with \(keyFamily.rawValue) values",
                at: Location(path: holder.decl.path, mark: attribute.mark),
                help: "declare \(holder.name).\(attribute.name) as \(keyType), the type of \(referenced.name).\(key)",
                related: related))
        }
        // The associations whose declared key cannot hold its reference (found while resolving).
        for index in schema.associationIndices(with: .foreignKeyTypeMismatch) {
            let association = schema.associations[index]
            guard !association.decl.isReportedInvalid, let holder = association.holderModel else { continue }
            guard let attribute = holder.decl.attribute(named: association.foreignKey) else {
                // The key is added by the association, with the type it gives.
                if let given = association.decl.foreignKeyType { reportGiven(association, type: given, holder: holder) }
                continue
            }
            switch association.kind {
            case .belongsTo:
                report(holder: holder, attribute: attribute, referenced: association.targetModel,
                       key: association.decl.targetKey ?? association.targetModel.primaryKey, via: association.call)
            case .hasMany, .hasOne:
                report(holder: holder, attribute: attribute, referenced: association.sourceModel,
                       key: association.decl.sourceKey ?? association.sourceModel.primaryKey, via: association.call)
            case .belongsToMany:
                report(holder: holder, attribute: attribute, referenced: association.sourceModel,
                       key: association.decl.sourceKey ?? association.sourceModel.primaryKey, via: association.call)
                if let otherKey = association.otherKey, let other = holder.decl.attribute(named: otherKey) {
                    report(holder: holder, attribute: other, referenced: association.targetModel,
                           key: association.decl.targetKey ?? association.targetModel.primaryKey, via: association.call)
                }
            }
        }
        func reportGiven(_ association: ResolvedAssociation, type: OptionValue<String>, holder: ResolvedModel) {
            let referenced = association.kind == .belongsTo ? association.targetModel : association.sourceModel
            let key = (association.kind == .belongsTo ? association.decl.targetKey : association.decl.sourceKey) ?? referenced.primaryKey
            guard let family = familyOf(type.value), let keyType = referenced.decl.attribute(named: key)?.type ?? (key == "id" ? referenced.primaryKeyType : nil),
                  let keyFamily = familyOf(keyType), !family.holds(keyFamily) else { return }
            findings.append(finding(
                "\(association.call) gives its foreign key \(holder.name).\(association.foreignKey) the type \(type.value), but it references \(referenced.name).\(key), which is \(keyType): the database refuses the foreign key constraint or compares \(family.rawValue) with \(keyFamily.rawValue) values",
                at: Location(path: association.decl.path, mark: type.mark),
                help: "give it the type of \(referenced.name).\(key), \(keyType), or leave the type out: Sequelize then uses the referenced key's type"))
        }
        // Columns that say what they reference.
        for model in schema.modelsWithReferences {
            for attribute in model.decl.attributes {
                guard let reference = attribute.references, let name = schema.referencedModel(reference.model),
                      let referenced = schema.models[name] else { continue }
                report(holder: model, attribute: attribute, referenced: referenced, key: reference.key ?? referenced.primaryKey, via: nil)
            }
        }
        return findings.sorted { $0.location < $1.location }
    }
}

