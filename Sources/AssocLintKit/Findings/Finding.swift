public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A place in a linted file.
public struct Location: Hashable, Comparable, Sendable {
    public var path: String
    public var mark: SourceMark

    public init(path: String, mark: SourceMark) {
        self.path = path
        self.mark = mark
    }

    public var line: Int { mark.line }
    public var column: Int { mark.column }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.path, lhs.mark.line, lhs.mark.column) < (rhs.path, rhs.mark.line, rhs.mark.column)
    }
}

/// Another declaration that helps explain a finding ("the hasMany is here").
public struct RelatedLocation: Hashable, Sendable {
    public var location: Location
    public var message: String

    public init(_ location: Location, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// One problem reported to the user.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var location: Location
    /// How to fix it, when a short imperative fits ("call order.getItems()").
    public var help: String?
    public var related: [RelatedLocation]

    public init(ruleID: String, severity: Severity, message: String, location: Location,
                help: String? = nil, related: [RelatedLocation] = []) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.help = help
        self.related = related
    }

    /// The order findings are reported in: path, line, column, then rule and message for stability.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
