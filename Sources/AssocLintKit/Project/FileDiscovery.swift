import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A model file on disk: its absolute path (its identity) and the path shown to the user.
public struct DiscoveredFile: Hashable, Sendable {
    public var absolutePath: String
    public var displayPath: String
}

/// Finds and reads the model files of a lint run (YAML and code).
enum FileDiscovery {
    static let skippedDirectories: Set<String> = [".git", "node_modules", ".build"]

    static func absolute(_ path: String, in directory: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: directory).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// How a path is shown: relative to the working directory when it lies below it, else as
    /// an absolute path (or as the user wrote it, for a path given on the command line).
    static func display(absolute: String, workingDirectory: String, asWritten: String? = nil) -> String {
        if let asWritten, asWritten.hasPrefix("/") || asWritten.hasPrefix("../") { return normalized(asWritten) }
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        if absolute.hasPrefix(base) { return String(absolute.dropFirst(base.count)) }
        if absolute == workingDirectory { return "." }
        return asWritten.map(normalized) ?? absolute
    }

    /// `./a/b.yaml` → `a/b.yaml`.
    static func normalized(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") && path.count > 2 { path.removeFirst(2) }
        return path
    }

    static func isDirectory(_ path: String) -> Bool? {
        var flag: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &flag) else { return nil }
        return flag.boolValue
    }

    /// Directories of build output: code there is a copy of the sources (YAML is still read).
    static let buildOutputDirectories: Set<String> = ["dist", "build", "out", "coverage"]

    /// Every model file candidate below `directory` (absolute), sorted: `*.yaml` / `*.yml`, and
    /// JavaScript/TypeScript files (`.js .cjs .mjs .ts .cts .mts`, not `.d.ts`, not in build
    /// output). It does not follow a symlink loop and skips `.git`, `node_modules` and `.build*`.
    static func walk(_ directory: String, errors: inout [InputError], errorPath: (String) -> String) -> [String] {
        var found: [String] = []
        var visited = Set<String>()
        walk(directory, found: &found, visited: &visited, errors: &errors, errorPath: errorPath, inBuildOutput: false)
        return withoutCompiledCopies(found).sorted()
    }

    /// JavaScript that TypeScript compiled beside its source (`user.js` next to `user.ts`) is a
    /// copy of it: only the source is read.
    static func withoutCompiledCopies(_ files: [String]) -> [String] {
        let all = Set(files)
        let compiled: [(js: String, ts: String)] = [(".js", ".ts"), (".jsx", ".tsx"), (".mjs", ".mts"), (".cjs", ".cts")]
        return files.filter { file in
            !compiled.contains { file.hasSuffix($0.js) && all.contains(String(file.dropLast($0.js.count)) + $0.ts) }
        }
    }

    /// Whether a file found in a walk is read: YAML, or code outside build output.
    static func isCandidate(_ name: String, inBuildOutput: Bool) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml") || (!inBuildOutput && JSProject.isCodeFile(name) && !name.hasSuffix(".min.js"))
    }

    private static func walk(_ directory: String, found: inout [String], visited: inout Set<String>,
                             errors: inout [InputError], errorPath: (String) -> String, inBuildOutput: Bool) {
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else { return }  // a symlink loop
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            errors.append(InputError(path: errorPath(directory), reason: "directory cannot be read"))
            return
        }
        for entry in entries.sorted() {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            guard let isDirectory = isDirectory(path) else { continue }  // a dangling link
            if isDirectory {
                if skippedDirectories.contains(entry) || entry.hasPrefix(".build") { continue }
                walk(path, found: &found, visited: &visited, errors: &errors, errorPath: errorPath,
                     inBuildOutput: inBuildOutput || buildOutputDirectories.contains(entry))
            } else if isCandidate(entry, inBuildOutput: inBuildOutput) {
                // Devices and pipes are found too, and refused when read (after include/exclude).
                found.append(path)
            }
        }
    }

    /// The code files beside the given ones and beside the files they import (`require('../models')`,
    /// `import { User } from './user'`), one folder deep: the context a code file needs when no
    /// project configuration names the rest. Sorted, without `excluding`.
    static func codeNeighbours(of inputs: [LintInput], excluding: Set<String>) -> [String] {
        var directories = Set<String>()
        for input in inputs {
            let directory = JSProject.Resolver.directory(of: input.absolutePath)
            directories.insert(directory)
            for spec in JSModuleReader.read(input.bytes, path: input.path, absolutePath: input.absolutePath).importSpecs
            where spec.hasPrefix("./") || spec.hasPrefix("../") {
                let target = JSProject.Resolver.normalize(directory + "/" + spec)
                // A folder (its index file) or a file: the folder that holds its code.
                directories.insert(isDirectory(target) == true ? target : JSProject.Resolver.directory(of: target))
            }
        }
        var found: [String] = []
        for directory in directories.sorted() {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries.sorted() where isCandidate(entry, inBuildOutput: false) && JSProject.isCodeFile(entry) {
                let path = directory + "/" + entry
                if !excluding.contains(path), isDirectory(path) == false { found.append(path) }
            }
        }
        return withoutCompiledCopies(found)
    }

    static func read(_ file: DiscoveredFile, isExplicit: Bool, maxBytes: Int = .max) -> Result<LintInput, InputError> {
        // A device or pipe is read only when named on the command line (`<(cmd)`, /dev/stdin),
        // and then at most `maxBytes`: a `*.yaml` link to /dev/zero found in a walk is refused.
        switch readFile(file.absolutePath, maxBytes: maxBytes, allowSpecial: isExplicit) {
        case .bytes(let bytes):
            return .success(LintInput(path: file.displayPath, bytes: bytes, isExplicit: isExplicit, absolutePath: file.absolutePath))
        case .tooLarge(let size):
            // Not read; the decoder reports it from its size alone.
            var input = LintInput(path: file.displayPath, bytes: [], isExplicit: isExplicit, absolutePath: file.absolutePath)
            input.unreadSize = size
            return .success(input)
        case .failed(let reason):
            return .failure(InputError(path: file.displayPath, reason: reason))
        }
    }

    enum ReadOutcome {
        case bytes([UInt8])
        /// Larger than the limit: the size (as far as known), and nothing kept.
        case tooLarge(Int)
        case failed(String)
    }

    /// Reads a file with POSIX calls, at most `maxBytes` (Foundation's `FileManager.contents`
    /// leaks a buffer on empty files on Linux). Only regular files unless `allowSpecial`; sockets
    /// and directories never.
    static func readFile(_ path: String, maxBytes: Int = .max, allowSpecial: Bool = false) -> ReadOutcome {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failed(errno == ENOENT ? "no such file or directory" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        let kind = info.st_mode & S_IFMT
        switch kind {
        case S_IFREG: break
        case S_IFDIR: return .failed("is a directory where a file was expected")
        case S_IFSOCK: return .failed("is a socket, not a file")
        default:
            guard allowSpecial else { return .failed("is not a regular file (a device or pipe); not read") }
        }
        if kind == S_IFREG, Int(info.st_size) > maxBytes { return .tooLarge(Int(info.st_size)) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failed("cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // Reserve what a regular file holds, but never more than a sane amount up front (a sparse
        // file may claim terabytes).
        if kind == S_IFREG { bytes.reserveCapacity(min(Int(info.st_size), 1 << 26)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed("cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { return .bytes(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            // A device that never ends, or a file that grows while being read: stop at the limit.
            if bytes.count > maxBytes { return .tooLarge(bytes.count) }
        }
    }

    /// The bytes of a regular file, or nil.
    static func readBytes(_ path: String) -> [UInt8]? {
        if case .bytes(let bytes) = readFile(path) { return bytes }
        return nil
    }

    /// A file with a top-level `models:` line, for files that do not parse.
    static func looksLikeModelFile(_ bytes: [UInt8]) -> Bool {
        let marker = Array("models:".utf8)
        var lineStart = true
        var index = 0
        while index < bytes.count {
            if lineStart, bytes.count - index >= marker.count, bytes[index..<index + marker.count].elementsEqual(marker) {
                return true
            }
            lineStart = bytes[index] == 0x0A
            index += 1
        }
        return false
    }
}
