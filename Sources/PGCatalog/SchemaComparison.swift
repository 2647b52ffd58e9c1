import Foundation
import PGSchema

/// One way in which the folded model and the database disagree.
public struct SchemaDifference: Sendable, Equatable, CustomStringConvertible {
    /// The object: `table saas_clients`, `enum saas_message_status`, `schema app`.
    public var subject: String
    /// What differs: `column email: model says text NOT NULL, database says character varying(255) NULL`.
    public var message: String

    public init(_ subject: String, _ message: String) {
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(subject): \(message)" }
}

/// Compares what the folded model says with what the database's catalog says, item by item.
///
/// Compared exactly: schemas, extensions, tables, columns and their order, column types (with
/// length, precision, array dimensions), nullability, identity, collation, primary keys, unique
/// constraints (name, columns), foreign keys (name, columns, referenced table and columns, ON
/// DELETE, ON UPDATE), check constraint names, exclusion constraint names, index names, unique,
/// method and INCLUDE columns, enum labels in order, domains (base type, NOT NULL, check names),
/// composite type attributes, views and materialized views by name, and comments on tables,
/// columns, types and views.
///
/// Compared through ``ExpressionNormalizer`` (equal when they differ only in PostgreSQL's
/// spelling, constants compared by value): defaults, generated column expressions, check
/// constraint expressions, domain defaults and checks, index elements (with operator class,
/// collation, order and nulls order) and index predicates.
/// An expression the normalizer does not understand counts as equal to any other expression on
/// the other side, so only its presence is compared.
///
/// Not compared: a view's query (PostgreSQL stores it rewritten, with every name qualified and
/// every column aliased, so no faithful normal form exists from the text alone), exclusion
/// constraints' elements, functions, triggers, sequences, grants and row-level security.
public enum SchemaComparison {
    public static func differences(model: SchemaSnapshot, database: SchemaSnapshot) -> [SchemaDifference] {
        var result: [SchemaDifference] = []
        func add(_ subject: String, _ message: String) { result.append(SchemaDifference(subject, message)) }

        for name in model.schemas.union(database.schemas).sorted() {
            if !database.schemas.contains(name) { add("schema \(name)", "missing from the database") }
            if !model.schemas.contains(name) { add("schema \(name)", "only in the database") }
        }
        for name in model.extensions.union(database.extensions).sorted() {
            if !database.extensions.contains(name) { add("extension \(name)", "missing from the database") }
            if !model.extensions.contains(name) { add("extension \(name)", "only in the database") }
        }
        for name in Set(model.tables.keys).union(database.tables.keys).sorted() {
            let subject = "table \(name)"
            guard let mine = model.tables[name] else {
                add(subject, "only in the database (columns \(database.tables[name]!.columns.map(\.name).joined(separator: ", ")))")
                continue
            }
            guard let theirs = database.tables[name] else {
                add(subject, "missing from the database")
                continue
            }
            for message in compareTable(mine, theirs) { add(subject, message) }
        }
        for name in Set(model.enums.keys).union(database.enums.keys).sorted() {
            let subject = "enum \(name)"
            guard let mine = model.enums[name], let theirs = database.enums[name] else {
                if let mine = model.enums[name] {
                    add(subject, "missing from the database (model says labels (\(labels(mine.labels))))")
                } else if let theirs = database.enums[name] {
                    add(subject, "only in the database (labels (\(labels(theirs.labels))))")
                }
                continue
            }
            if mine.labels != theirs.labels {
                add(subject, "model says labels (\(labels(mine.labels))), database says (\(labels(theirs.labels)))")
            }
            if let message = compareComment(mine.comment, theirs.comment) { add(subject, message) }
        }
        for name in Set(model.domains.keys).union(database.domains.keys).sorted() {
            let subject = "domain \(name)"
            guard let mine = model.domains[name], let theirs = database.domains[name] else {
                add(subject, model.domains[name] == nil ? "only in the database" : "missing from the database")
                continue
            }
            if let base = mine.attributes.first, let other = theirs.attributes.first, !sameColumn(base, other) {
                add(subject, "model says \(base.definition), database says \(other.definition)")
            }
            for message in compareChecks(mine.checks, theirs.checks) { add(subject, message) }
            if let message = compareComment(mine.comment, theirs.comment) { add(subject, message) }
        }
        for name in Set(model.composites.keys).union(database.composites.keys).sorted() {
            let subject = "composite type \(name)"
            guard let mine = model.composites[name], let theirs = database.composites[name] else {
                add(subject, model.composites[name] == nil ? "only in the database" : "missing from the database")
                continue
            }
            let describe = { (attributes: [ColumnSnapshot]) in attributes.map { "\($0.name) \($0.type)" }.joined(separator: ", ") }
            if describe(mine.attributes) != describe(theirs.attributes) {
                add(subject, "model says (\(describe(mine.attributes))), database says (\(describe(theirs.attributes)))")
            } else {
                for (attribute, other) in zip(mine.attributes, theirs.attributes) {
                    if let message = compareComment(attribute.comment, other.comment) { add(subject, "attribute \(attribute.name): \(message)") }
                }
            }
            if let message = compareComment(mine.comment, theirs.comment) { add(subject, message) }
        }
        for name in Set(model.views.keys).union(database.views.keys).sorted() {
            guard let mine = model.views[name], let theirs = database.views[name] else {
                let kind = (model.views[name] ?? database.views[name])!.isMaterialized ? "materialized view" : "view"
                add("\(kind) \(name)", model.views[name] == nil ? "only in the database" : "missing from the database")
                continue
            }
            let subject = "\(mine.isMaterialized ? "materialized view" : "view") \(name)"
            if mine.isMaterialized != theirs.isMaterialized {
                add(subject, "the database has a \(theirs.isMaterialized ? "materialized view" : "view")")
            }
            for index in Set(mine.indexes.keys).union(theirs.indexes.keys).sorted() {
                switch (mine.indexes[index], theirs.indexes[index]) {
                case (let a?, let b?) where !sameIndex(a, b):
                    add(subject, "index \(index): model says \(a.definition), database says \(b.definition)")
                case (nil, let b?): add(subject, "index \(index): only in the database (\(b.definition))")
                case (let a?, nil): add(subject, "index \(index): missing from the database (model says \(a.definition))")
                default: break
                }
            }
            for column in Set(mine.columnComments.keys).union(theirs.columnComments.keys).sorted() {
                if let message = compareComment(mine.columnComments[column], theirs.columnComments[column]) {
                    add(subject, "column \(column): \(message)")
                }
            }
            if let message = compareComment(mine.comment, theirs.comment) { add(subject, message) }
        }
        return result
    }

