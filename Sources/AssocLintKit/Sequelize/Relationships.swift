/// How associations relate to each other: which declaration is the inverse of which, which
/// columns link one model to another, and which belongsTo calls sit on the wrong model.
/// Computed once per lint and shared by the rules, so that one mistake is one finding.

/// A belongsTo called on the model that does not hold the foreign key.
public struct Reversal: Sendable {
    public enum Evidence: Sendable {
        /// The source also declares an unaliased hasMany/hasOne to the same target (at this index).
        case oppositeAssociation(Int)
        /// The target has a link column back to the source that no association accounts for,
        /// while the source has none to the target.
        case linkColumn(AttributeDecl)
    }

    /// Index of the belongsTo in `SemanticSchema.associations`.
    public var association: Int
    public var evidence: Evidence
    /// Associations whose missing inverse this reversal explains (the belongsTo itself included).
    public var explains: [Int]
}

public struct Relationships: Sendable {
    /// The inverse of each association (by index), or nil when it has none.
    public let inverse: [Int?]
    public let reversals: [Reversal]
    /// Associations whose missing inverse is already explained by a reversal.
    public let explainedByReversal: Set<Int>

    public init(_ schema: SemanticSchema, jobs: Int = 1) {
        let inverse = Self.pairInverses(schema, jobs: jobs)
        self.inverse = inverse
        let reversals = Self.findReversals(schema, inverse: inverse, jobs: jobs)
        self.reversals = reversals
        self.explainedByReversal = Set(reversals.flatMap(\.explains))
    }

    // MARK: inverses

    /// Pairs `A.hasMany/hasOne(B)` with `B.belongsTo(A)` and `A.belongsToMany(B)` with
    /// `B.belongsToMany(A)`. With several candidates for a pair of models, equal foreign keys
    /// (belongsToMany: equal `through`) decide; a lone candidate on each side pairs regardless.
    static func pairInverses(_ schema: SemanticSchema, jobs: Int) -> [Int?] {
        // The pairs of models, in declaration order: deterministic without sorting names.
        // A pair's group is made when its first association (in either direction) comes up.
        var groups: [[Int]] = []
        for (index, association) in schema.associations.enumerated() {
            let pair = ModelPair(association)
            let forward = schema.associationIndices(of: pair)
            guard forward.first == index else { continue }
            let backward = pair == pair.reversed ? [] : schema.associationIndices(of: pair.reversed)
            if let first = backward.first, first < index { continue }
            groups.append(Array(forward) + backward)
        }
        // Each pair of models is matched on its own, on all threads.
        let matches = groups.parallelMap(jobs: jobs) { group in
            group.count <= 2 ? pairInversesOfFew(group, in: schema) : Array(pairInverses(among: group, in: schema))
        }
        var inverse = [Int?](repeating: nil, count: schema.associations.count)
        for group in matches {
            for (index, partner) in group { inverse[index] = partner }
        }
        return inverse
    }

    /// `pairInverses(among:in:)` for the usual case of one or two associations between a pair of
    /// models, without its indexes: the same answer (`PairingTests` compares the two).
    static func pairInversesOfFew(_ all: [Int], in schema: SemanticSchema) -> [(key: Int, value: Int)] {
        guard let firstIndex = all.first else { return [] }
        let first = schema.associations[firstIndex]
        guard all.count == 2 else {
            // Alone: only a self belongsToMany is its own inverse (it is symmetric).
            return first.kind == .belongsToMany && first.isSelf ? [(firstIndex, firstIndex)] : []
        }
        let secondIndex = all[1]
        let second = schema.associations[secondIndex]
        let isOwner = { (association: ResolvedAssociation) in association.kind == .hasMany || association.kind == .hasOne }
        let opposite = first.sourceModel === second.targetModel && first.targetModel === second.sourceModel
        guard opposite else { return [] }  // both in one direction (between two distinct models)
        if (isOwner(first) && second.kind == .belongsTo) || (first.kind == .belongsTo && isOwner(second)) {
            return [(firstIndex, secondIndex), (secondIndex, firstIndex)]
        }
        if first.kind == .belongsToMany, second.kind == .belongsToMany, (first.decl.through ?? "") == (second.decl.through ?? "") {
            return [(firstIndex, secondIndex), (secondIndex, firstIndex)]
        }
        // Unpaired: a self belongsToMany is still its own inverse.
        return [(firstIndex, first), (secondIndex, second)].compactMap { index, association in
            association.kind == .belongsToMany && association.isSelf ? (index, index) : nil
        }
    }

