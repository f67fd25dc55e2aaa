/// Output formats of `assoclint lint`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, compact, json
}

public struct ReportOptions: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }
}

public enum Reporter {
    /// The whole report for stdout.
    public static func render(_ result: LintResult, format: OutputFormat, options: ReportOptions = ReportOptions()) -> String {
        switch format {
        case .text: return TextReporter(result: result, options: options).render()
        case .compact: return CompactReporter.render(result)
        case .json: return JSONReporter.render(result)
        }
    }
}

/// `path:line:column: severity: message [rule-id]`, one line per finding and nothing else.
public enum CompactReporter {
    public static func render(_ result: LintResult) -> String {
        var output = ""
        for finding in result.findings {
            output += line(finding) + "\n"
        }
        return output
    }

    public static func line(_ finding: Finding) -> String {
        let message = finding.message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(finding.location.path):\(finding.location.line):\(finding.location.column): \(finding.severity.rawValue): \(message) [\(finding.ruleID)]"
    }
}