    static func labels(_ labels: [String]) -> String {
        labels.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
    }

    static func compareTable(_ mine: TableSnapshot, _ theirs: TableSnapshot) -> [String] {
        var messages: [String] = []
        for column in mine.columns {
            guard let other = theirs.column(column.name) else {
                messages.append("column \(column.name): missing from the database (model says \(column.definition))")
                continue
            }
            if !sameColumn(column, other) {
                messages.append("column \(column.name): model says \(column.definition), database says \(other.definition)")
            }
            if let message = compareComment(column.comment, other.comment) { messages.append("column \(column.name): \(message)") }
        }
        for column in theirs.columns where mine.column(column.name) == nil {
            messages.append("column \(column.name): only in the database (\(column.definition))")
        }
        let names = Set(mine.columns.map(\.name)).intersection(theirs.columns.map(\.name))
        let myOrder = mine.columns.map(\.name).filter(names.contains)
        let theirOrder = theirs.columns.map(\.name).filter(names.contains)
        if myOrder != theirOrder {
            messages.append("column order: model says \(myOrder.joined(separator: ", ")); database says \(theirOrder.joined(separator: ", "))")
        }

        switch (mine.primaryKey, theirs.primaryKey) {
        case (nil, nil): break
        case (let key?, nil): messages.append("primary key \(key.name): missing from the database")
        case (nil, let key?): messages.append("primary key \(key.name): only in the database (\(key.columns.joined(separator: ", ")))")
        case (let key?, let other?):
            if key != other {
                messages.append("primary key: model says \(key.name) (\(key.columns.joined(separator: ", "))), database says \(other.name) (\(other.columns.joined(separator: ", ")))")
            }
        }
        for name in Set(mine.uniqueConstraints.keys).union(theirs.uniqueConstraints.keys).sorted() {
            switch (mine.uniqueConstraints[name], theirs.uniqueConstraints[name]) {
            case (let key?, nil): messages.append("unique constraint \(name): missing from the database (model says (\(key.columns.joined(separator: ", "))))")
            case (nil, let key?): messages.append("unique constraint \(name): only in the database ((\(key.columns.joined(separator: ", "))))")
            case (let key?, let other?) where key.columns != other.columns:
                messages.append("unique constraint \(name): model says (\(key.columns.joined(separator: ", "))), database says (\(other.columns.joined(separator: ", ")))")
            default: break
            }
        }
        for name in Set(mine.foreignKeys.keys).union(theirs.foreignKeys.keys).sorted() {
            switch (mine.foreignKeys[name], theirs.foreignKeys[name]) {
            case (let key?, nil): messages.append("foreign key \(name): missing from the database (model says \(key.definition))")
            case (nil, let key?): messages.append("foreign key \(name): only in the database (\(key.definition))")
            case (let key?, let other?) where key != other:
                messages.append("foreign key \(name): model says \(key.definition), database says \(other.definition)")
            default: break
            }
        }
        messages += compareChecks(mine.checks, theirs.checks)
        for name in mine.exclusions.union(theirs.exclusions).sorted() {
            if !theirs.exclusions.contains(name) { messages.append("exclusion constraint \(name): missing from the database") }
            if !mine.exclusions.contains(name) { messages.append("exclusion constraint \(name): only in the database") }
        }
        let columnNames = Set(mine.columns.map(\.name))
        for name in Set(mine.indexes.keys).union(theirs.indexes.keys).sorted() {
            switch (mine.indexes[name], theirs.indexes[name]) {
            case (let index?, nil): messages.append("index \(name): missing from the database (model says \(index.definition))")
            case (nil, let index?): messages.append("index \(name): only in the database (\(index.definition))")
            case (var index?, let other?):
                // The model keeps a plain column element as the column's name; the database quotes it as needed.
                index.elements = index.elements.map { columnNames.contains($0) ? ExpressionNormalizer.quoted($0) : $0 }
                if !sameIndex(index, other) {
                    messages.append("index \(name): model says \(index.definition), database says \(other.definition)")
                }
            default: break
            }
        }
        if let message = compareComment(mine.comment, theirs.comment) { messages.append(message) }
        return messages
    }

