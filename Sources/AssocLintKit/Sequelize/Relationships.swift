/// How associations relate to each other: which declaration is the inverse of which, which
/// columns link one model to another, and which belongsTo calls sit on the wrong model.
/// Computed once per lint and shared by the rules, so that one mistake is one finding.

/// A belongsTo called on the model that does not hold the foreign key.
public struct Reversal: Sendable {
    public enum Evidence: Sendable {
        /// The source also declares an unaliased hasMany/hasOne to the same target (at this index).
        case oppositeAssociation(Int)
        /// The target has a link column back to the source that no role accounts for, while the
        /// source has none to the target.
        case linkColumn(AttributeDecl)
    }

    /// Index of the belongsTo in `SemanticSchema.associations`.
    public var association: Int
    public var evidence: Evidence
    /// The `T.hasMany(S)`/`T.hasOne(S)` paired with the belongsTo: the two agree on a key that the
    /// columns put on the other model, so the whole pair is reversed.
    public var partner: Int?
    /// An unaliased `T.belongsTo(S)` whose foreign key is the evidence column: the key already has
    /// the right belongsTo (mutual belongsTo).
    public var rightBelongsTo: Int?
    /// An unaliased `T.belongsTo(S)` on another spelling of the column (`PersonId` for `personId`):
    /// the right belongsTo, once it names the column (foreign-key-mismatch reports the spelling).
    public var otherSpelling: Int?
    /// Associations whose missing inverse this reversal explains (the belongsTo itself included).
    public var explains: [Int]
}

/// A hasMany or hasOne declared on the model that holds the foreign key, as in "a Comment belongs
/// to a Post" written `Comment.hasMany(Post)` while `Comment.postId` is declared.
public struct OwnerReversal: Sendable {
    /// Index of the hasMany/hasOne in `SemanticSchema.associations`.
    public var association: Int
    /// The source's column that links it to the target.
    public var column: AttributeDecl
    /// An unaliased belongsTo from the source to the target whose foreign key is that column.
    public var rightBelongsTo: Int?
    /// A hasMany/hasOne from the target to the source whose foreign key is that column.
    public var rightOwner: Int?
    /// Associations whose missing inverse this reversal explains (the hasMany/hasOne included).
    public var explains: [Int]
}

public struct Relationships: Sendable {
    /// The inverse of each association (by index), or nil when it has none.
    public let inverse: [Int?]
    /// belongsTo calls on the wrong model (`reversed-belongs-to`).
    public let reversals: [Reversal]
    /// hasMany/hasOne calls on the model that holds the key (`reversed-has-many`); none of them is
    /// the partner of a reversed belongsTo (that pair is one finding, on the belongsTo).
    public let ownerReversals: [OwnerReversal]
    /// Associations reported as reversed, and those whose missing inverse a reversal explains.
    public let explainedByReversal: Set<Int>
    /// Associations reported as reversed (a belongsTo, its partner in a reversed pair, a
    /// hasMany/hasOne): no other rule reports on them or advises their mirror image.
    public let reversed: Set<Int>
    /// The same, by identity (for rules that hold associations rather than indices).
    public let reversedAssociations: Set<ObjectIdentifier>
    /// Associations Sequelize refuses because their alias is taken (duplicate-alias): they never
    /// exist, so rules about what associations do skip them.
    let aliasCollisions: [AliasCollision]

