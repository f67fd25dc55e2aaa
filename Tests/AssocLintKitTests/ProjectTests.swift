import Foundation
import XCTest
@testable import AssocLintKit

/// `.assoclint.yml`, whole-project context, suppressions and baselines.
final class ProjectTests: XCTestCase {
    /// A temporary project: files by relative path.
    func project(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("assoclint-project-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    func run(_ paths: [String], in directory: URL, configure: (inout LintOptions) -> Void = { _ in }) -> LintResult {
        var options = LintOptions(paths: paths)
        options.workingDirectory = directory.path
        configure(&options)
        return Linter.run(options)
    }

    let blog = [
        "models/author.yaml": "models:\n  Author:\n    associations:\n      - hasMany: Post\n",
        "models/post.yaml": "models:\n  Post:\n    associations:\n      - belongsTo: Author\n      - hasMany: Tag\n",
        "models/tag.yaml": "models:\n  Tag:\n    associations:\n      - belongsTo: Post\n",
    ]

    func testWithoutConfigTheGivenPathsAreTheWholeSchema() throws {
        let root = try project(blog)
        let result = run(["models/post.yaml"], in: root)
        XCTAssertEqual(result.ruleIDs, ["unknown-model", "unknown-model"], result.compact)
    }

    func testConfigMakesTheProjectTheContextButReportsOnlyTheAskedFiles() throws {
        var files = blog
        files[".assoclint.yml"] = "include: ['models/**']\n"
        files["models/orphan.yaml"] = "models:\n  Orphan:\n    associations: [ { hasMany: Nothing } ]\n"
        let root = try project(files)
        let result = run(["models/post.yaml"], in: root)
        XCTAssertEqual(result.findings, [], result.compact)
        XCTAssertEqual(result.files.map(\.path), ["models/post.yaml"])
        // From a subdirectory the config is found by walking up; paths stay relative to the cwd.
        let fromBelow = run(["."], in: root.appendingPathComponent("models"))
        XCTAssertEqual(fromBelow.compact, "orphan.yaml:3:32: error: Orphan.hasMany(Nothing): no model named 'Nothing' is declared [unknown-model]\n")
        XCTAssertEqual(fromBelow.projectRoot, root.standardizedFileURL.path)
    }

    func testTheStarterConfigReadsCodeAndYAMLTogether() throws {
        let root = try project([
            ".assoclint.yml": ProjectConfig.starter,
            "db/models/order.js": "const Order = sequelize.define('Order', {});\nconst Item = sequelize.define('Item', {});\nOrder.hasMany(Item);\nItem.belongsTo(Order);\nmodule.exports = { Order, Item };\n",
            "web/routes.ts": "import { Order } from '../db/models/order';\nexport async function show(order: Order) { return order.getItem(); }\n",
            "schema/extra.yaml": "models:\n  Audit:\n    associations:\n      - belongsTo: Order\n",
            "dist/web/routes.js": "const o = await Order.findByPk(1); o.getNothing();\n",
        ])
        // The route alone is reported; the models in code and in YAML are its context.
        let route = run(["web/routes.ts"], in: root)
        XCTAssertEqual(route.compact, "web/routes.ts:2:57: error: order.getItem() does not exist: Order.hasMany(Item) generates the plural getter getItems(), which returns an array [has-many-singular-getter]\n")
        let all = run(["."], in: root)
        XCTAssertEqual(all.ruleIDs, ["missing-inverse", "has-many-singular-getter"], all.compact)
        XCTAssertEqual(all.notes, [])
    }

    func testExcludeAndRuleSeverities() throws {
        var files = blog
        files[".assoclint.yml"] = """
        exclude: [legacy]
        rules:
          missing-inverse: error
          unknown-model: off
        """
        files["legacy/old.yaml"] = "models:\n  Old: { associations: [ { hasMany: Gone } ] }\n"
        files["models/extra.yaml"] = "models:\n  Extra: { associations: [ { hasMany: Post }, { hasMany: Missing } ] }\n"
        let root = try project(files)
        let result = run([], in: root)
        XCTAssertEqual(result.spots, ["missing-inverse@2:30"], result.compact)
        XCTAssertEqual(result.findings.first?.severity, .error)
        XCTAssertEqual(result.exitStatus, 1)
    }

    func testConfigErrorsHaveLocationsAndSuggestions() throws {
        let root = try project([".assoclint.yml": "exlude: [a]\nrules:\n  missing-inverses: off\n  unknown-model: warn\nsequelize: 7\n"])
        let result = run([], in: root)
        XCTAssertEqual(result.exitStatus, 2)
        XCTAssertEqual(result.configErrors.map(\.description), [
            ".assoclint.yml:1:1: unknown key 'exlude'. Did you mean 'exclude'? Known keys: exclude, include, rules, sequelize",
            ".assoclint.yml:3:3: unknown rule 'missing-inverses'. Did you mean 'missing-inverse'? Run 'assoclint rules' to list them.",
            ".assoclint.yml:4:18: 'warn' is not a severity; use off, warning or error. Did you mean 'warning'?",
            ".assoclint.yml:5:12: sequelize: 7 is not supported; assoclint checks Sequelize v6 (write 'sequelize: 6')",
        ])
    }

    func testExplicitConfigFile() throws {
        let root = try project(["models/a.yaml": "models:\n  A: { associations: [ { hasMany: B } ] }\n  B: {}\n",
                                "ci/strict.yml": "rules: { missing-inverse: off }\n"])
        XCTAssertEqual(run(["models"], in: root).ruleIDs, ["missing-inverse"])
        XCTAssertEqual(run(["models"], in: root) { $0.configPath = "ci/strict.yml" }.findings, [])
    }

    func testStdinReplacesTheFileInItsProject() throws {
        var files = blog
        files[".assoclint.yml"] = ""
        let root = try project(files)
        let buffer = "models:\n  Post:\n    associations:\n      - belongsTo: Autor\n      - hasMany: Tag\n"
        let result = run([], in: root) {
            $0.stdinBytes = Array(buffer.utf8)
            $0.stdinFilename = "models/post.yaml"
        }
        XCTAssertEqual(result.compact, "models/post.yaml:4:20: error: Post.belongsTo(Autor): no model named 'Autor' is declared. Did you mean 'Author'? [unknown-model]\n")
    }

    func testExplicitFilesLeftOutByTheConfigAreNotLintedButNoted() throws {
        let root = try project([".assoclint.yml": "exclude: [docker-compose.yml]\n", "docker-compose.yml": "services: {}\n",
                                "m.yaml": "models:\n  A: {}\n"])
        let result = run(["docker-compose.yml", ".assoclint.yml", "m.yaml"], in: root)
        XCTAssertEqual(result.findings, [], result.compact)
        XCTAssertEqual(result.files.map(\.path), ["m.yaml"])
        XCTAssertEqual(result.notes, [
            "docker-compose.yml is not linted: include/exclude in .assoclint.yml leave it out",
            ".assoclint.yml is not linted: it is the project configuration",
        ])
        XCTAssertEqual(result.exitStatus, 0)
    }

    func testAnEmptyDirectoryIsSaidToHoldNoModelFiles() throws {
        let root = try project(["notes.yml": "title: not a model file\n"])
        let result = run(["."], in: root)
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.exitStatus, 0)
        XCTAssertEqual(result.notes, ["no model files found in . (a model file is a .yaml or .yml file with a top-level 'models:' key, or a JavaScript/TypeScript file that defines a Sequelize model or declares associations)"])
    }

