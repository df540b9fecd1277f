/// Bokmål ↔ Nynorsk spelling variants: Nynorsk labels are rewritten into one canonical
/// (Bokmål) spelling so that `verksemd` meets `virksomhet` and `eigedomsregister` meets
/// `eiendomsregister`. Labels in other languages are left alone, so that Bokmål words that
/// happen to be Nynorsk variants of something else (`stad`, `sal`) keep their meaning.
///
/// Two levels. ``canonicalToken(_:language:)`` rewrites words before stemming: the word
/// table, `-heit` → `-het`, `-ing` → `-else` where the `-else` form is attested in the data
/// and a table word that starts a compound (`køyretøykontroll` →
/// `kjøretøykontroll`). ``canonicalStem(_:language:)`` rewrites stems after stemming: the
/// stems of the word table (so that inflected forms follow), a table stem that ends a
/// compound (`bibliotektenest` → `bibliotektjenest`), and systematic endings:
/// `-heit`, `-leik`, `-semd`, `-laus`, `-løys`, infinitive `-kje`/`-gje`.
public struct SpellingVariants: Sendable {
    /// The built-in table: ``bokmalNynorskPairs``.
    public static let standard = SpellingVariants(pairs: bokmalNynorskPairs)

    /// No variants at all: every word and stem stays as it is.
    public static let none = SpellingVariants(pairs: [], systematicEndings: false)

    /// Variant word → canonical word.
    public let words: [String: String]
    /// Variant stem → canonical stem.
    public let stems: [String: String]
    /// Whether the systematic endings (`-heit`, `-ing`/`-else` and the stem endings) apply.
    public let systematicEndings: Bool
    /// Bokmål `-else` words seen in the data being aligned; a Nynorsk `-ing` word is
    /// rewritten to `-else` only when that form is here.
    public private(set) var attested: Set<String> = []

    /// Variant words of at least ``minimumPartLength`` letters that may start a compound,
    /// by their first three scalars.
    private let prefixes: [UInt64: [(variant: [Unicode.Scalar], canonical: [Unicode.Scalar])]]
    /// Variant stems of at least ``minimumPartLength`` letters that may end a compound, by
    /// their last three scalars.
    private let suffixes: [UInt64: [(variant: [Unicode.Scalar], canonical: [Unicode.Scalar])]]

    /// Table stems that end too many unrelated words to be taken for the head of a compound
    /// (`forureining` is not a kind of `eining`, `rettleiing` not a kind of `leiing`).
    private static let notCompoundEnds: Set<String> = ["eining", "leiing"]

    /// The shortest table word used as a part of a compound, and the shortest rest of it.
    public static let minimumPartLength = 4
    private static let minimumRest = 3

    /// Builds the variant maps from (Bokmål, Nynorsk) word pairs; the first pair wins when
    /// two map the same variant.
    public init(pairs: [(bokmal: String, nynorsk: String)], systematicEndings: Bool = true) {
        let stemmer = NorwegianStemmer()
        var words: [String: String] = [:]
        var stems: [String: String] = [:]
        var prefixes: [UInt64: [([Unicode.Scalar], [Unicode.Scalar])]] = [:]
        var suffixes: [UInt64: [([Unicode.Scalar], [Unicode.Scalar])]] = [:]
        for (bokmal, nynorsk) in pairs where bokmal != nynorsk {
            if words[nynorsk] == nil {
                words[nynorsk] = bokmal
                let variant = ScalarText.scalars(nynorsk)
                if variant.count >= Self.minimumPartLength {
                    prefixes[Self.key(variant[0..<3]), default: []].append((variant, ScalarText.scalars(bokmal)))
                }
            }
            let canonicalStem = stemmer.stem(bokmal)
            let variantStem = stemmer.stem(nynorsk)
            if canonicalStem != variantStem, stems[variantStem] == nil {
                stems[variantStem] = canonicalStem
                let variant = ScalarText.scalars(variantStem)
                if variant.count >= Self.minimumPartLength, !Self.notCompoundEnds.contains(variantStem) {
                    suffixes[Self.key(variant[(variant.count - 3)...]), default: []]
                        .append((variant, ScalarText.scalars(canonicalStem)))
                }
            }
        }
        self.words = words
        self.stems = stems
        self.systematicEndings = systematicEndings
        // Longest part first.
        self.prefixes = prefixes.mapValues { $0.sorted { $0.0.count > $1.0.count } }
        self.suffixes = suffixes.mapValues { $0.sorted { $0.0.count > $1.0.count } }
    }

