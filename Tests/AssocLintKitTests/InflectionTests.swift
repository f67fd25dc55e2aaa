import Foundation
import XCTest

@testable import AssocLintKit

/// Expected values below were produced by the real inflection 1.13.4 (`lib/inflection.js` at the
/// git tag), Sequelize's `Utils.camelize` and lodash 4.17.21 `upperFirst` running under Node 20.
final class InflectionTests: XCTestCase {

    // MARK: - Oracle table

    /// `Tests/Fixtures/inflection-v6.tsv`: `word, pluralize, singularize` from inflection 1.13.4.
    func testEveryFixtureRowMatchesInflection1_13_4() throws {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // AssocLintKitTests
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()   // package root
        let url = packageRoot.appendingPathComponent("Tests/Fixtures/inflection-v6.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        XCTAssertEqual(lines.first, "word\tpluralize\tsingularize", "unexpected header in \(url.path)")

        var rows = 0
        var mismatches: [String] = []
        for line in lines.dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 3 else {
                XCTFail("malformed row: \(line)")
                continue
            }
            rows += 1
            let (word, plural, singular) = (columns[0], columns[1], columns[2])
            let gotPlural = Inflection.pluralize(word)
            let gotSingular = Inflection.singularize(word)
            if gotPlural != plural {
                mismatches.append("pluralize(\(word)) = \(gotPlural), expected \(plural)")
            }
            if gotSingular != singular {
                mismatches.append("singularize(\(word)) = \(gotSingular), expected \(singular)")
            }
        }
        XCTAssertGreaterThan(rows, 500, "fixture looks truncated")
        XCTAssertTrue(mismatches.isEmpty, "\(mismatches.count) mismatches:\n" + mismatches.joined(separator: "\n"))
    }

    // MARK: - Rule tables

