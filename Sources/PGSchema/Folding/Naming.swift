/// PostgreSQL's rules for the names it chooses itself: `t_pkey`, `t_a_b_key`, `t_a_fkey`,
/// `t_a_check`, `t_a_idx`, each cut to fit 63 bytes and numbered on a clash (`t_check1`).
enum GeneratedNames {
    /// `makeObjectName`: `name1_name2_label`, shortening the longer of name1 and name2 first.
    static func objectName(_ name1: String, _ name2: String?, _ label: String?) -> String {
        var n1 = Array(name1.utf8)
        var n2 = name2.map { Array($0.utf8) } ?? []
        let overhead = (name2 == nil ? 0 : 1) + (label.map { $0.utf8.count + 1 } ?? 0)
        let available = 63 - overhead
        var c1 = n1.count
        var c2 = n2.count
        while c1 + c2 > available {
            if c1 > c2 { c1 -= 1 } else { c2 -= 1 }
        }
        n1 = clip(n1, to: c1)
        n2 = clip(n2, to: c2)
        var result = String(decoding: n1, as: UTF8.self)
        if name2 != nil { result += "_" + String(decoding: n2, as: UTF8.self) }
        if let label { result += "_" + label }
        return result
    }

    /// Cuts UTF-8 bytes to at most `count` without splitting a character.
    static func clip(_ bytes: [UInt8], to count: Int) -> [UInt8] {
        guard bytes.count > count else { return bytes }
        var end = count
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return Array(bytes[..<end])
    }

    /// The first of `name`, `name1`, `name2`, … (numbering the label) that `isTaken` refuses.
    static func choose(_ name1: String, _ name2: String?, _ label: String, isTaken: (String) -> Bool) -> String {
        var candidate = objectName(name1, name2, label)
        var pass = 0
        while isTaken(candidate) {
            pass += 1
            candidate = objectName(name1, name2, "\(label)\(pass)")
        }
        return candidate
    }

    /// Column names joined with `_`, as PostgreSQL joins them for constraint and index names
    /// (it stops adding once the name is long enough to be cut anyway).
    static func columnPart(_ columns: [String]) -> String? {
        guard !columns.isEmpty else { return nil }
        var result = ""
        for column in columns {
            if !result.isEmpty { result += "_" }
            result += column
            if result.utf8.count >= 63 { break }
        }
        return result
    }
}
