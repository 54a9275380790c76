/// Substring search over Unicode scalars, without Foundation: the scanners'
/// inner loops call it per line and per name, where `String.range(of:)` is slow.
extension Collection where Element == Unicode.Scalar, Index == Int {
    /// The first index at which `word` starts, if it occurs.
    func firstIndex(of word: [Unicode.Scalar]) -> Int? {
        guard let head = word.first, count >= word.count else { return nil }
        var index = startIndex
        while index <= endIndex - word.count {
            if self[index] == head {
                var offset = 1
                while offset < word.count, self[index + offset] == word[offset] { offset += 1 }
                if offset == word.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The index just past the last occurrence of `word`, if it occurs.
    func endOfLast(_ word: [Unicode.Scalar]) -> Int? {
        guard let head = word.first, count >= word.count else { return nil }
        var index = endIndex - word.count
        while index >= startIndex {
            if self[index] == head, self[index..<index + word.count].elementsEqual(word) { return index + word.count }
            index -= 1
        }
        return nil
    }

    func contains(_ word: [Unicode.Scalar]) -> Bool { firstIndex(of: word) != nil }
}

extension Array where Element == Unicode.Scalar {
    /// Whether `word` stands at `index`, wholly inside `span`.
    func hasWord<Word: Sequence<Unicode.Scalar>>(_ word: Word, at index: Int, in span: Range<Int>) -> Bool {
        var position = index
        for scalar in word {
            guard position < span.upperBound, position < count, self[position] == scalar else { return false }
            position += 1
        }
        return true
    }
}
