import XCTest
@testable import AssocLintKit

/// Randomised, seeded schemas: the linter never crashes, its output is sorted and the same run to
/// run and whatever the job count, and linting files together or one at a time (with the rest
/// as context) gives the same findings.
final class PropertyTests: XCTestCase {
    /// SplitMix64: small, fast, and the same sequence on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    }

    static let names = ["User", "Post", "Comment", "Tag", "Order", "Item", "Person", "Data", "Category",
                        "OrderItem", "users", "Profile", "Sheep", "Child", "Address", "Goose"]
    static let kinds = ["hasMany", "belongsTo", "hasOne", "belongsToMany"]
    static let verbs = ["get", "set", "add", "create", "remove", "has", "count", "save", "getDataValue"]

    /// One to three model files; mostly valid, sometimes odd, now and then broken.
    static func schema(seed: UInt64) -> [String] {
        var random = Random(state: seed)
        let fileCount = 1 + random.int(3)
        var files: [String] = []
        var declared: [String] = []
        for _ in 0..<fileCount {
            var text = "models:\n"
            for _ in 0..<(1 + random.int(4)) {
                let name = random.pick(names)
                declared.append(name)
                text += "  \(name):\n"
                if random.chance(20) { text += "    underscored: true\n" }
                if random.chance(10) { text += "    name: { singular: \(name.lowercased())One }\n" }
                text += "    attributes:\n      title: STRING\n"
                if random.chance(40) {
                    let other = random.pick(names)
                    let unique = random.pick(["", ", unique: true", ", unique: idx"])
                    let reference = random.chance(50) ? ", references: { model: \(other)s, key: id }" : ""
                    text += "      \(other)Id: { type: INTEGER\(unique)\(reference) }\n"
                }
                if random.chance(5) { text += "      broken: { allowNull: maybe }\n" }
                text += "    associations:\n"
                for _ in 0..<random.int(4) {
                    let kind = random.chance(3) ? "hasmany" : random.pick(kinds)
                    let target = random.chance(5) ? "Nowhere" : random.pick(names)
                    var entry = "      - \(kind): \(target)"
                    if random.chance(30) { entry += "\n        as: \(random.pick(["items", "owner", "parent", "children", "post"]))" }
                    if random.chance(30) { entry += "\n        foreignKey: \(random.pick(["ownerId", "\(target)Id", "parent_id"]))" }
                    if random.chance(10) { entry += "\n        foreignKey: { name: refId, unique: true }" }
                    if kind == "belongsToMany" || random.chance(5) { entry += "\n        through: \(random.pick(["Links", "OrderItem", "user_tags"]))" }
                    if random.chance(5) { entry += "   # assoclint-disable-line \(random.pick(["missing-inverse", "unknown-model", "nothing"]))" }
                    text += entry + "\n"
                }
            }
            if random.chance(60) {
                text += "usages:\n"
                for _ in 0..<(1 + random.int(4)) {
                    let model = random.chance(80) ? random.pick(declared) : "Ghost"
                    text += "  - \(model).\(random.pick(verbs))\(random.pick(names))\(random.pick(["", "s", "es"]))\n"
                }
            }
            if random.chance(4) { text += "  - [unclosed\n" }
            if random.chance(4) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
            files.append(text)
        }
        return files
    }

    func inputs(_ texts: [String]) -> [LintInput] {
        texts.enumerated().map { LintInput(path: "f\($0.offset).yaml", bytes: Array($0.element.utf8), isExplicit: true) }
    }

    func testRandomSchemas() {
        var totalFindings = 0
        for seed in UInt64(1)...300 {
            let texts = Self.schema(seed: seed)
            let all = inputs(texts)
            let first = Linter.lint(all)
            let again = Linter.lint(all, jobs: 2)
            XCTAssertEqual(first.findings, again.findings, "seed \(seed): not the same run to run / with 2 jobs")
            XCTAssertEqual(first.findings, first.findings.sorted(by: Finding.reportOrder), "seed \(seed): not sorted")
            for finding in first.findings {
                XCTAssertGreaterThanOrEqual(finding.location.line, 1, "seed \(seed)")
                XCTAssertGreaterThanOrEqual(finding.location.column, 1, "seed \(seed)")
                XCTAssertFalse(finding.message.isEmpty, "seed \(seed)")
                XCTAssertTrue(all.contains { $0.path == finding.location.path }, "seed \(seed)")
            }
            // One file at a time, the others as context: the same findings for that file.
            for (index, input) in all.enumerated() {
                var context = all
                context.remove(at: index)
                let single = Linter.lint([input], context: context.map { LintInput(path: $0.path, bytes: $0.bytes, isExplicit: false) })
                XCTAssertEqual(single.findings, first.findings.filter { $0.location.path == input.path },
                               "seed \(seed), \(input.path): alone with context differs from together")
            }
            totalFindings += first.findings.count
        }
        XCTAssertGreaterThan(totalFindings, 300, "the generator should provoke findings")
    }
}