    public init(_ schema: SemanticSchema, jobs: Int = 1) {
        let timer = PhaseTimer()
        let inverse = Self.pairInverses(schema, jobs: jobs)
        self.inverse = inverse
        timer.lap("    inverses")
        let reversals = Self.findReversals(schema, inverse: inverse, jobs: jobs)
        self.reversals = reversals
        timer.lap("    reversed belongsTo")
        let explainedByBelongsTo = Set(reversals.flatMap(\.explains))
        let ownerReversals = Self.findOwnerReversals(schema, skipping: explainedByBelongsTo, jobs: jobs)
        timer.lap("    reversed hasMany/hasOne")
        self.ownerReversals = ownerReversals
        self.explainedByReversal = explainedByBelongsTo.union(ownerReversals.flatMap(\.explains))
        self.reversed = Set(reversals.flatMap { [$0.association] + [$0.partner].compactMap { $0 } } + ownerReversals.map(\.association))
        reversedAssociations = Set(reversed.map { ObjectIdentifier(schema.associations[$0]) })
        aliasCollisions = AliasCollision.find(in: schema)
        timer.lap("    alias collisions")
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
        if first.kind == .belongsToMany, second.kind == .belongsToMany, sameJunction(first, second) {
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
            matchBy(manyForward, manyForward, into: &inverse, key: { schema.associations[$0].decl.through })
        } else {
            matchBy(manyForward, manyBackward, into: &inverse, key: { schema.associations[$0].decl.through })
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

    /// Matches equal keys (e.g. the same junction), each association at most once; then a missing
    /// key (a belongsToMany without `through`, which invalid-declaration reports) matches any.
    static func matchBy(_ left: [Int], _ right: [Int], into inverse: inout [Int: Int], key: (Int) -> String?) {
        var used = Set<Int>()
        for matches in [{ (a: String?, b: String?) in a == b }, { (a: String?, b: String?) in a == nil || b == nil }] {
            for index in left where !used.contains(index) {
                if let partner = right.first(where: { $0 != index && !used.contains($0) && matches(key($0), key(index)) }) {
                    inverse[index] = partner
                    inverse[partner] = index
                    used.insert(index)
                    used.insert(partner)
                }
            }
        }
    }

    /// Whether two belongsToMany read the same junction; a missing `through` (reported by
    /// invalid-declaration) stands for any, so its other side is not also missing an inverse.
    static func sameJunction(_ first: ResolvedAssociation, _ second: ResolvedAssociation) -> Bool {
        first.decl.through == nil || second.decl.through == nil || first.decl.through == second.decl.through
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
        // A belongsToMany's keys name columns of its junction, never of the two models.
        for association in schema.associations(from: holder, to: target) + schema.associations(from: target, to: holder)
        where association.foreignKeyIsExplicit && association.kind != .belongsToMany {
            names.insert(ForeignKeyNaming.normalized(association.foreignKey))
        }
        return names
    }

    /// Attributes of `holder` that link it to `referenced`, by `references` or by name, and
    /// whether each is linked by its name.
    static func linkColumns(from holder: ResolvedModel, to referenced: ResolvedModel, in schema: SemanticSchema) -> [(attribute: AttributeDecl, byName: Bool)] {
        var names = linkNames(from: holder, to: referenced, in: schema)
        // A column named after its own model (`user_id` on User, a login handle or a legacy key)
        // does not link it to another model, whatever an association between them calls its key.
        if holder.name != referenced.name {
            names.remove(ForeignKeyNaming.normalized(holder.defaultForeignKey))
            names.remove(ForeignKeyNaming.normalized(holder.hasOneForeignKey))
        }
        return holder.decl.attributes.compactMap { attribute in
            let byName = names.contains(ForeignKeyNaming.normalized(attribute.name))
            if let reference = attribute.references {
                // A reference to another table is a link elsewhere, whatever the name.
                return schema.referencedModel(reference.model) == referenced.name ? (attribute, byName) : nil
            }
            return byName ? (attribute, true) : nil
        }
    }

    /// Whether the column's `references` names the model or its table.
    static func references(_ column: AttributeDecl, _ model: ResolvedModel, in schema: SemanticSchema) -> Bool {
        column.references.map { schema.referencedModel($0.model) == model.name } ?? false
    }

    // MARK: reversals

    static func findReversals(_ schema: SemanticSchema, inverse: [Int?], jobs: Int) -> [Reversal] {
        let candidates = schema.associations.indices.filter {
            schema.associations[$0].kind == .belongsTo && !schema.associations[$0].isSelf
        }
        return inShares(candidates, jobs: jobs) { findReversals(among: $0, in: schema, inverse: inverse) }
            .sorted { $0.association < $1.association }
    }

    /// `work` on interleaved shares of `candidates`, one a thread (each with its own cache),
    /// the results concatenated.
    static func inShares<Result: Sendable>(_ candidates: [Int], jobs: Int, _ work: @Sendable ([Int]) -> [Result]) -> [Result] {
        let workers = max(1, min(jobs, candidates.count))
        let shares = (0..<workers).map { worker in stride(from: worker, to: candidates.count, by: workers).map { candidates[$0] } }
        return shares.parallelMap(jobs: workers, work).flatMap { $0 }
    }

    static func findReversals(among candidates: [Int], in schema: SemanticSchema, inverse: [Int?]) -> [Reversal] {
        var reversals: [Reversal] = []
        var links = LinkColumnCache(schema: schema)
        for index in candidates {
            let association = schema.associations[index]
            guard !association.decl.isReportedInvalid else { continue }
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
            // (b) The target has a column named as the link back to the source, and the source has
            // none to the target. The declared columns decide, whoever agrees with whom: a
            // T.hasMany/hasOne(S) paired with the belongsTo only agrees on a column nobody declared,
            // and a column that is already the key of an unaliased T.belongsTo(S) still says the key
            // lives on T (mutual belongsTo). Columns of roles are no evidence: the key of an
            // S.hasMany/hasOne(T) (the source owns the target through it) or of an aliased
            // T.belongsTo(S) (a second link, as a department's managerId), and a column that only
            // references back under a role name. An aliased belongsTo is a role itself: only a
            // column named like its own key is evidence against it.
            // Evidence is a column of T: without attributes, T has none.
            guard target.decl.declaresAttributes else { continue }
            let partnerIndex = inverse[index].flatMap { $0 == index ? nil : $0 }
            let partner = partnerIndex.map { schema.associations[$0] }
            // A pair says the key is on S: any T.belongsTo(S) is then another relationship between the
            // two (a user's profile picture beside the pictures a user has). (And only a source that
            // lists its attributes can be known to lack the key: checked below.)
            // Both sides name the same key explicitly: a column of that name on T is a coincidence.
            if let partner, partner.foreignKeyIsExplicit, association.foreignKeyIsExplicit, partner.foreignKey == association.foreignKey { continue }
            guard links.columns(source, target).isEmpty else { continue }
            let backward = schema.associations(from: target, to: source)
            let roles = Set((backward.filter { $0.kind == .belongsTo && ($0.hasAlias || partner != nil) }
                + schema.associations(from: source, to: target).filter { $0.kind == .hasMany || $0.kind == .hasOne })
                .map { ForeignKeyNaming.normalized($0.foreignKey) })
            let evidence = links.columns(target, source).first { link in
                link.byName && !roles.contains(ForeignKeyNaming.normalized(link.attribute.name))
                    && (!association.hasAlias || ForeignKeyNaming.sameLink(link.attribute.name, association.foreignKey))
            }
            guard let column = evidence?.attribute else { continue }
            // The unaliased T.belongsTo(S) on that column (mutual belongsTo).
            let holderIndices = schema.associationIndices(of: ModelPair(source: target.ordinal, target: source.ordinal)).filter {
                let other = schema.associations[$0]
                return other.kind == .belongsTo && !other.hasAlias && ForeignKeyNaming.sameLink(other.foreignKey, column.name)
            }
            // Against a pair or a belongsTo back, a source that lists no attributes may hold its key
            // undeclared: only a column that also references the source says otherwise.
            if partner != nil || !holderIndices.isEmpty, !source.decl.declaresAttributes, !references(column, source, in: schema) { continue }
            let right = holderIndices.first { schema.associations[$0].foreignKey == column.name }
            reversals.append(Reversal(association: index, evidence: .linkColumn(column), partner: partnerIndex, rightBelongsTo: right,
                                      otherSpelling: right == nil ? holderIndices.first : nil,
                                      explains: [index] + [partnerIndex].compactMap { $0 } + holderIndices))
        }
        return reversals
    }

    /// `A.hasMany(B)` or `A.hasOne(B)` (A ≠ B) whose foreign key is not a column of B, while A has a
    /// column named as its link to B and B declares none linking to A. Associations already
    /// explained by a reversed belongsTo (its partner in a reversed pair) are skipped.
    static func findOwnerReversals(_ schema: SemanticSchema, skipping explained: Set<Int>, jobs: Int) -> [OwnerReversal] {
        // Only a source with a column named like its link to the target can show where the key is.
        let candidates = schema.associationIndices(with: .sourceHasNamedLink).filter { index in
            let association = schema.associations[index]
            return !association.isSelf && !association.decl.isReportedInvalid && !explained.contains(index)
        }
        return inShares(candidates, jobs: jobs) { findOwnerReversals(among: $0, in: schema) }
            .sorted { $0.association < $1.association }
    }

    static func findOwnerReversals(among candidates: [Int], in schema: SemanticSchema) -> [OwnerReversal] {
        var reversals: [OwnerReversal] = []
        var links = LinkColumnCache(schema: schema)
        for index in candidates {
            let association = schema.associations[index]
            let source = association.sourceModel, target = association.targetModel
            guard target.linkAttribute(named: association.foreignKey) == nil,
                  links.columns(target, source).isEmpty else { continue }
            let between = schema.associations(from: source, to: target) + schema.associations(from: target, to: source)
            // The keys of the other aliased associations between the two are roles (a user's
            // pinnedPostId); this one's own key never is.
            let roles = Set(between.filter { $0 !== association && $0.hasAlias && $0.kind != .belongsToMany }
                .map { ForeignKeyNaming.normalized($0.foreignKey) })
            // Named like the target's default keys or an explicit key of the source's own
            // associations to it (`sourceHasNamedLink`); an aliased one is a role itself, and only
            // a column named like its own key is evidence against it.
            let named: Set<String>
            if association.hasAlias {
                named = [ForeignKeyNaming.normalized(association.foreignKey)]
            } else {
                let explicitKeys = schema.associations(from: source, to: target)
                    .filter { $0.foreignKeyIsExplicit && $0.kind != .belongsToMany }.map(\.foreignKey)
                named = Set(([target.defaultForeignKey, target.hasOneForeignKey] + explicitKeys).map(ForeignKeyNaming.normalized))
            }
            guard let link = links.columns(source, target).first(where: { link in
                let name = ForeignKeyNaming.normalized(link.attribute.name)
                return link.byName && named.contains(name) && !roles.contains(name)
            }) else { continue }
            let column = link.attribute
            // A target that lists no attributes may hold the key undeclared: only a column that
            // also references the target says otherwise.
            // Not when a belongsTo back pairs with it: then the two agree, and reversed-belongs-to
            // (which needs the model's attributes too) decides.
            if !target.decl.declaresAttributes {
                guard references(column, target, in: schema),
                      !schema.associationIndices(of: ModelPair(association).reversed).contains(where: { schema.associations[$0].kind == .belongsTo })
                else { continue }
            }
            let right = schema.associationIndices(of: ModelPair(association)).first {
                let other = schema.associations[$0]
                return other.kind == .belongsTo && !other.hasAlias && other.foreignKey == column.name
            }
            // The right owner may exist already (then its missing inverse is this mistake's too).
            let rightOwner = schema.associationIndices(of: ModelPair(association).reversed).first {
                let other = schema.associations[$0]
                return (other.kind == .hasMany || other.kind == .hasOne) && other.foreignKey == column.name
            }
            reversals.append(OwnerReversal(association: index, column: column, rightBelongsTo: right, rightOwner: rightOwner,
                                           explains: [index] + [right, rightOwner].compactMap { $0 }))
        }
        return reversals
    }
}

/// Link columns per ordered pair of models, computed once however many associations ask.
struct LinkColumnCache {
    let schema: SemanticSchema
    private var cache: [ModelPair: [(attribute: AttributeDecl, byName: Bool)]] = [:]

    init(schema: SemanticSchema) {
        self.schema = schema
    }

    mutating func columns(_ holder: ResolvedModel, _ referenced: ResolvedModel) -> [(attribute: AttributeDecl, byName: Bool)] {
        let key = ModelPair(source: holder.ordinal, target: referenced.ordinal)
        if let cached = cache[key] { return cached }
        let computed = Relationships.linkColumns(from: holder, to: referenced, in: schema)
        cache[key] = computed
        return computed
    }
}
