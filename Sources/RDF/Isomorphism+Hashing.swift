// Deterministic 64-bit hashing for isomorphism colours (never Swift's seeded Hasher).

// MARK: - Hashing

/// Deterministic 64-bit hashing (never seeded per process).
enum IsoHash {
    static let quadSeed: UInt64 = 0x51_7C_C1_B7_27_22_0A_95
    static let selfMarker: UInt64 = 0x2F_1E_A5_C3_77_D0_19_4B
    static let blankTag: UInt64 = 0x6A_09_E6_67_F3_BC_C9_08
    static let defaultGraph: UInt64 = 0xBB_67_AE_85_84_CA_A7_3B
    static let emptyGraphMarker: UInt64 = 0x3C_6E_F3_72_FE_94_F8_2B
    static let initialColour: UInt64 = 0xA5_4F_F5_3A_5F_1D_36_F1
    static let unsetSignature: UInt64 = 0x9B_05_68_8C_2B_3E_6C_1F
    static let individualised: UInt64 = 0x1F_83_D9_AB_FB_41_BD_6B

    /// SplitMix64's finaliser.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 30
        x &*= 0xBF58_476D_1CE4_E5B9
        x ^= x >> 27
        x &*= 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return x
    }

    /// An order-dependent combination of a running hash and a value.
    @inline(__always)
    static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        mix(hash ^ (value &+ 0x9E37_79B9_7F4A_7C15 &+ (hash << 6) &+ (hash >> 2)))
    }

    /// FNV-1a over the term's text. Fields are separated by 0xFF, a byte UTF-8 never
    /// contains; language tags are folded to lower case, as `Literal`'s `==` does.
    static func hash(_ term: Term) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func feed(_ byte: UInt8) {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        func feed(_ text: String) { for byte in text.utf8 { feed(byte) } }
        switch term {
        case .iri(let iri):
            feed(0x49)
            feed(iri)
        case .blankNode(let label):
            feed(0x42)
            feed(label)
        case .literal(let literal):
            feed(0x4C)
            feed(literal.lexicalForm)
            feed(0xFF)
            feed(literal.datatype)
            if let language = literal.language {
                feed(0xFF)
                feed(Literal.asciiLowercased(language))
            }
        }
        return mix(h)
    }
}