    @inline(__always)
    private static func key(_ three: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var key: UInt64 = 0
        for scalar in three { key = key << 21 | UInt64(scalar.value) }
        return key
    }

    /// Records words that occur in the labels being aligned, enabling the `-ing` → `-else`
    /// rewrite for those that end in `-else`.
    public mutating func attest<S: Sequence>(_ tokens: S) where S.Element == String {
        for token in tokens where token.hasSuffix("else") { attested.insert(token) }
    }

    // MARK: Words

    private static let heitEndings: [(variant: [Unicode.Scalar], canonical: [Unicode.Scalar])] = [
        ("heitene", "hetene"), ("heiter", "heter"), ("heita", "heten"), ("heit", "het"),
    ].map { (ScalarText.scalars($0.0), ScalarText.scalars($0.1)) }
    private static let heits = ScalarText.scalars("heits")
    private static let hets = ScalarText.scalars("hets")
    private static let ingEndings = ["ingane", "ingar", "inga", "ing"].map(ScalarText.scalars)
    private static let elseEnding = ScalarText.scalars("else")

    /// The canonical spelling of a case-folded word of a label in `language`; the word
    /// itself unless `language` is Nynorsk.
    public func canonicalToken(_ token: String, language: LabelLanguage = .nynorsk) -> String {
        guard language == .nynorsk else { return token }
        return rewrite(token: token, scalars: Array(token.unicodeScalars))?.text ?? token
    }

    /// The rewritten Nynorsk word, or `nil` if it stays as it is.
    func rewrite(token: String, scalars: [Unicode.Scalar]) -> (text: String, scalars: [Unicode.Scalar])? {
        if let word = words[token] { return (word, Array(word.unicodeScalars)) }
        let count = scalars.count
        if systematicEndings, let rewritten = rewriteEnding(scalars) { return rewritten }
        if count >= Self.minimumPartLength + Self.minimumRest, let candidates = prefixes[Self.key(scalars[0..<3])] {
            for (variant, canonical) in candidates
            where count >= variant.count + Self.minimumRest && scalars.starts(with: variant) {
                return Self.result(canonical + scalars[variant.count...])
            }
        }
        return nil
    }

    /// `-heit` → `-het` (also before a linking `s`) and attested `-ing` → `-else`.
    private func rewriteEnding(_ scalars: [Unicode.Scalar]) -> (text: String, scalars: [Unicode.Scalar])? {
        let count = scalars.count
        for (variant, canonical) in Self.heitEndings
        where count >= variant.count + 3 && ScalarText.hasSuffix(scalars, end: count, variant) {
            return Self.result(Array(scalars[..<(count - variant.count)]) + canonical)
        }
        if count >= 11 {  // 3 letters, `heits`, 3 letters
            for start in 3...(count - 8) where scalars[start] == "h" && ScalarText.hasSuffix(scalars, end: start + 5, Self.heits) {
                return Self.result(Array(scalars[..<start]) + Self.hets + scalars[(start + 5)...])
            }
        }
        if !attested.isEmpty {
            for ending in Self.ingEndings where ScalarText.hasSuffix(scalars, end: count, ending) {
                let candidate = Self.result(Array(scalars[..<(count - ending.count)]) + Self.elseEnding)
                if attested.contains(candidate.text) { return candidate }
                break
            }
        }
        return nil
    }

    private static func result(_ scalars: [Unicode.Scalar]) -> (text: String, scalars: [Unicode.Scalar]) {
        (ScalarText.string(scalars), scalars)
    }

    // MARK: Stems

