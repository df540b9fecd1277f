import RDF

// Turtle literals (RDF 1.1 Turtle section 6.5): strings short and long with their
// escapes, language tags and datatypes, and numbers with their lexical forms kept as
// written. (`true` and `false` are keywords, read with the objects.) Like the other token
// readers, these throw `needMore()` when a non-final buffer ends inside them.

extension TurtleReader {
    /// `RDFLiteral ::= String (LANGTAG | '^^' iri)?` at a quote.
    mutating func stringLiteral() throws(LexError) -> Literal {
        let q = c.current
        let p = c.pos
        let lexical: String
        if p + 1 < c.end, c.base[p + 1] == q {
            if p + 2 >= c.end {
                if !isFinal { throw needMore() }
                c.pos = p + 2
                lexical = ""
            } else if c.base[p + 2] == q {
                lexical = try longString(q)
            } else {
                c.pos = p + 2
                lexical = ""
            }
        } else {
            lexical = try c.readShortString()
        }
        // LANGTAG and '^^' are tokens of their own: white space may come before them.
        skipWhitespace()
        guard c.pos < c.end else {
            if !isFinal { throw needMore() }
            return Literal(lexical)
        }
        switch c.current {
        case UInt8(ascii: "@"):
            let tag = try c.readLanguageTag()
            if c.pos >= c.end, !isFinal { throw needMore() }
            return Literal(lexical, language: tag)
        case UInt8(ascii: "^"):
            guard c.pos + 1 < c.end else {
                if !isFinal { throw needMore() }
                throw LexError(message: "expected '^^' and a datatype, found end of input", offset: c.pos)
            }
            guard c.base[c.pos + 1] == UInt8(ascii: "^") else {
                throw LexError(message: "expected '^^' before the datatype", offset: c.pos)
            }
            c.pos += 2
            try skipWhitespaceExpectingMore("expected a datatype IRI after '^^'")
            let datatypeAt = c.pos
            let datatype: String
            if c.current == UInt8(ascii: "<") {
                datatype = try iri()
            } else if isPrefixedNameStart(c.current) {
                datatype = try prefixedName()
            } else {
                throw LexError(message: "expected a datatype IRI or prefixed name after '^^'", offset: c.pos)
            }
            return try ByteCursor.typedLiteral(lexical, datatype: datatype, at: datatypeAt)
        default:
            return Literal(lexical)
        }
    }

    /// `STRING_LITERAL_LONG_QUOTE` or `STRING_LITERAL_LONG_SINGLE_QUOTE` at its first quote:
    /// raw line breaks allowed, ECHAR and UCHAR escapes decoded. The first unescaped run of
    /// three quotes closes it (the grammar lets content end in a quote only escaped).
    mutating func longString(_ q: UInt8) throws(LexError) -> String {
        let open = c.pos
        let base = c.base, end = c.end
        let start = open + 3
        var p = start
        var high: UInt8 = 0
        while p < end {
            let b = base[p]
            if b == q {
                guard p + 2 < end else { break }
                if base[p + 1] == q, base[p + 2] == q {
                    c.pos = p + 3
                    let s = try c.makeString(start, p, high: high)
                    noteLineBreaks(start, p)
                    return s
                }
            } else if b == UInt8(ascii: "\\") {
                c.pos = p
                return try escapedLongString(q, open: open, start: start)
            }
            high |= b
            p += 1
        }
        c.pos = end
        if !isFinal { throw needMore() }
        throw LexError(message: "unterminated long string: missing closing \(q == UInt8(ascii: "'") ? "'''" : "\"\"\"")", offset: open)
    }

