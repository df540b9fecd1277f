/// The language of a label, as far as normalisation cares: it picks the stop words, the
/// stemmer and whether Bokmål/Nynorsk spelling variants apply.
public enum LabelLanguage: String, Sendable, Hashable, CaseIterable {
    /// Norwegian Bokmål (`nb`, also plain `no`).
    case bokmal = "nb"
    /// Norwegian Nynorsk (`nn`).
    case nynorsk = "nn"
    /// English (`en`).
    case english = "en"
    /// Unknown or unsupported: folded and tokenised, but not stemmed.
    case undetermined = "und"

    /// Reads a BCP 47 language tag (`nb`, `nb-NO`, `no`, `nob`, `nn`, `en-GB`, …);
    /// anything else, or no tag, is ``undetermined``.
    public init(tag: String?) {
        guard let tag, !tag.isEmpty else {
            self = .undetermined
            return
        }
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "nb", "no", "nob", "nor": self = .bokmal
        case "nn", "nno": self = .nynorsk
        case "en", "eng": self = .english
        default: self = .undetermined
        }
    }

    /// Whether the label is Norwegian, either written form.
    public var isNorwegian: Bool { self == .bokmal || self == .nynorsk }
}
