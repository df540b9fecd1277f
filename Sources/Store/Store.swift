// Store: keeps imported RDF in a persistent quad store — one named graph per source,
// with its provenance — behind the `QuadStore` protocol, embedded in SQLite by default.
