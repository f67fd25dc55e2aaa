import Foundation

/// A record of accepted findings, for adopting assoclint on an existing schema: findings in it are
/// hidden, new ones are reported. Entries are keyed by rule, file and a fingerprint of the message
/// with line and column numbers taken out, so edits elsewhere in a file do not invalidate them.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        public var rule: String
        /// Relative to the project root.
        public var path: String
        public var fingerprint: String
        public var message: String
    }

    public static let formatVersion = 1
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Entries for findings; `relativePath` maps a finding's path to its path from the project root.
    public init(findings: [Finding], relativePath: (String) -> String) {
        entries = findings.map { finding in
            let path = relativePath(finding.location.path)
            return Entry(rule: finding.ruleID, path: path, fingerprint: Fingerprint.of(finding, path: path),
                         message: finding.message)
        }
    }

    /// Hides the findings the baseline records (each entry hides one finding); returns the rest and
    /// the entries that matched nothing any more.
    public func filter(_ findings: [Finding], relativePath: (String) -> String) -> (kept: [Finding], stale: [Entry]) {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.rule + "\u{0}" + entry.path + "\u{0}" + entry.fingerprint, default: 0] += 1 }
        var kept: [Finding] = []
        for finding in findings {
            let path = relativePath(finding.location.path)
            let key = finding.ruleID + "\u{0}" + path + "\u{0}" + Fingerprint.of(finding, path: path)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                kept.append(finding)
            }
        }
        var stale: [Entry] = []
        for entry in entries {
            let key = entry.rule + "\u{0}" + entry.path + "\u{0}" + entry.fingerprint
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                stale.append(entry)
            }
        }
        return (kept, stale)
    }

    public func json() -> String {
        let writer = JSONWriter()
        writer.object {
            writer.field("version") { writer.number(Self.formatVersion) }
            writer.field("tool") { writer.string("assoclint") }
            writer.field("entries") {
                writer.array(entries.sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) }) { entry in
                    writer.object {
                        writer.field("rule") { writer.string(entry.rule) }
                        writer.field("path") { writer.string(entry.path) }
                        writer.field("fingerprint") { writer.string(entry.fingerprint) }
                        writer.field("message") { writer.string(entry.message) }
                    }
                }
            }
        }
        return writer.output + "\n"
    }

    public enum ReadError: Error, CustomStringConvertible {
        case unreadable(String)
        case malformed(String, String)

        public var description: String {
            switch self {
            case .unreadable(let path): return "\(path): cannot read the baseline file"
            case .malformed(let path, let why): return "\(path): not an assoclint baseline (\(why)); write one with --write-baseline"
            }
        }
    }

    public static func read(path: String) throws -> Baseline {
        guard FileDiscovery.isDirectory(path) != true else { throw ReadError.malformed(path, "it is a directory") }
        guard let bytes = FileDiscovery.readBytes(path) else { throw ReadError.unreadable(path) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw ReadError.malformed(path, "not a JSON object")
        }
        guard object["version"] as? Int == formatVersion else { throw ReadError.malformed(path, "version is not \(formatVersion)") }
        guard let list = object["entries"] as? [[String: Any]] else { throw ReadError.malformed(path, "no 'entries' list") }
        var entries: [Entry] = []
        for item in list {
            guard let rule = item["rule"] as? String, let file = item["path"] as? String,
                  let fingerprint = item["fingerprint"] as? String else {
                throw ReadError.malformed(path, "an entry lacks rule, path or fingerprint")
            }
            entries.append(Entry(rule: rule, path: file, fingerprint: fingerprint, message: item["message"] as? String ?? ""))
        }
        return Baseline(entries: entries)
    }
}

/// Stable, location-independent fingerprints of findings.
public enum Fingerprint {
    /// FNV-1a (64 bit) of rule, path and the message with numbers after ':' or 'line ' masked.
    public static func of(_ finding: Finding, path: String, occurrence: Int? = nil) -> String {
        var text = finding.ruleID + "\u{0}" + path + "\u{0}" + maskedLocations(finding.message)
        if let occurrence { text += "\u{0}\(occurrence)" }
        return hash(text)
    }

    public static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `a.yaml:12` → `a.yaml:#`, `line 12` → `line #`: messages name other declarations' places.
    static func maskedLocations(_ message: String) -> String {
        var result = ""
        var previous: [Character] = []
        var inNumber = false
        for character in message {
            if character.isNumber {
                let afterColon = previous.last == ":"
                let afterLine = previous.suffix(5) == Array("line ")
                if inNumber || afterColon || afterLine {
                    if !inNumber { result.append("#") }
                    inNumber = true
                    previous.append(character)
                    continue
                }
            }
            inNumber = false
            result.append(character)
            previous.append(character)
            if previous.count > 8 { previous.removeFirst(previous.count - 8) }
        }
        return result
    }
}