    /// The inverses among the associations between one pair of models (both directions).
    static func pairInverses(among all: [Int], in schema: SemanticSchema) -> [Int: Int] {
        var inverse: [Int: Int] = [:]
        guard let first = all.first else { return inverse }
        let pair = ModelPair(schema.associations[first])
        let backward = pair.reversed
        let kindOf = { (index: Int) in schema.associations[index].kind }
        let pairOf = { (index: Int) in ModelPair(schema.associations[index]) }
        // One-to-x declared from either side: owners (hasMany/hasOne) against belongsTo.
        for (ownerSide, holderSide) in [(pair, backward), (backward, pair)] {
            let owners = all.filter { pairOf($0) == ownerSide && (kindOf($0) == .hasMany || kindOf($0) == .hasOne) }
            let holders = all.filter { pairOf($0) == holderSide && kindOf($0) == .belongsTo }
            match(owners, holders, into: &inverse) { schema.associations[$0].foreignKey }
            if pair == backward { break }
        }
        // Many-to-many: matched by junction. A self belongsToMany is symmetric: its accessors
        // exist on every instance, so it needs no second declaration.
        let manyForward = all.filter { pairOf($0).source == pair.source && kindOf($0) == .belongsToMany }
        let manyBackward = all.filter { pairOf($0).source == backward.source && kindOf($0) == .belongsToMany }
        if pair == backward {
            for index in manyForward { inverse[index] = index }
            // Two self declarations over one junction (followers/following) are each other's inverse.
            matchBy(manyForward, manyForward, into: &inverse, key: { schema.associations[$0].decl.through ?? "" })
        } else {
            matchBy(manyForward, manyBackward, into: &inverse, key: { schema.associations[$0].decl.through ?? "" })
        }
        return inverse
    }

    /// Matches by exact key, then by the same link name (`authorId` ~ `author_id`); an owner or
    /// belongsTo left over whose key is exactly that of one on the other side shares it (two
    /// hasMany with scopes over one `UserId`); finally a lone leftover on each side pairs whatever
    /// its key. Indexed by key, so thousands of associations between two models stay linear.
    static func match(_ left: [Int], _ right: [Int], into inverse: inout [Int: Int], key: (Int) -> String) {
        var leftRest = left
        var matchedRight = Set<Int>()
        for normalize in [{ (name: String) in name }, ForeignKeyNaming.normalized] {
            var candidates: [String: [Int]] = [:]  // key → right indices not yet matched, in order
            for index in right where !matchedRight.contains(index) {
                candidates[normalize(key(index)), default: []].append(index)
            }
            var taken: [String: Int] = [:]  // how many of each key's candidates are used
            var unmatched: [Int] = []
            for index in leftRest {
                let wanted = normalize(key(index))
                let used = taken[wanted, default: 0]
                if let queue = candidates[wanted], used < queue.count {
                    let partner = queue[used]
                    taken[wanted] = used + 1
                    inverse[index] = partner
                    inverse[partner] = index
                    matchedRight.insert(partner)
                } else {
                    unmatched.append(index)
                }
            }
            leftRest = unmatched
        }
        var rightRest = right.filter { !matchedRight.contains($0) }
        // Sharing needs the very same key: a different spelling is a second column
        // (foreign-key-mismatch reports it on the pair it did match).
        var firstRight: [String: Int] = [:], firstLeft: [String: Int] = [:]
        for index in right.reversed() { firstRight[key(index)] = index }
        for index in left.reversed() { firstLeft[key(index)] = index }
        for index in leftRest { if let partner = firstRight[key(index)] { inverse[index] = partner } }
        for index in rightRest { if let partner = firstLeft[key(index)] { inverse[index] = partner } }
        leftRest.removeAll { inverse[$0] != nil }
        rightRest.removeAll { inverse[$0] != nil }
        if leftRest.count == 1, rightRest.count == 1 {
            inverse[leftRest[0]] = rightRest[0]
            inverse[rightRest[0]] = leftRest[0]
        }
    }

    /// Matches equal keys (e.g. the same junction), each association at most once.
    static func matchBy(_ left: [Int], _ right: [Int], into inverse: inout [Int: Int], key: (Int) -> String) {
        var used = Set<Int>()
        for index in left where !used.contains(index) {
            if let partner = right.first(where: { $0 != index && !used.contains($0) && key($0) == key(index) }) {
                inverse[index] = partner
                inverse[partner] = index
                used.insert(index)
                used.insert(partner)
            }
        }
    }

    // MARK: link columns

