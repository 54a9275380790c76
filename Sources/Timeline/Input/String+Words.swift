extension String {
    /// A camel-case name's words joined by `separator`, in lower case:
    /// `maxSubscriberLag` → `max-subscriber-lag`, `databaseURL` → `database_url`.
    /// Settings' variables, flags and query parameters are all spelled from it.
    func words(joinedBy separator: String) -> String {
        var result = ""
        var previous: Character?
        for character in self {
            if character.isUppercase, previous?.isLowercase == true { result += separator }
            result += character.lowercased()
            previous = character
        }
        return result
    }
}
