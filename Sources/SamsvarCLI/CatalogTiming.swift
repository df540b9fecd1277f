import Catalog
import Foundation
import Store

/// `samsvar catalog search --repeat N` (hidden, for Benchmarks/bench-search.sh): runs the
/// whole search N times in this process — open the index from the store, run the query,
/// count the facets, label the page — and prints the latencies on stderr.
enum CatalogTiming {
    static func measure(store: SQLiteQuadStore, labels: LabelChooser, query: CatalogQuery, runs: Int) throws {
        var total: [Double] = [], open: [Double] = [], search: [Double] = []
        var firstSource = CatalogSearch.IndexSource.stored
        var hits = 0
        for run in 0..<runs {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let catalog = try CatalogSearch(store: store, labels: labels)
            let t1 = DispatchTime.now().uptimeNanoseconds
            hits = try catalog.search(query).total
            let t2 = DispatchTime.now().uptimeNanoseconds
            if run == 0 { firstSource = catalog.indexSource }
            open.append(Double(t1 - t0) / 1e6)
            search.append(Double(t2 - t1) / 1e6)
            total.append(Double(t2 - t0) / 1e6)
        }
        let first = total[0]
        // The first run may have built the index: the statistics are over the others.
        let steady = runs > 1 ? 1 : 0
        let rest = total.dropFirst(steady)
        let line = "timing: \(runs) runs, \(hits) hits; first \(ms(first)) ms (index \(firstSource.rawValue)); "
            + "median \(ms(percentile(rest, 0.5))) ms (open \(ms(percentile(open.dropFirst(steady), 0.5))) "
            + "+ query \(ms(percentile(search.dropFirst(steady), 0.5)))), p90 \(ms(percentile(rest, 0.9))) ms, "
            + "min \(ms(rest.min() ?? 0)) ms\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func ms(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The nearest-rank percentile.
    static func percentile(_ values: ArraySlice<Double>, _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank - 1, 0), sorted.count - 1)]
    }
}
