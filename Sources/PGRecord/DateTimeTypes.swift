/// A PostgreSQL `date`: a calendar day with no time and no time zone.
///
/// Encodes as `"2026-11-25"`.
public struct PGDate: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year: 1 is 1 AD; 0 is 1 BC, -1 is 2 BC, as in ISO 8601.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// A day, taken as given (not checked against the calendar).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (a year of more than four digits is allowed; `BC` years are not).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = PGDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date as YYYY-MM-DD, found \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A PostgreSQL `time` (without time zone): a time of day to the microsecond.
///
/// Encodes as `"13:45:30.250000"`.
public struct PGTime: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since midnight, 0 through 86,400,000,000 (24:00:00 is a valid PostgreSQL time).
    public var microseconds: Int64

    /// A time of day from the microseconds since midnight.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// A time of day from its parts.
    public init(hour: Int, minute: Int, second: Int, microsecond: Int = 0) {
        microseconds = ((Int64(hour) * 60 + Int64(minute)) * 60 + Int64(second)) * 1_000_000 + Int64(microsecond)
    }

    /// Parses `HH:MM[:SS[.ffffff]]`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        var second = 0
        var fraction = 0
        if parts.count == 3 {
            let secondParts = parts[2].split(separator: ".", omittingEmptySubsequences: false)
            guard let whole = Int(secondParts[0]) else { return nil }
            second = whole
            if secondParts.count == 2 {
                let digits = secondParts[1].prefix(6)
                guard let value = Int(digits), digits.allSatisfy(\.isNumber) else { return nil }
                fraction = value * Int(pow10(6 - digits.count))
            }
        }
        guard (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        self.init(hour: hour, minute: minute, second: second, microsecond: fraction)
    }

    public var description: String {
        let totalSeconds = microseconds / 1_000_000
        let fraction = microseconds % 1_000_000
        var text = pad(Int(totalSeconds / 3600), 2) + ":" + pad(Int(totalSeconds / 60 % 60), 2) + ":" + pad(Int(totalSeconds % 60), 2)
        if fraction != 0 { text += "." + pad(Int(fraction), 6) }
        return text
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.microseconds < rhs.microseconds }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = PGTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a time as HH:MM:SS, found \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A PostgreSQL `interval`: months, days and microseconds, kept apart as PostgreSQL keeps them
/// (a month is not a fixed number of days, nor a day of hours, across daylight saving changes).
public struct PGInterval: Codable, Hashable, Sendable {
    /// Whole months (a year is 12).
    public var months: Int32
    /// Whole days, kept apart from the time: a day is not always 24 hours.
    public var days: Int32
    /// The time part, in microseconds.
    public var microseconds: Int64

    /// An interval from its three parts, as PostgreSQL stores it.
    public init(months: Int32 = 0, days: Int32 = 0, microseconds: Int64 = 0) {
        self.months = months
        self.days = days
        self.microseconds = microseconds
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

private func pow10(_ exponent: Int) -> Int64 {
    var result: Int64 = 1
    for _ in 0..<max(exponent, 0) { result *= 10 }
    return result
}
