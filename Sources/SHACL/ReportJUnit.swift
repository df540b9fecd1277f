import RDF

/// The JUnit XML report for CI systems: one test suite per shape, one test case per
/// (focus node, shape) that validation started from, failed when it has results.
public enum ReportJUnit {
    public static func render(_ report: ValidationReport, checked: [(shape: Term, focusNode: Term)],
                              namer: TermNamer, language: String, failOn: Severity) -> String {
        var bySuite: [Term: [Term]] = [:]
        var suiteOrder: [Term] = []
        for (shape, focus) in checked {
            if bySuite[shape] == nil { suiteOrder.append(shape) }
            bySuite[shape, default: []].append(focus)
        }
        var results: [Pair: [ValidationResult]] = [:]
        for r in report.results {
            let root = r.root ?? (r.sourceShape, r.focusNode)
            results[Pair(shape: root.shape, focus: root.focusNode), default: []].append(r)
        }
        let failures = checked.filter { pair in
            results[Pair(shape: pair.shape, focus: pair.focusNode)]?.contains { $0.severity >= failOn } ?? false
        }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"samsvar validate\" tests=\"\(checked.count)\" failures=\"\(failures)\">\n"
        for shape in suiteOrder {
            let foci = bySuite[shape]!
            let suiteFailures = foci.filter { f in results[Pair(shape: shape, focus: f)]?.contains { $0.severity >= failOn } ?? false }.count
            xml += "  <testsuite name=\"\(escape(namer.name(shape)))\" tests=\"\(foci.count)\" failures=\"\(suiteFailures)\">\n"
            for focus in foci {
                xml += "    <testcase classname=\"\(escape(namer.name(shape)))\" name=\"\(escape(namer.name(focus)))\""
                let rs = results[Pair(shape: shape, focus: focus)] ?? []
                if rs.isEmpty {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n"
                let lines = rs.map { r in
                    "\(r.severity.rawValue): " + (r.path.map { $0.sparql(namer.name(iri:)) + ": " } ?? "")
                        + Messages.text(for: r, language: language, name: namer.name)
                        + (r.value.map { " (value \(namer.name($0)))" } ?? "")
                }
                let failing = rs.filter { $0.severity >= failOn }
                if !failing.isEmpty {
                    xml += "      <failure message=\"\(escape(Messages.text(for: failing[0], language: language, name: namer.name)))\" type=\"\(escape(failing[0].componentName))\">"
                    xml += escape(lines.joined(separator: "\n")) + "</failure>\n"
                } else {
                    xml += "      <system-out>" + escape(lines.joined(separator: "\n")) + "</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    struct Pair: Hashable {
        let shape: Term
        let focus: Term
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(c)
            default:
                // XML 1.0 forbids most control characters even as references.
                if c.value < 0x20 { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
