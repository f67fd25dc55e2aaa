/// The keys and values the model format accepts: exactly what Sequelize v6 accepts, so real
/// projects' spellings are never refused, and slips get a "did you mean".
enum Vocabulary {
    static let topLevelKeys: Set<String> = ["sequelize", "models", "usages", "incomplete"]

    /// Model options of Sequelize v6 `Model.init` / `sequelize.define`, plus the format's own
    /// `attributes` and `associations`.
    static let modelKeys: Set<String> = [
        "attributes", "associations", "methods", "incomplete",
        "tableName", "underscored", "timestamps", "paranoid", "name", "freezeTableName", "modelName",
        "createdAt", "updatedAt", "deletedAt", "version", "schema", "schemaDelimiter", "indexes",
        "defaultScope", "scopes", "hooks", "validate", "engine", "charset", "collate", "comment",
        "initialAutoIncrement", "omitNull", "hasTrigger", "rowFormat", "whereMergeStrategy",
    ]

    /// Column options of a Sequelize v6 attribute.
    static let attributeKeys: Set<String> = [
        "type", "allowNull", "defaultValue", "unique", "primaryKey", "field", "autoIncrement",
        "autoIncrementIdentity", "comment", "references", "onUpdate", "onDelete", "validate", "values",
        "get", "set",
    ]

    static let referencesKeys: Set<String> = ["model", "key", "deferrable"]

    /// `foreignKey` / `otherKey` as an object: an attribute definition plus its name.
    static let foreignKeyKeys: Set<String> = attributeKeys.union(["name", "fieldName"])

    static let throughKeys: Set<String> = ["model", "unique", "scope", "paranoid"]

    /// Keys written inside `through: { ... }` that belong on the association: v6 ignores them
    /// there (ignored-option reports them).
    static let misplacedThroughKeys: Set<String> = ["foreignKey", "otherKey", "sourceKey", "targetKey", "as"]

    /// Attribute options written beside `foreignKey` instead of inside `foreignKey: { ... }`: v6
    /// ignores them there (ignored-option reports them).
    static let misplacedAssociationKeys: Set<String> = ["allowNull", "unique", "type", "defaultValue", "field"]

    static let methodKeys: Set<String> = ["name", "at"]

    static let nameKeys: Set<String> = ["singular", "plural"]

    static let usageKeys: Set<String> = ["call", "at"]

    /// Association options Sequelize v6 reads (any kind); see `associationOptionNotes` for the
    /// ones that are accepted but do something other than users expect.
    static let associationOptionKeys: Set<String> = Set<String>([
        "as", "foreignKey", "sourceKey", "targetKey", "otherKey", "through", "onDelete", "onUpdate",
        "constraints", "foreignKeyConstraint", "hooks", "scope", "keyType", "uniqueKey", "timestamps",
    ]).union(misplacedAssociationKeys)

    /// Options that only Sequelize v7 knows: v6 ignores them silently.
    static let sequelize7OnlyAssociationKeys: Set<String> = ["inverse", "foreignKeyConstraints"]

    /// Sequelize v6 `DataTypes` (the part of a type before any `(` or `.`).
    static let dataTypes: Set<String> = [
        "ABSTRACT", "STRING", "CHAR", "TEXT", "NUMBER", "TINYINT", "SMALLINT", "MEDIUMINT", "INTEGER",
        "BIGINT", "FLOAT", "TIME", "DATE", "DATEONLY", "BOOLEAN", "NOW", "BLOB", "DECIMAL", "NUMERIC",
        "UUID", "UUIDV1", "UUIDV4", "HSTORE", "JSON", "JSONB", "VIRTUAL", "ARRAY", "ENUM", "RANGE", "REAL",
        "DOUBLE", "DOUBLE PRECISION", "GEOMETRY", "GEOGRAPHY", "CIDR", "INET", "MACADDR", "CITEXT", "TSVECTOR",
    ]

    /// SQL type names Sequelize v6 passes through verbatim when given as a string.
    static let rawSQLTypes: Set<String> = [
        "int", "int2", "int4", "int8", "integer", "smallint", "bigint", "tinyint", "mediumint", "serial",
        "bigserial", "smallserial", "varchar", "character", "char", "nchar", "nvarchar", "text", "tinytext",
        "mediumtext", "longtext", "boolean", "bool", "bit", "date", "datetime", "datetime2", "timestamp",
        "timestamptz", "time", "timetz", "year", "interval", "numeric", "decimal", "real", "float", "float4",
        "float8", "double", "money", "json", "jsonb", "uuid", "bytea", "blob", "tinyblob", "mediumblob",
        "longblob", "binary", "varbinary", "inet", "cidr", "macaddr", "point", "line", "polygon", "geometry",
        "geography", "citext", "tsvector", "tsrange", "tstzrange", "daterange", "int4range", "int8range",
        "numrange", "enum", "set", "xml", "uniqueidentifier",
    ]

    /// A type without its `Sequelize.DataTypes.`, `DataTypes.` or `Sequelize.` prefix.
    static func unprefixedType(_ type: String) -> Substring {
        let text = Substring(type.trimmingWhitespace)
        for prefix in ["Sequelize.DataTypes.", "DataTypes.", "Sequelize."] where text.hasPrefix(prefix) {
            return text.dropFirst(prefix.count)
        }
        return text
    }

    /// Whether a type string names a Sequelize data type or a plausible raw SQL type; `nil` when it
    /// is accepted, otherwise the data type it was probably meant to be.
    static func typeSlip(_ type: String) -> String? {
        let text = unprefixedType(type)
        let base = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " }).trimmingWhitespace
        if base.isEmpty { return nil }
        if dataTypes.contains(base) || dataTypes.contains(base.uppercased()) && base == base.lowercased() {
            return nil
        }
        let firstWord = String(base.prefix { $0 != " " })
        if rawSQLTypes.contains(firstWord.lowercased()) || dataTypes.contains(firstWord) { return nil }
        return Suggestion.nearest(to: base, in: dataTypes)
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