    /// The quick rejects (candidate rules by last unit, each pattern's last two units) must never
    /// change which rule applies: compare with trying every rule in full, on every word of the
    /// oracle table and on every ending of up to three letters that the rules look at.
    func testQuickRejectsNeverChangeTheResult() throws {
        let text = try String(contentsOf: fixtureURL("inflection-v6.tsv"), encoding: .utf8)
        var words = text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
        let letters = Array("aefhilmnorsuvxyz")
        for a in letters {
            for b in letters {
                for c in letters { words.append("Q" + String([a, b, c])) }
                words.append(String([a, b]).uppercased())
            }
        }
        var compared = 0
        for word in words {
            for table in [Inflection.pluralTable, Inflection.singularTable] {
                XCTAssertEqual(Inflection.applyRules(to: word, rules: table),
                               Inflection.applyRules(to: word, rules: table, filtered: false), word)
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 8_000)
    }

    func testRuleTablesCompileWithSourceCounts() throws {
        XCTAssertEqual(Inflection.pluralRules.count, 61)             // 32 guards + 29 replacements
        XCTAssertEqual(Inflection.pluralRules.filter { $0.replacement == nil }.count, 32)
        XCTAssertEqual(Inflection.singularRules.count, 62)           // 26 guards + 36 replacements
        XCTAssertEqual(Inflection.singularRules.filter { $0.replacement == nil }.count, 26)
        XCTAssertEqual(Inflection.uncountableWords.count, 202)
        for rule in Inflection.pluralRules + Inflection.singularRules {
            XCTAssertFalse(rule.pattern.alternatives.isEmpty, rule.pattern.source)
        }
    }

    func testPatternCompilerRejectsSyntaxOutsideTheSubset() {
        for source in ["a+", "a*", "a?", "a.", "a\\s", "[a-z]", "(a", "a)", "(?=a)", "a$b", "é"] {
            XCTAssertThrowsError(try Inflection.JSPattern(source), source)
        }
        XCTAssertThrowsError(try Inflection.Replacement("$2", groupCount: 1))
        XCTAssertThrowsError(try Inflection.Replacement("$&", groupCount: 1))
        XCTAssertThrowsError(try Inflection.Replacement("$12", groupCount: 9))
    }

    // MARK: - pluralize (associations.md §8.1, §8.2)

    func testPluralizeConsequences() {
        let cases: [(String, String)] = [
            ("PERSON", "PEople"), ("Person", "People"), ("SalesPerson", "SalesPeople"),
            ("Goose", "geese"), ("Foot", "feet"), ("Tooth", "teeth"), ("Genus", "genera"),
            ("Man", "Men"), ("Salesman", "Salesmans"), ("Chairman", "Chairmans"), ("PostMan", "PostMans"),
            ("Ox", "Oxen"), ("Box", "Boxes"), ("Bonus", "Bonuses"), ("SalesBonus", "SalesBonus"),
            ("OrderItem", "OrderItems"), ("ProductCategory", "ProductCategories"),
            ("user_profile", "user_profiles"), ("GrandChild", "GrandChildren"), ("Child", "Children"),
            ("CATEGORY", "CATEGORies"), ("BUS", "BUses"), ("BOX", "BOXes"), ("MOUSE", "Mice"),
            ("URL", "URLs"), ("SMS", "SMs"), ("Blouse", "Blice"),
            // Uncountable only as a whole (case-insensitive) word.
            ("Equipment", "Equipment"), ("UserEquipment", "UserEquipments"), ("News", "News"),
            ("CompanyNews", "CompanyNews"), ("Sheep", "Sheep"), ("BlackSheep", "BlackSheeps"),
            ("TimeSeries", "TimeSeries"),
            // Guards: "already plural".
            ("Data", "Data"), ("Quota", "Quota"), ("Media", "Media"), ("Encyclopedia", "Encyclopedia"),
            ("Cactus", "Cactus"), ("Focus", "Focus"), ("Users", "Users"), ("Slice", "Slice"),
            ("Police", "Police"), ("analyses", "analyses"), ("Oxenford", "Oxenford"),
            // -um, -f/-fe, -o, -is, -ix/-ex and friends.
            ("Stadium", "Stadia"), ("Album", "Albums"), ("Safe", "Saves"), ("Cafe", "Caves"),
            ("Wolf", "Wolves"), ("Scarf", "Scarves"), ("Wife", "Wives"), ("Half", "Halves"),
            ("Leaf", "Leafs"), ("Thief", "Thiefs"), ("Roof", "Roofs"), ("Hero", "Heros"),
            ("Tomato", "Tomatoes"), ("Fish", "Fishes"), ("Appendix", "Appendixes"), ("Index", "Indices"),
            ("Matrix", "Matrices"), ("Vertex", "Vertices"), ("Quiz", "Quizzes"), ("Criterion", "Criteria"),
            ("Axis", "Axes"), ("Virus", "Viruses"), ("Octopus", "Octopuses"), ("Status", "Statuses"),
            ("Database", "Databases"), ("Drive", "Drives"), ("Hive", "Hives"), ("Movie", "Movies"),
            ("Shoe", "Shoes"),
            ("", "s"),
        ]
        for (word, expected) in cases {
            assertExact(Inflection.pluralize(word), expected, "pluralize(\(word.debugDescription))")
        }
    }

    // MARK: - singularize (associations.md §8.3)

    func testSingularizeConsequences() {
        let cases: [(String, String)] = [
            ("Data", "Datum"), ("Metadata", "Metadatum"), ("UserData", "UserDatum"), ("Quota", "Quotum"),
            ("Delta", "Deltum"), ("Criteria", "Criterion"), ("SearchCriteria", "SearchCriterium"),
            ("Gas", "Ga"), ("Lens", "Len"), ("Atlas", "Atla"), ("Cactus", "Cactu"), ("Focus", "Focu"),
            ("Iris", "Iri"), ("Plus", "Plu"), ("SMS", "SM"), ("GPS", "GP"), ("Christmas", "Christma"),
            ("Gasses", "Gass"),
            // Guards and uncountables: returned unchanged.
            ("Status", "Status"), ("Address", "Address"), ("Bus", "Bus"), ("Canvas", "Canvas"),
            ("Alias", "Alias"), ("Campus", "Campus"), ("Virus", "Virus"), ("Class", "Class"),
            ("Process", "Process"), ("Analysis", "Analysis"), ("Axis", "Axis"), ("Bonus", "Bonus"),
            ("Minus", "Minus"), ("Equipment", "Equipment"), ("News", "News"), ("Series", "Series"),
            ("Sheep", "Sheep"),
            // Odd but real.
            ("Slice", "Slouse"), ("Police", "Polouse"), ("shoes", "sho"), ("valves", "valf"),
            ("leaves", "leave"), ("TimeSeries", "TimeSery"), ("FishSpecies", "FishSpecy"),
            ("CompanyNews", "CompanyNew"), ("analyses", "analyasis"), ("Analyses", "AnalyAsis"),
            ("Geese", "goose"), ("Feet", "foot"), ("Teeth", "tooth"), ("Genera", "genus"),
            ("PEOPLE", "PErson"), ("People", "Person"), ("Men", "Man"), ("Children", "Child"),
            ("databases", "database"), ("drives", "drive"), ("Mice", "Mouse"), ("Oxen", "Ox"),
            ("Boxes", "Box"), ("Matrices", "Matrix"), ("Indices", "Index"), ("Vertices", "Vertex"),
            ("Quizzes", "Quiz"), ("Movies", "Movie"), ("Crises", "Crisis"), ("Octopuses", "Octopus"),
            ("Hives", "Hive"), ("Wolves", "Wolf"), ("Knives", "Knife"), ("Halves", "Half"),
            ("Curves", "Curve"), ("Users", "User"), ("OrderItems", "OrderItem"), ("Categories", "Category"),
        ]
        for (word, expected) in cases {
            assertExact(Inflection.singularize(word), expected, "singularize(\(word.debugDescription))")
        }
    }

    // MARK: - JS regex semantics

    /// JS `$` (no `m` flag) does not match before a final line terminator, unlike ICU's `$`: so
    /// `x$` fails on "Box\n" and only the catch-all `$` → `s` applies. `^(ox)en` has no `$`.
    func testTrailingLineTerminatorDoesNotChangeWhichRuleMatches() {
        assertExact(Inflection.pluralize("Box\n"), "Box\ns")
        assertExact(Inflection.pluralize("Box\r"), "Box\rs")
        assertExact(Inflection.pluralize("Ox\n"), "Ox\ns")
        assertExact(Inflection.pluralize("Man\n"), "Man\ns")
        assertExact(Inflection.pluralize("Data\n"), "Data\ns")
        assertExact(Inflection.pluralize("Boxes\u{2028}"), "Boxes\u{2028}s")
        assertExact(Inflection.pluralize("Oxen\n"), "Oxen\n")          // guard `^(ox)en`
        assertExact(Inflection.singularize("Boxes\n"), "Boxes\n")
        assertExact(Inflection.singularize("Man\n"), "Man\n")
        assertExact(Inflection.singularize("Oxen\n"), "Ox\n")          // `^(ox)en` → `$1`
    }

    /// `[m|l]` is a class of three characters, including `|`.
    func testBarInsideCharacterClassIsALiteral() {
        assertExact(Inflection.pluralize("X|ice"), "X|ice")
        assertExact(Inflection.singularize("X|ice"), "X|ouse")
        assertExact(Inflection.pluralize("a|ouse"), "a|ice")
    }

    /// JS non-unicode `/i` never folds a non-ASCII character onto an ASCII one (ICU would:
    /// `ß`~`ss`, `ſ`~`s`); only `toLowerCase()` (the uncountable check) maps KELVIN SIGN to `k`.
    func testCaseInsensitivityIsJavaScripts() {
        assertExact(Inflection.pluralize("Fuß"), "Fußs")
        assertExact(Inflection.pluralize("Ga\u{017F}"), "Ga\u{017F}s")
        assertExact(Inflection.singularize("Bu\u{017F}"), "Bu\u{017F}")
        assertExact(Inflection.pluralize("\u{212A}arate"), "\u{212A}arate")
        assertExact(Inflection.singularize("\u{212A}arate"), "\u{212A}arate")
        assertExact(Inflection.pluralize("Kelvin\u{212A}"), "Kelvin\u{212A}s")
        assertExact(Inflection.pluralize("Boy\u{301}"), "Boy\u{301}s")
    }

    /// JS distinguishes canonically equivalent strings; the memo must not merge them.
    func testMemoKeepsCanonicallyEquivalentInputsApart() {
        let decomposed = Inflection.pluralize("Cafe\u{301}")
        let precomposed = Inflection.pluralize("Caf\u{E9}")
        XCTAssertEqual(Array(decomposed.utf8), Array("Cafe\u{301}s".utf8))
        XCTAssertEqual(Array(precomposed.utf8), Array("Caf\u{E9}s".utf8))
    }

    func testConcurrentUseIsConsistent() {
        let words = ["Person", "Category", "Goose", "Data", "UserEquipment", "Analyses", "Box", "Leaf"]
        let expectedPlurals = words.map { Inflection.applyRules(to: $0, rules: Inflection.pluralTable) }
        let expectedSingulars = words.map { Inflection.applyRules(to: $0, rules: Inflection.singularTable) }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            for (index, word) in words.enumerated() {
                let variant = iteration % 2 == 0 ? word : word + String(iteration)
                let plural = Inflection.pluralize(variant)
                let singular = Inflection.singularize(variant)
                if variant == word, plural != expectedPlurals[index] || singular != expectedSingulars[index] {
                    failures.record(word)
                }
            }
        }
        XCTAssertEqual(failures.words, [])
    }

