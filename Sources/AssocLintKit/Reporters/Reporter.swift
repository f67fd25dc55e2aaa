/// Output formats of `assoclint lint`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, compact, json, sarif, github, junit, checkstyle, gitlab
}

public struct ReportOptions: Sendable {
    public var useColor: Bool
    /// Wall time of the run, shown in the text summary when given.
    public var elapsedSeconds: Double?

    public init(useColor: Bool = false, elapsedSeconds: Double? = nil) {
        self.useColor = useColor
        self.elapsedSeconds = elapsedSeconds
    }
}

public enum Reporter {
    /// The whole report for stdout.
    public static func render(_ result: LintResult, format: OutputFormat, options: ReportOptions = ReportOptions()) -> String {
        switch format {
        case .text: return TextReporter(result: result, options: options).render()
        case .compact: return CompactReporter.render(result)
        case .json: return JSONReporter.render(result)
        case .sarif: return SARIFReporter.render(result)
        case .github: return GitHubReporter.render(result)
        case .junit: return JUnitReporter.render(result)
        case .checkstyle: return CheckstyleReporter.render(result)
        case .gitlab: return GitLabReporter.render(result)
        }
    }

    /// The one-line summary ("Found 2 errors and 1 warning in 5 files (12 ms).").
    public static func summary(_ result: LintResult, options: ReportOptions = ReportOptions()) -> String {
        TextReporter(result: result, options: options, readSources: false).summary()
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
        "\(Terminal.printable(finding.location.path)):\(finding.location.line):\(finding.location.column): \(finding.severity.rawValue): \(Terminal.printable(finding.message)) [\(finding.ruleID)]"
    }
}

/// Text from the input (names, paths) must not drive a terminal or a CI log: control characters
/// (an ESC starting a colour or title sequence, a newline splitting a line) are shown escaped.
enum Terminal {
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u{" + hex + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Control characters other than TAB, which terminals and logs show harmlessly.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value >= 0x7F && scalar.value < 0xA0)
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