    func testGlobs() {
        XCTAssertTrue(Glob("**/*.yaml").matches("a/b/c.yaml"))
        XCTAssertTrue(Glob("**/*.yaml").matches("c.yaml"))
        XCTAssertTrue(Glob("*.yaml").matches("deep/dir/c.yaml"), "no slash: any depth")
        XCTAssertFalse(Glob("models/*.yaml").matches("models/sub/c.yaml"))
        XCTAssertTrue(Glob("models/**").matches("models/sub/c.yaml"))
        XCTAssertTrue(Glob("legacy/").matches("legacy/x/y.yml"))
        XCTAssertTrue(Glob("m?dels/[a-c]*.yml").matches("models/b1.yml"))
        XCTAssertFalse(Glob("m?dels/[!a-c]*.yml").matches("models/b1.yml"))
        XCTAssertFalse(Glob("*.yml").matches("a.yaml"))
    }
}

final class SuppressionTests: XCTestCase {
    func testEachFormSilencesOnlyTheNamedRules() {
        let result = lint("""
        # assoclint-disable-file unknown-accessor
        models:
          A:
            associations:
              # assoclint-disable-next-line missing-inverse -- read from A only
              - hasMany: B
              - hasMany: C   # assoclint-disable-line missing-inverse, unknown-model
              - hasMany: D
          B: {}
          C: {}
          D: {}
        usages: [A.getBee]
        """)
        XCTAssertEqual(result.spots, ["unused-suppression@7:64", "missing-inverse@8:9"], result.compact)
        XCTAssertTrue(result.findings[0].message.contains("unknown-model"))
    }

