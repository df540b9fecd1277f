/// Catalog: DCAT-AP-NO harvesting (fetch, parse, validate, diff, store, report), catalogue
/// views read from the store, and dataset search with facets.
public enum Catalog {}
