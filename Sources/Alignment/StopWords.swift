/// Short stop-word lists for labels: articles, conjunctions, the commonest prepositions,
/// pronouns and auxiliaries. Words that change a label's meaning (`ikke`, `uten`, `over`,
/// `under`, `etter`, `før`, `annen`, `not`, `without`, `other` …) are deliberately absent.
public enum StopWords {
    /// Norwegian Bokmål.
    public static let bokmal: Set<String> = [
        "og", "eller", "samt", "men", "i", "på", "til", "for", "av", "med", "fra", "om", "hos", "ved",
        "som", "at", "å", "en", "ei", "et", "den", "det", "de", "dem", "der", "her", "er", "var",
        "har", "hadde", "blir", "ble", "vært", "være", "seg", "sin", "sitt", "sine", "hans",
        "hennes", "deres", "dens", "dets", "hvis", "dersom", "når", "da", "så", "enn", "også",
    ]

    /// Norwegian Nynorsk.
    public static let nynorsk: Set<String> = [
        "og", "eller", "samt", "men", "i", "på", "til", "for", "av", "med", "frå", "om", "hos", "ved",
        "som", "at", "å", "ein", "ei", "eit", "den", "det", "dei", "der", "her", "er", "var",
        "har", "hadde", "blir", "vart", "vore", "vere", "seg", "sin", "sitt", "sine", "hans",
        "hennar", "deira", "viss", "dersom", "når", "då", "så", "enn", "òg",
    ]

    /// English.
    public static let english: Set<String> = [
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
        "into", "as", "is", "are", "was", "were", "be", "been", "its", "their", "his", "her",
        "that", "which", "this", "these", "those",
    ]

    /// The list for `language`; empty for undetermined languages.
    public static func list(for language: LabelLanguage) -> Set<String> {
        switch language {
        case .bokmal: bokmal
        case .nynorsk: nynorsk
        case .english: english
        case .undetermined: []
        }
    }
}
