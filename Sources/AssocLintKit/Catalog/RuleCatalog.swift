/// The rule catalog: `Rules/<id>.md`, embedded in the binary at build time.
///
/// Each file starts with front matter, then Markdown sections:
///
///     ---
///     id: reversed-belongs-to
///     severity: error
///     summary: One line.
///     ---
///     # reversed-belongs-to
///     ## Why it matters
///     ## Bad        (one or more ```yaml blocks, each a whole model file, or ```js / ```ts
///                   blocks, each a whole JavaScript/TypeScript file)
///     ## Good       (likewise)
///     ## How to fix
public struct RuleDocument: Sendable {
    public struct Section: Sendable {
        public var title: String
        public var body: String
    }

    public var id: String
    public var severity: Severity
    /// `enabled: false` in the front matter: an opt-in rule (a hint), which runs only when
    /// `.assoclint.yml` gives it a severity.
    public var enabledByDefault = true
    public var summary: String
    /// The Markdown after the front matter.
    public var body: String
    public var sections: [Section]
    /// Model files that must produce exactly this rule.
    public var badExamples: [String]
    /// Model files that must produce no finding at all.
    public var goodExamples: [String]
    /// Code files (```js, ```ts) that must produce exactly this rule, and no finding at all.
    public var badCodeExamples: [CodeExample] = []
    public var goodCodeExamples: [CodeExample] = []

    /// An example written as code: its file name (`example.js`, `example.ts`) and text.
    public struct CodeExample: Sendable, Equatable {
        public var fileName: String
        public var text: String
    }

    public func section(_ title: String) -> Section? {
        sections.first { $0.title.lowercased().hasPrefix(title.lowercased()) }
    }
}

public enum RuleDocumentError: Error, Equatable, CustomStringConvertible {
    case missingFrontMatter(file: String)
    case missingField(file: String, field: String)
    case badSeverity(file: String, value: String)

    public var description: String {
        switch self {
        case .missingFrontMatter(let file): return "Rules/\(file).md: the file must start with '---' front matter"
        case .missingField(let file, let field): return "Rules/\(file).md: front matter has no '\(field):'"
        case .badSeverity(let file, let value): return "Rules/\(file).md: severity '\(value)' is not error or warning"
        }
    }
}

extension RuleDocument {
    public init(fileName: String, markdown: String) throws {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw RuleDocumentError.missingFrontMatter(file: fileName)
        }
        var fields: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].trimmingWhitespace] = line[line.index(after: colon)...].trimmingWhitespace
        }
        guard let id = fields["id"] else { throw RuleDocumentError.missingField(file: fileName, field: "id") }
        guard let severityText = fields["severity"] else { throw RuleDocumentError.missingField(file: fileName, field: "severity") }
        guard let severity = Severity(rawValue: severityText) else { throw RuleDocumentError.badSeverity(file: fileName, value: severityText) }
        guard let summary = fields["summary"] else { throw RuleDocumentError.missingField(file: fileName, field: "summary") }

        var sections: [Section] = []
        var bad: [String] = [], good: [String] = []
        var badCode: [CodeExample] = [], goodCode: [CodeExample] = []
        var fence: [Substring]?
        var fenceFile: String?  // nil: YAML
        for line in lines[(end + 1)...] {
            if var block = fence {
                if line.hasPrefix("```") {
                    let example = block.joined(separator: "\n") + "\n"
                    let title = sections.last?.title.lowercased() ?? ""
                    if let fileName = fenceFile {
                        let code = CodeExample(fileName: fileName, text: example)
                        if title.hasPrefix("bad") { badCode.append(code) } else if title.hasPrefix("good") { goodCode.append(code) }
                    } else if title.hasPrefix("bad") { bad.append(example) } else if title.hasPrefix("good") { good.append(example) }
                    fence = nil
                } else {
                    block.append(line)
                    fence = block
                }
            } else if line.hasPrefix("## ") {
                sections.append(Section(title: String(line.dropFirst(3)).trimmingWhitespace, body: ""))
                continue
            } else if line.hasPrefix("```yaml") {
                fence = []
                fenceFile = nil
            } else if line.hasPrefix("```js") || line.hasPrefix("```javascript") {
                fence = []
                fenceFile = "example.js"
            } else if line.hasPrefix("```ts") || line.hasPrefix("```typescript") {
                fence = []
                fenceFile = "example.ts"
            }
            if !sections.isEmpty {
                sections[sections.count - 1].body += line + "\n"
            }
        }
        for index in sections.indices {
            sections[index].body = sections[index].body.trimmingWhitespace
        }
        self.init(id: id, severity: severity, enabledByDefault: fields["enabled"] != "false", summary: summary,
                  body: lines[(end + 1)...].joined(separator: "\n").trimmingWhitespace,
                  sections: sections, badExamples: bad, goodExamples: good, badCodeExamples: badCode, goodCodeExamples: goodCode)
    }
}

public struct RuleCatalog: Sendable {
    public let documents: [RuleDocument]
    /// Files that could not be read as rule documents (a test keeps this empty).
    public let errors: [String]

    public static let shared = RuleCatalog(embedded: EmbeddedRuleDocuments.all)

    /// Each rule's default severity, from the front matter alone: every lint needs these, while
    /// the whole documents are only read by `explain`, `rules` and the SARIF format.
    public static let defaultSeverities: [String: Severity] = frontMatters.mapValues(\.severity)

    /// Opt-in rules (`enabled: false`): they run only when the config gives them a severity.
    public static let optIn: Set<String> = Set(frontMatters.values.filter { !$0.enabledByDefault }.map(\.id))

    static let frontMatters: [String: RuleDocument] = {
        var severities: [String: RuleDocument] = [:]
        for (name, markdown) in EmbeddedRuleDocuments.all {
            // Up to the closing `---` line: the first "\n---" after the opening one.
            let bytes = Array(markdown.utf8)
            let closing = Array("\n---".utf8)
            guard let end = (3..<max(3, bytes.count - 3)).first(where: { bytes[$0..<$0 + 4].elementsEqual(closing) }) else { continue }
            let frontMatter = String(decoding: bytes[..<(end + 4)], as: UTF8.self)
            if let document = try? RuleDocument(fileName: name, markdown: frontMatter) {
                severities[document.id] = document
            }
        }
        return severities
    }()

    public init(embedded: [(name: String, markdown: String)]) {
        var documents: [RuleDocument] = [], errors: [String] = []
        for (name, markdown) in embedded {
            do {
                documents.append(try RuleDocument(fileName: name, markdown: markdown))
            } catch {
                errors.append("\(error)")
            }
        }
        self.documents = documents.sorted { $0.id < $1.id }
        self.errors = errors
    }

    public func entry(id: String) -> RuleDocument? {
        documents.first { $0.id == id }
    }

    public var ids: [String] { documents.map(\.id) }
}
