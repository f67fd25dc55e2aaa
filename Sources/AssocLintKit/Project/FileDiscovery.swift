import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A YAML file on disk: its absolute path (its identity) and the path shown to the user.
public struct DiscoveredFile: Hashable, Sendable {
    public var absolutePath: String
    public var displayPath: String
}

/// Finds and reads the YAML files of a lint run.
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

    /// Every `*.yaml` / `*.yml` file below `directory` (absolute), sorted, without following a
    /// symlink loop and skipping `.git`, `node_modules` and `.build*`.
    /// A regular file (after following symlinks): devices and pipes named `*.yaml` are skipped.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    static func walk(_ directory: String, errors: inout [InputError], errorPath: (String) -> String) -> [String] {
        var found: [String] = []
        var visited = Set<String>()
        walk(directory, found: &found, visited: &visited, errors: &errors, errorPath: errorPath)
        return found.sorted()
    }

    private static func walk(_ directory: String, found: inout [String], visited: inout Set<String>,
                             errors: inout [InputError], errorPath: (String) -> String) {
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
                walk(path, found: &found, visited: &visited, errors: &errors, errorPath: errorPath)
            } else if entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                if isRegularFile(path) {
                    found.append(path)
                } else {
                    errors.append(InputError(path: errorPath(path), reason: "is not a regular file (a device, pipe or socket); not read"))
                }
            }
        }
    }

    static func read(_ file: DiscoveredFile, isExplicit: Bool, maxBytes: Int = .max) -> Result<LintInput, InputError> {
        switch readRegularFile(file.absolutePath, maxBytes: maxBytes) {
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
        /// Larger than the limit: the size, and nothing read.
        case tooLarge(Int)
        case failed(String)
    }

    /// Reads a regular file with POSIX calls, at most `maxBytes` (Foundation's
    /// `FileManager.contents` leaks a buffer on empty files on Linux). Devices, FIFOs and sockets
    /// are refused before reading, so `/dev/zero` or a pipe named `*.yaml` cannot hang the run.
    static func readRegularFile(_ path: String, maxBytes: Int = .max) -> ReadOutcome {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            return .failed(errno == ENOENT ? "no such file or directory" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failed("cannot be read (\(String(cString: strerror(errno))))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failed("is a directory where a file was expected")
        default: return .failed("is not a regular file (a device, pipe or socket)")
        }
        if Int(info.st_size) > maxBytes { return .tooLarge(Int(info.st_size)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed("cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { return .bytes(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            // The file grew while being read: stop at the limit.
            if bytes.count > maxBytes { return .tooLarge(bytes.count) }
        }
    }

    /// The bytes of a regular file, or nil.
    static func readBytes(_ path: String) -> [UInt8]? {
        if case .bytes(let bytes) = readRegularFile(path) { return bytes }
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
