import Foundation

/// The value of a constant rather than its spelling, without knowing its type: PostgreSQL stores a
/// constant converted to the column's or operator's type and prints that type's output, so
/// `'{"a":1}'` comes back as `'{"a": 1}'::jsonb`, `1e3` as `1000`, `'1 week'` as `'7 days'::interval`,
/// `'2100-01-01'` compared with a timestamp as `'2100-01-01 00:00:00'::timestamp without time zone`.
///
/// Each rule applies to any constant whose text has that form, on both sides alike, so two
/// constants with the same value compare equal whatever their type; a text value that merely looks
/// like a number (`'0.50'` and `'0.5'`) compares equal too, the small price of not knowing the type.
/// - numbers: by value (`1e3` = `1000`, `0.50` = `0.5`, `007` = `7`);
/// - JSON objects and arrays: parsed, with keys sorted and no spaces;
/// - array constants (`'{a, "b"}'`): elements unquoted, no spaces;
/// - intervals in words (`'1 week 2 hours'`) or as PostgreSQL prints them (`'7 days 02:00:00'`):
///   PostgreSQL's output;
/// - dates and times (`'2100-01-01'`, `'2100-01-01T00:00:00+07'`): date, and time unless midnight.
///   The zone offset is left out: PostgreSQL prints it in the session's zone, which need not be the
///   migration's, so a changed offset alone is not reported.
enum LiteralCanonicalizer {
    static func canonical(_ value: String) -> String {
        let text = value.trimmingWhitespace()
        if let number = number(text) { return number }
        if let first = text.first, first == "{" || first == "[" {
            if let json = json(text) { return json }
            if first == "{", let array = arrayLiteral(text) { return array }
        }
        if let interval = interval(text) { return interval }
        if let dateTime = dateTime(text) { return dateTime }
        return value
    }

    // MARK: - Numbers

    static func number(_ text: String) -> String? {
        var characters = Substring(text)
        var negative = false
        if let sign = characters.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            characters.removeFirst()
        }
        var mantissa = characters
        var exponent = 0
        if let e = characters.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = characters[..<e]
            guard let value = Int(characters[characters.index(after: e)...]) else { return nil }
            exponent = value
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !mantissa.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        var integer = Array(parts[0])
        var fraction = parts.count == 2 ? Array(parts[1]) : []
        guard !(integer.isEmpty && fraction.isEmpty), abs(exponent) < 1000 else { return nil }
        // Move the decimal point by the exponent.
        if exponent > 0 {
            let moved = min(exponent, fraction.count)
            integer += fraction.prefix(moved)
            fraction.removeFirst(moved)
            integer += Array(repeating: "0", count: exponent - moved)
        } else if exponent < 0 {
            let moved = min(-exponent, integer.count)
            fraction = Array(integer.suffix(moved)) + fraction
            integer.removeLast(moved)
            fraction = Array(repeating: "0", count: -exponent - moved) + fraction
        }
        while integer.first == "0" { integer.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        var result = integer.isEmpty ? "0" : String(integer)
        if !fraction.isEmpty { result += "." + String(fraction) }
        if negative, result != "0" { result = "-" + result }
        return result
    }

    // MARK: - JSON and arrays

