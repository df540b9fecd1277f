import RDF

/// Messages for results whose shape gives no `sh:message`, in English and Norwegian
/// Bokmål, and the choice among a shape's own messages by language.
public enum Messages {
    /// The shape's message in `language` if it has one, else its first message, else a
    /// generated one. `name` renders terms (IRIs as prefixed names, literals quoted).
    public static func text(for r: ValidationResult, language: String, name: (Term) -> String) -> String {
        let literals = r.messages.compactMap(\.literalValue)
        if let match = literals.first(where: { $0.language?.lowercased() == language })
            ?? literals.first(where: { ($0.language?.lowercased()).map { language.hasPrefix($0) || $0.hasPrefix(language) } ?? false })
            ?? literals.first(where: { $0.language == nil })
            ?? literals.first {
            return match.lexicalForm
        }
        return generated(for: r, language: language, name: name)
    }

    /// A message describing the failed constraint.
    public static func generated(for r: ValidationResult, language: String, name: (Term) -> String) -> String {
        let p = r.parameter.map { t -> String in
            // Counts, lengths and lists read as plain text; patterns and constants keep quotes.
            if let l = t.literalValue, l.language == nil,
               l.datatype == XSD.integer || (l.datatype == XSD.string && ["In", "LanguageIn", "UniqueLang"].contains(r.componentName)) {
                return l.lexicalForm
            }
            return name(t)
        } ?? ""
        let nb = language == "nb" || language == "no" || language == "nn"
        switch r.componentName {
        case "Class": return nb ? "Verdien er ikke en instans av \(p)" : "Value is not an instance of \(p)"
        case "Datatype": return nb ? "Verdien er ikke en gyldig literal av datatypen \(p)" : "Value is not a well-formed literal of datatype \(p)"
        case "NodeKind": return nb ? "Verdien er ikke av nodetypen \(p)" : "Value does not have node kind \(p)"
        case "MinCount" where p == "1": return nb ? "Mangler verdi" : "Has no value"
        case "MinCount": return nb ? "Færre enn \(p) verdier" : "Fewer than \(p) values"
        case "MaxCount" where p == "1": return nb ? "Mer enn én verdi" : "More than one value"
        case "MaxCount": return nb ? "Flere enn \(p) verdier" : "More than \(p) values"
        case "MinExclusive": return nb ? "Verdien er ikke større enn \(p)" : "Value is not greater than \(p)"
        case "MinInclusive": return nb ? "Verdien er mindre enn \(p)" : "Value is less than \(p)"
        case "MaxExclusive": return nb ? "Verdien er ikke mindre enn \(p)" : "Value is not less than \(p)"
        case "MaxInclusive": return nb ? "Verdien er større enn \(p)" : "Value is greater than \(p)"
        case "MinLength": return nb ? "Verdien er kortere enn \(p) tegn" : "Value is shorter than \(p) characters"
        case "MaxLength": return nb ? "Verdien er lengre enn \(p) tegn" : "Value is longer than \(p) characters"
        case "Pattern": return nb ? "Verdien samsvarer ikke med mønsteret \(p)" : "Value does not match the pattern \(p)"
        case "LanguageIn": return nb ? "Språkkoden er ikke blant \(p)" : "Language tag is not one of \(p)"
        case "UniqueLang": return nb ? "Flere verdier har språkkoden \(p)" : "More than one value has the language tag \(p)"
        case "Equals": return nb ? "Verdiene er ikke de samme som for \(p)" : "Values differ from those of \(p)"
        case "Disjoint": return nb ? "Verdien er også en verdi av \(p)" : "Value is also a value of \(p)"
        case "LessThan": return nb ? "Verdien er ikke mindre enn verdiene av \(p)" : "Value is not less than the values of \(p)"
        case "LessThanOrEquals": return nb ? "Verdien er større enn verdiene av \(p)" : "Value is greater than the values of \(p)"
        case "Not": return nb ? "Verdien samsvarer med formen \(p), som den ikke skal" : "Value conforms to shape \(p), which it must not"
        case "And": return nb ? "Verdien samsvarer ikke med alle formene" : "Value does not conform to all of the shapes"
        case "Or": return nb ? "Verdien samsvarer ikke med noen av formene" : "Value does not conform to any of the shapes"
        case "Xone": return nb ? "Verdien samsvarer ikke med nøyaktig én av formene" : "Value does not conform to exactly one of the shapes"
        case "Node": return nb ? "Verdien samsvarer ikke med formen \(p)" : "Value does not conform to shape \(p)"
        case "QualifiedMinCount": return nb ? "Færre enn \(p) verdier samsvarer med den kvalifiserte formen" : "Fewer than \(p) values conform to the qualified shape"
        case "QualifiedMaxCount": return nb ? "Flere enn \(p) verdier samsvarer med den kvalifiserte formen" : "More than \(p) values conform to the qualified shape"
        case "Closed": return nb ? "Egenskapen er ikke tillatt (lukket form)" : "Property is not allowed by the closed shape"
        case "HasValue": return nb ? "Mangler den påkrevde verdien \(p)" : "Missing the required value \(p)"
        case "In": return nb ? "Verdien er ikke blant \(p)" : "Value is not one of \(p)"
        default: return r.componentName
        }
    }
}
