/// `paranoid-cascade`: `onDelete: CASCADE` on a foreign key that references a paranoid model.
/// Destroying a paranoid instance is an UPDATE of deletedAt, so the database cascade never fires,
/// and Sequelize's hook cascade does not run for it either (model.js destroy).
public struct ParanoidCascadeRule: Rule {
    public static let id = "paranoid-cascade"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        let schema = context.schema
        var findings: [Finding] = []
        var reported = Set<String>()
        for index in schema.associationIndices(with: .referentialAction) {
            let association = schema.associations[index]
            guard !association.decl.isReportedInvalid, let onDelete = association.decl.onDelete,
                  ReferentialAction(onDelete.value) == .cascade else { continue }
            // The parent: the model the foreign key references.
            let parent: ResolvedModel
            switch association.kind {
            case .hasMany, .hasOne, .belongsToMany: parent = association.sourceModel
            case .belongsTo: parent = association.targetModel
            }
            guard parent.decl.softDeletes,
                  reported.insert("\(association.holderModel?.ordinal ?? -1)\u{0}\(association.foreignKeyColumn)").inserted else { continue }
            let instance = LintContext.instanceName(parent.name)
            let key = association.kind == .belongsTo ? (association.decl.targetKey ?? parent.primaryKey) : (association.decl.sourceKey ?? parent.primaryKey)
            // The rows left behind: the children, or a many-to-many's junction rows.
            let stays: String, cleanup: String
            if association.kind == .belongsToMany {
                let through = association.decl.through ?? "junction"
                stays = "the \(through) rows that link it"
                cleanup = "\(through).destroy({ where: { \(association.foreignKey): \(instance).\(key) }, transaction: options.transaction })"
            } else {
                let children = association.kind == .belongsTo ? association.source : association.target
                stays = "\(parent.name)'s \(children) rows"
                cleanup = "\(children).destroy({ where: { \(association.foreignKey): \(instance).\(key) }, transaction: options.transaction })"
            }
            // hooks: true matters on the parent's side only (the hook cascade runs the destroyed model's own associations).
            let hooksNote = association.kind != .belongsTo && association.decl.hooks?.value == true
                ? "; hooks: true does not help, Sequelize runs its hook cascade only for a real delete" : ""
            findings.append(finding(
                "\(association.call) has onDelete: \(onDelete.value), but \(parent.name) is paranoid: \(instance).destroy() only sets deletedAt (an UPDATE), so the database cascade never fires and \(stays) stay, pointing at a soft-deleted \(parent.name)\(hooksNote)",
                at: Location(path: association.decl.path, mark: onDelete.mark),
                help: "delete or soft-delete them yourself in an afterDestroy hook of \(parent.name) (e.g. \(cleanup)), or make \(parent.name) non-paranoid; \(instance).destroy({ force: true }) does cascade",
                related: [RelatedLocation(parent.decl.location, "\(parent.name) is declared paranoid here")]))
        }
        return findings
    }
}
