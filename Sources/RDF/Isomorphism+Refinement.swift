// Iterative colour refinement of blank nodes.

// MARK: - Colour refinement

/// An ordered partition of a component's nodes into colour classes, refined by hashing,
/// with a trail for undoing changes while backtracking.
///
/// Class ids are assigned in an order determined by the structure alone (splits are
/// processed sorted by parent class and signature), so two isomorphic components refined
/// the same way get the same class ids for corresponding nodes.
///
/// Each class occupies a contiguous range of `order` (as the cells of nauty do): a class
/// splits by moving nodes to the end of its range, which then becomes the new class's
/// range. Undoing a split only restores `classOf` and the sizes; the nodes stay permuted
/// within the parent's range, which is all the representation needs.
struct IsoPartition {
    /// The class of each node.
    var classOf: [Int32]
    /// The number of nodes in each class.
    var size: [Int32]
    /// Where each class's range starts in `order` (fixed once the class exists).
    var start: [Int32]
    /// The colour of each class (fixed once the class exists).
    var colour: [UInt64]
    /// The signature all members of each class share (for a class of one, the signature
    /// its node had when the class was formed: singletons are never refined).
    var signature: [UInt64]
    /// The nodes, grouped by class.
    private var order: [Int32]
    /// The index of each node in `order`.
    private var position: [Int32]
    /// An order-independent hash of all classes (colour, size, signature).
    var hash: UInt64
    /// Counts refinement rounds and individualisations; part of new colours.
    var epoch: UInt64 = 0
    /// Nodes whose signature may have changed.
    var dirty: [Int32]

    var recording = false
    private var trail: [Change] = []
    /// A lazy min-heap of `size << 32 | class` for classes of two or more nodes; entries
    /// whose size is out of date are dropped when they reach the top.
    private var tied: [UInt64] = []
    private var stamp: [UInt32]
    private var stampValue: UInt32 = 0
    private var entries: [Entry] = []
    private var changed: [Int32] = []

    private struct Change {
        var kind: UInt8
        var index: Int32
        var old: UInt64
    }

    private struct Entry {
        var cls: Int32
        var signature: UInt64
        var node: Int32
    }

    struct Mark {
        fileprivate var trail: Int
        fileprivate var classes: Int
        fileprivate var hash: UInt64
        fileprivate var epoch: UInt64
    }

    /// One class holding every node, all nodes due for their first signature.
    init(_ component: IsoComponent) {
        let n = component.nodeCount
        classOf = [Int32](repeating: 0, count: n)
        size = [Int32(n)]
        start = [0]
        colour = [IsoHash.initialColour]
        signature = [IsoHash.unsetSignature]
        order = Array(0..<Int32(n))
        position = order
        hash = 0
        dirty = order
        stamp = [UInt32](repeating: 0, count: n)
        hash = contribution(0)
        pushTied(0)
    }

    var isDiscrete: Bool { size.count == classOf.count }

    /// The nodes of class `k`.
    func members(_ k: Int32) -> ArraySlice<Int32> {
        let from = Int(start[Int(k)])
        return order[from..<(from + Int(size[Int(k)]))]
    }

    @inline(__always)
    private func contribution(_ k: Int) -> UInt64 {
        IsoHash.mix(IsoHash.combine(IsoHash.combine(colour[k], UInt64(UInt32(bitPattern: size[k]))), signature[k]))
    }

    private mutating func setClass(_ v: Int32, _ k: Int32) {
        if recording { trail.append(Change(kind: 0, index: v, old: UInt64(UInt32(bitPattern: classOf[Int(v)])))) }
        classOf[Int(v)] = k
    }

    private mutating func setSize(_ k: Int, _ value: Int32) {
        if recording { trail.append(Change(kind: 1, index: Int32(k), old: UInt64(UInt32(bitPattern: size[k])))) }
        size[k] = value
        pushTied(k)
    }

    private mutating func setSignature(_ k: Int, _ value: UInt64) {
        if recording { trail.append(Change(kind: 2, index: Int32(k), old: signature[k])) }
        signature[k] = value
    }

