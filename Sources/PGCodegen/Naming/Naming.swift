/// How database names become Swift names (Swift API Design Guidelines):
/// `saas_clients` → `SaasClient`, `client_id` → `clientID`, `whatsapp_number` → `whatsappNumber`,
/// enum label `past_due` → `pastDue`; keywords escaped with backticks.
public enum Naming {
    /// Words written in capitals when they are not the first word of a name.
    public static let acronyms: Set<String> = ["id", "url", "uri", "api", "json", "html", "http", "ip", "uuid", "sql"]

    /// The words of a database name: split at `_`, spaces and other punctuation, and between a
    /// lower-case letter and an upper-case one (`displayName` → display, name).
    static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if character.isUppercase, !current.isEmpty, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // displayName → display, name; HTTPStatus → http, status
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    /// ``words(_:)`` for ASCII names (nearly all), on bytes rather than characters.
    private static func asciiWords(_ name: String) -> [String] {
        let bytes = Array(name.utf8)
        func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        var words: [String] = []
        var current: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            guard isUpper(byte) || isLower(byte) || isDigit(byte) else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current = []
                continue
            }
            if isUpper(byte), !current.isEmpty, index > 0 {
                let previous = bytes[index - 1]
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                // displayName → display, name; HTTPStatus → http, status
                if isLower(previous) || isDigit(previous) || (isUpper(previous) && next.map(isLower) == true) {
                    words.append(String(decoding: current, as: UTF8.self))
                    current = []
                }
            }
            current.append(isUpper(byte) ? byte + 32 : byte)
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// `id` → `ID`, `ids` → `IDs`, `name` → `Name`.
    private static func capitalized(_ word: String) -> String {
        if acronyms.contains(word) { return word.uppercased() }
        if word.hasSuffix("s"), acronyms.contains(String(word.dropLast())) { return word.dropLast().uppercased() + "s" }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `saas_clients` → `SaasClient`: words capitalised, the last one made singular.
    public static func typeName(forTable table: String) -> String {
        var parts = words(table)
        if let last = parts.last { parts[parts.count - 1] = singular(last) }
        return identifier(parts.map(capitalized).joined(), fallback: "Table")
    }

    /// `saas_subscription_plan` → `SaasSubscriptionPlan`.
    public static func typeName(for name: String) -> String {
        identifier(words(name).map(capitalized).joined(), fallback: "Type")
    }

    /// `client_id` → `clientID`, `id` → `id`, `API_key` → `apiKey`; a column called `self`, which
    /// no property can be called even with backticks (it would hide `self` in the initializer),
    /// becomes `selfValue`.
    public static func propertyName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "value" }
        let property = identifier(first + parts.dropFirst().map(capitalized).joined(), fallback: "value")
        return property == "self" ? "selfValue" : escaped(property)
    }

    /// `past_due` → `pastDue`, `in progress` → `inProgress`, `2nd try` → `_2ndTry`.
    public static func caseName(_ label: String) -> String {
        let parts = words(label)
        guard let first = parts.first else { return "empty" }
        return escaped(identifier(first + parts.dropFirst().map(capitalized).joined(), fallback: "value"))
    }

    /// A name that starts with a digit gets a leading underscore.
    private static func identifier(_ name: String, fallback: String) -> String {
        guard let first = name.first else { return fallback }
        return first.isNumber ? "_" + name : name
    }

    /// Swift keywords (and names that only backticks make usable) are escaped.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as", "false",
        "is", "nil", "self", "Self", "super", "throws", "true", "try", "Any", "Type", "Protocol", "await", "async",
    ]

    // MARK: - Singular

    private static let irregular: [String: String] = [
        "people": "person", "children": "child", "men": "man", "women": "woman", "mice": "mouse", "geese": "goose",
        "feet": "foot", "teeth": "tooth", "data": "data", "media": "media", "criteria": "criterion", "phenomena": "phenomenon",
        "indices": "index", "matrices": "matrix", "vertices": "vertex", "statuses": "status", "analyses": "analysis",
        "bases": "base", "cases": "case", "aliases": "alias", "buses": "bus", "viruses": "virus", "campuses": "campus",
        "series": "series", "species": "species", "news": "news", "leaves": "leaf", "lives": "life", "knives": "knife",
        "wives": "wife", "halves": "half", "selves": "self", "shelves": "shelf", "quizzes": "quiz", "moves": "move",
        "movies": "movie", "cookies": "cookie", "pies": "pie", "ties": "tie", "invoices": "invoice", "prices": "price",
        "devices": "device", "services": "service", "responses": "response", "courses": "course", "purchases": "purchase",
        "licenses": "license", "expenses": "expense", "releases": "release", "databases": "database", "phases": "phase",
        "houses": "house", "warehouses": "warehouse", "uses": "use", "causes": "cause", "clauses": "clause",
    ]

    /// The singular of an English plural, for table names: `clients` → `client`,
    /// `categories` → `category`, `addresses` → `address`; words that are not plural stay.
    public static func singular(_ word: String) -> String {
        if let known = irregular[word] { return known }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        for suffix in ["sses", "shes", "ches", "xes", "zzes"] where word.hasSuffix(suffix) {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is"), word.count > 2 {
            return String(word.dropLast())
        }
        return word
    }
}
