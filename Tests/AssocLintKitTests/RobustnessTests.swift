import Foundation
import XCTest
@testable import AssocLintKit

/// Hostile input, limits, and every input the fuzzer ever found: no crash, no hang, a clear finding.
final class RobustnessTests: XCTestCase {
    let folder = fixtureURL("fuzz-regressions")

    func testEveryRegressionInputRunsThroughTheWholePipeline() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 7)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
            let started = Date()
            FuzzHarness.run(bytes)
            let result = Linter.lint([LintInput(path: file, bytes: bytes, isExplicit: true)])
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "\(file) must not hang")
            XCTAssertEqual(result.findings, result.findings.sorted(by: Finding.reportOrder), file)
        }
    }

    func testHostileFilesGetClearFindings() throws {
        func rules(_ name: String) throws -> [String] {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            return Linter.lint([LintInput(path: name, bytes: bytes, isExplicit: true)]).ruleIDs
        }
        XCTAssertEqual(try rules("alias-bomb.yaml"), ["yaml-syntax"])
        XCTAssertEqual(try rules("deep-nesting.yaml"), ["yaml-syntax"])
        XCTAssertEqual(try rules("deep-mappings.yaml"), ["yaml-syntax"])
        XCTAssertEqual(try rules("invalid-utf8.yaml"), ["yaml-syntax"])
        XCTAssertEqual(try rules("random-bytes.bin"), ["yaml-syntax"])
    }

    func testLineNumbersSurviveCRLFAndBOM() throws {
        for name in ["crlf.yaml", "bom.yaml"] {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let result = Linter.lint([LintInput(path: name, bytes: bytes, isExplicit: true)])
            XCTAssertEqual(result.ruleIDs, ["missing-inverse"], name)
            XCTAssertEqual(result.findings.first?.location.line, name == "crlf.yaml" ? 4 : 3, name)
            XCTAssertEqual(result.findings.first?.location.column, name == "crlf.yaml" ? 9 : 23, name)
        }
    }


    func testFileSizeLimitIsAFindingAndTheFileIsNotRead() throws {
        let root = try temporaryDirectory()
        try String(repeating: "# padding\n", count: 200).write(to: root.appendingPathComponent("big.yaml"), atomically: true, encoding: .utf8)
        try "models:\n  A: {}\n".write(to: root.appendingPathComponent("small.yaml"), atomically: true, encoding: .utf8)
        var options = LintOptions(paths: ["big.yaml", "small.yaml"])
        options.workingDirectory = root.path
        options.limits.maxFileBytes = 1000
        let result = Linter.run(options)
        XCTAssertEqual(result.spots, ["yaml-syntax@1:1"])
        XCTAssertTrue(result.findings[0].message.contains("more than the limit of 1000 bytes"))
        XCTAssertEqual(result.files.map(\.path), ["big.yaml", "small.yaml"])
    }

    func testFileCountLimit() throws {
        let root = try temporaryDirectory()
        for index in 0..<5 {
            try "models:\n  M\(index): {}\n".write(to: root.appendingPathComponent("m\(index).yaml"), atomically: true, encoding: .utf8)
        }
        var options = LintOptions(paths: ["."])
        options.workingDirectory = root.path
        options.limits.maxFiles = 3
        let result = Linter.run(options)
        XCTAssertEqual(result.exitStatus, 2)
        XCTAssertTrue(result.inputErrors.first?.reason.contains("more than the limit of 3") ?? false)
    }

    func testDirectoriesWhereFilesAreExpected() throws {
        let root = try temporaryDirectory()
        var options = LintOptions(paths: ["."])
        options.workingDirectory = root.path
        options.configPath = "."
        XCTAssertEqual(Linter.run(options).configErrors.first?.message, "is a directory; give the config file itself (.assoclint.yml)")
        XCTAssertThrowsError(try Baseline.read(path: root.path)) { error in
            XCTAssertTrue("\(error)".contains("it is a directory"))
        }
        let input = FileDiscovery.read(DiscoveredFile(absolutePath: root.path, displayPath: "dir"), isExplicit: true)
        guard case .failure(let error) = input else { return XCTFail("a directory read as a file") }
        XCTAssertEqual(error.description, "dir: is a directory where a file was expected")
        let vanished = FileDiscovery.read(DiscoveredFile(absolutePath: root.appendingPathComponent("gone.yaml").path, displayPath: "gone.yaml"), isExplicit: true)
        guard case .failure(let gone) = vanished else { return XCTFail("a missing file was read") }
        XCTAssertEqual(gone.description, "gone.yaml: no such file or directory")
    }
}

final class SpecialFileTests: XCTestCase {
    func testDevicesPipesAndTheSameFileTwice() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("assoclint-special-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "models:\n  A: {}\n".write(to: root.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("zero.yaml").path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(mkfifo(root.appendingPathComponent("pipe.yaml").path, 0o600), 0)
        var options = LintOptions(paths: [".", "a.yaml", root.appendingPathComponent("a.yaml").path])
        options.workingDirectory = root.path
        let result = Linter.run(options)
        XCTAssertEqual(result.findings, [], result.compact)
        XCTAssertEqual(result.files.map(\.path), ["a.yaml"], "one file, however it is named")
        XCTAssertEqual(result.inputErrors.map(\.description).sorted(), [
            "pipe.yaml: is not a regular file (a device or pipe); not read",
            "zero.yaml: is not a regular file (a device or pipe); not read",
        ])
        // Named on the command line, a device is read, but never past the size limit.
        var explicit = LintOptions(paths: ["zero.yaml"])
        explicit.workingDirectory = root.path
        explicit.limits.maxFileBytes = 4096
        let zero = Linter.run(explicit)
        XCTAssertEqual(zero.ruleIDs, ["yaml-syntax"])
        XCTAssertTrue(zero.findings.first?.message.contains("more than the limit of 4096 bytes") ?? false)
        // Left out by the project's config, a pipe is not even looked at.
        try "exclude: [pipe.yaml, zero.yaml]\n".write(to: root.appendingPathComponent(".assoclint.yml"), atomically: true, encoding: .utf8)
        var project = LintOptions(paths: ["."])
        project.workingDirectory = root.path
        let excluded = Linter.run(project)
        XCTAssertEqual(excluded.inputErrors.map(\.description), [])
        XCTAssertEqual(excluded.exitStatus, 0)
    }
}

final class ScaleTests: XCTestCase {
    /// Thousands of aliased belongsTo between two models, with as many back references: the
    /// link columns of a pair of models are computed once, not once per association (this took
    /// 13 s before). A hang guard, not a speed target: those live in Scripts/bench.
    func testManyAssociationsBetweenOnePairOfModelsStayLinear() {
        let count = 3000
        var text = "models:\n  A:\n    associations:\n"
        for index in 0..<count { text += "      - { belongsTo: B, as: r\(index), foreignKey: r\(index)Id }\n" }
        text += "  B:\n    attributes:\n"
        for index in 0..<count { text += "      back\(index)Id: { type: INTEGER, references: { model: As, key: id } }\n" }
        let started = Date()
        let result = lint(text)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        XCTAssertEqual(result.findings("missing-inverse").count, count)
        XCTAssertEqual(result.findings("reversed-belongs-to").count, 0)
    }
}