    /// Moves the nodes `entries[from..<to]` (all of class `k`) to the end of `k`'s range
    /// and makes that part of the range a new class with the given colour and signature.
    private mutating func carve(_ k: Int, _ from: Int, _ to: Int, colour newColour: UInt64, signature newSignature: UInt64) -> Int {
        var end = Int(start[k] + size[k])
        for t in from..<to {
            let v = entries[t].node
            end -= 1
            let here = Int(position[Int(v)])
            let other = order[end]
            order[here] = other
            position[Int(other)] = Int32(here)
            order[end] = v
            position[Int(v)] = Int32(end)
        }
        let fresh = size.count
        size.append(Int32(to - from))
        start.append(Int32(end))
        colour.append(newColour)
        signature.append(newSignature)
        for t in from..<to { setClass(entries[t].node, Int32(fresh)) }
        setSize(k, size[k] - Int32(to - from))
        pushTied(fresh)
        return fresh
    }

    func mark() -> Mark { Mark(trail: trail.count, classes: size.count, hash: hash, epoch: epoch) }

    /// Restores the state saved by `mark()` (taken while recording).
    mutating func undo(to mark: Mark) {
        while trail.count > mark.trail {
            let change = trail.removeLast()
            switch change.kind {
            case 0:
                classOf[Int(change.index)] = Int32(bitPattern: UInt32(truncatingIfNeeded: change.old))
            case 1:
                size[Int(change.index)] = Int32(bitPattern: UInt32(truncatingIfNeeded: change.old))
                pushTied(Int(change.index))
            default:
                signature[Int(change.index)] = change.old
            }
        }
        let extra = size.count - mark.classes
        if extra > 0 {
            size.removeLast(extra)
            start.removeLast(extra)
            colour.removeLast(extra)
            signature.removeLast(extra)
        }
        hash = mark.hash
        epoch = mark.epoch
        dirty.removeAll(keepingCapacity: true)
    }

