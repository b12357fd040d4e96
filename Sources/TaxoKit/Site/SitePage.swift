/// What every page of the site shares: its title, the way back to the site's folder, and the footer. The
/// page's own part is rendered first (`body`), then put into `templates/site/page.html`.
struct SitePage: Encodable {
    var title: String
    /// `../` repeated to the site's folder, for the style sheet, the scripts and the navigation.
    var root: String
    var body: HTML
    var taxoVersion = TaxoVersion.string
    /// From `SOURCE_DATE_EPOCH` when it is set; never the wall-clock time (pages stay byte-identical).
    var date: String?
}

/// A link with its text.
struct SiteLink: Encodable {
    var text: String
    var href: String
}
