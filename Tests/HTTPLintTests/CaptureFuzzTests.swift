import Foundation
@testable import HTTPLint
import Testing

/// Randomised checks of the capture reader and of TCP reassembly. Each runs a few hundred
/// rounds in the ordinary suite; with `HTTPLINT_FUZZ_SECONDS=N` in the environment each runs
/// for N seconds instead (the figures in the pull request come from such runs).
@Suite struct CaptureFuzzTests {
    static let seconds = ProcessInfo.processInfo.environment["HTTPLINT_FUZZ_SECONDS"].flatMap(Double.init)

    /// Runs `round` a few hundred times, or for the fuzzing time when one is set; returns the rounds run.
    @discardableResult
    static func rounds(_ ordinary: Int, _ round: (inout SystemRandomNumberGenerator) -> Void) -> Int {
        var generator = SystemRandomNumberGenerator()
        guard let seconds else {
            for _ in 0..<ordinary { round(&generator) }
            return ordinary
        }
        let end = Date().addingTimeInterval(seconds)
        var count = 0
        while Date() < end {
            round(&generator)
            count += 1
        }
        print("fuzz: \(count) rounds in \(seconds) s")
        return count
    }

    /// A stream cut into random segments, sent in a random order, some twice, some overlapping
    /// their neighbours (with the same bytes), across the sequence-number wrap: the receiver's
    /// stream is the original, and nothing is noted. With one range never sent, the stream is
    /// the original up to it and the hole is found where it starts.
    @Test func reassemblyRestoresAnyShuffleOfSegments() {
        Self.rounds(300) { generator in
            let length = Int.random(in: 1...3_000, using: &generator)
            let original = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let isn = UInt32.random(in: 0...UInt32.max, using: &generator)
            var pieces: [Range<Int>] = []
            var start = 0
            while start < length {
                let end = min(length, start + Int.random(in: 1...400, using: &generator))
                // Some pieces reach back over the previous one.
                let from = max(0, start - (Bool.random(using: &generator) ? Int.random(in: 0...50, using: &generator) : 0))
                pieces.append(from..<end)
                start = end
            }
            pieces += pieces.filter { _ in Int.random(in: 0..<5, using: &generator) == 0 }
            pieces.shuffle(using: &generator)
            let lost: Range<Int>? = Bool.random(using: &generator) ? nil : {
                let at = Int.random(in: 0..<length, using: &generator)
                return at..<min(length, at + Int.random(in: 1...100, using: &generator))
            }()
            var stream = TCPStream(limit: 1 << 20)
            let client = Endpoint(address: [1, 1, 1, 1], port: 1), server = Endpoint(address: [2, 2, 2, 2], port: 2)
            stream.receive(TCPSegment(frame: 1, source: client, destination: server, sequence: isn, acknowledgement: 0, flags: TCPSegment.syn,
                                      payload: [], missing: 0))
            for (frame, piece) in pieces.enumerated() {
                // A lost range takes every copy of the bytes in it with it.
                var piece = piece
                if let lost, piece.overlaps(lost) {
                    guard piece.lowerBound < lost.lowerBound else { continue }
                    piece = piece.lowerBound..<lost.lowerBound
                }
                stream.receive(TCPSegment(frame: frame + 2, source: client, destination: server, sequence: isn &+ 1 &+ UInt32(piece.lowerBound),
                                          acknowledgement: 0, flags: TCPSegment.ack, payload: original[piece], missing: 0))
            }
            stream.receive(TCPSegment(frame: pieces.count + 2, source: client, destination: server, sequence: isn &+ 1 &+ UInt32(length),
                                      acknowledgement: 0, flags: TCPSegment.fin | TCPSegment.ack, payload: [], missing: 0))
            #expect(stream.differingCopies == 0)
            if let lost {
                #expect(stream.bytes.count <= lost.lowerBound)
                #expect(stream.bytes == Array(original.prefix(stream.bytes.count)))
                #expect(stream.hole?.offset == stream.bytes.count)
            } else {
                #expect(stream.bytes == original)
                #expect(stream.hole == nil)
            }
        }
    }

    /// Sample captures with random bytes changed, lengths forged, and cut anywhere: read and
    /// linted without a trap.
    @Test func mangledCapturesNeverTrap() throws {
        let samples = try ["pipelined-nginx.pcap", "keepalive-ipv6-nginx.pcapng", "curl-expect-100-continue-nginx.pcap"].map {
            try PackageFiles.bytes("Samples/captures/" + $0)
        }
        let linter = Linter()
        Self.rounds(200) { generator in
            var file = samples.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let at = Int.random(in: 0..<file.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: file[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: file[at] = [0x00, 0xFF, 0x7F, 0x80].randomElement(using: &generator)!
                case 2: file.removeSubrange(at..<min(file.count, at + Int.random(in: 1...64, using: &generator)))
                default: file.insert(contentsOf: file[at..<min(file.count, at + Int.random(in: 1...64, using: &generator))], at: at)
                }
                if file.isEmpty { file = [0x0A] }
            }
            file = Array(file.prefix(Int.random(in: 0...file.count, using: &generator)))
            _ = linter.lintCapture(named: "f.pcap", bytes: file)
        }
    }
}
