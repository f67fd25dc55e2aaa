import XCTest
@testable import AssocLintKit

/// The JavaScript/TypeScript parser on the code styles of ../shared/sequelize/code-styles.md
/// (written here for the tests), and on hostile input.
final class JSParserTests: XCTestCase {
    func parse(_ source: String) -> [JSStatement] { JSParser.parse(Array(source.utf8)).statements }

    /// Every call in the program, as `callee(argument count)` with member chains written out.
    func calls(_ statements: [JSStatement]) -> [String] {
        var found: [String] = []
        func name(_ expression: JSExpression) -> String {
            switch expression {
            case .identifier(let text, _): return text
            case .this: return "this"
            case .member(let object, let property, _): return name(object) + "." + property
            case .call(let callee, _, _): return name(callee) + "()"
            default: return "?"
            }
        }
        func visit(_ expression: JSExpression?) {
            guard let expression else { return }
            switch expression {
            case .call(let callee, let arguments, _):
                found.append("\(name(callee))(\(arguments.count))")
                visit(callee)
                arguments.forEach(visit)
            case .member(let object, _, _): visit(object)
            case .index(let object, let index, _): visit(object); visit(index)
            case .new(let callee, let arguments, _): visit(callee); arguments.forEach(visit)
            case .object(let properties, _): properties.forEach { visit($0.value) }
            case .array(let elements, _), .sequence(let elements, _), .other(let elements, _): elements.forEach(visit)
            case .function(let function): visit(function.body)
            case .classExpression(let type): visit(type)
            case .assignment(let target, _, let value, _): visit(target); visit(value)
            case .spread(let inner, _), .decorator(let inner, _): visit(inner)
            default: break
            }
        }
        func visit(_ type: JSClass) {
            type.decorators.forEach(visit)
            for member in type.members { member.decorators.forEach(visit); visit(member.value) }
        }
        func visit(_ statements: [JSStatement]) {
            for statement in statements {
                switch statement {
                case .expression(let expression): visit(expression)
                case .variables(let declarations, _): declarations.forEach { visit($0.initializer) }
                case .function(let function): visit(function.body)
                case .classDeclaration(let type): visit(type)
                case .returnStatement(let value, _): visit(value)
                case .export(let inner, _): visit([inner])
                case .exportDefault(let value, _): visit(value)
                case .block(let inner, _): visit(inner)
                case .importDeclaration, .exportNames, .other: break
                }
            }
        }
        visit(statements)
        return found
    }

    func testDefineModuleWithAssociate() {
        let statements = parse("""
        'use strict';
        module.exports = (sequelize, DataTypes) => {
          const Invoice = sequelize.define('Invoice', {
            number: DataTypes.STRING,
            customerId: { type: DataTypes.UUID, allowNull: false },
          }, { paranoid: true, tableName: 'Invoices' });

          Invoice.associate = function (models) {
            Invoice.belongsTo(models.Customer, { foreignKey: 'customerId', as: 'customer' });
            Invoice.hasMany(models.LineItem, { foreignKey: 'invoiceId', as: 'lines' });
          };
          return Invoice;
        };
        """)
        XCTAssertEqual(calls(statements), ["sequelize.define(3)", "Invoice.belongsTo(2)", "Invoice.hasMany(2)"])
        // The define call's arguments: a string and two object literals, with their keys.
        guard case .expression(.assignment(_, "=", .function(let module), _))? = statements.last,
              case .variables(let declarations, _)? = module.body.first,
              case .call(_, let arguments, let mark)? = declarations.first?.initializer,
              case .string("Invoice", _) = arguments[0], case .object(let attributes, _) = arguments[1] else {
            return XCTFail("\(statements)")
        }
        XCTAssertEqual(attributes.compactMap(\.name), ["number", "customerId"])
        XCTAssertEqual(mark, SourceMark(line: 3, column: 19))
    }

    func testClassesWithInitAndStaticAssociate() {
        let statements = parse("""
        import { Model, DataTypes, BelongsToGetAssociationMixin } from 'sequelize';
        import type { Customer } from './customer';
        class Cart extends Model<InferAttributes<Cart>, InferCreationAttributes<Cart>> {
          declare id: CreationOptional<number>;
          declare CustomerId: number | null;
          declare getCustomer: BelongsToGetAssociationMixin<Customer>;
          getShop = async function () { return null; };
          static associate(models: Record<string, typeof Model>): void { this.belongsTo(models.Customer); }
        }
        Cart.init({ id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true } },
                  { sequelize, modelName: 'Cart', tableName: 'Carts' });
        export default Cart;
        """)
        XCTAssertEqual(calls(statements), ["this.belongsTo(1)", "Cart.init(2)"])
        guard case .importDeclaration(let source, let bindings, _) = statements[0], case .classDeclaration(let cart) = statements[2] else {
            return XCTFail("\(statements)")
        }
        XCTAssertEqual(source, "sequelize")
        XCTAssertEqual(bindings.map(\.local), ["Model", "DataTypes", "BelongsToGetAssociationMixin"])
        XCTAssertEqual(cart.name, "Cart")
        XCTAssertEqual(cart.members.map(\.name), ["id", "CustomerId", "getCustomer", "getShop", "associate"])
        XCTAssertEqual(cart.members.map(\.isDeclared), [true, true, true, false, false])
        XCTAssertEqual(cart.members[2].typeText, "BelongsToGetAssociationMixin<Customer>")
        XCTAssertTrue(cart.members[4].isStatic)
        guard case .exportDefault(.identifier("Cart", _), _)? = statements.last else { return XCTFail("\(statements)") }
    }