    /// Foreign-key names (normalized) that would link `holder` to `referenced`: the defaults
    /// (`ReferencedId` as belongsTo/hasMany and hasOne name it) and every explicit foreign key of
    /// an association between the two models.
    static func linkNames(from holder: ResolvedModel, to target: ResolvedModel, in schema: SemanticSchema) -> Set<String> {
        var names: Set<String> = [
            ForeignKeyNaming.normalized(target.defaultForeignKey),
            ForeignKeyNaming.normalized(target.hasOneForeignKey),
        ]
        for association in schema.associations(from: holder, to: target) + schema.associations(from: target, to: holder)
        where association.foreignKeyIsExplicit {
            names.insert(ForeignKeyNaming.normalized(association.foreignKey))
        }
        return names
    }

    /// Attributes of `holder` that link it to `referenced`, by `references` or by name, and
    /// whether each is linked by its name.
    static func linkColumns(from holder: ResolvedModel, to referenced: ResolvedModel, in schema: SemanticSchema) -> [(attribute: AttributeDecl, byName: Bool)] {
        let names = linkNames(from: holder, to: referenced, in: schema)
        return holder.decl.attributes.compactMap { attribute in
            let byName = names.contains(ForeignKeyNaming.normalized(attribute.name))
            if let reference = attribute.references {
                // A reference to another table is a link elsewhere, whatever the name.
                return schema.referencedModel(reference.model) == referenced.name ? (attribute, byName) : nil
            }
            return byName ? (attribute, true) : nil
        }
    }

    // MARK: reversals

    static func findReversals(_ schema: SemanticSchema, inverse: [Int?], jobs: Int) -> [Reversal] {
        let candidates = schema.associations.indices.filter {
            schema.associations[$0].kind == .belongsTo && !schema.associations[$0].isSelf
        }
        // Interleaved shares, one a thread, each with its own cache; merged back in order.
        let workers = max(1, min(jobs, candidates.count))
        let shares = (0..<workers).map { worker in stride(from: worker, to: candidates.count, by: workers).map { candidates[$0] } }
        return shares.parallelMap(jobs: workers) { findReversals(among: $0, in: schema, inverse: inverse) }
            .flatMap { $0 }
            .sorted { $0.association < $1.association }
    }

    static func findReversals(among candidates: [Int], in schema: SemanticSchema, inverse: [Int?]) -> [Reversal] {
        var reversals: [Reversal] = []
        // Link columns per ordered pair of models, computed once however many belongsTo share it.
        var linkCache: [ModelPair: [(attribute: AttributeDecl, byName: Bool)]] = [:]
        func links(_ holder: ResolvedModel, _ referenced: ResolvedModel) -> [(attribute: AttributeDecl, byName: Bool)] {
            let key = ModelPair(source: holder.ordinal, target: referenced.ordinal)
            if let cached = linkCache[key] { return cached }
            let computed = linkColumns(from: holder, to: referenced, in: schema)
            linkCache[key] = computed
            return computed
        }
        for index in candidates {
            let association = schema.associations[index]
            let source = association.sourceModel, target = association.targetModel
            // A source that declares the foreign key column really holds it.
            guard source.linkAttribute(named: association.foreignKey) == nil else { continue }
            // (a) The same model also owns the target, with no alias telling the two roles apart.
            if !association.hasAlias,
               let opposite = schema.associationIndices(from: source).first(where: {
                   let other = schema.associations[$0]
                   return other.targetModel === target && (other.kind == .hasMany || other.kind == .hasOne) && !other.hasAlias
               }) {
                reversals.append(Reversal(association: index, evidence: .oppositeAssociation(opposite), explains: [index, opposite]))
                continue
            }
            // (b) The target has a column named as the link back to the source, and the source has no
            // link to the target, and no hasMany/hasOne on the target agrees that the key is on the
            // source. (A column that only references back, under a role name such as lastPostId,
            // is another relationship, not evidence.)
            guard inverse[index] == nil, links(source, target).isEmpty else { continue }
            let claimed = Set((schema.associations(from: target, to: source).filter { $0.kind == .belongsTo }
                + schema.associations(from: source, to: target).filter { $0.kind == .hasMany || $0.kind == .hasOne })
                .map { ForeignKeyNaming.normalized($0.foreignKey) })
            let evidence = links(target, source).first { link in
                link.byName && !claimed.contains(ForeignKeyNaming.normalized(link.attribute.name))
            }
            if let column = evidence?.attribute {
                reversals.append(Reversal(association: index, evidence: .linkColumn(column), explains: [index]))
            }
        }
        return reversals
    }
}
