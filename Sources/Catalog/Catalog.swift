/// Harvests local DCAT-AP-NO catalogue files into the store: validated, diffed and reported.
public enum Catalog {}
