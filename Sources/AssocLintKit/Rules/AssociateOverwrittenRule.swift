/// `associate-overwritten`: a model's `associate` assigned more than once in its code (or two
/// `static associate` methods): only the last one is ever called, so the associations declared in
/// the earlier ones silently do not exist.
public struct AssociateOverwrittenRule: Rule {
    public static let id = "associate-overwritten"
    public init() {}

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for file in context.files {
            for model in file.models where model.associateDefinitions.count > 1 {
                let definitions = model.associateDefinitions
                guard let last = definitions.last else { continue }
                for (index, mark) in definitions.dropLast().enumerated() {
                    let next = definitions[index + 1]
                    let lost = model.overwrittenAssociations.filter { $0.mark > mark && $0.mark < next }
                    let calls = lost.map { "\($0.source).\($0.kind.rawValue)(\($0.target))" }
                    let what = calls.isEmpty ? "whatever it declares does not happen" : "\(calls.joined(separator: ", ")) \(calls.count == 1 ? "does" : "do") not exist"
                    findings.append(finding(
                        "\(model.name).associate is defined here and again at line \(next.line): only the last definition is called, so \(what)",
                        at: Location(path: model.path, mark: mark),
                        help: "declare every association of \(model.name) in one associate function",
                        related: [RelatedLocation(Location(path: model.path, mark: last), "the definition that runs")]
                            + lost.map { RelatedLocation($0.location, "never declared") }))
                }
            }
        }
        return findings
    }
}