    // MARK: - underscore (associations.md §3.2)

    func testUnderscore() {
        let cases: [(String, String)] = [
            ("UserId", "user_id"), ("APIKeyId", "a_p_i_key_id"), ("userID", "user_i_d"),
            ("user_profileId", "user_profile_id"), ("APIKeys", "a_p_i_keys"), ("Foo::BarBaz", "foo/bar_baz"),
            ("_Foo", "_foo"), ("A::_B", "a/_b"), ("a:::B", "a/:_b"), ("", ""),
            // JS toLowerCase: full mappings and Final_Sigma; no `_` before non-ASCII capitals.
            ("ÄrgerX", "ärger_x"), ("\u{130}D", "i\u{307}_d"), ("ΑΣ", "ας"), ("ΑΣ b", "ας b"), ("Σ", "σ"),
        ]
        for (word, expected) in cases {
            assertExact(Inflection.underscore(word), expected, "underscore(\(word.debugDescription))")
        }
    }

    // MARK: - camelize (associations.md §3.1)

    func testCamelize() {
        let cases: [(String, String)] = [
            ("User_id", "UserId"), ("user_profile_id", "userProfileId"), ("UserDatum_id", "UserDatumId"),
            ("User_user_id", "UserUserId"), ("User_uuid", "UserUuid"), ("_owner_id", "OwnerId"),
            ("the owner_id", "theOwnerId"), ("authors_id", "authorsId"), ("  a-b c ", "aBC"),
            ("a__-b", "aB"), ("a_ß", "aSS"), ("x_\u{E9}", "x\u{C9}"), ("a_\u{301}", "a\u{301}"),
            ("a_\u{1F600}x", "a\u{1F600}x"), ("a\u{A0}b", "aB"), ("a\u{3000}b", "aB"),
            ("a\u{180E}b", "a\u{180E}b"), ("\u{FEFF}a_b\u{FEFF}", "aB"), ("", ""),
            // Sequelize throws here (no character after the separators); we drop the separators.
            ("User_", "User"), ("User-_ ", "User"),
        ]
        for (input, expected) in cases {
            assertExact(Inflection.camelize(input), expected, "camelize(\(input.debugDescription))")
        }
    }

