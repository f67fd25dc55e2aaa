/// The human format: each finding with its source line, a caret under the spot, the fix, and the
/// related declarations; a summary line at the end. Colour only when asked (a TTY without NO_COLOR).
struct TextReporter {
    let result: LintResult
    let options: ReportOptions

    /// Source lines per path, split once.
    private var lines: [String: [Substring]] = [:]

    init(result: LintResult, options: ReportOptions, readSources: Bool = true) {
        self.result = result
        self.options = options
        let pathsWithFindings = Set(result.findings.map(\.location.path))
        for file in result.files where readSources && pathsWithFindings.contains(file.path) {
            let text = String(decoding: file.bytes, as: UTF8.self)
            // "\r\n" is one Character in Swift: split on both, as libyaml counts lines.
            lines[file.path] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        options.useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func render() -> String {
        var output = ""
        for finding in result.findings {
            output += render(finding) + "\n"
        }
        output += summary() + "\n"
        return output
    }

    func render(_ finding: Finding) -> String {
        let severity = finding.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        var text = "\(severity)\(paint("[\(finding.ruleID)]", "1")): \(paint(Terminal.printable(finding.message), "1"))\n"
        let location = finding.location
        let gutter = String(repeating: " ", count: String(location.line).count)
        text += "\(gutter)\(paint("-->", "34")) \(Terminal.printable(location.path)):\(location.line):\(location.column)\n"
        if let line = lines[location.path].flatMap({ location.line - 1 < $0.count && location.line >= 1 ? $0[location.line - 1] : nil }) {
            let characters = Array(line)
            let start = min(max(location.column - 1, 0), characters.count)
            var end = start
            // In code, the name or member chain at the mark (`User.belongsTo`, `models.Post`).
            let stops: Set<Character> = JSProject.isCodeFile(location.path) ? ["(", ")", ",", ";", "{", "}", "[", "]", "=", ":", "<"] : [":"]
            while end < characters.count, !characters[end].isWhitespace, !stops.contains(characters[end]) || end == start { end += 1 }
            let padding = String(characters[..<start].map { $0 == "\t" ? "\t" : " " })
            let caret = String(repeating: "^", count: max(end - start, 1))
            text += "\(gutter) \(paint("|", "34"))\n"
            text += "\(paint(String(location.line), "34")) \(paint("|", "34")) \(Terminal.printable(String(line)))\n"
            text += "\(gutter) \(paint("|", "34")) \(padding)\(paint(caret, finding.severity == .error ? "31" : "33"))\n"
        }
        if let help = finding.help {
            text += "\(gutter) \(paint("=", "34")) \(paint("help", "1")): \(Terminal.printable(help))\n"
        }
        for related in finding.related {
            text += "\(gutter) \(paint("=", "34")) note: \(Terminal.printable(related.message)) (\(Terminal.printable(related.location.path)):\(related.location.line):\(related.location.column))\n"
        }
        return text
    }

    func summary() -> String {
        let files = result.files.count
        var fileText = "\(files) file\(files == 1 ? "" : "s")"
        if let seconds = options.elapsedSeconds {
            fileText += seconds < 1 ? " (\(Int((seconds * 1000).rounded())) ms)" : " (\(Double(Int(seconds * 100)) / 100) s)"
        }
        let errors = result.errorCount, warnings = result.warningCount
        if errors == 0 && warnings == 0 {
            return paint("No problems found", "1;32") + " in \(fileText)."
        }
        var parts: [String] = []
        if errors > 0 { parts.append(paint("\(errors) error\(errors == 1 ? "" : "s")", "1;31")) }
        if warnings > 0 { parts.append(paint("\(warnings) warning\(warnings == 1 ? "" : "s")", "1;33")) }
        return "Found \(parts.joined(separator: " and ")) in \(fileText)."
    }
}