    /// Systematic Nynorsk stem endings and their Bokmål stem endings.
    private static let stemEndings: [(variant: [Unicode.Scalar], canonical: [Unicode.Scalar])] = [
        ("heit", ""), ("leik", ""), ("semd", "som"), ("laus", "løs"), ("løys", "løs"), ("kj", "k"), ("gj", "g"),
    ].map { (ScalarText.scalars($0.0), ScalarText.scalars($0.1)) }

    /// The canonical form of a stem of a label in `language`; the stem itself unless
    /// `language` is Nynorsk.
    public func canonicalStem(_ stem: String, language: LabelLanguage = .nynorsk) -> String {
        guard language == .nynorsk else { return stem }
        var scalars = Array(stem.unicodeScalars)
        return canonicalStem(stem, scalars: &scalars)
    }

    /// The canonical form of a Nynorsk stem given as text and scalars.
    func canonicalStem(_ stem: String, scalars: inout [Unicode.Scalar]) -> String {
        if let canonical = stems[stem] { return canonical }
        let count = scalars.count
        if count >= Self.minimumPartLength + Self.minimumRest, let candidates = suffixes[Self.key(scalars[(count - 3)...])] {
            for (variant, canonical) in candidates
            where count >= variant.count + Self.minimumRest && ScalarText.hasSuffix(scalars, end: count, variant) {
                scalars.removeLast(variant.count)
                scalars.append(contentsOf: canonical)
                return ScalarText.string(scalars)
            }
        }
        guard systematicEndings else { return stem }
        return applyStemEndings(&scalars) ? ScalarText.string(scalars) : stem
    }

    /// Rewrites a systematic ending of `stem` in place; whether it did.
    func applyStemEndings(_ stem: inout [Unicode.Scalar]) -> Bool {
        for (variant, canonical) in Self.stemEndings
        where stem.count >= variant.count + 3 && ScalarText.hasSuffix(stem, end: stem.count, variant) {
            stem.removeLast(variant.count)
            stem.append(contentsOf: canonical)
            return true
        }
        return false
    }
}

