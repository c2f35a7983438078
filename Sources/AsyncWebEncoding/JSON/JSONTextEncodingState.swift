/// The text of one ``JSONTextEncoder`` run and the values still open in it.
///
/// Each value being written is a frame: the innermost open frame's text is the end of the
/// text, so a value is written where it goes and never copied. Writing to a container closes
/// the frames opened inside it, as its value's encoding has moved on (a nested container is
/// done with once its parent writes again), and a frame's text is finished when it closes:
/// `null` for a value that wrote nothing, a bracket, or an object's members put in key order.
///
/// The text cannot follow a value that writes to a container after it closed, adds to an
/// object or array it already wrote under a key, or turns a filled container into another
/// kind (``JSONValueEncoder`` keeps such contents, hidden or merged): the run is then
/// abandoned, and the encoder encodes the value again through the tree.
struct JSONTextEncodingState {
    enum Kind {
        /// Nothing written yet: `null` if nothing is.
        case unset
        case scalar
        case array
        case object
    }

    private struct Frame {
        /// The order frames were opened in, so an id deeper in the stack is larger.
        let id: Int
        var kind = Kind.unset
        /// Where the value's text begins (its `[` or `{` for a container).
        var start: Int
        /// The elements of an array or the members of an object.
        var count = 0
        /// Which member of the enclosing object the value is; nil for an element or the top level.
        let member: Int?
        /// The record of an object's only member: records move to `members` from the second
        /// on, so the many one-member objects need no array.
        var onlyMember: Member?
        /// Where the object's records begin in `members` once it has two.
        var firstRecord = 0
        /// A member was written again under its key: its first text is left behind.
        var hasRewrittenMember = false

        /// An array or object with something in it: another kind of value would hide it.
        var isFilled: Bool { (kind == .array || kind == .object) && count > 0 }
    }

    /// Where an object's member is in the text.
    private struct Member {
        let key: String
        /// Where `"key":` begins (after the comma), and where the value ends.
        var start: Int
        var end: Int
        /// Where the value begins.
        var valueStart: Int
        /// Closed as a filled array or object: writing under its key again adds to it.
        var isFilledContainer = false
    }

    /// Where the value for a key goes.
    private enum MemberSlot {
        /// At the end of the text, after `"key":`; the value's record is `index`.
        case written(index: Int)
        /// The same, replacing the value the key had, whose text is `previous`.
        case rewritten(index: Int, previous: Range<Int>)
        /// Into the frame that holds the key's value and is still open.
        case open(frame: Int)
    }

    /// Thrown to end a run that has been abandoned; the encoder catches it.
    struct Abandoned: Error {}

    static let topLevel = 0
    /// The id of no frame: what a container gets when the run is abandoned.
    static let noFrame = -1

    private var bytes: [UInt8] = []
    /// Set when the text cannot follow the value (see above), and when the run is over.
    private(set) var isAbandoned = false
    /// The innermost open frame; the others are in `below`, outermost first.
    private var top: Frame
    private var below: [Frame] = []
    /// The records of the open objects with two members or more, innermost last.
    private var members: [Member] = []
    private var nextID = topLevel + 1
    /// An object's text while its members are put in order.
    private var scratch: [UInt8] = []

    /// A run appending to `output`, which is empty until ``giveBack(to:)``.
    init(taking output: inout [UInt8]) {
        swap(&bytes, &output)
        top = Frame(id: Self.topLevel, start: bytes.endIndex, member: nil)
    }

    /// Closes every frame, completing the text.
    mutating func finish() {
        while top.id != Self.closed { closeTop() }
    }

    /// Hands the text back and ends the run: a container kept past it changes nothing.
    mutating func giveBack(to output: inout [UInt8]) {
        swap(&bytes, &output)
        isAbandoned = true
    }

    func throwIfAbandoned() throws {
        if isAbandoned { throw Abandoned() }
    }

    // MARK: What containers do

    /// Makes the value of `frame` an array or an object; one already of that kind keeps its
    /// contents, and the values open inside it stay open.
    mutating func makeContainer(_ kind: Kind, in frame: Int) {
        guard !isAbandoned, let depth = depth(of: frame) else { return abandon() }
        guard (depth == below.endIndex ? top.kind : below[depth].kind) != kind else { return }
        close(above: depth)
        guard !top.isFilled else { return abandon() }
        discardTopText()
        bytes.append(kind == .array ? UInt8(ascii: "[") : UInt8(ascii: "{"))
        top.kind = kind
    }

