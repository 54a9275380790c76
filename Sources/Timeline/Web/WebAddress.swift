import Foundation

/// Telling a web address from a file path on the command line.
public enum WebAddress {
    public static func isWebAddress(_ argument: String) -> Bool {
        let lowered = argument.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
