public enum TaxoVersion {
    public static let string = "0.1.0"
}