    static func compareChecks(_ mine: [String: String], _ theirs: [String: String]) -> [String] {
        var messages: [String] = []
        for name in Set(mine.keys).union(theirs.keys).sorted() {
            switch (mine[name], theirs[name]) {
            case (let expression?, nil): messages.append("check constraint \(name): missing from the database (model says CHECK \(parenthesised(expression)))")
            case (nil, let expression?): messages.append("check constraint \(name): only in the database (CHECK \(parenthesised(expression)))")
            case (let expression?, let other?) where !ExpressionNormalizer.equivalent(expression, other):
                messages.append("check constraint \(name): model says CHECK \(parenthesised(expression)), database says CHECK \(parenthesised(other))")
            default: break
            }
        }
        return messages
    }

    static func parenthesised(_ expression: String) -> String {
        expression.hasPrefix("(") && expression.hasSuffix(")") ? expression : "(\(expression))"
    }

    static func compareComment(_ mine: String?, _ theirs: String?) -> String? {
        guard mine != theirs else { return nil }
        func show(_ text: String?) -> String { text.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "none" }
        return "comment: model says \(show(mine)), database says \(show(theirs))"
    }

    static func sameExpression(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): ExpressionNormalizer.equivalent(a, b)
        default: false
        }
    }

    /// Defaults compare as expressions, except a string constant for a `bytea` or `"char"`
    /// column, which PostgreSQL stores as that type's value: `'abc'` is `'\x616263'::bytea`,
    /// and `'abc'` for a `"char"` is `'a'`.
    static func sameDefault(_ a: String?, _ b: String?, type: String) -> Bool {
        if type == "bytea" || type == "\"char\"", let a, let b, let x = stringConstant(a), let y = stringConstant(b) {
            return type == "bytea" ? byteaValue(x) == byteaValue(y) : charValue(x) == charValue(y)
        }
        return sameExpression(a, b)
    }

    /// A `"char"` constant's byte: the first one written, or PostgreSQL's `\ooo` for a byte
    /// past ASCII (`'é'` is stored and printed as `'\303'`).
    static func charValue(_ text: [UInt8]) -> UInt8? {
        if text.count == 4, text[0] == UInt8(ascii: "\\"),
           let value = UInt8(String(decoding: text[1...], as: UTF8.self), radix: 8) {
            return value
        }
        return text.first
    }

    /// The text of a string constant (`'…'` or `E'…'`, then any cast) as the lexer decodes it, or nil.
    static func stringConstant(_ expression: String) -> [UInt8]? {
        guard let tokens = Lexer.lex(SourceFile(path: "", text: expression)).statements.first?.tokens,
              let first = tokens.first, first.kind == .string,
              tokens.count == 1 || tokens[1].isSymbol("::") else { return nil }
        return Array(first.value.utf8)
    }

    /// A bytea's value from its input text: hex (`\x6162`) or the escape format (`ab\\`, `\141`).
    static func byteaValue(_ text: [UInt8]) -> [UInt8]? {
        let backslash = UInt8(ascii: "\\")
        if text.count >= 2, text[0] == backslash, text[1] == UInt8(ascii: "x") || text[1] == UInt8(ascii: "X") {
            var value: [UInt8] = []
            var digits = text.dropFirst(2).filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }.makeIterator()
            while let high = digits.next() {
                guard let low = digits.next(), let h = hexDigit(high), let l = hexDigit(low) else { return nil }
                value.append(h << 4 | l)
            }
            return value
        }
        var value: [UInt8] = []
        var index = 0
        while index < text.count {
            if text[index] == backslash {
                if index + 1 < text.count, text[index + 1] == backslash {
                    value.append(backslash)
                    index += 2
                } else if index + 3 < text.count, let octal = UInt8(String(decoding: text[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                    value.append(octal)
                    index += 4
                } else {
                    return nil
                }
            } else {
                value.append(text[index])
                index += 1
            }
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Array dimensions are only declared: PostgreSQL records none (`attndims` 0) for a column
    /// copied by `LIKE` or made by `CREATE TABLE … AS`, so an array type with none on one side
    /// agrees with any.
    static func sameDimensions(_ a: ColumnSnapshot, _ b: ColumnSnapshot) -> Bool {
        a.arrayDimensions == b.arrayDimensions || (a.arrayDimensions == 0 || b.arrayDimensions == 0) && a.type.hasSuffix("[]")
    }

    static func sameColumn(_ a: ColumnSnapshot, _ b: ColumnSnapshot) -> Bool {
        a.type == b.type && sameDimensions(a, b) && a.isNotNull == b.isNotNull
            && a.identity == b.identity && a.collation == b.collation
            && sameDefault(a.defaultExpression, b.defaultExpression, type: a.type)
            && sameExpression(a.generatedExpression, b.generatedExpression)
    }

    static func sameIndex(_ a: IndexSnapshot, _ b: IndexSnapshot) -> Bool {
        guard a.isUnique == b.isUnique, a.method == b.method, a.include == b.include, a.elements.count == b.elements.count,
              sameExpression(a.predicate, b.predicate) else { return false }
        for (left, right) in zip(a.elements, b.elements) {
            guard let l = ExpressionNormalizer.canonicalIndexElement(left), let r = ExpressionNormalizer.canonicalIndexElement(right) else { continue }
            if l != r { return false }
        }
        return true
    }
}
