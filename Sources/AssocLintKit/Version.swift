public enum AssocLintVersion {
    public static let current = "0.1.0"
}
