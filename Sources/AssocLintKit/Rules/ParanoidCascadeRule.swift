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
            guard parent.decl.paranoid,
                  reported.insert("\(association.holderModel?.ordinal ?? -1)\u{0}\(association.foreignKeyColumn)").inserted else { continue }
            let children = association.kind == .belongsTo ? association.source : association.target
            let instance = LintContext.instanceName(parent.name)
            findings.append(finding(
                "\(association.call) has onDelete: \(onDelete.value), but \(parent.name) is paranoid: \(instance).destroy() only sets deletedAt (an UPDATE), so the database cascade never fires and \(parent.name)'s \(children) rows stay, pointing at a soft-deleted \(parent.name)\((association.decl.hooks?.value ?? false) ? "; hooks: true does not help, Sequelize runs its hook cascade only for a real delete" : "")",
                at: Location(path: association.decl.path, mark: onDelete.mark),
                help: "soft-delete the \(children) rows yourself in an afterDestroy hook of \(parent.name) (e.g. \(children).destroy({ where: { \(association.foreignKey): \(instance).id }, transaction: options.transaction })), or make \(parent.name) non-paranoid; \(instance).destroy({ force: true }) does cascade",
                related: [RelatedLocation(parent.decl.location, "\(parent.name) is declared paranoid here")]))
        }
        return findings
    }
}
