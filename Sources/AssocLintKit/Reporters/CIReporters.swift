/// Formats that CI systems read: GitHub Actions workflow commands, JUnit and Checkstyle XML,
/// and GitLab Code Quality JSON.

/// `::error file=…,line=…,col=…,title=…::message`, one line per finding.
public enum GitHubReporter {
    public static func render(_ result: LintResult) -> String {
        result.findings.map { finding in
            let command = finding.severity == .error ? "error" : "warning"
            let properties = [
                "file=" + escapeProperty(finding.location.path),
                "line=\(finding.location.line)",
                "col=\(finding.location.column)",
                "title=" + escapeProperty("assoclint (\(finding.ruleID))"),
            ].joined(separator: ",")
            let message = finding.help.map { "\(finding.message)\nhelp: \($0)" } ?? finding.message
            return "::\(command) \(properties)::\(escapeData(message))\n"
        }.joined()
    }

    /// GitHub's escaping of a command's message: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            // Other control characters (an ESC in a model name) would reach the log as they are.
            case _ where Terminal.isControl(character): result += Terminal.printable(String(character))
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A property value additionally escapes `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        var result = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

enum XML {
    /// Escapes text for attributes and content; characters XML 1.0 cannot carry become U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// JUnit XML: a test suite per file, a failing test case per finding, a passing one for a clean file.
public enum JUnitReporter {
    public static func render(_ result: LintResult) -> String {
        var byPath: [String: [Finding]] = [:]
        for finding in result.findings { byPath[finding.location.path, default: []].append(finding) }
        let paths = Set(result.files.map(\.path)).union(byPath.keys).sorted()
        let total = paths.reduce(0) { $0 + max(byPath[$1]?.count ?? 0, 1) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"assoclint\" tests=\"\(total)\" failures=\"\(result.findings.count)\" errors=\"0\">\n"
        for path in paths {
            let findings = byPath[path] ?? []
            let name = XML.escape(path)
            xml += "  <testsuite name=\"\(name)\" tests=\"\(max(findings.count, 1))\" failures=\"\(findings.count)\" errors=\"0\">\n"
            if findings.isEmpty {
                xml += "    <testcase classname=\"\(name)\" name=\"assoclint\"/>\n"
            }
            for finding in findings {
                let location = "\(finding.location.path):\(finding.location.line):\(finding.location.column)"
                xml += "    <testcase classname=\"\(name)\" name=\"\(XML.escape("\(finding.ruleID) at \(location)"))\">\n"
                var body = "\(finding.severity.rawValue): \(finding.message)\nat \(location)"
                if let help = finding.help { body += "\nhelp: \(help)" }
                xml += "      <failure type=\"\(XML.escape(finding.ruleID))\" message=\"\(XML.escape(finding.message))\">\(XML.escape(body))</failure>\n"
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }
}

/// Checkstyle XML, as Jenkins' warnings plugin and reviewdog read it.
public enum CheckstyleReporter {
    public static func render(_ result: LintResult) -> String {
        var byPath: [String: [Finding]] = [:]
        for finding in result.findings { byPath[finding.location.path, default: []].append(finding) }
        let paths = Set(result.files.map(\.path)).union(byPath.keys).sorted()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for path in paths {
            let findings = byPath[path] ?? []
            guard !findings.isEmpty else {
                xml += "  <file name=\"\(XML.escape(path))\"/>\n"
                continue
            }
            xml += "  <file name=\"\(XML.escape(path))\">\n"
            for finding in findings {
                xml += "    <error line=\"\(finding.location.line)\" column=\"\(finding.location.column)\" severity=\"\(finding.severity.rawValue)\" message=\"\(XML.escape(finding.message))\" source=\"assoclint.\(XML.escape(finding.ruleID))\"/>\n"
            }
            xml += "  </file>\n"
        }
        return xml + "</checkstyle>\n"
    }
}

/// GitLab Code Quality: a JSON array with a fingerprint unique per occurrence and stable across runs.
public enum GitLabReporter {
    public static func render(_ result: LintResult) -> String {
        let json = JSONWriter()
        var occurrences: [String: Int] = [:]
        let items: [(Finding, String, String)] = result.findings.map { finding in
            let path = result.projectRelativePath(finding.location.path)
            let base = Fingerprint.of(finding, path: path)
            let occurrence = occurrences[base, default: 0]
            occurrences[base] = occurrence + 1
            return (finding, path, Fingerprint.of(finding, path: path, occurrence: occurrence))
        }
        json.array(items) { finding, path, fingerprint in
            json.object {
                json.field("description") { json.string(finding.message) }
                json.field("check_name") { json.string(finding.ruleID) }
                json.field("fingerprint") { json.string(fingerprint) }
                json.field("severity") { json.string(finding.severity == .error ? "major" : "minor") }
                json.field("location") {
                    json.object {
                        json.field("path") { json.string(path) }
                        json.field("lines") { json.object { json.field("begin") { json.number(finding.location.line) } } }
                    }
                }
            }
        }
        return json.output + "\n"
    }
}
