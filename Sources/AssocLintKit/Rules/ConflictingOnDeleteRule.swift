/// `conflicting-on-delete`: the two sides of one relationship give different `onDelete` (or
/// `onUpdate`). Each side writes its action into the foreign key attribute, and the first
/// association Sequelize sets up keeps its own: the outcome depends on definition order.
public struct ConflictingOnDeleteRule: Rule {
    public static let id = "conflicting-on-delete"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        // Only actions given on both sides are compared: start from the belongsTo that give one.
        for index in schema.associationIndices(with: .referentialAction) where schema.associations[index].kind == .belongsTo {
            guard let partnerIndex = context.relationships.inverse[index], partnerIndex != index else { continue }
            let holder = schema.associations[index], owner = schema.associations[partnerIndex]
            guard !holder.decl.isReportedInvalid, !owner.decl.isReportedInvalid,
                  !context.relationships.reversed.contains(index), !context.relationships.reversed.contains(partnerIndex),
                  // The same column: otherwise there are two constraints (foreign-key-mismatch).
                  owner.foreignKeyColumn == holder.foreignKeyColumn else { continue }
            // The later declaration's action is the one lost when file order is definition order.
            let (later, earlier) = partnerIndex < index ? (holder, owner) : (owner, holder)
            for option in ["onDelete", "onUpdate"] {
                // A side that gives none gets Sequelize's default, which is order-dependent too but
                // only matters to sync() (the catalog entry says so): not reported.
                guard let mine = Self.given(option, of: later), let theirs = Self.given(option, of: earlier),
                      ReferentialAction(mine.value) != ReferentialAction(theirs.value) else { continue }
                findings.append(finding(
                    "\(later.call) says \(option): \(mine.value) but \(earlier.call) says \(option): \(theirs.value), for the same foreign key \(holder.foreignKey): whichever association is set up first decides the constraint, and the other's \(option) is silently lost",
                    at: Location(path: later.decl.path, mark: mine.mark),
                    help: "write the same \(option) on both sides (what happens to \(holder.source) rows when their \(holder.target) \(option == "onDelete" ? "is deleted" : "changes its key"))",
                    related: [RelatedLocation(Location(path: earlier.decl.path, mark: theirs.mark), "\(earlier.call) says \(option): \(theirs.value)")]))
            }
        }
        return findings.sorted { $0.location < $1.location }
    }

    /// The action a side writes, if any.
    static func given(_ option: String, of side: ResolvedAssociation) -> OptionValue<String>? {
        option == "onDelete" ? side.decl.onDelete : side.decl.onUpdate
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
