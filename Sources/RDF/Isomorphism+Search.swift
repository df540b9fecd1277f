// Search among blank nodes that refinement leaves tied.

// MARK: - Search

/// Individualisation–refinement search for an isomorphism between two components.
enum IsoSearch {
    private struct Frame {
        var cls: Int32
        var candidates: [Int32]
        var next = 0
        var markA: IsoPartition.Mark
        var markB: IsoPartition.Mark? = nil
        var trace: [UInt64]
    }

    /// A mapping from the nodes of `a` to those of `b` (by local index), given both
    /// components already refined, or `nil` when they are not isomorphic.
    static func match(_ a: IsoComponent, _ refinedA: IsoPartition,
                      _ b: IsoComponent, _ refinedB: IsoPartition) -> [Int32]? {
        guard a.nodeCount == b.nodeCount, a.quadCount == b.quadCount,
              refinedA.size.count == refinedB.size.count else { return nil }
        var pa = refinedA
        var pb = refinedB
        pa.recording = true
        pb.recording = true
        var stack: [Frame] = []
        var descending = true
        while true {
            if descending {
                if pa.isDiscrete {
                    if let mapping = leaf(a, pa, b, pb) { return mapping }
                } else {
                    let cls = pa.smallestTiedClass()
                    let x = pa.members(cls).first ?? 0
                    var candidates: [Int32] = []
                    if Int(cls) < pb.size.count, pb.size[Int(cls)] == pa.size[Int(cls)],
                       pb.colour[Int(cls)] == pa.colour[Int(cls)] {
                        candidates = Array(pb.members(cls))
                    }
                    let markA = pa.mark()
                    pa.individualise(x, a)
                    let trace = pa.refine(a, expected: nil) ?? []
                    stack.append(Frame(cls: cls, candidates: candidates, markA: markA, trace: trace))
                }
            }
            // Try the next candidate of the innermost choice, or give that choice up.
            guard var top = stack.popLast() else { return nil }
            if let markB = top.markB {
                pb.undo(to: markB)
                top.markB = nil
            }
            var advanced = false
            while top.next < top.candidates.count {
                let y = top.candidates[top.next]
                top.next += 1
                let markB = pb.mark()
                pb.individualise(y, b)
                if pb.refine(b, expected: top.trace) != nil {
                    top.markB = markB
                    advanced = true
                    break
                }
                pb.undo(to: markB)
            }
            if advanced {
                stack.append(top)
                descending = true
            } else {
                pa.undo(to: top.markA)
                descending = false
            }
        }
    }

    /// At a discrete partition class ids pair the nodes; the pairing is kept only if it
    /// maps every quad of `a` onto a quad of `b`.
    private static func leaf(_ a: IsoComponent, _ pa: IsoPartition, _ b: IsoComponent, _ pb: IsoPartition) -> [Int32]? {
        guard pb.isDiscrete else { return nil }
        var nodeOfClassB = [Int32](repeating: 0, count: b.nodeCount)
        for v in 0..<b.nodeCount { nodeOfClassB[Int(pb.classOf[v])] = Int32(v) }
        var mapping = [Int32](repeating: 0, count: a.nodeCount)
        for v in 0..<a.nodeCount { mapping[v] = nodeOfClassB[Int(pa.classOf[v])] }
        for q in 0..<a.quadCount {
            var key = SIMD4<Int32>(0, 0, 0, 0)
            for i in 0..<4 {
                let w = a.slots[4 * q + i]
                key[i] = w >= 0 ? mapping[Int(w)] : w
            }
            guard b.keys.contains(key) else { return nil }
        }
        return mapping
    }
}