    private mutating func pushTied(_ k: Int) {
        guard size[k] > 1 else { return }
        tied.append(UInt64(UInt32(bitPattern: size[k])) << 32 | UInt64(k))
        var child = tied.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard tied[child] < tied[parent] else { break }
            tied.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTied() {
        let last = tied.removeLast()
        guard !tied.isEmpty else { return }
        tied[0] = last
        var parent = 0
        while true {
            var smallest = parent
            let left = 2 * parent + 1
            let right = left + 1
            if left < tied.count && tied[left] < tied[smallest] { smallest = left }
            if right < tied.count && tied[right] < tied[smallest] { smallest = right }
            if smallest == parent { break }
            tied.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// The smallest class with more than one node (the lowest id among equals), or -1.
    mutating func smallestTiedClass() -> Int32 {
        while let top = tied.first {
            let k = Int(top & 0xFFFF_FFFF)
            if k < size.count && UInt64(UInt32(bitPattern: size[k])) == top >> 32 { return Int32(k) }
            popTied()
        }
        return -1
    }

    /// The sum of the hashes of the node's quads, seen from the node: itself as a marker,
    /// other blank nodes as their class colours, constants as their hashes.
    @inline(__always)
    private func signature(of v: Int32, _ component: IsoComponent) -> UInt64 {
        var total: UInt64 = 0
        var index = component.incidenceStart[Int(v)]
        let end = component.incidenceStart[Int(v) + 1]
        while index < end {
            let base = Int(component.incidence[index]) * 4
            var h = IsoHash.quadSeed
            for i in base..<(base + 4) {
                let w = component.slots[i]
                let x: UInt64
                if w < 0 {
                    x = component.slotHash[i]
                } else if w == v {
                    x = IsoHash.selfMarker
                } else {
                    x = colour[Int(classOf[Int(w)])]
                }
                h = IsoHash.combine(h, x)
            }
            total &+= IsoHash.mix(h)
            index += 1
        }
        return total
    }

    /// Moves `v` into a class of its own and marks its neighbours dirty.
    mutating func individualise(_ v: Int32, _ component: IsoComponent) {
        let k = Int(classOf[Int(v)])
        hash &-= contribution(k)
        entries.removeAll(keepingCapacity: true)
        entries.append(Entry(cls: Int32(k), signature: signature[k], node: v))
        let fresh = carve(k, 0, 1, colour: IsoHash.combine(IsoHash.combine(colour[k], IsoHash.individualised), epoch),
                          signature: signature[k])
        hash &+= contribution(k) &+ contribution(fresh)
        epoch &+= 1
        changed.removeAll(keepingCapacity: true)
        changed.append(v)
        markNeighboursOfChanged(component)
    }

    private mutating func markNeighboursOfChanged(_ component: IsoComponent) {
        stampValue &+= 1
        if stampValue == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            stampValue = 1
        }
        for v in changed {
            var index = component.incidenceStart[Int(v)]
            let end = component.incidenceStart[Int(v) + 1]
            while index < end {
                let base = Int(component.incidence[index]) * 4
                for i in base..<(base + 4) {
                    let w = component.slots[i]
                    // A class of one cannot split, so its node needs no new signature.
                    if w >= 0 && w != v && stamp[Int(w)] != stampValue && size[Int(classOf[Int(w)])] > 1 {
                        stamp[Int(w)] = stampValue
                        dirty.append(w)
                    }
                }
                index += 1
            }
        }
    }

    /// Refines until stable. Returns the trace (one hash per round), or `nil` as soon as
    /// it departs from `expected`.
    mutating func refine(_ component: IsoComponent, expected: [UInt64]?) -> [UInt64]? {
        var trace: [UInt64] = []
        func record(_ value: UInt64) -> Bool {
            if let expected {
                guard trace.count < expected.count, expected[trace.count] == value else { return false }
            }
            trace.append(value)
            return true
        }
        guard record(IsoHash.combine(hash, UInt64(size.count))) else { return nil }
        while !dirty.isEmpty {
            entries.removeAll(keepingCapacity: true)
            for v in dirty {
                let s = signature(of: v, component)
                let k = classOf[Int(v)]
                if s != signature[Int(k)] { entries.append(Entry(cls: k, signature: s, node: v)) }
            }
            dirty.removeAll(keepingCapacity: true)
            entries.sort { $0.cls != $1.cls ? $0.cls < $1.cls : $0.signature < $1.signature }
            changed.removeAll(keepingCapacity: true)
            split()
            epoch &+= 1
            guard record(IsoHash.combine(IsoHash.combine(hash, UInt64(size.count)), UInt64(changed.count))) else {
                dirty.removeAll(keepingCapacity: true)
                return nil
            }
            markNeighboursOfChanged(component)
        }
        if let expected, trace.count != expected.count { return nil }
        return trace
    }

    /// Applies one round of splits from the sorted entries (nodes whose new signature
    /// differs from their class's). Within a class, nodes keeping the old signature keep
    /// the class; if there are none, the largest group (lowest signature among equals)
    /// keeps it. Every other group becomes a new class with a new colour.
    private mutating func split() {
        let total = entries.count
        var i = 0
        while i < total {
            let k = Int(entries[i].cls)
            var j = i
            while j < total && Int(entries[j].cls) == k { j += 1 }
            var keeper = -1
            if Int(size[k]) == j - i {
                var bestLength = 0
                var s = i
                while s < j {
                    var e = s
                    while e < j && entries[e].signature == entries[s].signature { e += 1 }
                    if e - s > bestLength {
                        keeper = s
                        bestLength = e - s
                    }
                    s = e
                }
            }
            hash &-= contribution(k)
            var s = i
            while s < j {
                let g = entries[s].signature
                var e = s
                while e < j && entries[e].signature == g { e += 1 }
                if s == keeper {
                    setSignature(k, g)
                } else {
                    let fresh = carve(k, s, e, colour: IsoHash.combine(IsoHash.combine(colour[k], g), epoch), signature: g)
                    for t in s..<e { changed.append(entries[t].node) }
                    hash &+= contribution(fresh)
                }
                s = e
            }
            hash &+= contribution(k)
            i = j
        }
    }
}
