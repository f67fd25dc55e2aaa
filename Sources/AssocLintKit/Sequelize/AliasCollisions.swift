/// The associations Sequelize v6 refuses because their alias is already a key of their model
/// (associations.md §4.1 #4), found by replaying the declarations in order as Sequelize registers
/// them in `Model.associations`. Such an association throws, so it never exists: rules about
/// what associations do skip it.
struct AliasCollision: Sendable {
    enum Kind {
        /// Its raw `as` is the key of the earlier association.
        case alias(String)
        /// Its through model's name is the key of the earlier association on `side`.
        case through(String, side: ResolvedModel)
    }

    /// Index of the refused association in `SemanticSchema.associations`.
    var association: Int
    var kind: Kind
    /// Index of the association that holds the key.
    var earlier: Int

    static func find(in schema: SemanticSchema) -> [AliasCollision] {
        var collisions: [AliasCollision] = []
        // The keys registered on the model so far (one model at a time: its associations are
        // consecutive), reused from model to model.
        var registered = KeyRegister()
        for model in schema.modelList {
            let range = schema.associationIndices(from: model)
            // Only an alias or a belongsToMany's through can collide: a model with neither is skipped
            // without looking at its associations.
            if !schema.facts[range].contains(where: { !$0.isDisjoint(with: [.aliased, .manyToMany]) }) { continue }
            registered.reset(expecting: range.count)
            for index in range {
                let association = schema.associations[index]
                guard !association.decl.isReportedInvalid else { continue }
                let raw: String?
                switch association.decl.alias {
                case .string(let alias)?: raw = alias
                // An object `as` is looked up as '[object Object]', the key of a hasOne/belongsTo with one.
                case .object?: raw = association.kind.isMulti ? nil : "[object Object]"
                case nil: raw = nil
                }
                if let raw, let earlier = registered[raw] {
                    collisions.append(AliasCollision(association: index, kind: .alias(raw), earlier: earlier))
                    continue  // it throws: nothing of it is defined
                }
                if association.kind == .belongsToMany, let through = association.decl.through {
                    // Its hidden hasOne associations, one on each side, are named after the through
                    // model: a key defined before it on either model makes it throw. Only the
                    // source's own order is known (the YAML format groups associations by model,
                    // and generated code such as sequelize-auto's calls every belongsToMany first),
                    // so only the source's earlier associations count.
                    if let earlier = registered[through] {
                        collisions.append(AliasCollision(association: index, kind: .through(through, side: model), earlier: earlier))
                        continue
                    }
                }
                if range.count > 1 || association.kind == .belongsToMany {
                    registered.add(association.key, index)
                }
            }
        }
        return collisions.sorted { $0.association < $1.association }
    }
}

/// Keys of one model's associations and the first association with each: a list for the usual
/// handful, a hash table for a model with many (the lookups stay linear overall).
struct KeyRegister {
    private var list: [(key: String, index: Int)] = []
    private var table: [String: Int]?

    mutating func reset(expecting count: Int) {
        list.removeAll(keepingCapacity: true)
        table = count > 32 ? [:] : nil
    }

    mutating func add(_ key: String, _ index: Int) {
        if table != nil {
            if table?[key] == nil { table?[key] = index }
        } else {
            list.append((key, index))
        }
    }

    subscript(key: String) -> Int? {
        if let table { return table[key] }
        return list.first { $0.key == key }?.index
    }
}
