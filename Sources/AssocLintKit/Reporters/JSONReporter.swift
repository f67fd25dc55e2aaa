/// The documented, stable JSON report (see README "JSON output").
public enum JSONReporter {
    public static let formatVersion = 1

    public static func render(_ result: LintResult) -> String {
        let json = JSONWriter()
        json.object {
            json.field("version") { json.number(formatVersion) }
            json.field("findings") {
                json.array(result.findings) { finding in
                    json.object {
                        json.field("rule") { json.string(finding.ruleID) }
                        json.field("severity") { json.string(finding.severity.rawValue) }
                        json.field("message") { json.string(finding.message) }
                        json.field("help") { if let help = finding.help { json.string(help) } else { json.null() } }
                        json.field("path") { json.string(finding.location.path) }
                        json.field("line") { json.number(finding.location.line) }
                        json.field("column") { json.number(finding.location.column) }
                        json.field("related") {
                            json.array(finding.related) { related in
                                json.object {
                                    json.field("path") { json.string(related.location.path) }
                                    json.field("line") { json.number(related.location.line) }
                                    json.field("column") { json.number(related.location.column) }
                                    json.field("message") { json.string(related.message) }
                                }
                            }
                        }
                    }
                }
            }
            json.field("summary") {
                json.object {
                    json.field("files") { json.number(result.files.count) }
                    json.field("errors") { json.number(result.errorCount) }
                    json.field("warnings") { json.number(result.warningCount) }
                }
            }
        }
        return json.output + "\n"
    }
}

/// A minimal streaming JSON writer with two-space indentation and stable key order.
final class JSONWriter {
    private(set) var output = ""
    private var depth = 0
    private var needsComma = [false]

    func object(_ body: () -> Void) {
        output += "{"
        open()
        body()
        close()
        output += "}"
    }

    func array<T>(_ items: [T], _ element: (T) -> Void) {
        output += "["
        guard !items.isEmpty else { output += "]"; return }
        open()
        for item in items {
            separate()
            element(item)
        }
        close()
        output += "]"
    }

    func field(_ name: String, _ value: () -> Void) {
        separate()
        string(name)
        output += ": "
        value()
    }

    func string(_ text: String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    func number(_ value: Int) { output += String(value) }
    func bool(_ value: Bool) { output += value ? "true" : "false" }
    func null() { output += "null" }

    private func open() {
        depth += 1
        needsComma.append(false)
    }

    private func close() {
        depth -= 1
        let hadItems = needsComma.removeLast()
        if hadItems { output += "\n" + String(repeating: "  ", count: depth) }
    }

    private func separate() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        output += "\n" + String(repeating: "  ", count: depth)
    }
}
