import Foundation
import PGSchema

/// What a query returns and how its function runs it: sqlc's commands.
public enum QueryCommand: String, Sendable, Codable {
    /// At most one row: the function returns an optional.
    case one
    /// All rows: an array.
    case many
    /// No rows: nothing.
    case exec
    /// The number of rows affected.
    case execrows
}

/// One parameter of a query, as written: `$1`, `@since`, `sqlc.arg(since)`, `sqlc.narg(x)`,
/// `sqlc.slice(ids)`.
struct ParameterSpec: Sendable {
    var number: Int
    var name: String?
    var isNullable: Bool
    var isSlice: Bool
    var offset: Int
}

/// A query read from a query file, before analysis: its annotation, documentation, the SQL
/// with named parameters rewritten to `$n`, and the tokens of that SQL.
struct QuerySource: Sendable {
    var name: String
    var command: QueryCommand
    var doc: [String]
    var sql: String
    var tokens: [Token]
    var parameters: [ParameterSpec]
    var offset: Int
}

/// Reads `queries/<module>/*.sql`: each query preceded by `-- name: Name :one|:many|:exec|:execrows`,
/// with the `--` comment lines right above the annotation as its documentation.
enum QueryFileReader {
    static func read(_ source: SourceFile) -> (queries: [QuerySource], diagnostics: [Diagnostic]) {
        let lexed = Lexer.lex(source)
        var diagnostics = lexed.diagnostics
        let annotations = findAnnotations(source)
        var queries: [QuerySource] = []
        var used = Set<Int>()
        var previousEnd = 0
        for statement in lexed.statements {
            let candidates = annotations.indices.filter { annotations[$0].offset >= previousEnd && annotations[$0].offset < statement.start }
            previousEnd = statement.end
            guard let chosen = candidates.last else {
                diagnostics.append(Diagnostic(
                    .error, "query has no annotation", at: source.location(of: statement.start),
                    note: "put `-- name: QueryName :many` (or :one, :exec, :execrows) on the line above it"
                ))
                continue
            }
            for index in candidates { used.insert(index) }
            let annotation = annotations[chosen]
            if let problem = annotation.problem {
                diagnostics.append(Diagnostic(.error, problem, at: source.location(of: annotation.offset)))
                continue
            }
            do {
                let (sql, tokens, parameters) = try rewriteParameters(statement, source: source)
                queries.append(QuerySource(
                    name: annotation.name, command: annotation.command, doc: annotation.doc, sql: sql, tokens: tokens,
                    parameters: parameters, offset: statement.start
                ))
            } catch {
                diagnostics.append(error)
            }
        }
        for (index, annotation) in annotations.enumerated() where !used.contains(index) {
            diagnostics.append(Diagnostic(.error, "annotation `\(annotation.name)` has no query after it", at: source.location(of: annotation.offset)))
        }
        var seen: [String: Int] = [:]
        for query in queries {
            if let first = seen[query.name] {
                diagnostics.append(Diagnostic(
                    .error, "a query named \(query.name) is already defined", at: source.location(of: query.offset),
                    note: "the first is at \(source.location(of: first))"
                ))
            }
            seen[query.name] = query.offset
        }
        return (queries, diagnostics)
    }

    struct Annotation {
        var name: String
        var command: QueryCommand
        var doc: [String]
        var offset: Int
        var problem: String?
    }

