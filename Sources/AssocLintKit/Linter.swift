import Foundation

/// A file to lint: its path as shown to the user, its bytes, and whether it was named explicitly.
public struct LintInput: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var isExplicit: Bool
    /// The file's identity on disk (the display path for in-memory inputs).
    public var absolutePath: String
    /// Set when the file was too large to read: its size in bytes.
    public var unreadSize: Int?

    public init(path: String, bytes: [UInt8], isExplicit: Bool, absolutePath: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.isExplicit = isExplicit
        self.absolutePath = absolutePath ?? path
    }
}

/// A path that could not be read: reported on stderr, exit status 2.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}

public struct LintResult: Sendable {
    /// Sorted by path, line, column.
    public var findings: [Finding]
    /// The files reported on (model files and explicitly named files).
    public var files: [LintInput]
    public var inputErrors: [InputError]
    /// Problems in `.assoclint.yml`: nothing was linted.
    public var configErrors: [ConfigError] = []
    /// Things worth telling that are not findings ("x.yml is excluded by the config").
    public var notes: [String] = []
    /// Baseline entries that no longer match any finding.
    public var staleBaselineEntries: [Baseline.Entry] = []
    /// The project root (the config's directory, else the working directory), absolute.
    public var projectRoot: String = FileManager.default.currentDirectoryPath
    /// The working directory display paths are relative to.
    public var workingDirectory: String = FileManager.default.currentDirectoryPath
    /// The schema and relationships the findings came from. A command-line tool that exits right
    /// after reporting can keep it alive to the end: freeing 100,000 models costs more time than
    /// some whole lints.
    public var context: LintContext?

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// 0: no error finding; 1: at least one; 2: a path or the config could not be used.
    public var exitStatus: Int32 {
        if !inputErrors.isEmpty || !configErrors.isEmpty { return 2 }
        return errorCount > 0 ? 1 : 0
    }

    /// A finding's path relative to the project root (SARIF, GitLab, baselines).
    public func projectRelativePath(_ displayPath: String) -> String {
        let absolute = FileDiscovery.absolute(displayPath, in: workingDirectory)
        let root = projectRoot.hasSuffix("/") ? projectRoot : projectRoot + "/"
        return absolute.hasPrefix(root) ? String(absolute.dropFirst(root.count)) : displayPath
    }
}

/// What `assoclint lint` is asked to do.
public struct LintOptions: Sendable {
    /// Files and directories; a directory is searched for model files.
    public var paths: [String] = ["."]
    /// `--config FILE`; otherwise `.assoclint.yml` is looked up from each path.
    public var configPath: String?
    /// `--stdin`: the editor's buffer, linted as if it were the file at `stdinFilename`.
    public var stdinBytes: [UInt8]?
    public var stdinFilename: String?
    /// `--baseline FILE`: findings recorded there are hidden.
    public var baseline: Baseline?
    public var workingDirectory: String = FileManager.default.currentDirectoryPath
    /// The schema and relationships the findings came from. A command-line tool that exits right
    /// after reporting can keep it alive to the end: freeing 100,000 models costs more time than
    /// some whole lints.
    public var context: LintContext?
    public var limits: YAMLLimits = .standard
    /// Threads that read and decode files (`--jobs`, default: the core count).
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    public init(paths: [String] = ["."]) {
        self.paths = paths
    }
}

public enum Linter {
    /// Lints files and directories without a project configuration: the paths are the schema.
    public static func lint(paths: [String], limits: YAMLLimits = .standard) -> LintResult {
        var options = LintOptions(paths: paths)
        options.limits = limits
        options.configPath = nil
        return run(options, discoverConfig: false)
    }

