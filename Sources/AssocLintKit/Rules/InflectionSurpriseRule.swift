/// `inflection-surprise` (opt-in): a model name that inflection 1.13.4, which Sequelize v6 uses,
/// turns into a form nobody would guess (`Data` → `Datum`, `Slice` → `Slouse`), so the accessors
/// and foreign keys a user must type read wrong (associations.md §5.13).
public struct InflectionSurpriseRule: Rule {
    public static let id = "inflection-surprise"
    public init() {}

    /// Words (the last word of a model name) with the forms a person expects. A word is reported
    /// only when inflection's own result differs from these, so the table never claims more than
    /// the engine does.
    static let expected: [String: (singular: String, plural: String)] = [
        "data": ("data", "data"), "metadata": ("metadata", "metadata"), "media": ("media", "media"),
        "quota": ("quota", "quotas"), "gas": ("gas", "gases"), "slice": ("slice", "slices"),
        "police": ("police", "police"), "focus": ("focus", "focuses"), "series": ("series", "series"),
        "timeseries": ("timeseries", "timeseries"), "goose": ("goose", "geese"), "mouse": ("mouse", "mice"),
        "criteria": ("criterion", "criteria"), "agenda": ("agenda", "agendas"), "alias": ("alias", "aliases"),
        "canvas": ("canvas", "canvases"), "status": ("status", "statuses"), "campus": ("campus", "campuses"),
    ]

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        // Only models whose names some association builds on.
        var used = Set<Int>()
        for association in schema.associations {
            used.insert(association.targetModel.ordinal)
            used.insert(association.sourceModel.ordinal)
        }
        return schema.modelList.compactMap { model in
            guard used.contains(model.ordinal), model.decl.singularName == nil, model.decl.pluralName == nil,
                  let word = Self.lastWord(model.name), let natural = Self.expected[word.lowercased()] else { return nil }
            let prefix = String(model.name.dropLast(word.count))
            var surprises: [String] = []
            // Compared case-insensitively, except a changed first letter (Goose → geese) is a surprise.
            let singularWord = String(model.names.singular.dropFirst(prefix.count))
            if singularWord.lowercased() != natural.singular || singularWord.first?.isUppercase != word.first?.isUppercase {
                surprises.append("the singular \(model.names.singular) (accessors such as get\(model.names.upperSingular)(), foreign key \(model.defaultForeignKey))")
            }
            let pluralWord = String(model.names.plural.dropFirst(prefix.count))
            if pluralWord.lowercased() != natural.plural || pluralWord.first?.isUppercase != word.first?.isUppercase {
                surprises.append("the plural \(model.names.plural) (hasMany accessors such as get\(model.names.upperPlural)(), and the key '\(model.names.plural)')")
            }
            guard !surprises.isEmpty else { return nil }
            let singular = prefix + Inflection.upperFirst(natural.singular)
            let plural = prefix + Inflection.upperFirst(natural.plural)
            return finding(
                "Sequelize v6 inflects the model name \(model.name) to \(surprises.joined(separator: " and ")): names nobody would guess",
                at: model.decl.location,
                help: "set 'name: { singular: \(singular), plural: \(plural) }' on \(model.name) so the names read as intended (note: a hasOne still names its default key from singularize('\(model.name)'))")
        }
    }

    /// The last word of a camel-case or snake-case name (`TimeSeries` → `Series`, `user_data` → `data`).
    static func lastWord(_ name: String) -> String? {
        if let underscore = name.lastIndex(of: "_") { return String(name[name.index(after: underscore)...]).nonEmpty }
        guard let start = name.indices.last(where: { $0 != name.startIndex && name[$0].isUppercase && !name[name.index(before: $0)].isUppercase })
        else { return name.nonEmpty }
        return String(name[start...])
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