    // MARK: - upperFirst (associations.md §2.1)

    func testUpperFirst() {
        let cases: [(String, String)] = [
            ("user_profiles", "User_profiles"), ("geese", "Geese"), ("aPIKeys", "APIKeys"), ("", ""),
            ("ßx", "SSx"), ("\u{1C6}a", "\u{1C4}a"), ("\u{FB00}x", "FFx"), ("e\u{301}x", "E\u{301}x"),
            // lodash's symbol: base + combining mark + modifier, and ZWJ continuations.
            ("a\u{301}\u{345}b", "A\u{301}\u{399}b"), ("a\u{200D}b", "A\u{200D}B"),
            ("\u{1F600}x", "\u{1F600}x"), ("\u{1F1E9}\u{1F1EA}x", "\u{1F1E9}\u{1F1EA}x"),
            ("\u{1F44D}\u{1F3FD}x", "\u{1F44D}\u{1F3FD}x"),
        ]
        for (input, expected) in cases {
            assertExact(Inflection.upperFirst(input), expected, "upperFirst(\(input.debugDescription))")
        }
    }
}

/// Compares Unicode scalars: Swift's `==` treats canonically equivalent strings as equal, JS does not.
private func assertExact(
    _ got: String, _ expected: String, _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(Array(got.unicodeScalars), Array(expected.unicodeScalars),
                   "\(message()): got \(got.debugDescription), expected \(expected.debugDescription)",
                   file: file, line: line)
}

/// Collects failures from concurrent workers.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    var words: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    func record(_ word: String) {
        lock.lock()
        storage.append(word)
        lock.unlock()
    }
}

final class CamelizeFastPathTests: XCTestCase {
    /// The ASCII fast path must agree with the UTF-16 implementation on every ASCII input.
    func testASCIIFastPathMatchesTheGeneralImplementation() {
        let alphabet = Array("aZ_- \t09xY\n")
        var state: UInt64 = 42
        for _ in 0..<20_000 {
            var word = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 60)
            for index in 0..<length {
                word.append(alphabet[Int((state >> UInt64(index * 4 % 56)) & 0xF) % alphabet.count])
            }
            XCTAssertEqual(Inflection.camelizeASCII(word), Inflection.camelizeUTF16(word), "'\(word)'")
        }
        XCTAssertNil(Inflection.camelizeASCII("ünïcode_id"))
    }
}
