import Catalog
import Foundation

/// The terminal pages of `samsvar catalog`: search hits with facets, and one resource.
enum CatalogText {
    /// Facet values shown per facet; the JSON output has all of them.
    static let facetValuesShown = 8

    static func searchResult(_ result: SearchResult, text: String) -> String {
        var out = ""
        let what = result.total == 1 ? "dataset" : "datasets"
        out += text.isEmpty ? "\(result.total) \(what)" : "\(result.total) \(what) match \"\(text)\""
        if !result.hits.isEmpty && result.hits.count < result.total {
            out += " (\(result.offset + 1)–\(result.offset + result.hits.count) shown)"
        }
        out += "\n"
        let width = String(result.offset + result.hits.count).count
        for (i, hit) in result.hits.enumerated() {
            let number = String(result.offset + i + 1)
            let series = hit.kind == .series ? " [series]" : ""
            out += "\n" + String(repeating: " ", count: width - number.count) + number + ". " + (hit.title ?? "(no title)") + series
            if !text.isEmpty { out += "  (score " + String(format: "%.3f", hit.score) + ")" }
            let indent = String(repeating: " ", count: width + 2)
            out += "\n" + indent + hit.iri + "\n"
            var details: [String] = []
            if let p = hit.publisher { details.append(agent(p)) }
            if !hit.themes.isEmpty { details.append(hit.themes.map(\.text).joined(separator: ", ")) }
            if !hit.formats.isEmpty { details.append(hit.formats.map(\.text).joined(separator: ", ")) }
            if !hit.accessRights.isEmpty { details.append(hit.accessRights.map(\.text).joined(separator: ", ")) }
            if !details.isEmpty { out += indent + details.joined(separator: " · ") + "\n" }
        }
        if result.total > 0 {
            out += "\n"
            out += facet("Themes", result.facets.themes)
            out += facet("Publishers", result.facets.publishers)
            out += facet("Formats", result.facets.formats)
            out += facet("Access rights", result.facets.accessRights)
        }
        return out
    }

    private static func facet(_ name: String, _ counts: [FacetCount]) -> String {
        guard !counts.isEmpty else { return "" }
        var items = counts.prefix(facetValuesShown).map { c -> String in
            // A blank node has no name worth showing: its store label is internal.
            let label = c.label ?? (c.value.hasPrefix("_:") ? "(unnamed)" : c.value)
            return label + (c.orgnr.map { " [\($0)]" } ?? "") + " (\(c.count))"
        }
        if counts.count > facetValuesShown { items.append("… \(counts.count - facetValuesShown) more") }
        return (name + ":").padding(toLength: 15, withPad: " ", startingAt: 0) + items.joined(separator: " · ") + "\n"
    }

    // MARK: One resource

    static func dataset(_ d: DatasetView) -> String {
        var page = Page(title: d.title, kind: d.kind == .series ? "Dataset series" : "Dataset", iri: d.iri, description: d.description)
        page.line("Publisher", d.publisher.map(agent))
        page.line("Creator", d.creators.map(agent))
        page.line("Themes", d.themes.map(term))
        page.line("Keywords", d.keywords.joined(separator: ", "))
        page.line("Access rights", d.accessRights.map(term))
        page.line("Licence", d.licences.map(term))
        page.line("Type", d.types.map(term))
        page.line("Languages", d.languages.map(term))
        page.line("Temporal", d.temporal.map { "\($0.start ?? "…") – \($0.end ?? "…")" })
        page.line("Spatial", d.spatial.map(term))
        page.line("Frequency", d.frequency.map(term))
        page.line("Issued", d.issued)
        page.line("Modified", d.modified)
        page.line("Conforms to", d.conformsTo.map(term))
        page.line("Landing page", d.landingPages)
        page.line("Contact point", d.contactPoints.map(contact))
        page.line("Identifier", d.identifiers)
        page.line("In series", d.inSeries.map(term))
        page.line("Series members", d.seriesMembers.map(term))
        page.line("Catalogue", d.catalogs.map(term))
        page.line("Source", d.graphs)
        if !d.distributions.isEmpty {
            page.text += "\nDistributions (\(d.distributions.count)):\n"
            for (i, dist) in d.distributions.enumerated() {
                page.text += "\n  \(i + 1). \(dist.title ?? "(no title)")\n     \(dist.iri)\n"
                var sub = Page(indent: "     ")
                if let description = dist.description { sub.text += "     " + description + "\n" }
                sub.line("Format", (dist.formats + dist.mediaTypes).map(term))
                sub.line("Access URL", dist.accessURLs)
                sub.line("Download URL", dist.downloadURLs)
                sub.line("Licence", dist.licence.map(term))
                sub.line("Access rights", dist.accessRights.map(term))
                sub.line("Byte size", dist.byteSize)
                sub.line("Issued", dist.issued)
                sub.line("Modified", dist.modified)
                sub.line("Conforms to", dist.conformsTo.map(term))
                sub.line("Access service", dist.accessServices.map(term))
                page.text += sub.text
            }
        }
        return page.text
    }

