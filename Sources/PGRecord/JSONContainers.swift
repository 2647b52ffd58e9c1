/// The elements of a JSON array: a `RandomAccessCollection` of ``JSONValue``, with value semantics.
///
/// It holds its elements like `[JSONValue]` does, with one difference that matters for deep
/// documents: letting go of a value nested 1,000,000 levels deep takes no stack, where releasing
/// nested Swift arrays recurses once per level and overflows the thread's stack.
public struct JSONArray: Sendable {
    var storage: JSONStorage<[JSONValue]>

    public init() { storage = JSONStorage([]) }

    public init(_ elements: some Sequence<JSONValue>) { storage = JSONStorage(Array(elements)) }

    /// The elements as a Swift array.
    public var elements: [JSONValue] { storage.contents }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = JSONStorage(storage.contents) }
    }
}

extension JSONArray: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.contents.count }

    public subscript(position: Int) -> JSONValue {
        get { storage.contents[position] }
        set {
            makeUnique()
            storage.holds(newValue)
            storage.contents[position] = newValue
        }
    }

    public mutating func replaceSubrange(_ subrange: Range<Int>, with newElements: some Collection<JSONValue>) {
        makeUnique()
        for element in newElements { storage.holds(element) }
        storage.contents.replaceSubrange(subrange, with: newElements)
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        makeUnique()
        storage.contents.reserveCapacity(minimumCapacity)
    }
}

extension JSONArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: JSONValue...) { self.init(elements) }
}

extension JSONArray: Hashable {
    public static func == (lhs: JSONArray, rhs: JSONArray) -> Bool { JSONValue.array(lhs) == JSONValue.array(rhs) }
    public func hash(into hasher: inout Hasher) { JSONValue.array(self).hash(into: &hasher) }
}

extension JSONArray: Codable {
    public init(from decoder: any Decoder) throws { self.init(try [JSONValue](from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try elements.encode(to: encoder) }
}

extension JSONArray: CustomStringConvertible {
    public var description: String { JSONValue.array(self).jsonText }
}

/// The members of a JSON object: a `Collection` of `(key: String, value: JSONValue)` with a
/// subscript by key, like `[String: JSONValue]`, with the same stack-free release as ``JSONArray``.
public struct JSONObject: Sendable {
    var storage: JSONStorage<[String: JSONValue]>

    public init() { storage = JSONStorage([:]) }

    public init(_ members: [String: JSONValue]) { storage = JSONStorage(members) }

    /// The members as a Swift dictionary.
    public var members: [String: JSONValue] { storage.contents }

    public var keys: Dictionary<String, JSONValue>.Keys { storage.contents.keys }
    public var values: Dictionary<String, JSONValue>.Values { storage.contents.values }

    /// The member with this key; setting `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { storage.contents[key] }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = JSONStorage(storage.contents) }
            if let newValue { storage.holds(newValue) }
            storage.contents[key] = newValue
        }
    }
}

extension JSONObject: Collection {
    public typealias Index = Dictionary<String, JSONValue>.Index
    public typealias Element = (key: String, value: JSONValue)
    public var startIndex: Index { storage.contents.startIndex }
    public var endIndex: Index { storage.contents.endIndex }
    public subscript(position: Index) -> Element { storage.contents[position] }
    public func index(after index: Index) -> Index { storage.contents.index(after: index) }
    public var count: Int { storage.contents.count }
    public var isEmpty: Bool { storage.contents.isEmpty }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { JSONValue.object(lhs) == JSONValue.object(rhs) }
    public func hash(into hasher: inout Hasher) { JSONValue.object(self).hash(into: &hasher) }
}

extension JSONObject: Codable {
    public init(from decoder: any Decoder) throws { self.init(try [String: JSONValue](from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try members.encode(to: encoder) }
}

extension JSONObject: CustomStringConvertible {
    public var description: String { JSONValue.object(self).jsonText }
}

// MARK: - Storage that lets go without recursing

/// A container's contents, shared between copies until one of them changes (copy on write).
///
/// Mutated only through a uniquely referenced instance, so it can be `Sendable`.
final class JSONStorage<Contents: JSONContents>: @unchecked Sendable {
    var contents: Contents
    /// At least the number of container levels from here down (a change can raise it, never
    /// lower it): a shallow value is let go the ordinary way, which is fastest.
    private(set) var depth: Int

    init(_ contents: Contents) {
        self.contents = contents
        depth = contents.depth + 1
    }

    /// Records that `value` is now held here.
    func holds(_ value: JSONValue) {
        if value.isContainer { depth = Swift.max(depth, value.depth + 1) }
    }

    deinit {
        // Deep: the nested containers that only this one holds are taken apart one at a time,
        // so that no release goes deeper than `shallow` levels.
        guard depth > JSONValue.shallow else { return }
        var work = contents.takeContainers()
        JSONValue.dismantle(&work)
    }
}

/// What ``JSONStorage`` holds: an array's elements or an object's members.
protocol JSONContents {
    /// The deepest nesting of the values held (0 when none is a container).
    var depth: Int { get }
    /// Moves the nested containers out, leaving the contents empty.
    mutating func takeContainers() -> [JSONValue]
}

extension Array: JSONContents where Element == JSONValue {
    var depth: Int { reduce(0) { Swift.max($0, $1.depth) } }
    mutating func takeContainers() -> [JSONValue] {
        let containers = filter { $0.isContainer }
        self = []
        return containers
    }
}

extension Dictionary: JSONContents where Key == String, Value == JSONValue {
    var depth: Int { values.reduce(0) { Swift.max($0, $1.depth) } }
    mutating func takeContainers() -> [JSONValue] {
        let containers = values.filter { $0.isContainer }
        self = [:]
        return containers
    }
}

extension JSONValue {
    /// Releasing this many levels the ordinary way (recursively) takes a few hundred kilobytes
    /// of stack at most; deeper values are taken apart one level at a time.
    static let shallow = 256

    var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    /// Container levels: 0 for a scalar, 1 for `[1]`, 2 for `[[1]]`.
    var depth: Int {
        switch self {
        case .array(let array): array.storage.depth
        case .object(let object): object.storage.depth
        default: 0
        }
    }

    /// Lets go of the values in `work` without recursing: a container that nothing else holds
    /// gives its nested containers to the work list before it goes, so each release frees one
    /// level only.
    static func dismantle(_ work: inout [JSONValue]) {
        while var value = work.popLast() {
            // A shallow container goes the ordinary way when `storage` does.
            if var storage = value.takeArrayStorage() {
                if storage.depth > shallow, isKnownUniquelyReferenced(&storage) {
                    work.append(contentsOf: storage.contents.takeContainers())
                }
            } else if var storage = value.takeObjectStorage() {
                if storage.depth > shallow, isKnownUniquelyReferenced(&storage) {
                    work.append(contentsOf: storage.contents.takeContainers())
                }
            }
        }
    }

    /// An array's storage, leaving `.null` behind: once this returns, the caller's reference is
    /// the only one this value had.
    private mutating func takeArrayStorage() -> JSONStorage<[JSONValue]>? {
        guard case .array(let array) = self else { return nil }
        let storage = array.storage
        self = .null
        return storage
    }

    private mutating func takeObjectStorage() -> JSONStorage<[String: JSONValue]>? {
        guard case .object(let object) = self else { return nil }
        let storage = object.storage
        self = .null
        return storage
    }
}
