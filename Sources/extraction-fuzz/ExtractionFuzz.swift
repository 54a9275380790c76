import Extraction
import Foundation

/// Coverage-guided fuzzing of extraction: any bytes, read as a page, must
/// extract (or be refused) without crashing or hanging.
///
/// Built with `-sanitize=fuzzer -DFUZZING` (see `scripts/fuzz.sh`) this is a
/// libFuzzer target. Built normally it replays files: `extraction-fuzz
/// Tests/Fuzz/corpus` runs every input of the committed corpus once, which
/// the test suite does.
enum ExtractionFuzz {
    static let extractor = Extractor(gazetteer: ParkGazetteer(parks: [
        Park(id: "suxitong", name: "苏锡通科技产业园区", aliases: ["苏锡通园区", "苏锡通"], city: "南通"),
        Park(id: "jiaxing", name: "嘉兴经济技术开发区", aliases: ["嘉兴经开区"], city: "嘉兴"),
    ]))

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        let document = SourceDocument(name: "fuzz.txt", text: text, published: CivilDate(iso: "2023-06-15"))
        guard let result = try? extractor.extract(document) else { return }
        for event in result.events {
            // The same properties the property tests check, as traps.
            precondition(event.date.lower <= event.date.upper, "an event ends before it begins")
            precondition(event.provenance.start <= event.provenance.end, "evidence ends before it starts")
        }
    }
}

#if FUZZING
/// libFuzzer's driver (in the runtime `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`; here it
/// hands the command line to libFuzzer instead of a Swift `main`.
@_cdecl("extraction_fuzz_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        ExtractionFuzz.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
}
#else
@main
struct ReplayCorpus {
    static func main() throws {
        var files: [String] = []
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReplayError(message: "\(path) does not exist")
            }
            if isDirectory.boolValue {
                files += try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw ReplayError(message: "usage: extraction-fuzz FILE|FOLDER...") }
        for file in files {
            try Data(contentsOf: URL(fileURLWithPath: file)).withUnsafeBytes(ExtractionFuzz.run)
        }
        print("replayed \(files.count) inputs")
    }
}

struct ReplayError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
#endif
