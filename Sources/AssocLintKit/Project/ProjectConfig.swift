import Foundation

/// `.assoclint.yml`: the project's settings. Its directory is the project root.
public struct ProjectConfig: Sendable {
    public static let fileName = ".assoclint.yml"
    /// YAML model files and the code a directory walk reads (see `FileDiscovery.walk`).
    public static let defaultInclude = ["**/*.yaml", "**/*.yml"] + JSProject.extensions.map { "**/*\($0)" }

    /// Absolute path of the config file.
    public var path: String
    /// Absolute path of the project root (the config's directory).
    public var root: String
    public var include: [Glob] = ProjectConfig.defaultInclude.map(Glob.init)
    public var exclude: [Glob] = []
    /// Per-rule severity; `nil` turns the rule off.
    public var severities: [String: Severity?] = [:]
    public var sequelizeVersion = 6

    public init(path: String) {
        self.path = path
        root = URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// Whether a path relative to the root belongs to the schema.
    public func includes(relativePath: String) -> Bool {
        include.contains { $0.matches(relativePath) } && !exclude.contains { $0.matches(relativePath) }
    }

    /// The effective severity of a rule: the config's, else the catalog default; nil when off.
    public func severity(of rule: String, default defaultSeverity: Severity) -> Severity? {
        if let configured = severities[rule] { return configured }
        return defaultSeverity
    }
}

/// A mistake in `.assoclint.yml`, at its place in the file.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var mark: SourceMark
    public var message: String

    public var description: String { "\(path):\(mark.line):\(mark.column): \(message)" }
}

extension ProjectConfig {
    static let keys: Set<String> = ["include", "exclude", "rules", "sequelize"]
    static let severityValues = ["off", "warning", "error"]

    /// Reads and checks a config file; every problem is returned, each at its location.
    public static func load(path: String, displayPath: String, knownRules: [String]) -> (config: ProjectConfig?, errors: [ConfigError]) {
        guard FileDiscovery.isDirectory(path) != true else {
            return (nil, [ConfigError(path: displayPath, mark: SourceMark(line: 1, column: 1), message: "is a directory; give the config file itself (.assoclint.yml)")])
        }
        guard let data = FileDiscovery.readBytes(path) else {
            return (nil, [ConfigError(path: displayPath, mark: SourceMark(line: 1, column: 1), message: "cannot read the config file")])
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var config = ProjectConfig(path: absolute)
        var errors: [ConfigError] = []
        func fail(_ mark: SourceMark, _ message: String) {
            errors.append(ConfigError(path: displayPath, mark: mark, message: message))
        }
        let composed = YAMLComposer.compose(data)
        for issue in composed.issues { fail(issue.mark, issue.message) }
        guard errors.isEmpty else { return (nil, errors) }
        guard let root = composed.documents.first else { return (config, []) }  // empty: defaults
        if root.isNull { return (config, []) }
        guard let pairs = root.mapping else {
            fail(root.mark, "the config must be a mapping with include, exclude, rules, sequelize; not \(root.kindDescription)")
            return (nil, errors)
        }
        func globs(_ node: YAMLNode, _ key: String) -> [Glob]? {
            let items = node.sequence ?? (node.scalar != nil && !node.isNull ? [node] : nil)
            guard let items else {
                fail(node.mark, "'\(key)' must be a list of glob patterns, not \(node.kindDescription)")
                return nil
            }
            var result: [Glob] = []
            for item in items {
                guard let text = item.scalar, !item.isNull, !text.isEmpty else {
                    fail(item.mark, "a pattern in '\(key)' must be text such as 'models/**/*.yaml', not \(item.kindDescription)")
                    continue
                }
                result.append(Glob(text))
            }
            return result
        }
        for pair in pairs {
            let name = pair.name
            guard keys.contains(name) else {
                fail(pair.key.mark, "unknown key '\(name)'.\(Suggestion.phrase(for: name, in: keys)) Known keys: \(keys.sorted().joined(separator: ", "))")
                continue
            }
            switch name {
            case "include": if let list = globs(pair.value, name) { config.include = list }
            case "exclude": if let list = globs(pair.value, name) { config.exclude = list }
            case "sequelize":
                if pair.value.int == 6 { config.sequelizeVersion = 6 } else {
                    fail(pair.value.mark, "sequelize: \(pair.value.scalar ?? pair.value.kindDescription) is not supported; assoclint checks Sequelize v6 (write 'sequelize: 6')")
                }
            case "rules":
                guard let rules = pair.value.mapping else {
                    if !pair.value.isNull { fail(pair.value.mark, "'rules' must map rule ids to off, warning or error, not \(pair.value.kindDescription)") }
                    continue
                }
                for rule in rules {
                    let id = rule.name
                    guard knownRules.contains(id) else {
                        fail(rule.key.mark, "unknown rule '\(id)'.\(Suggestion.phrase(for: id, in: knownRules)) Run 'assoclint rules' to list them.")
                        continue
                    }
                    // `off` is also YAML 1.1's false: accept the plain word either way.
                    let value = rule.value.scalar ?? ""
                    switch value {
                    case "off": config.severities[id] = .some(nil)
                    case "warning": config.severities[id] = .warning
                    case "error": config.severities[id] = .error
                    default:
                        fail(rule.value.mark, "'\(value.isEmpty ? rule.value.kindDescription : value)' is not a severity; use off, warning or error.\(Suggestion.phrase(for: value, in: severityValues))")
                    }
                }
            default: break
            }
        }
        return errors.isEmpty ? (config, []) : (nil, errors)
    }

    /// The nearest `.assoclint.yml` in `directory` or one of its parents.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// The commented starter file that `assoclint init` writes.
    public static let starter = """
    # assoclint project configuration. This file's directory is the project root:
    # `assoclint lint some/file.yaml` anywhere below it reads every model file of the project
    # (so models declared elsewhere resolve) and reports only on the files you asked about.

    # Which files form the schema: YAML model files and JavaScript/TypeScript code (globs
    # relative to this directory; a pattern without a slash matches at any depth). A code file
    # counts only if it defines a model, declares associations or calls accessors on model
    # instances. .git, node_modules and .build folders, .d.ts files and code under dist, build,
    # out and coverage are always skipped.
    include:
      - "**/*.yaml"
      - "**/*.yml"
      - "**/*.js"
      - "**/*.cjs"
      - "**/*.mjs"
      - "**/*.ts"
      - "**/*.cts"
      - "**/*.mts"
      - "**/*.jsx"
      - "**/*.tsx"
    exclude: []
    #  - "config/**"

    # The Sequelize major version the models are written for (only 6 is supported).
    sequelize: 6

    # Per-rule severity: off, warning or error (`assoclint rules` lists the rules; the hints
    # marked "off" there run only when given a severity here).
    rules: {}
    #  missing-inverse: error
    #  unknown-accessor: off
    #  has-one-not-unique: warning

    """
}
