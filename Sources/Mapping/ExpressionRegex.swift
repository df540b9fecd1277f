import Foundation

/// A regular expression of a mapping file (`replace`, `matches`), compiled once.
/// `NSRegularExpression` is immutable and documented as safe to share between threads.
final class ExpressionRegex: @unchecked Sendable {
    /// The pattern as written.
    let pattern: String
    private let regex: NSRegularExpression

    /// Compiles `pattern` (ICU syntax); `flags` may hold `i` (ignore case), `s` (`.`
    /// matches line ends), `m` (`^` and `$` match at lines) and `x` (spaces ignored).
    init(_ pattern: String, flags: String = "") throws(ExpressionSyntaxError) {
        var options: NSRegularExpression.Options = []
        for (i, flag) in flags.enumerated() {
            switch flag {
            case "i": options.insert(.caseInsensitive)
            case "s": options.insert(.dotMatchesLineSeparators)
            case "m": options.insert(.anchorsMatchLines)
            case "x": options.insert(.allowCommentsAndWhitespace)
            default: throw ExpressionSyntaxError("unknown regular expression flag '\(flag)' (use i, s, m or x)", offset: i)
            }
        }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw ExpressionSyntaxError("'\(pattern)' is not a valid regular expression", offset: 0)
        }
        self.pattern = pattern
    }

    /// True when the pattern matches somewhere in `text` (anchor with `^…$` for all of it).
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with every match replaced by `template` (`$1` is the first group, `\$` a dollar).
    func replace(in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// The number of capture groups.
    var groupCount: Int { regex.numberOfCaptureGroups }
}