    func testSequelizeTypescriptDecorators() {
        let statements = parse("""
        @Table({ tableName: 'shipments' })
        export class Shipment extends Model {
          @ForeignKey(() => Carrier) @Column carrierId!: number;
          @BelongsTo(() => Carrier) carrier?: Carrier;
          @HasMany(() => Parcel, { foreignKey: 'shipmentId' }) parcels: Parcel[];
          @BelongsToMany(() => Label, () => ShipmentLabel) labels: Array<Label & { ShipmentLabel: ShipmentLabel }>;
        }
        sequelize.addModels([Shipment, Carrier]);
        """)
        guard case .export(.classDeclaration(let shipment), _) = statements[0] else { return XCTFail("\(statements)") }
        XCTAssertEqual(shipment.name, "Shipment")
        XCTAssertEqual(shipment.decorators.count, 1)
        XCTAssertEqual(shipment.members.map(\.name), ["carrierId", "carrier", "parcels", "labels"])
        XCTAssertEqual(shipment.members.map(\.decorators.count), [2, 1, 1, 1])
        XCTAssertEqual(calls(statements), ["Table(1)", "ForeignKey(1)", "BelongsTo(1)", "HasMany(2)", "BelongsToMany(2)", "sequelize.addModels(1)"])
    }

    func testCentralIndexAndTheCommaOperator() {
        let statements = parse("""
        const db = {};
        db.author = require('./author.model.js')(sequelize, Sequelize);
        db.book.belongsTo(db.author, { foreignKey: 'authorId' });
        Brand.hasMany(models.Item), { foreignKey: 'brandId' };
        """)
        XCTAssertEqual(calls(statements), ["require()(2)", "require(1)", "db.book.belongsTo(2)", "Brand.hasMany(1)"])
        // The options object left outside the call is the second part of a comma expression.
        guard case .expression(.sequence(let parts, _)) = statements[3] else { return XCTFail("\(statements[3])") }
        XCTAssertEqual(parts.count, 2)
    }

    func testDestructuredAssociateAndTemplates() {
        let statements = parse("""
        const associate = ({ Shop, Customer: Buyer }) => { Shop.belongsToMany(Buyer, { through: `shop_${'buyers'}` }); };
        if (x) { A.hasOne(B) } else B.belongsTo(A);
        for (const name of Object.keys(db)) { if (db[name].associate) db[name].associate(db); }
        """)
        XCTAssertEqual(calls(statements), ["Shop.belongsToMany(2)", "A.hasOne(1)", "B.belongsTo(1)", "Object.keys(1)", "?.associate(1)"])
        guard case .variables(let declarations, _) = statements[0], case .function(let arrow)? = declarations.first?.initializer,
              case .object(let keys, _)? = arrow.parameters.first else { return XCTFail("\(statements[0])") }
        XCTAssertEqual(keys.map(\.key), ["Shop", "Customer"])
    }

    func testTypeScriptDeclarationsAreSkipped() {
        let statements = parse("""
        type Options = { as: string; foreignKey?: string };
        interface Attributes { id: number; name: string }
        export enum Kind { A, B }
        const opts: Options = { as: 'x' } as const;
        User.hasMany(Post, opts satisfies Options);
        function f<T extends Model>(m: T): T { return m!; }
        """)
        XCTAssertEqual(calls(statements), ["User.hasMany(2)"])
    }

    func testHostileInputEndsWithoutACrash() {
        for source in [String(repeating: "(", count: 10_000), String(repeating: "[{a:", count: 5_000), String(repeating: "!", count: 10_000) + "x",
                       "class { @ @ @", "x => => =>", "function (((", "`${`${`${", "new new new", String(repeating: "@a ", count: 1_000) + "class X {}",
                       "a ? b : c ? d :", "import { a as", "export default", "<T,>(x) => x"] {
            _ = JSParser.parse(Array(source.utf8))
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["(", ")", "{", "}", "[", "]", "=>", "class", "@", "x", ":", "<", ">", ",", "=", "`${", "}`", "'s'", ";", "\n", "function", "new", "?.", "...", "static", "declare", "import", "export", "type"]
        for _ in 0..<500 {
            let source = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(separator: " ")
            _ = JSParser.parse(Array(source.utf8))
        }
    }
}
