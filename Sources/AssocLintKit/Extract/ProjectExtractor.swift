/// `assoclint extract`: the model files a lint would read, the code ones written as one YAML
/// model file. Linting that file gives the findings linting the code gives (by rule and
/// declaration), except for the rules about the code's own shape, which YAML cannot express.
public enum ProjectExtractor {
    public struct Output: Sendable {
        /// The YAML, or nil when the configuration could not be used.
        public var yaml: String?
        public var result: LintResult
    }

    public static func run(_ options: LintOptions) -> Output {
        let result = Linter.run(options)
        guard result.configErrors.isEmpty else { return Output(yaml: nil, result: result) }
        let reported = Set(result.files.map(\.path))
        let files = (result.context?.files ?? []).filter { reported.contains($0.path) && JSProject.isCodeFile($0.path) }
        let header = [
            "Extracted by assoclint extract from \(files.count) JavaScript/TypeScript file\(files.count == 1 ? "" : "s").",
            "Each '# path:line' comment says where a declaration was read; edit the code, then extract again.",
        ]
        let suppressions = (result.context?.suppressionDirectives ?? []).filter { JSProject.isCodeFile($0.path) }
        return Output(yaml: ModelFileWriter.render(files, suppressions: suppressions, header: header), result: result)
    }
}

extension ProjectExtractor {
    /// Rules about the code's own shape (the comma operator, `associate` assigned twice, `declare`d
    /// accessors): the YAML format cannot express it, so extracted YAML does not give them.
    public static let codeOnlyRules: Set<String> = ["options-outside-call", "associate-overwritten", "declared-accessor-missing"]
}
