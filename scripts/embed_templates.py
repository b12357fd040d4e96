#!/usr/bin/env python3
"""Regenerates Sources/TaxoKit/Output/DefaultTemplates.swift from templates/*.mustache (the built-in
templates must equal the repository's; a test checks it)."""
import os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
names = {"gap-analysis.md": "gapAnalysis", "entries/default.json": "entryDefault", "videos-index.md": "videosIndex",
         "library-mapping.md": "libraryMapping", "health.md": "health", "diff.md": "diff",
         "site/page.html": "sitePage", "site/home.html": "siteHome", "site/entity.html": "siteEntity",
         "site/list.html": "siteList", "site/video.html": "siteVideo", "site/file.html": "siteFile",
         "site/diagnostics.html": "siteDiagnostics", "site/names.html": "siteNames", "site/search.html": "siteSearch", "site/style.css": "siteStyle",
         "site/site.js": "siteScript", "site/search.js": "siteSearchScript"}
src = '''/// The built-in report and entry templates. Copies live in the repository's `templates/` folder, where
/// users edit them; a library's own `templates/NAME.mustache` replaces the built-in one. A test keeps the
/// two identical (run scripts/embed_templates.py after changing a template).
public enum DefaultTemplates {
    public static let all: [String: String] = [
''' + "".join('        "%s": %s,\n' % (k, v) for k, v in names.items()) + "    ]\n"
for k, v in names.items():
    body = open(os.path.join(ROOT, "templates", k + ".mustache")).read()
    # Indented as swift-format wants it (the closing delimiter's indentation is taken off every line).
    indented = "\n".join(("        " + line) if line else "" for line in body.split("\n"))
    src += '\n    public static let %s = #"""\n%s\n        """#\n' % (v, indented)
src += "}\n"
open(os.path.join(ROOT, "Sources/TaxoKit/Output/DefaultTemplates.swift"), "w").write(src)