    /// Makes `value` the value of `frame`, replacing a scalar or an empty container.
    mutating func set(_ value: JSONValue, in frame: Int) throws {
        guard activate(frame) else { throw Abandoned() }
        guard !top.isFilled else {
            abandon()
            throw Abandoned()
        }
        discardTopText()
        JSONWriter.flask.append(value, to: &bytes)
        top.kind = .scalar
    }

    mutating func encode(_ value: JSONValue, forKey key: String, in frame: Int) throws {
        switch beginMember(key, in: frame) {
        case .written(let index), .rewritten(let index, _):
            JSONWriter.flask.append(value, to: &bytes)
            let end = bytes.endIndex
            self[record: index].end = end
        case .open(let child): try set(value, in: child)
        case nil: throw Abandoned()
        }
    }

    /// The frame for the value of `key`, opened unless it is open already; nil when abandoned.
    mutating func nestedFrame(forKey key: String, in frame: Int) -> Int? {
        switch beginMember(key, in: frame) {
        case .written(let index): return push(member: index)
        case .rewritten(let index, let previous):
            // The value the key had stays until the new one writes something else.
            let child = push(member: index)
            scratch.replaceSubrange(scratch.indices, with: bytes[previous])
            bytes.append(contentsOf: scratch)
            top.kind = .scalar
            return child
        case .open(let child): return child
        case nil: return nil
        }
    }

    mutating func encodeElement(_ value: JSONValue, in frame: Int) throws {
        guard beginElement(in: frame) else { throw Abandoned() }
        JSONWriter.flask.append(value, to: &bytes)
    }

    /// A frame for a new element of the array `frame`; nil when abandoned.
    mutating func nestedFrame(elementOf frame: Int) -> Int? {
        beginElement(in: frame) ? push(member: nil) : nil
    }

    /// The elements of the array `frame`, as its unkeyed containers count them.
    mutating func elementCount(in frame: Int) -> Int {
        guard !isAbandoned, let depth = depth(of: frame) else {
            abandon()
            return 0
        }
        let (kind, count) = depth == below.endIndex ? (top.kind, top.count) : (below[depth].kind, below[depth].count)
        return kind == .array ? count : 0
    }

    // MARK: Frames

    private static let closed = Int.min

    private mutating func abandon() {
        isAbandoned = true
    }

    /// Where the open frame `id` is in the stack (`below.endIndex` for the top), or nil once it closed.
    private func depth(of id: Int) -> Int? {
        if top.id == id { return below.endIndex }
        var depth = below.endIndex - 1
        while depth >= 0, below[depth].id >= id {
            if below[depth].id == id { return depth }
            depth -= 1
        }
        return nil
    }

    /// Makes `id` the top frame, closing the frames above it; false, abandoning, when it is closed.
    private mutating func activate(_ id: Int) -> Bool {
        guard !isAbandoned, let depth = depth(of: id) else {
            abandon()
            return false
        }
        close(above: depth)
        return true
    }

    private mutating func close(above depth: Int) {
        while below.endIndex > depth { closeTop() }
    }

    /// Drops what the top frame wrote, for a value that replaces it.
    private mutating func discardTopText() {
        if top.start < bytes.endIndex { bytes.removeSubrange(top.start...) }
    }

    private mutating func push(member: Int?) -> Int {
        below.append(top)
        top = Frame(id: nextID, start: bytes.endIndex, member: member)
        nextID += 1
        return top.id
    }

    private mutating func closeTop() {
        switch top.kind {
        case .unset: bytes.append(contentsOf: "null".utf8)
        case .scalar: break
        case .array: bytes.append(UInt8(ascii: "]"))
        case .object: closeObject()
        }
        let (member, isFilled) = (top.member, top.isFilled)
        top = below.popLast() ?? Frame(id: Self.closed, start: bytes.endIndex, member: nil)
        if let member {
            let end = bytes.endIndex
            self[record: member].end = end
            self[record: member].isFilledContainer = isFilled
        }
    }

