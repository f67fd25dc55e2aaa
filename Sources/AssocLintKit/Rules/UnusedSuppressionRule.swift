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
        // While a file does not parse, the rules that need the whole schema stay silent, so a
        // suppression of theirs may only look unused.
        let silentWhileIncomplete: Set<String> = ["unknown-model", "unknown-accessor", "missing-inverse"]
        return context.unusedSuppressions.compactMap { unused in
            if context.schema.isIncomplete, let rule = unused.rule, silentWhileIncomplete.contains(rule) { return nil }
            let silenced = silencers.contains { directive in
                directive.path == unused.path && (directive.targetLine == nil || directive.targetLine == unused.mark.line)
            }
            guard !silenced else { return nil }
            return finding(unused.message, at: Location(path: unused.path, mark: unused.mark), help: unused.help)
        }
    }
}
