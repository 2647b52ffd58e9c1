/// The Swift that the generator writes, as values: translators build these, and one renderer
/// (``SwiftRenderer``) turns them into text. Only the forms the generated code needs exist.

/// A generated file: a header comment, imports, declarations.
public struct FileDescription: Sendable, Equatable {
    public var header: [String]
    public var imports: [String]
    public var declarations: [Declaration]

    public init(header: [String] = [], imports: [String] = [], declarations: [Declaration]) {
        self.header = header
        self.imports = imports
        self.declarations = declarations
    }
}

/// A `///` doc comment, one entry a line (an empty string is an empty `///` line).
public struct DocComment: Sendable, Equatable {
    public var lines: [String]

    public init(_ lines: [String] = []) {
        self.lines = lines
    }

    public var isEmpty: Bool { lines.isEmpty }
}

public indirect enum Declaration: Sendable, Equatable {
    case structure(StructDescription)
    case enumeration(EnumDescription)
    case extension_(ExtensionDescription)
    case property(PropertyDescription)
    case initializer(InitializerDescription)
    case function(FunctionDescription)
    case typeAlias(name: String, type: String, doc: DocComment)
}

/// A function with a short body. The body's lines are written by the query translator alone.
public struct FunctionDescription: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        /// The argument label, when it differs from the name (`_` for none).
        public var label: String?
        public var name: String
        public var type: String
        public var defaultValue: String?
    }

    public var doc = DocComment()
    public var attributes: [String] = []
    public var isStatic = false
    public var name: String
    public var parameters: [Parameter]
    public var isAsync = true
    public var returnType: String?
    public var body: [String]
}

public struct StructDescription: Sendable, Equatable {
    public var doc = DocComment()
    public var name: String
    public var conformances: [String]
    public var members: [Declaration]
}

public struct EnumDescription: Sendable, Equatable {
    public struct Case: Sendable, Equatable {
        public var doc = DocComment()
        /// The case name, already escaped if it is a keyword.
        public var name: String
        /// The raw value, when it differs from the name.
        public var rawValue: String?
        /// The associated value's type (`case name(String)`), when the case has one.
        public var payload: String?
    }

    public var doc = DocComment()
    public var name: String
    public var conformances: [String]
    public var cases: [Case]
    public var members: [Declaration] = []
}

public struct ExtensionDescription: Sendable, Equatable {
    public var doc = DocComment()
    public var extendedType: String
    public var conformances: [String] = []
    public var members: [Declaration]
}

/// An expression on the right of `=`: only literals and the like.
public indirect enum Expression: Sendable, Equatable {
    case stringLiteral(String)
    case arrayLiteral([Expression])
    case identifier(String)
    case `nil`
    /// `Name(label: value, …)`: on one line, or an argument a line when one spans several lines.
    case call(String, [Argument])
    /// Text that a reviewer reads as it is in its file (a migration's SQL): a raw multi-line
    /// string literal, `#"""`, with as many `#` as it takes.
    case multilineString(String)

    /// An argument of a ``call(_:_:)``.
    public struct Argument: Sendable, Equatable {
        public var label: String?
        public var value: Expression

        public init(_ label: String?, _ value: Expression) {
            self.label = label
            self.value = value
        }
    }

    /// Whether the expression is written over several lines.
    var spansLines: Bool {
        switch self {
        case .multilineString: true
        case .call(_, let arguments): arguments.contains { $0.value.spansLines }
        case .arrayLiteral(let items): items.contains(where: \.spansLines)
        default: false
        }
    }
}

public struct PropertyDescription: Sendable, Equatable {
    public var doc = DocComment()
    public var isStatic = false
    public var isLet = false
    /// The property name, already escaped if it is a keyword.
    public var name: String
    public var type: String?
    public var value: Expression?
    /// A computed property: `value` is its body, `{ … }`.
    public var isComputed = false
    /// Attributes, each written on its own line before the declaration.
    public var attributes: [String] = []
}

public struct InitializerDescription: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        /// The parameter name, which is also its argument label unless `label` is given.
        public var name: String
        public var type: String
        public var defaultValue: Expression?
        /// The argument label, when it differs from the name.
        public var label: String? = nil
    }

    public var doc = DocComment()
    public var parameters: [Parameter]
    /// `self.name = name` for each of these names.
    public var assignments: [String]
    /// `throws(…)`, when the initializer throws.
    public var effects: String?
    /// `init?`.
    public var isFailable = false
    /// Lines written instead of the assignments.
    public var body: [String]?
    /// Attributes, each written on its own line before the declaration.
    public var attributes: [String] = []
}
