// Writes the benchmark corpus to disk:
//   make-corpus files DIR COUNT        COUNT small files DIR/NNNNN/NNNNNNN.http (100 per folder)
//   make-corpus stream FILE MEGABYTES  one stream of responses of about that size
// Deterministic: the same arguments give the same bytes.
import Corpus
import Foundation

let arguments = CommandLine.arguments
func usage() -> Never {
    FileHandle.standardError.write(Data("usage: make-corpus files DIR COUNT | stream FILE MEGABYTES\n".utf8))
    exit(2)
}
guard arguments.count == 4, let number = Int(arguments[3]), number > 0 else { usage() }
switch arguments[1] {
case "files":
    let corpus = Corpus(count: number)
    for (index, response) in corpus.responses.enumerated() {
        let folder = "\(arguments[2])/\(String(format: "%05d", index / 100))"
        if index % 100 == 0 { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        FileManager.default.createFile(atPath: "\(folder)/\(String(format: "%07d", index)).http", contents: Data(response))
    }
    print("\(number) files, \(corpus.totalBytes) bytes, \(corpus.defective) with a defect, \(corpus.interim) interim responses")
case "stream":
    guard let handle = FileHandle(forWritingAtPath: arguments[2]) ?? {
        FileManager.default.createFile(atPath: arguments[2], contents: nil)
        return FileHandle(forWritingAtPath: arguments[2])
    }() else { usage() }
    try handle.truncate(atOffset: 0)
    // Written in 16 MB pieces of distinct seeds, so that a 1 GB stream never sits in memory.
    let piece = 16 << 20
    var written = 0
    var responses = 0
    var seed: UInt64 = 1
    while written < number << 20 {
        let corpus = Corpus(bytes: min(piece, (number << 20) - written), seed: seed)
        handle.write(Data(corpus.stream))
        written += corpus.totalBytes
        responses += corpus.responses.count
        seed += 1
    }
    try handle.close()
    print("\(responses) responses, \(written) bytes")
default:
    usage()
}
