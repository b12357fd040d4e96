/// taxo's version, written into indexes, caches and reports.
public enum TaxoVersion {
    public static let string = "0.1.0"
}
