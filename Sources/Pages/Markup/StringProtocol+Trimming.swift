extension StringProtocol {
    /// Without the characters of `set` at either end.
    func trimming(_ set: Set<Character>) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }),
              let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Without white space, quotes and semicolons at either end: an attribute
    /// value or a `charset=` parameter as servers and pages write them.
    func trimmingQuotesAndSpaces() -> String {
        trimming([" ", "\t", "\n", "\r", "\"", "'", ";"])
    }
}
