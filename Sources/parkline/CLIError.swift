/// A command's refusal, printed as is: it names the input and the fix.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
