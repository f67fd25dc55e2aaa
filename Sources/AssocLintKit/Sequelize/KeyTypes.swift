/// Whether a foreign key column can hold the key it references, by type family (§5.12: Sequelize
/// keeps a declared foreign key's type without comparing it with the referenced key's).

/// The kinds of values a key column holds, as far as they must agree for a foreign key; other
/// types (DECIMAL, DATE, ...) are not compared.
enum TypeFamily: String {
    case integer = "integer"
    case text = "text"
    case uuid = "UUID"

    init?(_ type: String) {
        // The usual spellings first, without building any string.
        switch type {
        case "INTEGER", "DataTypes.INTEGER", "Sequelize.INTEGER", "BIGINT", "DataTypes.BIGINT": self = .integer; return
        case "STRING", "DataTypes.STRING", "Sequelize.STRING", "TEXT", "DataTypes.TEXT": self = .text; return
        case "UUID", "DataTypes.UUID", "Sequelize.UUID": self = .uuid; return
        case "DATE", "BOOLEAN", "JSON", "JSONB", "FLOAT", "DOUBLE", "DECIMAL", "DATEONLY": return nil
        default: break
        }
        let base = Vocabulary.unprefixedType(type).prefix { $0.isLetter || $0.isNumber }.uppercased()
        switch base {
        case "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "MEDIUMINT", "INT", "INT2", "INT4", "INT8", "SERIAL", "BIGSERIAL", "SMALLSERIAL":
            self = .integer
        case "STRING", "CHAR", "TEXT", "CITEXT", "VARCHAR", "CHARACTER", "NCHAR", "NVARCHAR", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT":
            self = .text
        case "UUID", "UNIQUEIDENTIFIER":
            self = .uuid
        default:
            return nil
        }
    }

    /// Whether a column of this family can hold keys of the other. (UUIDs in a text column work
    /// on MySQL, where Sequelize stores them as CHAR(36): not reported.)
    func holds(_ other: TypeFamily) -> Bool {
        self == other || (self == .text && other == .uuid) || (self == .uuid && other == .text)
    }

    /// The two families when a column of type `type` cannot hold keys of type `keyType`.
    static func conflict(_ type: String, _ keyType: String) -> (family: TypeFamily, keyFamily: TypeFamily)? {
        guard let family = TypeFamily(type), let keyFamily = TypeFamily(keyType), !family.holds(keyFamily) else { return nil }
        return (family, keyFamily)
    }
}
