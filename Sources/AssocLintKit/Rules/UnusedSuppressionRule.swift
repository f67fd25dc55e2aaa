/// `unused-suppression`: a suppression comment that silences nothing, names no rule, or names
/// a rule that does not exist, so stale ones do not pile up.
public struct UnusedSuppressionRule: Rule {
    public static let id = "unused-suppression"
    public static let phase = RulePhase.afterSuppressions
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        // This rule's own findings can be silenced too (only by a comment naming it).
        let silencers = context.suppressionDirectives.filter { directive in
            directive.scope != nil && directive.rules.contains { $0.rule == Self.id }
        }
        return context.unusedSuppressions.compactMap { unused in
            let silenced = silencers.contains { directive in
                directive.path == unused.path && (directive.targetLine == nil || directive.targetLine == unused.mark.line)
            }
            guard !silenced else { return nil }
            return finding(unused.message, at: Location(path: unused.path, mark: unused.mark), help: unused.help)
        }
    }
}