    static func json(_ text: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// `{a, "b c", {1,2}, NULL}` → `{"a","b c",{"1","2"},NULL}`.
    static func arrayLiteral(_ text: String) -> String? {
        var index = text.startIndex
        guard let result = parseArray(text, &index) else { return nil }
        while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
        return index == text.endIndex ? result : nil
    }

    private static func parseArray(_ text: String, _ index: inout String.Index) -> String? {
        guard index < text.endIndex, text[index] == "{" else { return nil }
        index = text.index(after: index)
        var elements: [String] = []
        while true {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            guard index < text.endIndex else { return nil }
            if text[index] == "}", elements.isEmpty {
                index = text.index(after: index)
                return "{}"
            }
            if text[index] == "{" {
                guard let nested = parseArray(text, &index) else { return nil }
                elements.append(nested)
            } else if text[index] == "\"" {
                index = text.index(after: index)
                var element = ""
                while index < text.endIndex, text[index] != "\"" {
                    if text[index] == "\\" { index = text.index(after: index) }
                    guard index < text.endIndex else { return nil }
                    element.append(text[index])
                    index = text.index(after: index)
                }
                guard index < text.endIndex else { return nil }
                index = text.index(after: index)
                elements.append(quoted(element))
            } else {
                var element = ""
                while index < text.endIndex, text[index] != ",", text[index] != "}" {
                    if text[index] == "\\" { index = text.index(after: index) }
                    guard index < text.endIndex else { return nil }
                    element.append(text[index])
                    index = text.index(after: index)
                }
                element = element.trimmingWhitespace()
                elements.append(element.uppercased() == "NULL" ? "NULL" : quoted(number(element) ?? element))
            }
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            guard index < text.endIndex else { return nil }
            if text[index] == "," {
                index = text.index(after: index)
            } else if text[index] == "}" {
                index = text.index(after: index)
                return "{" + elements.joined(separator: ",") + "}"
            } else {
                return nil
            }
        }
    }

    private static func quoted(_ element: String) -> String {
        "\"" + element.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: - Intervals

    static let monthsPerUnit: [String: Int] = [
        "month": 1, "months": 1, "mon": 1, "mons": 1, "year": 12, "years": 12, "yr": 12, "yrs": 12, "y": 12,
        "decade": 120, "decades": 120, "century": 1200, "centuries": 1200, "millennium": 12000, "millennia": 12000,
    ]
    static let daysPerUnit: [String: Int] = ["day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "w": 7]
    static let secondsPerUnit: [String: Int] = [
        "second": 1, "seconds": 1, "sec": 1, "secs": 1, "s": 1, "minute": 60, "minutes": 60, "min": 60, "mins": 60, "m": 60,
        "hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600, "h": 3600,
    ]

    /// Whole, non-negative quantities only: `'1 year 2 months'`, `'90 minutes'`, `'7 days 02:00:00'`.
    static func interval(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return nil }
        var months = 0, days = 0, seconds = 0
        var index = 0
        var sawUnit = false
        while index < words.count {
            let word = words[index]
            let clock = word.split(separator: ":", omittingEmptySubsequences: false)
            if clock.count == 3 || clock.count == 2, clock.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) && $0.allSatisfy(\.isASCII) }) {
                let values = clock.map { Int($0)! }
                seconds += values[0] * 3600 + values[1] * 60 + (values.count == 3 ? values[2] : 0)
                index += 1
                sawUnit = true
                continue
            }
            guard let quantity = Int(word), quantity >= 0, index + 1 < words.count else { return nil }
            let unit = words[index + 1]
            if let factor = monthsPerUnit[unit] {
                months += quantity * factor
            } else if let factor = daysPerUnit[unit] {
                days += quantity * factor
            } else if let factor = secondsPerUnit[unit] {
                seconds += quantity * factor
            } else {
                return nil
            }
            sawUnit = true
            index += 2
        }
        guard sawUnit else { return nil }
        var parts: [String] = []
        if months / 12 > 0 { parts.append("\(months / 12) year\(months / 12 == 1 ? "" : "s")") }
        if months % 12 > 0 { parts.append("\(months % 12) mon\(months % 12 == 1 ? "" : "s")") }
        if days > 0 { parts.append("\(days) day\(days == 1 ? "" : "s")") }
        if seconds > 0 || parts.isEmpty {
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            parts.append("\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))")
        }
        return parts.joined(separator: " ")
    }

    // MARK: - Dates and times

    /// `YYYY-MM-DD`, optionally with ` HH:MM[:SS[.ffffff]]` (or `T`) and a zone offset.
    static func dateTime(_ text: String) -> String? {
        let characters = Array(text)
        func digits(_ start: Int, _ count: Int) -> Bool {
            start + count <= characters.count && characters[start..<(start + count)].allSatisfy { $0.isASCII && $0.isNumber }
        }
        guard digits(0, 4), characters.count >= 10, characters[4] == "-", digits(5, 2), characters[7] == "-", digits(8, 2) else { return nil }
        let date = String(characters[0..<10])
        guard characters.count > 10 else { return date }
        guard characters[10] == " " || characters[10] == "T", digits(11, 2), characters.count >= 16, characters[13] == ":", digits(14, 2) else { return nil }
        var time = String(characters[11..<16])
        var index = 16
        if index < characters.count, characters[index] == ":" {
            guard digits(index + 1, 2) else { return nil }
            time += String(characters[index..<(index + 3)])
            index += 3
            if index < characters.count, characters[index] == "." {
                var end = index + 1
                while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                var fraction = String(characters[(index + 1)..<end])
                while fraction.last == "0" { fraction.removeLast() }
                if !fraction.isEmpty { time += "." + fraction }
                index = end
            }
        } else {
            time += ":00"
        }
        let zone = String(characters[index...]).trimmingWhitespace()
        guard zone.isEmpty || zone == "Z" || zone.first == "+" || zone.first == "-" else { return nil }
        return time == "00:00:00" ? date : date + " " + time
    }
}