extension SpellingVariants {
    /// Common Bokmål/Nynorsk pairs in public-sector vocabularies (registers, services,
    /// themes) and function words, Bokmål first. Pairs that the stemmer already conflates
    /// (`arbeidstaker`/`arbeidstakar`) are left out; spellings shared by both (`kommune`,
    /// `fylke`, `opplysning`) need no entry.
    public static let bokmalNynorskPairs: [(bokmal: String, nynorsk: String)] = [
        // Registers, persons and addresses
        ("virksomhet", "verksemd"), ("enhet", "eining"), ("bosted", "bustad"), ("sted", "stad"),
        ("tettsted", "tettstad"), ("bostedsadresse", "bustadadresse"), ("eiendom", "eigedom"),
        ("eier", "eigar"), ("eierskap", "eigarskap"), ("grunneier", "grunneigar"),
        ("eiendomsskatt", "eigedomsskatt"), ("eiendomsrett", "eigedomsrett"), ("navn", "namn"),
        ("fornavn", "førenamn"), ("etternavn", "etternamn"), ("mellomnavn", "mellomnamn"),
        ("født", "fødd"), ("søsken", "sysken"), ("husholdning", "hushald"), ("vei", "veg"),
        ("veiadresse", "vegadresse"), ("borger", "borgar"), ("statsborgerskap", "statsborgarskap"),
        ("innbygger", "innbyggjar"), ("befolkning", "folkesetnad"), ("foretak", "føretak"),
        ("forening", "foreining"), ("stiftelse", "stifting"), ("regnskap", "rekneskap"),
        ("årsregnskap", "årsrekneskap"), ("beregning", "utrekning"), ("leder", "leiar"),
        ("daglig", "dagleg"), ("styreleder", "styreleiar"), ("ledelse", "leiing"),
        // Public administration and services
        ("tjeneste", "teneste"), ("helsetjeneste", "helseteneste"), ("tjenesteyter", "tenesteytar"),
        ("myndighet", "styresmakt"), ("saksbehandling", "sakshandsaming"), ("behandling", "handsaming"),
        ("behandle", "handsame"), ("saksbehandler", "sakshandsamar"), ("søker", "søkjar"),
        ("ansatt", "tilsett"), ("ansettelse", "tilsetjing"), ("lønn", "løn"), ("lønnsmottaker", "lønsmottakar"),
        ("arbeidsgiver", "arbeidsgjevar"), ("arbeidsledighet", "arbeidsløyse"), ("arbeidsledig", "arbeidslaus"),
        ("tilskudd", "tilskot"), ("sykepenger", "sjukepengar"), ("syk", "sjuk"), ("sykdom", "sjukdom"),
        ("sykehus", "sjukehus"), ("sykmelding", "sjukmelding"), ("forvaltning", "forvalting"),
        ("forskning", "forsking"), ("undersøkelse", "undersøking"), ("virkning", "verknad"),
        ("begrep", "omgrep"), ("betydning", "tyding"), ("beskrivelse", "skildring"),
        ("skole", "skule"), ("grunnskole", "grunnskule"), ("høyskole", "høgskule"),
        ("videregående", "vidaregåande"), ("høyere", "høgare"), ("høy", "høg"), ("barn", "born"),
        ("vann", "vatn"), ("strøm", "straum"), ("samferdsel", "samferdsle"), ("kjøretøy", "køyretøy"),
        ("kjøre", "køyre"), ("mangfold", "mangfald"), ("måned", "månad"), ("uke", "veke"),
        ("trygghet", "tryggleik"), ("ønske", "ynske"), ("tilbud", "tilbod"), ("hjem", "heim"),
        ("hjemme", "heime"), ("havn", "hamn"), ("opphold", "opphald"), ("innhold", "innhald"),
        ("mestring", "meistring"), ("tillatelse", "løyve"), ("giving", "gjeving"), ("voksen", "vaksen"),
        ("voksne", "vaksne"), ("flom", "flaum"), ("forhånd", "førehand"), ("fravær", "fråvær"),
        ("forelegg", "førelegg"), ("legemiddel", "lækjemiddel"), ("leie", "leige"), ("merverdi", "meirverdi"),
        ("midlertidig", "mellombels"), ("norge", "noreg"), ("oppsigelse", "oppseiing"),
        ("fastsettelse", "fastsetjing"), ("særskilt", "særskild"), ("marked", "marknad"), ("ombud", "ombod"),
        ("brudd", "brot"), ("gjenlevende", "attlevande"), ("hendelse", "hending"), ("forurenset", "forureina"),
        ("samboer", "sambuar"), ("bruker", "brukar"), ("fører", "førar"), ("medvirkning", "medverknad"),
        ("bygge", "byggje"), ("skipper", "skippar"), ("avløser", "avløysar"), ("seddel", "setel"),
        ("ytelse", "yting"), ("spill", "spel"), ("hold", "hald"), ("vedlikehold", "vedlikehald"),
        ("vær", "vêr"), ("forurensning", "forureining"), ("avlastning", "avlasting"), ("åpenhet", "openheit"),
        ("foresatte", "føresette"), ("tilrettelagt", "tilrettelagd"), ("hverdag", "kvardag"),
        ("håndtering", "handtering"),
        // Function words (most are stop words, but labels made only of them still compare)
        ("hva", "kva"), ("hvem", "kven"), ("hvor", "kvar"), ("hvordan", "korleis"), ("hvorfor", "kvifor"),
        ("hvis", "viss"), ("ikke", "ikkje"), ("jeg", "eg"), ("noe", "noko"), ("noen", "nokon"),
        ("mye", "mykje"), ("også", "òg"), ("fra", "frå"), ("uten", "utan"), ("de", "dei"),
        ("hun", "ho"), ("hennes", "hennar"), ("deres", "deira"), ("være", "vere"), ("vært", "vore"),
        ("ble", "vart"), ("mer", "meir"), ("bare", "berre"), ("da", "då"), ("nå", "no"),
        ("samme", "same"), ("annen", "annan"), ("egen", "eigen"), ("en", "ein"), ("et", "eit"),
    ]
}
