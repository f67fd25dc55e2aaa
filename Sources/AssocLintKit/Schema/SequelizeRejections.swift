/// Declarations Sequelize v6 throws on (or misreads beyond repair), whichever front end read
/// them: each is a declaration problem (invalid-declaration), and the association is marked
/// `isReportedInvalid` so no other rule reports on it.
extension AssociationDecl {
    func sequelizeRejections(sourceName: String) -> [DeclarationProblem] {
        var problems: [DeclarationProblem] = []
        func problem(_ mark: SourceMark, _ message: String, help: String) {
            problems.append(DeclarationProblem(mark: mark, message: message, help: help))
        }
        let call = "\(sourceName).\(kind.rawValue)(\(target))"
        if kind == .hasMany, let mark = throughMark {
            problem(mark, "\(call) has 'through': Sequelize throws \"N:M associations are not supported with hasMany. Use belongsToMany instead\"",
                    help: "use 'belongsToMany: \(target)' with this 'through'")
        }
        if kind == .belongsToMany, through == nil, throughMark == nil {
            problem(mark, "\(call) has no 'through': Sequelize throws \"\(sourceName).belongsToMany(\(target)) requires through option, pass either a string or a model\"",
                    help: "add 'through: <junction model or table name>'")
        }
        if kind == .belongsToMany, through == nil {
            // Reported above, or at its unusable 'through' value.
            isReportedInvalid = true
        }
        if kind == .belongsToMany, target == sourceName, alias == nil {
            problem(mark, "\(call) is a self-association without 'as': Sequelize throws \"'as' must be defined for many-to-many self-associations\"",
                    help: "add an alias such as 'as: friends'")
            isReportedInvalid = true
        }
        if !kind.isMulti, case .object = alias, let mark = aliasMark {
            problem(mark, "\(call) has an object alias: Sequelize v6 supports only a string 'as' for \(kind.rawValue) and would name the accessors get[object Object]",
                    help: "write the singular name as a string, e.g. 'as: \(LintContext.instanceName(Inflection.singularize(target)))'")
            isReportedInvalid = true
        }
        return problems
    }
}