    // MARK: Arrays and objects

    private mutating func beginElement(in frame: Int) -> Bool {
        guard activate(frame) else { return false }
        guard top.kind == .array else {
            abandon()
            return false
        }
        if top.count > 0 { bytes.append(UInt8(ascii: ",")) }
        top.count += 1
        return true
    }

    /// Finds or adds the member `key` of the object `frame`; nil, abandoning, when the text
    /// cannot follow.
    private mutating func beginMember(_ key: String, in frame: Int) -> MemberSlot? {
        guard !isAbandoned, let depth = depth(of: frame) else {
            abandon()
            return nil
        }
        let isTop = depth == below.endIndex
        guard (isTop ? top.kind : below[depth].kind) == .object else {
            abandon()
            return nil
        }
        let found = isTop ? memberIndex(of: key, in: top) : memberIndex(of: key, in: below[depth])
        guard let index = found else {
            close(above: depth)
            if top.count > 0 { bytes.append(UInt8(ascii: ",")) }
            let record = Member(key: key, start: bytes.endIndex, end: 0, valueStart: appendKey(key))
            switch top.count {
            case 0: top.onlyMember = record
            case 1:
                top.firstRecord = members.endIndex
                members.append(top.onlyMember.take()!)
                members.append(record)
            default: members.append(record)
            }
            top.count += 1
            return .written(index: top.count - 1)
        }
        if !isTop, (depth + 1 == below.endIndex ? top.member : below[depth + 1].member) == index {
            close(above: depth + 1)
            return .open(frame: top.id)
        }
        close(above: depth)
        let previous = self[record: index]
        guard !previous.isFilledContainer else {
            abandon()
            return nil
        }
        // Written again at the end under its first spelling; the object is rewritten when it closes.
        bytes.append(UInt8(ascii: ","))
        let start = bytes.endIndex
        let valueStart = appendKey(previous.key)
        self[record: index].start = start
        self[record: index].valueStart = valueStart
        self[record: index].end = valueStart
        top.hasRewrittenMember = true
        return .rewritten(index: index, previous: previous.valueStart..<previous.end)
    }

    /// Which member of `object` has `key`. Keys compare as Swift strings, as JSONValueEncoder's
    /// do: "é" and "e\u{301}" are one key.
    private func memberIndex(of key: String, in object: Frame) -> Int? {
        switch object.count {
        case 0: nil
        case 1: object.onlyMember!.key == key ? 0 : nil
        default:
            members[object.firstRecord..<object.firstRecord + object.count].firstIndex { $0.key == key }
                .map { $0 - object.firstRecord }
        }
    }

    /// Writes `"key":`, returning where the value begins.
    private mutating func appendKey(_ key: String) -> Int {
        JSONWriter.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        return bytes.endIndex
    }

    /// The record of the top object's member `index`.
    private subscript(record index: Int) -> Member {
        get { top.count == 1 ? top.onlyMember! : members[top.firstRecord + index] }
        set {
            if top.count == 1 { top.onlyMember = newValue } else { members[top.firstRecord + index] = newValue }
        }
    }

    /// Ends the top object: members out of key order, or written twice, are written again
    /// in order, each once.
    private mutating func closeObject() {
        if top.count > 1 {
            let records = top.firstRecord..<top.firstRecord + top.count
            let inOrder = !top.hasRewrittenMember && zip(records, records.dropFirst()).allSatisfy {
                !JSONWriter.keyPrecedes(members[$1].key, members[$0].key)
            }
            if !inOrder {
                members[records].sort { JSONWriter.keyPrecedes($0.key, $1.key) }
                rewriteMembers(members[records])
            }
            members.removeSubrange(records)
        } else if top.hasRewrittenMember, let only = top.onlyMember {
            rewriteMembers(CollectionOfOne(only))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func rewriteMembers(_ ordered: some Collection<Member>) {
        let membersStart = top.start + 1
        scratch.replaceSubrange(scratch.indices, with: bytes[membersStart...])
        bytes.removeSubrange(membersStart...)
        for (position, member) in ordered.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: scratch[member.start - membersStart..<member.end - membersStart])
        }
    }
}
