/// `conflicting-on-delete`: the two sides of one relationship give different `onDelete` (or
/// `onUpdate`). Each side writes its action into the foreign key attribute, and the first
/// association Sequelize sets up keeps its own: the outcome depends on definition order.
public struct ConflictingOnDeleteRule: Rule {
    public static let id = "conflicting-on-delete"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        var reported = Set<Int>()
        // At least one side gives an action: start from those, on either side.
        for index in schema.associationIndices(with: .referentialAction) {
            guard let partnerIndex = context.relationships.inverse[index], partnerIndex != index else { continue }
            let pair = [schema.associations[index], schema.associations[partnerIndex]]
            guard let holder = pair.first(where: { $0.kind == .belongsTo }), let owner = pair.first(where: { $0.kind == .hasMany || $0.kind == .hasOne }),
                  !holder.decl.isReportedInvalid, !owner.decl.isReportedInvalid,
                  !context.relationships.reversed.contains(index), !context.relationships.reversed.contains(partnerIndex),
                  // The same column: otherwise there are two constraints (foreign-key-mismatch).
                  owner.foreignKeyColumn == holder.foreignKeyColumn,
                  reported.insert(min(index, partnerIndex)).inserted else { continue }
            // The later declaration's action is the one lost when file order is definition order.
            let (later, earlier) = partnerIndex < index ? (pair[0], pair[1]) : (pair[1], pair[0])
            for option in ["onDelete", "onUpdate"] {
                // Both given: a side that gives none gets Sequelize's default, which is order-dependent
                // too, but only matters to sync() (the catalog entry says so); not reported.
                guard let mine = Self.action(option, of: later), let theirs = Self.action(option, of: earlier),
                      mine.explicit && theirs.explicit, ReferentialAction(mine.value) != ReferentialAction(theirs.value) else { continue }
                let say = { (side: ResolvedAssociation, action: (value: String, explicit: Bool, mark: SourceMark?)) in
                    action.explicit ? "\(side.call) says \(option): \(action.value)" : "\(side.call) defaults to \(option): \(action.value)\(Self.why(option, side))"
                }
                let place = (mine.explicit ? mine.mark : theirs.mark).map { Location(path: (mine.explicit ? later : earlier).decl.path, mark: $0) }
                    ?? later.location
                let other = mine.explicit ? (earlier, theirs) : (later, mine)
                findings.append(finding(
                    "\(say(later, mine)) but \(say(earlier, theirs)), for the same foreign key \(holder.foreignKey): whichever association is set up first decides the constraint, and the other's \(option) is silently lost",
                    at: place,
                    help: "write the same \(option) on both sides (what happens to \(holder.source) rows when their \(holder.target) \(option == "onDelete" ? "is deleted" : "changes its key")); \(other.0.call) needs '\(option): \((mine.explicit ? mine : theirs).value)'",
                    related: [RelatedLocation(other.1.mark.map { Location(path: other.0.decl.path, mark: $0) } ?? other.0.location, say(other.0, other.1))]))
            }
        }
        return findings.sorted { $0.location < $1.location }
    }

    /// The action a side gives: its own, or the default Sequelize v6 computes (has-many.js,
    /// has-one.js, belongs-to.js): onUpdate CASCADE; onDelete SET NULL when the key allows null,
    /// else CASCADE (hasMany, hasOne) or NO ACTION (belongsTo). Whether the key allows null is read
    /// from a declared attribute (unset counts as not null), else from `foreignKey: { allowNull }`
    /// (default true). With `constraints: false` and no action, the side gives none.
    static func action(_ option: String, of side: ResolvedAssociation) -> (value: String, explicit: Bool, mark: SourceMark?)? {
        if let given = option == "onDelete" ? side.decl.onDelete : side.decl.onUpdate { return (given.value, true, given.mark) }
        if side.decl.constraints?.value == false { return nil }
        if option == "onUpdate" { return ("CASCADE", false, nil) }
        return (allowsNull(side) ? "SET NULL" : side.kind == .belongsTo ? "NO ACTION" : "CASCADE", false, nil)
    }

    static func allowsNull(_ side: ResolvedAssociation) -> Bool {
        if let declared = side.holderModel?.decl.attribute(named: side.foreignKey) { return declared.allowNull == true }
        return side.decl.foreignKeyAllowNull ?? true
    }

    static func why(_ option: String, _ side: ResolvedAssociation) -> String {
        guard option == "onDelete" else { return "" }
        return allowsNull(side) ? " (its key allows null)" : " (its key is not nullable)"
    }
}

/// A referential action compared as the database reads it: `cascade`, `CASCADE` and `Cascade`
/// are one action, as are `SET NULL` and `set null`.
struct ReferentialAction: Equatable {
    let normalized: String

    init(_ text: String) {
        normalized = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: " ")
    }

    static let cascade = ReferentialAction("CASCADE")
    static let setNull = ReferentialAction("SET NULL")
}
