/// `conflicting-on-delete`: the two sides of one relationship give different `onDelete` (or
/// `onUpdate`). Each side writes its action into the foreign key attribute, and the first
/// association Sequelize sets up keeps its own: the outcome depends on definition order.
public struct ConflictingOnDeleteRule: Rule {
    public static let id = "conflicting-on-delete"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        for (index, association) in schema.associations.enumerated() where association.kind == .belongsTo {
            guard let partnerIndex = context.relationships.inverse[index], partnerIndex != index,
                  !association.decl.isReportedInvalid, !context.relationships.reversed.contains(index) else { continue }
            let owner = schema.associations[partnerIndex]
            // The same column: otherwise there are two constraints (foreign-key-mismatch).
            guard owner.foreignKeyColumn == association.foreignKeyColumn, !owner.decl.isReportedInvalid else { continue }
            for (option, mine, theirs) in [("onDelete", association.decl.onDelete, owner.decl.onDelete),
                                           ("onUpdate", association.decl.onUpdate, owner.decl.onUpdate)] {
                guard let mine, let theirs, ReferentialAction(mine.value) != ReferentialAction(theirs.value) else { continue }
                // The later declaration is the one whose action is lost when the file order is the
                // definition order.
                let (later, laterValue, earlier, earlierValue) = partnerIndex < index
                    ? (association, mine, owner, theirs) : (owner, theirs, association, mine)
                findings.append(finding(
                    "\(later.call) says \(option): \(laterValue.value) but \(earlier.call) says \(option): \(earlierValue.value) for the same foreign key \(association.foreignKey): whichever association is set up first decides the constraint, and the other's \(option) is silently lost",
                    at: Location(path: later.decl.path, mark: laterValue.mark),
                    help: "give both sides the same \(option) (usually the one on the hasMany/hasOne side: what happens to \(association.source) rows when their \(association.target) goes)",
                    related: [RelatedLocation(Location(path: earlier.decl.path, mark: earlierValue.mark), "\(earlier.call) says \(option): \(earlierValue.value)")]))
            }
        }
        return findings
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
