import XCTest
@testable import AssocLintKit

/// Inverse pairing has a shortcut for the usual one or two associations between a pair of
/// models. It must give exactly what the general matcher gives, for every combination.
final class PairingTests: XCTestCase {
    struct Variant {
        var kind: AssociationKind
        var source: String
        var target: String
        var foreignKey: String?
        var through: String?

        var yaml: String {
            var options = ["\(kind.rawValue): \(target)"]
            if let foreignKey { options.append("foreignKey: \(foreignKey)") }
            if kind == .belongsToMany { options.append("through: \(through ?? "ab")") }
            return "{ " + options.joined(separator: ", ") + " }"
        }
    }

    static let variants: [Variant] = {
        var result: [Variant] = []
        for kind in AssociationKind.allCases {
            for (source, target) in [("A", "B"), ("B", "A"), ("A", "A")] {
                for foreignKey in [nil, "aId", "a_id", "otherId"] as [String?] {
                    for through in kind == .belongsToMany ? ["ab", "ba"] : [nil] as [String?] {
                        result.append(Variant(kind: kind, source: source, target: target, foreignKey: foreignKey, through: through))
                    }
                }
            }
        }
        return result
    }()

    func schema(_ declared: [Variant]) -> SemanticSchema {
        var yaml = "models:\n"
        for model in ["A", "B"] {
            yaml += "  \(model):\n    associations:\n"
            for variant in declared where variant.source == model { yaml += "      - \(variant.yaml)\n" }
            yaml += "      - { hasOne: C }\n"  // keeps the list non-empty; C is undeclared
        }
        return SemanticSchema(files: [SchemaDecoder.decode(path: "a.yaml", bytes: Array(yaml.utf8))])
    }

    func check(_ declared: [Variant], file: StaticString = #filePath, line: UInt = #line) {
        let schema = schema(declared)
        XCTAssertEqual(schema.associations.count, declared.count, file: file, line: line)
        for pair in Set(schema.associations.map(ModelPair.init)) {
            let backward = pair.reversed
            let group = Array(schema.associationIndices(of: pair)) + (pair == backward ? [] : schema.associationIndices(of: backward))
            guard group.count <= 2, ModelPair(schema.associations[group[0]]) == pair else { continue }
            let general = Relationships.pairInverses(among: group, in: schema)
            let quick = Dictionary(uniqueKeysWithValues: Relationships.pairInversesOfFew(group, in: schema).map { ($0.key, $0.value) })
            XCTAssertEqual(quick, general, "\(declared.map(\.yaml))", file: file, line: line)
        }
    }

    func testOneAssociationPairsLikeTheGeneralMatcher() {
        for variant in Self.variants { check([variant]) }
    }

    func testTwoAssociationsPairLikeTheGeneralMatcher() {
        var checked = 0
        for first in Self.variants {
            for second in Self.variants {
                check([first, second])
                checked += 1
            }
        }
        XCTAssertEqual(checked, Self.variants.count * Self.variants.count)
    }

    func testTheShortcutPairsAnOwnerWithItsBelongsTo() {
        let schema = schema([Variant(kind: .hasMany, source: "A", target: "B"), Variant(kind: .belongsTo, source: "B", target: "A", foreignKey: "otherId")])
        let pairs = Relationships.pairInversesOfFew([0, 1], in: schema)
        XCTAssertEqual(pairs.map(\.key), [0, 1])
        XCTAssertEqual(pairs.map(\.value), [1, 0])
    }
}

/// Usages are matched against associations without building accessor names: every accessor an
/// association has must be found, and no other.
final class UsageResolutionTests: XCTestCase {
    func testEveryAccessorResolvesToItsAssociationAndNothingElseDoes() {
        let yaml = """
        models:
          A:
            associations:
              - hasMany: B
              - hasOne: C
              - { belongsToMany: D, through: ad }
              - belongsTo: E
              - { hasMany: B, as: items }
          B: {}
          C: {}
          D: {}
          E: {}
        """
        let schema = SemanticSchema(files: [SchemaDecoder.decode(path: "a.yaml", bytes: Array(yaml.utf8))])
        guard let a = schema.models["A"] else { return XCTFail("A is declared") }
        var checked = 0
        for association in schema.associations(from: a) {
            let generated = Set(association.names.accessors.map(\.name))
            for kind in AccessorKind.allCases {
                for form in [association.names.upperSingular, association.names.upperPlural] {
                    let method = kind.verb + form
                    let owner = schema.resolve(UsageDecl(model: "A", method: method, path: "a.yaml", mark: SourceMark(line: 1, column: 1))).owner
                    if generated.contains(method) {
                        XCTAssertNotNil(owner, method)
                    } else {
                        XCTAssertNil(owner, "\(method) is not an accessor of \(association.call)")
                    }
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 5 * AccessorKind.allCases.count * 2)
        // The first association that installs a name owns it (Sequelize never overrides one).
        let owner = schema.resolve(UsageDecl(model: "A", method: "getBs", path: "a.yaml", mark: SourceMark(line: 1, column: 1))).owner
        XCTAssertEqual(owner?.call, "A.hasMany(B)")
        XCTAssertEqual(schema.resolve(UsageDecl(model: "A", method: "getItems", path: "a.yaml", mark: SourceMark(line: 1, column: 1))).owner?.call,
                       "A.hasMany(B, { as: 'items' })")
    }
}
