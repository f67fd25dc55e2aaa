/// What the fuzzer (and the crash regression tests) feed arbitrary bytes through: the YAML
/// composer, the schema decoder (whole and cut into parts, which must agree), every rule and
/// every reporter; then the same bytes as JavaScript/TypeScript files through the code front end,
/// and what `extract` writes of them back through the YAML decoder. Bytes are split into up to
/// three files at `\n#---\n`, so cross-file resolution is exercised too.
public enum FuzzHarness {
    public static let fileSeparator = Array("\n#---\n".utf8)

    /// Small limits keep each run fast; the code paths are the same as with the defaults.
    static let limits = YAMLLimits(maxDepth: 64, aliasExpansionFloor: 10_000, aliasExpansionFactor: 10)

    public static func run(_ bytes: [UInt8]) {
        var files: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if files.count < 2, bytes[index...].starts(with: fileSeparator) {
                files.append(current)
                current = []
                index += fileSeparator.count
                continue
            }
            current.append(bytes[index])
            index += 1
        }
        files.append(current)
        let inputs = files.enumerated().map { LintInput(path: "f\($0.offset).yaml", bytes: $0.element, isExplicit: $0.offset == 0) }
        let result = Linter.lint(inputs, limits: limits)
        // Cutting every file into parts read side by side must not change a single finding.
        let split = Linter.lint(inputs, limits: limits, jobs: 3 * inputs.count, splitFilesFrom: 1)
        precondition(CompactReporter.render(split) == CompactReporter.render(result),
                     "findings differ when the files are read in parts")
        for format in OutputFormat.allCases {
            _ = Reporter.render(result, format: format)
        }
        for input in inputs {
            _ = Suppressions.scan(input.bytes, path: input.path)
        }
        // The JavaScript/TypeScript front end reads the same bytes as code files, resolved together.
        let code = inputs.enumerated().map { LintInput(path: "f\($0.offset).ts", bytes: $0.element.bytes, isExplicit: $0.offset == 0, absolutePath: "/p/f\($0.offset).ts") }
        let codeResult = Linter.lint(code, limits: limits)
        for format in OutputFormat.allCases {
            _ = Reporter.render(codeResult, format: format)
        }
        // What extract writes of it reads back as YAML, with the same models, whatever the names.
        let codeFiles = codeResult.context?.files ?? []
        let yaml = ModelFileWriter.render(codeFiles, suppressions: codeResult.context?.suppressionDirectives ?? [])
        let readBack = SchemaDecoder.decode(path: "extracted.yaml", bytes: Array(yaml.utf8))
        precondition(readBack.yamlIssues.isEmpty, "extracted YAML does not parse: \(readBack.yamlIssues.map(\.message))")
        precondition(readBack.models.map(\.name) == codeFiles.flatMap(\.models).map(\.name), "extracted YAML reads back other models")
    }
}
