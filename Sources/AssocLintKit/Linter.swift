import Foundation

/// A file to lint: its path as shown to the user, its bytes, and whether it was named explicitly.
public struct LintInput: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var isExplicit: Bool

    public init(path: String, bytes: [UInt8], isExplicit: Bool) {
        self.path = path
        self.bytes = bytes
        self.isExplicit = isExplicit
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
    /// The files that took part (model files and explicitly named files).
    public var files: [LintInput]
    public var inputErrors: [InputError]

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// 0: no error finding; 1: at least one; 2: some path could not be read.
    public var exitStatus: Int32 {
        if !inputErrors.isEmpty { return 2 }
        return errorCount > 0 ? 1 : 0
    }
}

public enum Linter {
    /// Lints files and directories: directories are walked for `*.yaml`/`*.yml` model files.
    public static func lint(paths: [String], limits: YAMLLimits = .standard) -> LintResult {
        let (inputs, errors) = FileDiscovery.collect(paths)
        var result = lint(inputs, limits: limits)
        result.inputErrors = errors + result.inputErrors
        return result
    }

    /// Lints files already in memory; together they form one schema.
    public static func lint(_ inputs: [LintInput], limits: YAMLLimits = .standard) -> LintResult {
        var files: [SchemaFile] = []
        var kept: [LintInput] = []
        for input in inputs {
            let file = SchemaDecoder.decode(path: input.path, bytes: input.bytes, limits: limits)
            // A file found in a directory walk takes part only if it is a model file (or looks like
            // one that failed to parse).
            guard input.isExplicit || file.isModelFile || (file.isIncomplete && FileDiscovery.looksLikeModelFile(input.bytes)) else {
                continue
            }
            files.append(file)
            kept.append(input)
        }
        let context = LintContext(files: files, explicitPaths: Set(inputs.filter(\.isExplicit).map(\.path)))
        var findings: [Finding] = []
        for rule in RuleRegistry.all {
            findings += rule.init().check(context)
        }
        findings.sort(by: Finding.reportOrder)
        return LintResult(findings: findings, files: kept, inputErrors: [])
    }
}

enum FileDiscovery {
    static let skippedDirectories: Set<String> = [".git", "node_modules", ".build"]

    static func collect(_ paths: [String]) -> ([LintInput], [InputError]) {
        var inputs: [LintInput] = []
        var errors: [InputError] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(path: path, reason: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                var visited = Set<String>()
                var found: [String] = []
                walk(path, found: &found, visited: &visited, errors: &errors)
                for file in found.sorted() where seen.insert(file).inserted {
                    read(file, isExplicit: false, into: &inputs, errors: &errors)
                }
            } else if seen.insert(display(path)).inserted {
                read(path, isExplicit: true, into: &inputs, errors: &errors)
            }
        }
        return (inputs, errors)
    }

    /// `./a/b.yaml` → `a/b.yaml`.
    static func display(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") && path.count > 2 { path.removeFirst(2) }
        return path
    }

    static func read(_ path: String, isExplicit: Bool, into inputs: inout [LintInput], errors: inout [InputError]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            errors.append(InputError(path: display(path), reason: "cannot be read (permission denied, or it vanished)"))
            return
        }
        inputs.append(LintInput(path: display(path), bytes: [UInt8](data), isExplicit: isExplicit))
    }

    static func walk(_ directory: String, found: inout [String], visited: inout Set<String>, errors: inout [InputError]) {
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else { return }  // a symlink loop
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            errors.append(InputError(path: display(directory), reason: "directory cannot be read"))
            return
        }
        for entry in entries.sorted() {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }  // dangling link
            if isDirectory.boolValue {
                if skippedDirectories.contains(entry) || entry.hasPrefix(".build") { continue }
                walk(path, found: &found, visited: &visited, errors: &errors)
            } else if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                found.append(display(path))
            }
        }
    }

    /// A file with a top-level `models:` line, for files that do not parse.
    static func looksLikeModelFile(_ bytes: [UInt8]) -> Bool {
        let marker = Array("models:".utf8)
        var lineStart = true
        var index = 0
        while index < bytes.count {
            if lineStart, bytes.count - index >= marker.count, Array(bytes[index..<index + marker.count]) == marker {
                return true
            }
            lineStart = bytes[index] == 0x0A
            index += 1
        }
        return false
    }
}