    /// `-- name: X :cmd` lines, outside strings: found from the line starts, then checked to lie
    /// between statements by the caller.
    static func findAnnotations(_ source: SourceFile) -> [Annotation] {
        let text = String(decoding: source.bytes, as: UTF8.self)
        var result: [Annotation] = []
        var offset = 0
        var comments: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.utf8.count + 1 }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("--") else {
                comments = []
                continue
            }
            var body = trimmed.dropFirst(2)
            while body.first == " " { body.removeFirst() }
            let content = String(body).trimmingCharacters(in: .whitespacesAndNewlines)
            guard content.hasPrefix("name:") else {
                comments.append(content)
                continue
            }
            let lineOffset = offset + (line.utf8.count - trimmed.utf8.count)
            let words = content.dropFirst(5).split(separator: " ").map(String.init)
            var annotation = Annotation(name: words.first ?? "", command: .many, doc: comments, offset: lineOffset)
            comments = []
            if words.count < 2 {
                annotation.problem = "an annotation needs a name and a command: `-- name: QueryName :many`"
            } else if let command = QueryCommand(rawValue: String(words[1].dropFirst())), words[1].hasPrefix(":") {
                annotation.command = command
                if !isIdentifier(annotation.name) {
                    annotation.problem = "query name `\(annotation.name)` is not an identifier (letters, digits and _, not starting with a digit)"
                }
            } else {
                annotation.problem = "unsupported command `\(words[1])`: use :one, :many, :exec or :execrows"
            }
            result.append(annotation)
        }
        return result
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
    }

    /// Rewrites named parameters to `$n` (numbered after the highest `$n` written, in order of
    /// first use), and `IN (sqlc.slice(x))` to `= ANY($n)`.
    static func rewriteParameters(_ statement: StatementTokens, source: SourceFile) throws(Diagnostic) -> (String, [Token], [ParameterSpec]) {
        let tokens = statement.tokens
        var highest = 0
        for token in tokens where token.kind == .parameter { highest = max(highest, Int(token.value.dropFirst()) ?? 0) }
        var named: [String: Int] = [:]
        var specs: [Int: ParameterSpec] = [:]
        var output: [Token] = []
        var edits: [(Range<Int>, String)] = []
        var index = 0
        func number(for name: String, nullable: Bool, slice: Bool, at offset: Int) -> Int {
            if let existing = named[name] {
                if nullable { specs[existing]?.isNullable = true }
                return existing
            }
            highest += 1
            named[name] = highest
            specs[highest] = ParameterSpec(number: highest, name: name, isNullable: nullable, isSlice: slice, offset: offset)
            return highest
        }
        while index < tokens.count {
            let token = tokens[index]
            // sqlc.arg(name), sqlc.narg(name), sqlc.slice(name)
            if token.isWord("sqlc"), index + 5 < tokens.count, tokens[index + 1].isSymbol("."), tokens[index + 3].isSymbol("("),
               tokens[index + 4].isIdentifier || tokens[index + 4].kind == .string, tokens[index + 5].isSymbol(")") {
                let function = tokens[index + 2].value
                guard ["arg", "narg", "slice"].contains(function) else {
                    throw Diagnostic(.error, "unknown sqlc function sqlc.\(function); use sqlc.arg, sqlc.narg or sqlc.slice", at: source.location(of: token.start))
                }
                let name = tokens[index + 4].value
                let n = number(for: name, nullable: function == "narg", slice: function == "slice", at: token.start)
                var start = token.start
                var end = tokens[index + 5].end
                var replacement = "$\(n)"
                // IN (sqlc.slice(x)) → = ANY($n); NOT IN → <> ALL($n)
                if function == "slice", output.count >= 2, output[output.count - 1].isSymbol("("), output[output.count - 2].isWord("in"),
                   index + 6 < tokens.count, tokens[index + 6].isSymbol(")") {
                    let negated = output.count >= 3 && output[output.count - 3].isWord("not")
                    start = output[output.count - (negated ? 3 : 2)].start
                    end = tokens[index + 6].end
                    replacement = negated ? "<> ALL($\(n))" : "= ANY($\(n))"
                    output.removeLast(negated ? 3 : 2)
                    output.append(Token.synthesized(.symbol, negated ? "<>" : "=", start: start, end: start))
                    output.append(Token.synthesized(.word, negated ? "all" : "any", start: start, end: start))
                    output.append(Token.synthesized(.symbol, "(", start: start, end: start))
                    output.append(Token.synthesized(.parameter, "$\(n)", start: token.start, end: token.start))
                    output.append(Token.synthesized(.symbol, ")", start: start, end: start))
                    edits.append((start..<end, replacement))
                    index += 7
                    continue
                }
                edits.append((start..<end, replacement))
                output.append(Token.synthesized(.parameter, "$\(n)", start: token.start, end: token.end))
                index += 6
                continue
            }
            // @name, also glued to an operator before it (`=@name`).
            if token.kind == .symbol, token.value.hasSuffix("@"), index + 1 < tokens.count, tokens[index + 1].kind == .word,
               tokens[index + 1].start == token.end {
                let atOffset = token.end - 1
                if token.value.count > 1 {
                    output.append(Token.synthesized(.symbol, String(token.value.dropLast()), start: token.start, end: atOffset))
                }
                let name = tokens[index + 1].value
                let n = number(for: name, nullable: false, slice: false, at: atOffset)
                edits.append((atOffset..<tokens[index + 1].end, "$\(n)"))
                output.append(Token.synthesized(.parameter, "$\(n)", start: atOffset, end: tokens[index + 1].end))
                index += 2
                continue
            }
            if token.kind == .parameter, let n = Int(token.value.dropFirst()), specs[n] == nil {
                specs[n] = ParameterSpec(number: n, name: nil, isNullable: false, isSlice: false, offset: token.start)
            }
            output.append(token)
            index += 1
        }
        // The SQL as PostgreSQL gets it: the statement's text with the edits applied.
        var text = ""
        var position = statement.start
        for (range, replacement) in edits.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            text += source.text(position, range.lowerBound) + replacement
            position = range.upperBound
        }
        let end = tokens.last?.end ?? statement.end
        text += source.text(position, max(position, end))
        for n in 1...max(1, highest) where specs[n] == nil && highest > 0 {
            throw Diagnostic(.error, "parameter $\(n) is never used, but $\(highest) is", at: source.location(of: statement.start), note: "number parameters from $1 without gaps")
        }
        return (text, output, specs.values.sorted { $0.number < $1.number })
    }
}
