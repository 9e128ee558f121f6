import HTTPLintCore
import Testing

/// The status-code table holds every registered code and the vendor codes met in the wild.
@Suite struct StatusCodeTableTests {
    static let registered = Array(100...103) + Array(200...208) + [226] + Array(300...308) + Array(400...418)
        + Array(421...426) + [428, 429, 431, 451] + Array(500...508) + [510, 511]

    static let unofficial = [218, 420, 430, 440, 444, 449, 450, 494, 495, 496, 497, 498, 499, 509,
                             520, 521, 522, 523, 524, 525, 526, 527, 529, 530, 598, 599]

    @Test(arguments: registered)
    func registeredCodeHasItsRegistration(_ code: Int) throws {
        let entry = try #require(StatusCode.lookup(code), "\(code) missing")
        let registration = try #require(entry.registration, "\(code) is registered")
        #expect(!registration.phrase.isEmpty)
        #expect(!registration.spec.section.isEmpty)
        #expect(entry.statusClass == code / 100)
    }

    @Test(arguments: unofficial)
    func unofficialCodeNamesItsVendorAndReference(_ code: Int) throws {
        let entry = try #require(StatusCode.lookup(code), "\(code) missing")
        #expect(!entry.unofficialUses.isEmpty)
        for use in entry.unofficialUses {
            #expect(!use.vendor.isEmpty && !use.phrase.isEmpty && !use.meaning.isEmpty && !use.reference.isEmpty)
        }
    }

    /// Every entry is found under its own code; codes without an entry, and numbers that are
    /// no status code, find nothing.
    @Test func lookupFindsEachEntryAndNothingElse() {
        let codes = Set(StatusCode.all.map(\.code))
        for entry in StatusCode.all { #expect(StatusCode.lookup(entry.code)?.code == entry.code) }
        for code in [-1, 0, 99, 199, 299, 600, 999, 1000, 1200, Int.max, Int.min] where !codes.contains(code) {
            #expect(StatusCode.lookup(code) == nil, "\(code)")
        }
    }

    @Test func standingsAndOverloadedCodes() throws {
        #expect(StatusCode.lookup(306)?.standing == .reserved)
        #expect(StatusCode.lookup(305)?.standing == .deprecated)
        #expect(StatusCode.lookup(418)?.standing == .reserved)
        #expect(StatusCode.lookup(444)?.standing == .logOnly)
        #expect(StatusCode.lookup(520)?.standing == .vendorSpecific)
        #expect(StatusCode.lookup(420)?.standing == .unofficial)
        #expect(StatusCode.lookup(413)?.registration?.phrase == "Content Too Large")
        #expect(StatusCode.lookup(413)?.registration?.formerPhrases.contains("Request Entity Too Large") == true)
        #expect(StatusCode.lookup(422)?.registration?.formerPhrases.contains("Unprocessable Entity") == true)
        #expect(StatusCode.lookup(451)?.unofficialUses.contains { $0.vendor.contains("Microsoft") } == true)
        #expect(Set(StatusCode.lookup(499)?.unofficialUses.map(\.vendor) ?? []).count >= 2)
        #expect(StatusCode.lookup(103)?.unofficialUses.contains { $0.phrase == "Checkpoint" } == true)
    }

    @Test func contentAndCachingFollowRFC9110() {
        let noContent = StatusCode.all.filter { !$0.contentAllowed }.map(\.code)
        #expect(Set(noContent) == [100, 101, 102, 103, 204, 205, 304])
        let cacheable = StatusCode.all.filter(\.cacheableByDefault).map(\.code)
        #expect(Set(cacheable) == [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501])
        #expect(StatusCode.lookup(401)?.requiredFields == ["WWW-Authenticate"])
        #expect(StatusCode.lookup(405)?.requiredFields == ["Allow"])
    }

    @Test func tableIsSortedWithoutDuplicates() {
        let codes = StatusCode.all.map(\.code)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
    }
}