    /// The slow path of `longString` once a `\` is met at the cursor.
    private mutating func escapedLongString(_ q: UInt8, open: Int, start: Int) throws(LexError) -> String {
        c.scratch.removeAll(keepingCapacity: true)
        try c.appendValidated(start, c.pos)
        while c.pos < c.end {
            let b = c.current
            if b == q {
                guard c.pos + 2 < c.end else { break }
                if c.base[c.pos + 1] == q, c.base[c.pos + 2] == q {
                    noteLineBreaks(start, c.pos)
                    c.pos += 3
                    return String(decoding: c.scratch, as: UTF8.self)
                }
                c.scratch.append(b)
                c.pos += 1
            } else if b == UInt8(ascii: "\\") {
                c.appendUTF8(try c.readUCHAR(allowECHAR: true))
            } else {
                try c.appendRawScalar()
            }
        }
        c.pos = c.end
        if !isFinal { throw needMore() }
        throw LexError(message: "unterminated long string: missing closing \(q == UInt8(ascii: "'") ? "'''" : "\"\"\"")", offset: open)
    }

    /// `NumericLiteral`: INTEGER, DECIMAL or DOUBLE, with the lexical form as written.
    mutating func numericLiteral() throws(LexError) -> Literal {
        let base = c.base, end = c.end
        let start = c.pos
        var p = start
        if base[p] == UInt8(ascii: "+") || base[p] == UInt8(ascii: "-") { p += 1 }
        let digitsStart = p
        while p < end, ByteCursor.isDigit(base[p]) { p += 1 }
        let integerDigits = p - digitsStart
        var kind = 0 // 0 integer, 1 decimal, 2 double
        if p < end, base[p] == UInt8(ascii: ".") {
            // '.' belongs to the number only if digits or an exponent follow.
            guard p + 1 < end else {
                if !isFinal { throw needMore() }
                return try integer(start, p, integerDigits)
            }
            let next = base[p + 1]
            if ByteCursor.isDigit(next) {
                p += 2
                while p < end, ByteCursor.isDigit(base[p]) { p += 1 }
                kind = 1
            } else if integerDigits > 0, next == UInt8(ascii: "e") || next == UInt8(ascii: "E"), try exponent(at: p + 1) {
                p += 1
                kind = 1
            }
        }
        if integerDigits == 0 && kind == 0 {
            c.pos = p
            throw LexError(message: "expected a number", offset: start)
        }
        if p < end, base[p] == UInt8(ascii: "e") || base[p] == UInt8(ascii: "E") {
            guard try exponent(at: p) else {
                c.pos = p
                throw LexError(message: "expected digits in the exponent", offset: p)
            }
            p += 1
            if base[p] == UInt8(ascii: "+") || base[p] == UInt8(ascii: "-") { p += 1 }
            while p < end, ByteCursor.isDigit(base[p]) { p += 1 }
            kind = 2
        }
        if p >= end, !isFinal { throw needMore() }
        c.pos = p
        let lexical = String(decoding: UnsafeBufferPointer(start: base + start, count: p - start), as: UTF8.self)
        switch kind {
        case 0: return Literal(lexical, datatype: xsdInteger)
        case 1: return Literal(lexical, datatype: xsdDecimal)
        default: return Literal(lexical, datatype: xsdDouble)
        }
    }

    private mutating func integer(_ start: Int, _ p: Int, _ digits: Int) throws(LexError) -> Literal {
        guard digits > 0 else {
            c.pos = p
            throw LexError(message: "expected a number", offset: start)
        }
        c.pos = p
        return Literal(String(decoding: UnsafeBufferPointer(start: c.base + start, count: p - start), as: UTF8.self), datatype: xsdInteger)
    }

    /// True if `EXPONENT ::= [eE] [+-]? [0-9]+` starts at `p` (an 'e' or 'E').
    private mutating func exponent(at p: Int) throws(LexError) -> Bool {
        var q = p + 1
        if q < c.end, c.base[q] == UInt8(ascii: "+") || c.base[q] == UInt8(ascii: "-") { q += 1 }
        guard q < c.end else {
            if !isFinal { throw needMore() }
            return false
        }
        return ByteCursor.isDigit(c.base[q])
    }
}