    /// The whole `lint` command: configuration, whole-project context, rules, per-rule severities,
    /// suppressions and baseline.
    public static func run(_ options: LintOptions, discoverConfig: Bool = true) -> LintResult {
        let cwd = options.workingDirectory
        var errors: [InputError] = []
        var paths = options.paths.isEmpty ? ["."] : options.paths
        if options.stdinBytes != nil, options.paths == ["."] || options.paths.isEmpty { paths = [] }

        // The config: given, or found from the first path (or the stdin file name).
        var config: ProjectConfig?
        let anchor = options.stdinFilename ?? paths.first ?? "."
        let configPath = options.configPath.map { FileDiscovery.absolute($0, in: cwd) }
            ?? (discoverConfig ? ProjectConfig.find(from: startDirectory(for: FileDiscovery.absolute(anchor, in: cwd))) : nil)
        if let configPath {
            let display = FileDiscovery.display(absolute: configPath, workingDirectory: cwd, asWritten: options.configPath)
            let loaded = ProjectConfig.load(path: configPath, displayPath: display, knownRules: RuleCatalog.defaultSeverities.keys.sorted())
            guard let loadedConfig = loaded.config else {
                var result = LintResult(findings: [], files: [], inputErrors: [])
                result.configErrors = loaded.errors
                return result
            }
            config = loadedConfig
        }

        var notes: [String] = []
        // The files asked about.
        // Keyed by absolute path: the same file named twice (`a.yaml ./a.yaml /x/a.yaml`) is one file.
        var requested: [String: Bool] = [:]  // absolute path → named explicitly
        var requestedOrder: [DiscoveredFile] = []
        func request(_ file: DiscoveredFile, explicit: Bool) {
            if requested[file.absolutePath] == nil { requestedOrder.append(file) }
            requested[file.absolutePath] = (requested[file.absolutePath] ?? false) || explicit
        }
        for path in paths {
            let absolute = FileDiscovery.absolute(path, in: cwd)
            switch FileDiscovery.isDirectory(absolute) {
            case nil:
                errors.append(InputError(path: FileDiscovery.normalized(path), reason: "no such file or directory"))
            case true?:
                for file in FileDiscovery.walk(absolute, errors: &errors, errorPath: { FileDiscovery.display(absolute: $0, workingDirectory: cwd) }) {
                    if let config, !config.includes(relativePath: relative(file, to: config.root)) { continue }
                    request(DiscoveredFile(absolutePath: file, displayPath: FileDiscovery.display(absolute: file, workingDirectory: cwd, asWritten: path.hasPrefix("/") ? file : nil)), explicit: false)
                }
            case false?:
                let display = FileDiscovery.display(absolute: absolute, workingDirectory: cwd, asWritten: path)
                // In a project, a file that the config leaves out is not part of the schema: say so
                // (on stderr, which editors do not show as findings) instead of linting it.
                if let config, absolute == config.path || !config.includes(relativePath: relative(absolute, to: config.root)) {
                    notes.append("\(display) is not linted: \(absolute == config.path ? "it is the project configuration" : "include/exclude in \(FileDiscovery.display(absolute: config.path, workingDirectory: cwd)) leave it out")")
                    continue
                }
                request(DiscoveredFile(absolutePath: absolute, displayPath: display), explicit: true)
            }
        }
        var stdinFile: DiscoveredFile?
        if options.stdinBytes != nil {
            let name = options.stdinFilename ?? "<stdin>"
            let absolute = options.stdinFilename.map { FileDiscovery.absolute($0, in: cwd) } ?? name
            let file = DiscoveredFile(absolutePath: absolute, displayPath: options.stdinFilename.map { FileDiscovery.display(absolute: absolute, workingDirectory: cwd, asWritten: $0) } ?? name)
            stdinFile = file
            request(file, explicit: true)
        }

        // Inputs: the requested files, plus the rest of the project as context.
        if requestedOrder.count > options.limits.maxFiles {
            errors.append(InputError(path: paths.joined(separator: " "), reason: "\(requestedOrder.count) model files (YAML and code), more than the limit of \(options.limits.maxFiles) (--max-files); lint fewer paths or raise the limit"))
            return LintResult(findings: [], files: [], inputErrors: errors)
        }
        var inputs: [LintInput] = []
        let frozenRequested = requested
        let stdinBytes = options.stdinBytes, maxBytes = options.limits.maxFileBytes, stdinTarget = stdinFile
        // Files are read on all threads too: with many small files the system calls add up.
        let reads = requestedOrder.parallelMap(jobs: options.jobs) { file -> Result<LintInput, InputError> in
            if file.absolutePath == stdinTarget?.absolutePath, let stdinBytes {
                return .success(LintInput(path: file.displayPath, bytes: stdinBytes, isExplicit: true, absolutePath: file.absolutePath))
            }
            return FileDiscovery.read(file, isExplicit: frozenRequested[file.absolutePath] ?? false, maxBytes: maxBytes)
        }
        for read in reads {
            switch read {
            case .success(let input): inputs.append(input)
            case .failure(let error): errors.append(error)
            }
        }
        var contextInputs: [LintInput] = []
        if let config {
            let known = Set(requestedOrder.map(\.absolutePath))
            var ignored: [InputError] = []
            var contextFiles: [DiscoveredFile] = []
            for file in FileDiscovery.walk(config.root, errors: &ignored, errorPath: { $0 }) where !known.contains(file) {
                guard config.includes(relativePath: relative(file, to: config.root)) else { continue }
                guard inputs.count + contextFiles.count < options.limits.maxFiles else {
                    errors.append(InputError(path: FileDiscovery.display(absolute: config.root, workingDirectory: cwd), reason: "the project has more than \(options.limits.maxFiles) model files (--max-files); the rest is not read as context"))
                    break
                }
                contextFiles.append(DiscoveredFile(absolutePath: file, displayPath: FileDiscovery.display(absolute: file, workingDirectory: cwd)))
            }
            // Context that cannot be read only weakens resolution; the files asked about are reported.
            contextInputs = contextFiles.parallelMap(jobs: options.jobs) {
                try? FileDiscovery.read($0, isExplicit: false, maxBytes: maxBytes).get()
            }.compactMap { $0 }
        }

        if config == nil {
            // Without a project, a code file named on its own still needs the models it names:
            // the code files of its folder (a loader's folder) and of the folders it imports from.
            let known = Set(inputs.map(\.absolutePath))
            let neighbours = FileDiscovery.codeNeighbours(of: inputs.filter { $0.isExplicit && JSProject.isCodeFile($0.path) }, excluding: known)
            contextInputs += neighbours.parallelMap(jobs: options.jobs) { path in
                try? FileDiscovery.read(DiscoveredFile(absolutePath: path, displayPath: FileDiscovery.display(absolute: path, workingDirectory: cwd)),
                                        isExplicit: false, maxBytes: maxBytes).get()
            }.compactMap { $0 }
        }
        var result = lint(inputs, context: contextInputs, limits: options.limits, config: config, jobs: options.jobs)
        if result.files.isEmpty && errors.isEmpty && options.stdinBytes == nil {
            notes.append("no model files found in \(paths.joined(separator: " ")) (a model file is a .yaml or .yml file with a top-level 'models:' key, or a JavaScript/TypeScript file that defines a Sequelize model or declares associations)")
        }
        result.notes = notes + result.notes
        result.inputErrors = errors + result.inputErrors
        result.workingDirectory = cwd
        result.projectRoot = config?.root ?? cwd
        if let baseline = options.baseline {
            let (kept, stale) = baseline.filter(result.findings, relativePath: result.projectRelativePath)
            result.findings = kept
            result.staleBaselineEntries = stale
        }
        return result
    }

