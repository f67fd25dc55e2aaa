/// `no-declarations`: a file named on the command line that declares no models.
public struct NoDeclarationsRule: Rule {
    public static let id = "no-declarations"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        context.files.compactMap { file in
            guard context.explicitPaths.contains(file.path), !file.isModelFile, !file.isIncomplete, !file.mayDeclareNothing else { return nil }
            return finding("\(file.path) declares no models: a model file needs a top-level 'models:' mapping",
                           at: Location(path: file.path, mark: SourceMark(line: 1, column: 1)),
                           help: "add 'models:' with at least one model, or stop passing this file to assoclint")
        }
    }
}