    func testSuppressionWithoutRulesOrWithUnknownRulesIsReported() {
        let result = lint("""
        models:
          A:
            associations:
              - hasMany: B   # assoclint-disable-line
              - hasMany: C   # assoclint-disable-line missing-inverse missing-invers
              - hasMany: D   # assoclint-disable missing-inverse
          B: { associations: [ { belongsTo: A } ] }
          C: { associations: [ { belongsTo: A } ] }
          D: { associations: [ { belongsTo: A } ] }
        """)
        XCTAssertEqual(result.ruleIDs, Array(repeating: "unused-suppression", count: 4), result.compact)
        XCTAssertTrue(result.findings[0].message.contains("names no rule"))
        XCTAssertTrue(result.findings[1].message.contains("this suppression of missing-inverse is unused"))
        XCTAssertTrue(result.findings[2].message.contains("Did you mean 'missing-inverse'?"))
        XCTAssertTrue(result.findings[3].message.contains("is not a suppression"))
    }

    func testHashInsideAValueIsNotAComment() {
        let result = lint("models:\n  A:\n    comment: 'x#assoclint-disable-line missing-inverse'\n    associations: [ { hasMany: B } ]\n  B: {}\n")
        XCTAssertEqual(result.ruleIDs, ["missing-inverse"])
    }

    func testUnusedSuppressionCanItselfBeSilencedByName() {
        let result = lint("# assoclint-disable-file unused-suppression\nmodels:\n  A: {}  # assoclint-disable-line missing-inverse\n")
        XCTAssertEqual(result.findings, [])
    }
}

final class BaselineTests: XCTestCase {
    let before = """
    models:
      A:
        associations:
          - hasMany: B
      B: {}
    """

    func testBaselineHidesRecordedFindingsAcrossUnrelatedEdits() throws {
        let first = lint(before)
        let baseline = Baseline(findings: first.findings, relativePath: { $0 })
        XCTAssertEqual(baseline.entries.count, 1)
        // Lines move; a new mistake appears.
        let after = "# a new comment\n# another\n" + before + "\n  C: { associations: [ { hasMany: A } ] }\n"
        let (kept, stale) = baseline.filter(lint(after).findings, relativePath: { $0 })
        XCTAssertEqual(kept.map(\.message), ["C.hasMany(A) has no inverse: A declares no belongsTo(C), so a.getC() does not exist"])
        XCTAssertEqual(stale, [])
        // Fixed: the entry is stale.
        let fixed = lint(before.replacingOccurrences(of: "  B: {}", with: "  B:\n    associations: [ { belongsTo: A } ]"))
        XCTAssertEqual(fixed.findings, [])
        XCTAssertEqual(baseline.filter(fixed.findings, relativePath: { $0 }).stale.count, 1)
    }

    func testRoundTripThroughJSON() throws {
        let baseline = Baseline(findings: lint(before).findings, relativePath: { "models/" + $0 })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try baseline.json().write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertEqual(try Baseline.read(path: url.path), baseline)
        try "{\"version\": 9}".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.read(path: url.path))
    }

    func testFingerprintIgnoresLineNumbersOnly() {
        XCTAssertEqual(Fingerprint.maskedLocations("already declared at a.yaml:12; line 7"), "already declared at a.yaml:#; line #")
        XCTAssertEqual(Fingerprint.maskedLocations("STRING(64) at x:3:4"), "STRING(64) at x:#:#")
    }
}