    /// Lints files already in memory; together they form one schema. `context` files take part in
    /// resolution but are not reported on.
    public static func lint(_ inputs: [LintInput], context: [LintInput] = [], limits: YAMLLimits = .standard,
                            config: ProjectConfig? = nil, jobs: Int = 1,
                            splitFilesFrom: Int = Linter.splitFilesFrom) -> LintResult {
        var files: [SchemaFile] = []
        var kept: [LintInput] = []
        var keptSuppressions: [[SuppressionDirective]] = []
        var notes: [String] = []
        var reported = Set<String>()
        let timer = PhaseTimer()
        // One canonical order (by path), whichever files are reported: "the first declaration"
        // of a model must not depend on which file was asked about.
        let all = (inputs.map { ($0, false) } + context.map { ($0, true) }).sorted { $0.0.path < $1.0.path }
        let decoded = decodeAll(all.map(\.0), limits: limits, jobs: jobs, splitFilesFrom: splitFilesFrom)
        for ((input, isContext), file) in zip(all, decoded) {
            // A file found in a directory walk takes part only if it is a model file (or looks like
            // one that failed to parse).
            guard input.isExplicit || file.isModelFile || (file.isIncomplete && FileDiscovery.looksLikeModelFile(input.bytes)) else {
                continue
            }
            files.append(file)
            if !isContext {
                kept.append(input)
                keptSuppressions.append(file.suppressions ?? Suppressions.scan(input.bytes, path: input.path))
                reported.insert(input.path)
                notes += file.notes.map { "\(input.path):\($0.mark.line):\($0.mark.column): \($0.text)" }
            }
        }
        timer.lap("read, compose and decode")
        var context = LintContext(files: files, explicitPaths: Set(inputs.filter(\.isExplicit).map(\.path)), jobs: jobs)
        timer.lap("semantics and relationships")
        func configured(_ findings: [Finding]) -> [Finding] {
            findings.compactMap { finding in
                guard reported.contains(finding.location.path) else { return nil }
                let severity = config.map { $0.severity(of: finding.ruleID, default: finding.severity) } ?? finding.severity
                guard let severity else { return nil }
                var copy = finding
                copy.severity = severity
                return copy
            }
        }
        // The rules are independent readers of the context: run them side by side, and keep the
        // registry's order.
        // Opt-in rules run only when the config gives them a severity.
        let active = RuleRegistry.all.filter { !RuleCatalog.optIn.contains($0.id) || config?.severities[$0.id] != nil }
        let schemaRules = active.filter { $0.phase == .schema }.map(RuleBox.init)
        let frozen = context
        var findings = schemaRules.parallelMap(jobs: jobs) { rule in
            let ruleTimer = PhaseTimer()
            defer { ruleTimer.lap("  rule \(rule.type.id)") }
            return rule.type.init().check(frozen)
        }.flatMap(configured)
        timer.lap("rules")
        // Suppression comments in the reported files.
        let directives = keptSuppressions.flatMap { $0 }
        let outcome = Suppressions.apply(directives, to: findings, knownRules: Set(RuleCatalog.defaultSeverities.keys))
        findings = outcome.kept
        context.unusedSuppressions = outcome.unused
        context.suppressionDirectives = directives
        for rule in active where rule.phase == .afterSuppressions {
            findings += configured(rule.init().check(context))
        }
        findings.sort(by: Finding.reportOrder)
        timer.lap("suppressions and sorting")
        var result = LintResult(findings: findings, files: kept, inputErrors: [])
        result.notes = notes
        result.context = context
        return result
    }

