/// What `assoclint rules` and `assoclint explain` print.
public enum RuleExplainer {
    /// One line per rule: id, default severity (`off` for an opt-in rule), summary.
    public static func list(_ catalog: RuleCatalog = .shared) -> String {
        let width = catalog.ids.map(\.count).max() ?? 0
        return catalog.documents.map { document in
            let padded = document.id + String(repeating: " ", count: width - document.id.count)
            let shown = document.enabledByDefault ? document.severity.rawValue : "off"
            let severity = shown + String(repeating: " ", count: 7 - shown.count)
            return "\(padded)  \(severity)  \(document.summary)"
        }.joined(separator: "\n") + "\n"
    }

    /// The catalog entry for a terminal: a header line, then the document's Markdown.
    public static func explain(_ document: RuleDocument) -> String {
        var body = document.body
        // The document's own '# id' title repeats the header.
        if body.hasPrefix("# ") {
            body = String(body.drop { $0 != "\n" }).trimmingWhitespace
        }
        let severity = document.enabledByDefault
            ? "default severity: \(document.severity.rawValue)"
            : "off by default; '\(document.id): \(document.severity.rawValue)' under rules: in .assoclint.yml turns it on"
        return "\(document.id) (\(severity))\n\(document.summary)\n\n\(body)\n"
    }

    /// A one-line error for an unknown id, with the nearest known one.
    public static func unknownRuleMessage(_ id: String, _ catalog: RuleCatalog = .shared) -> String {
        "unknown rule '\(id)'.\(Suggestion.phrase(for: id, in: catalog.ids)) Run 'assoclint rules' to list them."
    }
}