    static func dataService(_ s: DataServiceView) -> String {
        var page = Page(title: s.title, kind: "Data service", iri: s.iri, description: s.description)
        page.line("Publisher", s.publisher.map(agent))
        page.line("Endpoint URL", s.endpointURLs)
        page.line("Endpoint description", s.endpointDescriptions)
        page.line("Serves dataset", s.servesDatasets.map(term))
        page.line("Themes", s.themes.map(term))
        page.line("Keywords", s.keywords.joined(separator: ", "))
        page.line("Formats", s.formats.map(term))
        page.line("Access rights", s.accessRights.map(term))
        page.line("Licence", s.licence.map(term))
        page.line("Landing page", s.landingPages)
        page.line("Contact point", s.contactPoints.map(contact))
        page.line("Source", s.graphs)
        return page.text
    }

    static func catalog(_ c: CatalogView) -> String {
        var page = Page(title: c.title, kind: "Catalogue", iri: c.iri, description: c.description)
        page.line("Publisher", c.publisher.map(agent))
        page.line("Homepage", c.homepage)
        page.line("Theme taxonomy", c.themeTaxonomies.map(term))
        page.line("Languages", c.languages.map(term))
        page.line("Licence", c.licence.map(term))
        page.line("Issued", c.issued)
        page.line("Modified", c.modified)
        page.line("Datasets", c.datasets.isEmpty ? nil : "\(c.datasets.count)")
        page.line("Data services", c.dataServices)
        page.line("Source", c.graphs)
        return page.text
    }

    static func term(_ t: LabeledTerm) -> String {
        guard let iri = t.iri else { return t.text }
        guard let label = t.label else { return "<\(iri)>" }
        return "\(label) <\(iri)>"
    }

    static func agent(_ a: Agent) -> String {
        var parts = [a.name ?? a.iri.map { "<\($0)>" } ?? "(unnamed)"]
        if let orgnr = a.orgnr { parts.append("orgnr \(orgnr)") }
        if a.name != nil, let iri = a.iri { parts.append("<\(iri)>") }
        return parts.joined(separator: ", ")
    }

    static func contact(_ c: ContactPoint) -> String {
        [c.name, c.organizationUnit, c.email, c.telephone.map { "tel. " + $0 }, c.url].compactMap { $0 }.joined(separator: " · ")
    }

    /// A page of `Label:  value` lines under a heading.
    private struct Page {
        var text = ""
        var indent = ""

        init(indent: String) { self.indent = indent }

        init(title: String?, kind: String, iri: String, description: String?) {
            text = (title ?? "(no title)") + "\n" + kind + " <" + iri + ">\n"
            if let description { text += "\n" + description + "\n" }
            text += "\n"
        }

        mutating func line(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            line(label, [value])
        }

        mutating func line(_ label: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            let head = indent + (label + ":").padding(toLength: max(16, label.count + 2), withPad: " ", startingAt: 0)
            let pad = String(repeating: " ", count: head.count)
            for (i, v) in values.enumerated() { text += (i == 0 ? head : pad) + v + "\n" }
        }
    }
}