    /// Files at least this large are cut into parts when threads are spare (one part per this
    /// many bytes at most): below it, starting threads costs more than it saves.
    public static let splitFilesFrom = 128 << 10

    /// Reads every file with its front end, on up to `jobs` threads, in the order of `inputs`:
    /// YAML files are composed and decoded one by one, code files are read one by one and then
    /// resolved together (their names cross files).
    static func decodeAll(_ inputs: [LintInput], limits: YAMLLimits, jobs: Int, splitFilesFrom: Int) -> [SchemaFile] {
        enum Read {
            case schema(SchemaFile)
            case code(JSModule)
        }
        // With fewer files than threads, a large file is cut into parts decoded side by side
        // (two a thread, to even out parts that take longer).
        let threadsPerFile = max(1, jobs / max(1, inputs.count))
        let reads = inputs.parallelMap(jobs: jobs) { input -> Read in
            if let size = input.unreadSize ?? (input.bytes.count > limits.maxFileBytes ? input.bytes.count : nil) {
                var file = SchemaFile(path: input.path)
                file.isIncomplete = true
                file.yamlIssues = [YAMLIssue(kind: .limit, message: "the file is \(size) bytes, more than the limit of \(limits.maxFileBytes) bytes (--max-file-size); assoclint did not read it", mark: SourceMark(line: 1, column: 1))]
                return .schema(file)
            }
            if JSProject.isCodeFile(input.path) {
                return .code(JSModuleReader.read(input.bytes, path: input.path, absolutePath: input.absolutePath))
            }
            return .schema(SchemaDecoder.decode(path: input.path, bytes: input.bytes, limits: limits,
                                                parts: threadsPerFile > 1 ? min(2 * threadsPerFile, input.bytes.count / max(1, splitFilesFrom)) : 1))
        }
        let modules = reads.compactMap { read -> JSModule? in
            if case .code(let module) = read { return module }
            return nil
        }
        guard !modules.isEmpty else {
            return reads.map { if case .schema(let file) = $0 { return file } else { return SchemaFile(path: "") } }
        }
        var codeFiles = JSProject.resolve(modules).makeIterator()
        var moduleIterator = modules.makeIterator()
        return reads.map { read in
            switch read {
            case .schema(let file): return file
            case .code:
                var file = codeFiles.next() ?? SchemaFile(path: "")
                file.suppressions = Suppressions.scan(comments: moduleIterator.next()?.comments ?? [], path: file.path)
                return file
            }
        }
    }

    static func startDirectory(for absolutePath: String) -> String {
        FileDiscovery.isDirectory(absolutePath) == true ? absolutePath : URL(fileURLWithPath: absolutePath).deletingLastPathComponent().path
    }

    static func relative(_ absolute: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}

/// A rule type as a Sendable value (metatypes of Sendable types are Sendable).
struct RuleBox: Sendable {
    let type: any Rule.Type
}

/// Phase timings on stderr when `ASSOCLINT_PROFILE` is set (for profiling, not for users).
final class PhaseTimer {
    private static let enabled = ProcessInfo.processInfo.environment["ASSOCLINT_PROFILE"] != nil
    private var last = Date()

    func lap(_ phase: @autoclosure () -> String) {
        guard Self.enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %6d MiB  %@\n", now.timeIntervalSince(last) * 1000, Self.residentMiB(), phase()).utf8))
        last = now
    }

    /// Resident memory now, from /proc/self/statm (Linux), in MiB.
    static func residentMiB() -> Int {
        guard let bytes = FileDiscovery.readBytes("/proc/self/statm"),
              let pages = String(decoding: bytes, as: UTF8.self).split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * 4096 / (1 << 20)
    }
}
