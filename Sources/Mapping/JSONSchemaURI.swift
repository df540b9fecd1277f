import Foundation

/// Just enough of RFC 3986 to resolve `$id` and `$ref` against a base URI.
enum JSONSchemaURI {
    /// The parts of a URI reference; absent parts are nil.
    private struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if let colon = rest.firstIndex(of: ":"),
               rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
               rest[..<colon].first?.isLetter == true {
                scheme = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let slash = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<slash])
                rest = rest[slash...]
            }
            path = String(rest)
        }

        var text: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// `reference` resolved against the absolute `base`.
    static func resolve(_ reference: String, against base: String) -> String {
        let ref = Parts(reference)
        if ref.scheme != nil { return with(ref, path: removeDots(ref.path)) }
        var base = Parts(base)
        base.fragment = ref.fragment
        if ref.authority != nil {
            base.authority = ref.authority
            base.path = removeDots(ref.path)
            base.query = ref.query
        } else if ref.path.isEmpty {
            if ref.query != nil { base.query = ref.query }
        } else {
            if ref.path.hasPrefix("/") {
                base.path = removeDots(ref.path)
            } else if base.authority != nil && base.path.isEmpty {
                base.path = removeDots("/" + ref.path)
            } else {
                let directory = base.path.lastIndex(of: "/").map { String(base.path[...$0]) } ?? ""
                base.path = removeDots(directory + ref.path)
            }
            base.query = ref.query
        }
        return base.text
    }

    /// The URI without its fragment, and the fragment (empty when there is none).
    static func split(_ uri: String) -> (String, String) {
        guard let hash = uri.firstIndex(of: "#") else { return (uri, "") }
        return (String(uri[..<hash]), String(uri[uri.index(after: hash)...]))
    }

    private static func with(_ parts: Parts, path: String) -> String {
        var parts = parts
        parts.path = path
        return parts.text
    }

    /// RFC 3986 §5.2.4: removes `.` and `..` segments.
    private static func removeDots(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, segment) in segments.enumerated() {
            let last = i == segments.count - 1
            if segment == "." {
                if last { output.append("") }
            } else if segment == ".." {
                if output.count > 1 || (output.count == 1 && output[0] != "") { output.removeLast() }
                if last { output.append("") }
            } else {
                output.append(segment)
            }
        }
        return output.joined(separator: "/")
    }

    /// A JSON Pointer fragment's reference tokens, unescaped (`~1` is `/`, `~0` is `~`,
    /// percent-escapes decoded); nil when the fragment is not a pointer.
    static func pointerTokens(_ fragment: String) -> [String]? {
        guard let decoded = fragment.removingPercentEncodingForSchema else { return nil }
        if decoded.isEmpty { return [] }
        guard decoded.hasPrefix("/") else { return nil }
        return decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}

extension String {
    /// The string with `%XX` escapes decoded as UTF-8; nil when they are malformed.
    fileprivate var removingPercentEncodingForSchema: String? {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2,
                      let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
