/// A lint rule: one small type per file, named after its id (`reversed-belongs-to` →
/// `ReversedBelongsToRule`). Its documentation (severity, summary, examples) lives in
/// `Rules/<id>.md`, and the build registers every rule that has such an entry.
public protocol Rule: Sendable {
    /// The rule's id, as in `Rules/<id>.md`.
    static var id: String { get }
    /// When the rule runs: on the schema (almost all), or after suppression comments were applied.
    static var phase: RulePhase { get }
    init()
    /// The findings this rule reports on the whole schema.
    func check(_ context: LintContext) -> [Finding]
}

public enum RulePhase: Sendable {
    case schema
    case afterSuppressions
}

extension Rule {
    public static var phase: RulePhase { .schema }

    /// The rule's default severity from its catalog entry.
    public static var defaultSeverity: Severity {
        RuleCatalog.defaultSeverities[id] ?? .error
    }

    /// A finding of this rule at its default severity.
    public func finding(_ message: String, at location: Location, help: String? = nil,
                        related: [RelatedLocation] = []) -> Finding {
        Finding(ruleID: Self.id, severity: Self.defaultSeverity, message: message, location: location,
                help: help, related: related)
    }
}

/// Every registered rule, from the catalog: the build generates the list from `Rules/*.md`.
public enum RuleRegistry {
    public static var all: [any Rule.Type] { EmbeddedRuleDocuments.ruleTypes }

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.id == id }
    }
}

/// What the rules see: the decoded files and the schema as Sequelize would build it.
public struct LintContext: Sendable {
    public let files: [SchemaFile]
    public let schema: SemanticSchema
    public let relationships: Relationships
    /// What each usage refers to, by file and usage (parallel to `files[i].usages`).
    public let usageResolutions: [[UsageResolution]]
    /// Files named on the command line (rather than found in a directory).
    public let explicitPaths: Set<String>
    /// Suppression comments of the reported files, and the ones that silenced nothing
    /// (filled in before the `.afterSuppressions` phase).
    public var suppressionDirectives: [SuppressionDirective] = []
    public var unusedSuppressions: [UnusedSuppression] = []

    public init(files: [SchemaFile], explicitPaths: Set<String> = [], jobs: Int = 1) {
        self.files = files
        let timer = PhaseTimer()
        schema = SemanticSchema(files: files, jobs: jobs)
        timer.lap("  semantic schema")
        relationships = Relationships(schema, jobs: jobs)
        timer.lap("  relationships")
        let schema = self.schema
        usageResolutions = files.map { $0.usages.parallelMap(jobs: jobs) { schema.resolve($0) } }
        timer.lap("  usages")
        self.explicitPaths = explicitPaths
    }

    /// `Order` → `order`: the instance variable a person would write in examples.
    public static func instanceName(_ model: String) -> String {
        guard let first = model.first else { return model }
        return first.lowercased() + model.dropFirst()
    }
}
