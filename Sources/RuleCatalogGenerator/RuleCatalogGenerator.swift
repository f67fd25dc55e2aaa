// Build-time tool: embeds every Rules/*.md file of the package into a Swift source file,
// so that `assoclint explain` works with the binary alone. Usage:
//   RuleCatalogGenerator <rules-directory> <output.swift>
import Foundation

@main
struct RuleCatalogGenerator {
    static func main() {
        generate()
    }

    static func generate() {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: RuleCatalogGenerator <rules-dir> <output.swift>\n".utf8))
            exit(2)
        }
        let rulesDirectory = URL(fileURLWithPath: arguments[1])
        let outputFile = URL(fileURLWithPath: arguments[2])

        let names = ((try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != "README.md" }
            .sorted()

        /// A raw string literal delimiter longer than any run of `#` in the text.
        func delimiter(for text: String) -> String {
            var longest = 0, current = 0
            for character in text {
                if character == "#" { current += 1; longest = max(longest, current) } else { current = 0 }
            }
            return String(repeating: "#", count: longest + 1)
        }

        var source = """
        // Generated at build time from Rules/*.md by RuleCatalogGenerator. Do not edit.

        enum EmbeddedRuleDocuments {
            /// File name (without `.md`) → the file's Markdown text.
            static let all: [(name: String, markdown: String)] = [

        """
        for name in names {
            let url = rulesDirectory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                FileHandle.standardError.write(Data("error: cannot read \(url.path) as UTF-8\n".utf8))
                exit(1)
            }
            let hashes = delimiter(for: text)
            let stem = String(name.dropLast(3))
            source += "        (name: \"\(stem)\", markdown: \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
        }
        source += "    ]\n\n"
        // Each rule id names its type: reversed-belongs-to → ReversedBelongsToRule.
        source += "    /// The rule types, one per catalog entry.\n"
        source += "    static let ruleTypes: [any Rule.Type] = [\n"
        for name in names {
            let typeName = name.dropLast(3).split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Rule"
            source += "        \(typeName).self,\n"
        }
        source += "    ]\n}\n"

        do {
            let existing = try? String(contentsOf: outputFile, encoding: .utf8)
            if existing != source {
                try source.write(to: outputFile, atomically: true, encoding: .utf8)
            }
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(outputFile.path): \(error)\n".utf8))
            exit(1)
        }
    }
}
