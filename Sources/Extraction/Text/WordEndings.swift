/// A set of words matched at a position, longest listed first: the endings
/// that mark a park's or a company's name (`…开发区`, `…有限公司`).
struct WordEndings: Sendable {
    let words: [[Unicode.Scalar]]
    private let starts: Set<Unicode.Scalar>

    init(_ words: [String]) {
        self.words = words.map { Array($0.unicodeScalars) }
        self.starts = Set(self.words.map { $0[0] })
    }

    /// The length of the first word that stands at `index`, if one does.
    func match(_ scalars: [Unicode.Scalar], at index: Int, in span: Range<Int>) -> Int? {
        guard index < span.upperBound, index < scalars.count, starts.contains(scalars[index]) else { return nil }
        for word in words where index + word.count <= span.upperBound
            && scalars[index..<index + word.count].elementsEqual(word) {
            return word.count
        }
        return nil
    }
}
