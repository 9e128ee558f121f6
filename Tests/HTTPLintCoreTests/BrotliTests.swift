import Foundation
@testable import HTTPLintCore
import Testing

/// The brotli decoder (RFC 7932): its tables against the check values the RFC gives, streams
/// the reference compressor made, streams built bit by bit for the parts that compressor does
/// not use (most word transforms, metadata, damage), and the br layer of the content check.
@Suite struct BrotliTests {
    // MARK: Inputs

    static let words = ["the", "http", "content", "brotli", "header", "window", "lint", "server", "value", "cache",
                        "Content-Encoding", "caf\u{E9}", "\u{65E5}\u{672C}\u{8A9E}", "response", "of", "and", "<div class=\"x\">",
                        "1234", "GET", "\u{FC}ber"].map { Array($0.utf8) }

    /// `count` bytes of words and separators picked by a linear congruential generator (the
    /// script below makes the same bytes).
    static func text(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var out: [UInt8] = []
        let separators: [[UInt8]] = [[0x20], [0x20], [0x2C, 0x20], [0x2E, 0x0A]]
        while out.count < count {
            state = (state &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
            out += words[Int(state >> 8) % words.count]
            state = (state &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
            out += separators[Int(state >> 8) % 4]
        }
        return Array(out.prefix(count))
    }

    /// `count` bytes from the same generator: incompressible.
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = (state &* 1_103_515_245 &+ 12345) & 0x7FFF_FFFF
            return UInt8(truncatingIfNeeded: state >> 16)
        }
    }

    struct Vector {
        let text: [UInt8]
        let quality: Int
        let window: Int
        let data: [UInt8]

        init(_ text: [UInt8], quality: Int, window: Int, _ base64: String) {
            self.text = text
            self.quality = quality
            self.window = window
            data = Array(Data(base64Encoded: base64)!)
        }
    }

    /// Made by the reference compressor (brotli 1.0.9): `brotli -c -q QUALITY -w WINDOW` over
    /// the bytes of `text`/`noise` above (written by a Python copy of the two generators):
    /// every quality 0–11 (window 10, smaller than the text), every window 10–24 (quality
    /// window % 12), a longer text with context maps and block switches, incompressible
    /// bytes (an uncompressed meta-block) and empty input.
    static let vectors: [Vector] = [
        Vector(text(1500, seed: 1), quality: 0, window: 10, "g/8BAICqqqrq/66Xk4Cd1RTAluNycTCww8UOFzVVMVcFUFB1UFVTtdPNLw5+84M7+OHoNzvdDfz/rvr33FvdM6rL2xjuihcLCwsbG6t6mVEdfPjwYzAYjONMVtVgMBgMBoM51BmRitIoHBbaSfae4Pt3K3RSJxCGh9AXezEwcvwW9CCcjWgjhagQ3ArTOIPgQiEjWVvpMhhtI8Rw7hABTBip6qaNZigwjXNU4DS9C8sXOd6auNkwwSG7FdJM04A+oadRD1NGBF+Pd+zAATKFS8ZxXo5WOKntNcDoNKLktCwgkVJG6SDcGmPi/BYV4+0mbili5lZmKXGhHbIDwUjuwWmO0CFDFyluOgjB8wxVIZcYJ1ZGosI0L3Fug5HyYwFuZdSXZuAx3JwNaUNejzcI0Wke0z1GzvvrfHz/nyfwhqBw+UAo4xxNYfEuGu3hOHUrBbcCEaCzAmIwUrQLlDEP+EmcZy6t05CgxaRScy4lOgqco8JMo/oWCAYjWUJCsVNvyDHoheW85GmcXWoLvg5apgSGGOdaDi0DRBl0QFkgKs7TOAPo4BR8aT6NMyNG20iAL0RUMHuBU9WQpaqbNs+nhJbKyDTOJDKWqm5afrkkYFX6MHLnIIpRTkKTpQLdVcglesjaSoftAACAqqqq6v8ul5OAndUVIJajmV0cDOJwicNFTVXMVQEURA1UxVXtdPOLg9/8EA5+OMbNT3cDv/f6fDOT3VO9y96HYSbZwcFgMBhcvNv7qS4Wi8XiYbGOn59qsVgsFovFqqiuxwkhjWV5MNa6UcM5J4lBQwwsCsWThhbYpYZFqgrlSrlzU4adho/Pr28N0ngFejKOskJrrCcQvPKYWIjlMLFNLvCpP96ewrTg63+mrGG/3Pfr8/24YaayJi6EXmTFauKZRqJgX62hd6GijaaUodu6sdIvZCuFMbDI47icVmwYGnaYFoWWI5qGEaRI2hNdUqxZXn92oZgoWJGelIN7KoU/06+qINPgLBjjUhSmRXsbIvEeR2MPCP7WGA+Qiti6D9Yo34T7xZ/uCptYiEVDoVxp"),
        Vector(text(1500, seed: 1), quality: 1, window: 10, "g/8BAICqqqrq/y6XE4OfJQQgluNyCTCww8UOF3VV0VAFMBBxUNMwi9MtLgFxi4MHxOEYNzvdDcL3t9hgeNaq5Lg/8MdFotFIvOjjzIEWhZwa/jCnEdiHQ//vGY+prohzWJan0/vpWWj/O2tDdOtqndGLwjPGYUIMsajQVi35hrlah8IzIZAmodu7+weZYu2QIvtV1peu+1nD/KaGZXiGp86LtlUbS5dZKIa8X9WTNwzGC3g+3wwWPVV7bbiRhZQMJO03AZpwCM+KaiUTo/R+qci/jPgOloCUiaETgZNCiD6RifIVELRxYExTJkbRkCKTU7Ak1IuGVGm0IWSo5r2c84ymy8VtUW8Zeb9GmMmMuhM6Pr6Pz9//n6/wSjCujz7BJhbFuXmfa8F99szwDDaxkDBgCDHUDMwZv5K2QU0ghMYs7gPKJkc0ixk0ca+2SRg3TRwJT0wuy67QL9YsYxymTymDH9fR+iaAp6Xcji8AbAYOQMBmmAePQAv58XUzDpPQXK0zVA34V5n5SvdOM6IwP+BZQshRPBUnWv9fWqx9P17r7i39Rd2i22KgbdGQtGGrlhzbAQAAVVVV1f9dLicGP6sLgC9Hj7g4OMTh4oeLuqpYmAIoiDioiqvF6RaXgLjFIQLicIybn+4OYbZtbGrtmiP3wMdFSlwkk5NxIRoFN9XjVhYbZJ8WXJp5LUy1qAf4LExL0WwLWgtd2pBWx1vUzLTZ7vZM25pglpilBaSYZoFoejR1UV+fNFku+vqu/wXYhPvfRRrT4/3r8fH7//OJJv1q2gWz+xUj1puMCnbOdMhlINXY+9PqbfUsPsOsB5wh2N/vcbDLGjXDpoDkUZ1psImjmb6RI7GY4nT/hgcjOBGsbg99iycEvJzOQbDJFMOSnZeaAvDd+OCwPpSWdxUYaCdOHJ+19UvkeSXJ1EWdqUsbMg=="),
        Vector(text(1500, seed: 1), quality: 2, window: 10, "odguAABUVVVV/3e5nAT8LCEAZubHiLgEKNjhYoeLuqpoqAIoiBqoSZjH6RaXgLjFwQPicIybne4OQVVVVfV/OvnhdmJm0YOagR/c7bSc3MEP7gDuh8UufnABsYuBH80vDn5ajn64+v1it7NTVVVV/YMB2MUO5gc1VREWFlbWu//dlvAxlh1D9dv2dHo/PTMcfxfpGJqaqBFaFmwJZ7dg8CELw7VobFesRQ0h491hGMbpDLPC2S1QNykjniTufvf1TQq2LeHT3aTv0gn6mCH4dNweJjSEL8vXD05Di0Vfr5KAMvXC74xEMahaQiTfdTZbF0OOarH1GilxNiPAgoF9QYz6bmBjgKgzwiw+Yn5nsCw1ybZi+D33GqEvsMu2Nt1qN+m4SVgSxykM94/v++fv/8+XHm7aOpgYsuClN6sl4LUlwv9yW7XU4DgDByeIU3qXzVbKtDZZZxi0QnJjWUhbtBRcMlDCFhcURgSbiLnMZrf4xvulpROAKNYaJgLzwR544YyH2S0ClSTfr7NbGGpRM+Bdy5qxnGW+D+N05gzsA8PsFot8HsbpfF4kq/kj2Z0ptqMsYWUHZjxRUawxGtoZ15Al7IJbCcxsQUo9gsRtYx2GUoep5+Rg2Ebbi09ijzO0Hk+S7AlhLWr5cRixa6/R2EktfcTbZ5LQJugLbRhH0eNY8sAk7uhBrIgLT8WmFjXiCYcLBMCEQ2N02qyQr/Ol6227Sd8F"),
        Vector(text(1500, seed: 1), quality: 3, window: 10, "odguAACnk+bPqMvro8m2ScCQpsJUmH57pU2a69Ide5TDEBziCULiXvkP/vvbL/RwPi8gMyhJSH6CbhpkFINvl8KcSYvTpNFQ7YWWdTmlNOnS4RdflQPk/m7P+JjqgbGFfX86vZ+eDdz+zjwwdlEWJdTC2DM66zGGWNjApUrqF2xVFKHAt2NgmpcVZonOeqiLdCKeJO7+CO2NCzY949fdeRw8CLptIIZ8u5LEgZrwZfn8wUrsqcrrUxJQQVoECqIYVD0jku+qqG6LIUdJbIIkShRdIMDMAPsJMep7gY0C4rwuHBLmdwNa2FKyrQwUfB4kQZ/g4H3rsteu8+1qYUkcxxi4f3zfP3//f778yKatYGQsjOfRtdUNRz0T9uxx1bPA2wY4ZIZkTu+K6kYnLZN1htErHK61MGnvloNzA5QUHmyj056Iubxw1gvvt5ZJAB/nwRERgekUD/yQjAdnvUElXf6vznoDrYoG8K4Wz1jVJ9+neVk541oOBpz1Efk8zcvaL7LV+ch7A7GmhSrhsgMNnqhor3UMtcc1ZAk/SCuBVYWQurorUDacRaCkMHmZEswG4fWiTWxALD2eJOcWYaui5+NtxF4EScFObulP3Fe+VsYEuihRHEWPY7mkpHBCbR1xYVdsWhUlnnC4IKOZKaNRYrqskG/etEnbdudxMA=="),
        Vector(text(1500, seed: 1), quality: 4, window: 10, "odguACCby/kYlUOH/ACN61WYCjMmo2GEIS3C47Dnx1zo4WRqyZymlc8bnlziQqWXVTRzLCYsDi748L2212cz4AspOLbFZ3Ng+P9Cvt9M7CL9D8Z/SEFrHEYfW2b4K4Eb8dyHIhRwO8SwrLs9zBitcVBX0ox4kLiZR211wa4UfB9+5Psr3wl6P0P05f8lCXZtwt+nHN2aESX1USeUCKhAWgQKothpSUEk30lTvR4MOUpi149EiaMFBGgwsC8So3UbsLEjzr7tHTA3M2jLllJ+i6Hg634knWVMR5GY0MISWdZhuCAmfiTDVrBlbBnDXfTcT/guhfBZbltSBN7OwCExJHF6p6leaaZlss7F6FUZr2cC59lysMlASeHhJDWdAzGXN6xxwtdbyyQA0QFzRESgssQDH6T4mTXOoBI1/6/WOIZzHxrAO7V5xqqe+XNZd3vOilnfGheR35d1t19AstX5SNcGYq2OsoTLXtDgWTw7bx0XdY1rlyX8QloJrMwcb91JZCNkCJQUJsF0grlA2Gt8tQGx9HjQ/Zuc+1CoeF7lFbrrUtySbXH73FbGBLooURxFj/LlkpLiFGJZR/y5KmbnPpR4BocHZDQzZTS1xM2KDY4X+W6GR76/Mg=="),
        Vector(text(1500, seed: 1), quality: 5, window: 10, "odguACD2/Zm+Qjvhl00vrv0JSECO40IteC3+w70//KB+1l+7KGvr4vtubSwKNAoAU62xGHmiJnDcdV3X6ZP4Yyw49o/L+wr3P8mXm4m9t//BeHcsGLqIKhyFuwz8yq4eNoQ5t0fC8/X+wGAn1Ke2oh8ULpkm4HEsvkQXzHBln/tCGhf3jyQXHI2C3fpuSEdjjZYGNLdcDEqiPDiOBaL4nlfbNl18Topn8ZBR0uicAHuB/cIYPbURmwfmnNveEXMn5NLGFNuj8EbsFnpFd+CBNExEy06FL8SiRxlOBuD8Z7KMW1dPuBgL448WRCL21wKHIkhRGokC4ETYFWegFRcjgME12woeBEo2T2zBomug54Lq9ok/La2cIMXsh5A3gWIPvugMrBtjL02+29BFgnOfNOC3W6VZ6qqVCDTkbJshYvTDvL5fLGv8UXuD3F1RhUjYd5vxkrzmhtH7rceHrZdDulXAjjIs3XPStuVPxqKJitHiYPUGnzqNAH3q/WDqhzS0vp9WTAdjj9XySV++SCKbMC+laI6mp+NxA9ApcSHF6r2HrgB8KYtxdMFCi0DQumL1AvdNbiw="),
        Vector(text(1500, seed: 1), quality: 6, window: 10, "odguACD2/Zm+Qjvhl00vrv0JSECO40IteC3+w70//KB+1l+7KGvr4vtubSwKNAoAU62xGHmiJnDcdV3X6ZP4Yyw49o/L+wr3P8mXm4m9t//BeHcsGLqIKhyFuwz8yq4eNoQ5t0fC8/X+wGAn1Ke2oh8ULpkm4HEsvkQXzHBln/tCGhf3jyQXHI2C3fpuSEdjjZYGNLdcDEqiPDiOBaL4nlfbNl18Topn8ZBR0uicAHuB/cIYPbURmwfmnNveEXMn5NLGFNuj8EbsFnpFd+CBNExEy06FL8SiRxlOBuD8Z7KMW1dPuBgL448WRCL21wKHIkhRGokC4ETYFWegFRcjgME12woeBEo2T2zBomug54Lq9ok/La2cIMXsh5A3gWIPvugMrBtjL02+29BFgnOfNOC3W6VZ6qqVCDTkbJshYvTDvL5fLGv8UXuD3F1RhUjYd5vxkrzmhtH7rceHrZdDulXAjjIs3XPStuVPxqKJitHiYPUGnzqNAH3q/WDqhzS0vp9WTAdjj9XySV++SCKbMC+laI6mp+NxA9ApcSHF6r2HrgB8KYtxdMFCi0DQumL1AvdNbiw="),
        Vector(text(1500, seed: 1), quality: 7, window: 10, "odguACD2/Zm+Qjvhl00vrv0JSECO40IteC3+w70//KB+1l+zom9tXXzfrY1FgUYBYKoqEwKOSYNjK63jOA6cEz/GgmP/uLyvcP+TfLmY2Hv7H4x3x4Khi6jCiXCVgV/Z1cOGMOfjkfB8vT8w2An1qa3oB4VLpgl4HAtuynBl0HeFNC7u36YFJ0bBbn03pKOxRksDmlsuBiVRHpyMBaL4nlfbNn34nBSP8ZBR0uicAHuB/cKeTxEiNg/MOZe9I+ZOyKWNKbYnwhuxW+gV3YEb0jARLTsTvhCLHmU4GYDzn8kybl094WIsjD9aEInYXwsciiBFaSQKgFNhV5yBVlyMAAbXbCt4ECjZPLEFi66Bnguq2yf+tLRyghSzH0LeBIo9+KIzsG6MvTT5bkMXCc590oDfbpVmqatWItCQs22GiNEP8/p+sazxR+0NcndFFSJh323GS/KaG0bvtx4ftl4O6VYBO8qwdM9J25Y/HYsmKkaLg9UbvOs0AvSp94OpH9LQ+n5aMR2MPVbLJ335IolswryUojmano7HDUCnxIUUq/ceugLwpSzG0QcWWgSC1hWrF7hvcmMB"),
        Vector(text(1500, seed: 1), quality: 8, window: 10, "odguACD2/Zm+Qjvhl00vrv0JSECO40IteC3+w70//KB+1l+zom9tXXzfrY1FgUYBYKoqEwKOSYNjK63jOA6cEz/GgmP/uLyvcP+TfLmY2Hv7H4x3x4Khi6jCiXCVgV/Z1cOGMOfjkfB8vT8w2An1qa3oB4VLpgl4HAtuynBl0HeFNC7u36YFJ0bBbn03pKOxRksDmlsuBiVRHpyMBaL4nlfbNn34nBSP8ZBR0uicAHuB/cKeTxEiNg/MOZe9I+ZOyKWNKbYnwhuxW+gV3YEb0jARLTsTvhCLHmU4GYDzn8kybl094WIsjD9aEInYXwsciiBFaSQKgFNhV5yBVlyMAAbXbCt4ECjZPLEFi66Bnguq2yf+tLRyghSzH0LeBIo9+KIzsG6MvTT5bkMXCc590oDfbpVmqatWItCQs22GiNEP8/p+sazxR+0NcndFFSJh323GS/KaG0bvtx4ftl4O6VYBO8qwdM9J25Y/HYsmKkaLg9UbvOs0AvSp94OpH9LQ+n5aMR2MPVbLJ335IolswryUojmano7HDUCnxIUUq/ceugLwpSzG0QcWWgSC1hWrF7hvcmMB"),
        Vector(text(1500, seed: 1), quality: 9, window: 10, "odguACD2/Zm+Qjvhl00vrv0JSECO40IteC3+w70//KB+1l+zom9tXXzfrY1FgUYBYOpKhqiPwVSY512apqk+hz/GgmP/uLyvcP+TfDmZ2Hv7H4x3x4Khi6jCiXCWgV/Z1cOGMOftkfB8vT8w2An1qa3oB4VLpgl4HAtuynBl0HeFNC7u36YFJ0bBbn03pKOxRksDmlsuBiVRHpyMBaL4nlfbNn34nBSP8ZBR0uicAHuB/cLuTxEiNg/MOae9I+ZOyKWNKbYnwhOxW+gV3YEL0jARLTsTvhCLHmU4GYDzn8kybl094WIsjD9aEInYXwsciiBFaSQKgFNhV5yBVlyMAAbXbCt4ECjZPLEFi66Bnguq2yf+tLRyghSzH0LeBIo9+KAzsG6MvTT5bkMXCc590oDfbpVmqatWItCQs22GiNEP8/p+sazxR+0NcndFFSJh323GS/KaG0bvtx4ftl4O6VYBO8qwdM9J25Y/HYsmKkaLg9UbvOptBOhT7wdTP6Sh9f20YjoYe6yW3/TliySyCfNSiuZoenqNG4BOiQspVu89dAXgS1mMow8stAgErStWL3Df5MYC"),
        Vector(text(1500, seed: 1), quality: 10, window: 10, "odguAGFRYDccCydA6o3UZVSfV29TRdY2Uz367WFsoa9k1R8viD/kQmgDhxzp1zyIJeXAa58iKjyhUGZuf9w77DxAe7OxJtDiP3cUaBp4yqkM5+5SIKnd9C1B9GNh/6vvV3yafhPhGY/9BzodFT5ijiWANoZPdua6UWCJSJFsYC0jWFRU+LYJMzKwR+Rba+X9N6P6U+Kv3vEEtlqXOC3qI5igJ+1PC5DUPYf0lTmycFt2jUjYRvuxle9wZKcPQOO+qHwNLx3ysymckuPZeXNHS2T5bhhkBetBreZ2fUjdoVI14M8WjrpTc5QvE/c4B9i+alPB4A91NNrZZkNZIo3ZVfJoJgqkcp1MTCPOHWrDMYe5jYchejZ223sWE4EAWWk+pPyaHbDCFtRMoTv0Hsi/9BxL+fdS4TJacENcmVXmLANCcR9Ui+FpldW1PmlACw4oMwhrQHnHmnBVUSiok7j5lBdAEhKHxCiMyDmxmjN+lk5DarImMJ00cIDH1H5ry61lEj6wgppb1jLmXDE5iw9bR489wlmyU3gKI5RqBwfVO5QoeFxP1dapN0noorfCAKVEE48bwMyxsvOv9WmcswI="),
        Vector(text(1500, seed: 1), quality: 11, window: 10, "odguAOA8sBucHdEhDpZJE/5GSFlbqQ7zHPhkm1jyd3KCOJGF0GwqvFReoVBmblDRmMoI63937kJQUFEVknT+iqQqbFSFJ3Mm++hjuH26tLlckisIivjFYPvHZtL/Vr6W/0ykFhiWGVThQBz24r6eIEzwuKCuH0aYdgrqQXrURuOKaQTcGg5nOCf0ae3r+XfY4ZAo2Lz9BttgRqAJcwFURDU4NETzPanJO3mlFLfrg5KtEwBsxH7KZ00IbA3g3DoF5n6llpg0dPrrjiV0/DkMpwERux3rDVHWI83OAM7fbp9zXwvOGWEiIMGPxWGnIFlpJTqhZ5yO09UqPs4E3KvnbL4pIR47CSEMJRd1t0788tJKCUaENcMkkPJol1zsl9hTlq9NrKXcSwX4WWrNeOGpq+eMzFpE6idGj3CzwrfaG3aho4SIsHciPKiwNhjdzR7vt14MpVYDE6Vv3RXS9rwERYaZcypYstHJbRSgTr02Rv9aGvavlnWie2vV4qZuHyVBJsrLKcIReh5THisFA9u61t6BwQfxxPFEA8Cwg1Y1qy5wvcmRBQ=="),
        Vector(text(1500, seed: 1), quality: 10, window: 10, "odguAGFRYDccCydA6o3UZVSfV29TRdY2Uz367WFsoa9k1R8viD/kQmgDhxzp1zyIJeXAa58iKjyhUGZuf9w77DxAe7OxJtDiP3cUaBp4yqkM5+5SIKnd9C1B9GNh/6vvV3yafhPhGY/9BzodFT5ijiWANoZPdua6UWCJSJFsYC0jWFRU+LYJMzKwR+Rba+X9N6P6U+Kv3vEEtlqXOC3qI5igJ+1PC5DUPYf0lTmycFt2jUjYRvuxle9wZKcPQOO+qHwNLx3ysymckuPZeXNHS2T5bhhkBetBreZ2fUjdoVI14M8WjrpTc5QvE/c4B9i+alPB4A91NNrZZkNZIo3ZVfJoJgqkcp1MTCPOHWrDMYe5jYchejZ223sWE4EAWWk+pPyaHbDCFtRMoTv0Hsi/9BxL+fdS4TJacENcmVXmLANCcR9Ui+FpldW1PmlACw4oMwhrQHnHmnBVUSiok7j5lBdAEhKHxCiMyDmxmjN+lk5DarImMJ00cIDH1H5ry61lEj6wgppb1jLmXDE5iw9bR489wlmyU3gKI5RqBwfVO5QoeFxP1dapN0noorfCAKVEE48bwMyxsvOv9WmcswI="),
        Vector(text(1500, seed: 1), quality: 11, window: 11, "sdguAOA8sBucHdEhDpZJE/5GSFlbqQ7zHPhkm1jyd3KCOJGF0GwqvFReoVBmblDRmMoI63937kJQUFEVknT+iqQqbFSFJ3Mm++hjuH26tLlckisIivjFYPvHZtL/Vr6W/0ykFhiWGVThQBz24r6eIEzwuKCuH0aYdgrqQXrURuOKaQTcGg5nOCf0ae3r+XfY4ZAo2Lz9BttgRqAJcwFURDU4NETzPanJO3mlFLfrg5KtEwBsxH7KZ00IbA3g3DoF5n6llpg0dPrrjiV0/DkMpwERux3rDVHWI83OAM7fbp9zXwvOGWEiIMGPxWGnIFlpJTqhZ5yO09UqPs4E3KvnbL4pIR47CSEMJRd1t0788tJKCUaENcMkkPJol1zsl9hTlq9NrKXcSwX4WWrNeOGpq+eMzFpE6idGj3CzwrfaG3aho4SIsHciPKiwNhjdzR7vt14MpVYDE6Vv3RXS9rwERYaZcypYstHJbRSgTr02Rv9aGvavlnWie2vV4qZuHyVBJsrLKcIReh5THisFA9u61t6BwQfxxPFEA8Cwg1Y1qy5wvcmRBQ=="),
        Vector(text(1500, seed: 1), quality: 0, window: 12, "g+0CAICqqqrq/66Xk4Cd1RTAluNyMTCww8UOFzVVMVMFUFB1UFVTs9PNLw5+84M7+OHoNzvdDfz/rvr33FvdM6rL2xjuihcLCwsbG6t6mVEdfPjwYzAYjONMVtVgMBgMBoM51BmRitIoHBbaSfae4Pt3CzRSJxCGh9BmR9Yxcv5m9CCcjWgjhagQ3ALjMIHgQiEju7bS7WC0jRDDuUMEMGGkKKs6mqHAOExRgdP0Lixf5Hhr4mbDBIfsFkgzTQP6hJ5GPUwZEXw537EDB8gU+ozjPB+scFLbNcDoNKLktCwgkVJG6SDcEmPi/BYV4+0mbili5lZmKXGhHbIDwUjuwWmO0CFDFyluOgjB8wxVIZcYJ1ZGosI0L3Fug5HyYwFuZdSXZuAx3JwNaUNezjcI0Wke0z1Grvvrenz/nyfwhqBw+UAo4xxNYfYuGu3hOHULBbcAEaCzAmIwUrQLlDEP+EmcZy6t05CgxaRScy4lOgqco8JMo/oWCAYjWUJCsVNvyDHoheW85HGYXGoLvg5apgSGGOdaDi0DRBl0QFkgKs7jMAHo4BR8aT4OEyNG20iAL0RUMHuBU9WQpSirOs+nhJbKyDhMJDKWoqxqfrkkYFX6MHLnIIpRTkKTpQIxViQr4ldzRLnmEOqJ0auHRK0cMSNJohTocSTL6CECKBTcAjlsy2wU7MAbQEzEp5zVYIQNz9cucp6dChCkqJbDcdyZW0nYEMLJNwhGTtIyPSlImEwIMFQMzaOwLh8LeIhIGtYjYC3lxSlXQDHaxowPFg/fEHgzTfEF9W3IWgZwXHcmP58yEtAnHA=="),
        Vector(text(1500, seed: 1), quality: 1, window: 13, "g+0CAICqqqrq/y6XE4OfJQQglqNHXBwM7HCxw0VdVTRMAQxEHFQ1zON0i0tA3OLgAXE4xs1Od4Mwc6Ky7XaULhlm+pfy0DCwcNAwMOcOg8EhOLdsPd5rpwhI/b9nHFNZEZfQ2vPh/fAitP2dtSK6dbXO6LPCM8ZhQgxxVqFrseRXLMU6ELYCQJmE7h8en2C6twNKPG9nfUnc7zUsbzqwn54xs81N66qVofssFEPebuiFDSfjRLxe7waLnoq9NjzEQE1MyOJdIFpwGJ4Rm5dMjLn3S0X9icRXsARKlaIFOmUIsS9iRvUdIWDjoOimTYxZQ7LMLsGSUJ/VpJ1gO4QGNp+91HlF1XZxazrbzrzdLKxiju03of3je//8/f/5Mq8PxvUTKyOjGefqfSkFH7NnhmdwMzcJAocQhz0nRo43p12oAwwhmR2qBZYl4IRm8wEBzmpXopg0IyWsWFxWiZAXay7nOExPkwh/vreWSQCfcDmOBwEkAwdQQDJ8hnZDu3j57ToOk9BSrAfwC3UttubKSGenD5Jw/oS1DKGJRlfIaP29hK2ZjyPubMmNckSOhSAiB5WoTUZgzY4s4nrziLQSmEsSIGu4R5C1bKzVM0Hn7pqPBAuxsdg1Xon9Ejqmf9R2fUnO4h9IRf+6DDFzAUKwLf5vQ+ilrfOUljAmMAYykmN8ujyHPQiJ+KLFZ73i4i4QPokfOB6jXCcuxGgPSjyWpdN/bnvL5V+Ibl2tCzWtqw4="),
        Vector(text(1500, seed: 1), quality: 2, window: 14, "4dguAABUVVVV/3e5nAT8LCEAZubHiLgEKOjhooeLuqpoqAIYqBqoSpjH6RaXgLjFwQPicIybne4OQVVVVfV/OvnhdmJm0YOqgR/c7eRmJ3fwgzuA+8HB7eIHFxC7GPjR/OLgp+Xoh6vfL3Y7O1VVVdU/GIBd7OB+UFMVYWFhZfWz/92W8DGWHcPqx3g6vZ+eGY6/i3QMrapUJdQs2BJa4zD4kIXhWmpsV1xLVYSMd4dhmpczzBqtcVA3KSOeJO5h9+ubFGxbwqc7pO/SCfqUIfh03B4mNIQvy9cPpoYWS329KgLK1AvfMxLFoG4JkXw3WXVbDDmqxdbXSImzGQEWDOwLMeq7gY0Bos4Is/iI+Z1Bs9Qk25rh+9zXCH2BXcbW6qjdpOMmYUUcpzDcP77vn7//P196uGnrYGLIgpfedC0Bry0R/pfbuqUGxxk4OEGc0vusulGmtck6w6AVkhvNQtqipeCSgRK2uFAYEWwi5jKzxvnG+6WlE4Ao1homAvPJHvjAGQ/WOIEqku9XaxzDWqoa8K5mzVjOMt+neTlzBvaRwRpnkc/TvJzPi2Q1fyS7M8V2lCWs7ECNJyqKNUZDPeMasoRdcCuBmS1IqUeQuG2sw1DqMPWcHAzbaHvxSuxxhtbjSZIt9AOC/DiM2Ctfo7GTWnqJt88koU3QF9owjqLHseSBSdzRg1gRF56K7VqqEk84XCAAJhwao9NmhXydL11vuyF9Fw=="),
        Vector(text(1500, seed: 1), quality: 3, window: 15, "8dguAACnk+bPqMvr45Jtk4AhTYWpMP32Sps07dIde5TDEBziCULiXvkP/vvbL/RwPi8AMyhJSH6Cbhp0FINvl8KcSYvTpNFQ7YWWdTnDfPJLhy5WlQPk+nd7wsdYDgzV7/vT6f30zHD7O8vA0JtKU0LNgj2hNQ6DD1kYLqXFfsFamiIU+HYYpnlZYRZojYO6SCfiSeLuDl/fpGDbE366u4xDBkEfMwSfbleSONAQviyfP5gWeizt9akIqCAtAgVRDOqeEMl3mVW3xZCjJLa+RUoUXSDAlIF9SYz6XmCjgDivsviI+Z1Bs1hKtjVDwee+RegTHLJvve21m3S7WlgRxzEM94/v++fv/8+XH9m0FYwMWfA8utay4aAnwp48rnsSeJuBQ2ZI5vQ2q2500jJZZxi8wuFGs5D2bjk4Y6Ck8GAbnfZEzOWFNU54v7VMAvg4D46ICEymeOCLZDxY4wyq6PJ/tcYx1NI0gHc1e8aqPvk+zcvKGdeyZ7DGReTzNC9rv8hW5yPvDcSaFqqEyw40eKKivdYx1B7XkCX8IK0EVhVC6uquQNlwFoGSwuRlSjAbhNeLNrEBsfR4kpxL+gPB+Xgbsee+xWAnt/Qj7itfK2MCXZQojqLHsVxSUjihto64sCvWtTQlnnC4IKOZKaNRYrqskG/etEnbZpdxCA=="),
        Vector(text(1500, seed: 1), quality: 4, window: 16, "YrsAgKxO5SbIGvbci8eiABJAbs9zlXoH0gE+Nnt+zIUeTqaWVBpW+bzhTT0uVHpZRVWHQuLZsYcV6tqO228CXsiAbTt8bg+G/y/kcjOxy/QejP+QAa1xGH2cMsOrBG7FbT4UoYD7EYam7XqYMVrjoK6lHnEjcTOP2uoBuzLg5+iVyysXgj7IEP3w/5IEuzbh/1OO380RJc3H2KFEQAXSIlAQxUFLBkTynUyq58mQoyR2/ZEosbWAAA0G9kVitGkHNg7E2be9A+Z2Bp2ypZTfYhjwdX8knWVMR5GY0MISWdZhWBATP5JmK9gxThlDEd3mC77LQPgsty0ZBN7OwCExJHF6Pame1NMyOc7l6FUZ1zOB82o52GSgpPCwk4rOhpjLG9Y44ZutZRKA6IA5IiJQaeKBL1L8zBpnUImK/1drHMM2HxrAO3XyjKO658+m7XrOilnfGheR35u26yeQbHU+0rmBWKuiHMLDXtLgWTwrbx2XdY7rkEN4Q1oJrMycLN1pZCNkCJQUJsF0gjlBWGv8tAGx9LjR9cMCAqi4X+UVuhsyrCKsT1w+l5UxgS5KFEfRo3y5pKQ4hZjWEX/Oitk2H0o8g8MTMpqZMppK4mLFBseTfC/DlcsrAw=="),
        Vector(text(1500, seed: 1), quality: 5, window: 17, "gdguACD2/Zm+Qjvhl00vrv0JSECO40IteC3+w70//KB+1l+7KGvr4vtubSwKNAoAU62xGHmiJnDedV3X4ZP4Yyw49o/L+wr3P8mXm4m9t//BeHcsGLqIKhyFuwz8yq4eNoQ5t0fC8/X+wGAn1Ke2oh8ULpkm4HEsLqILZriyz30hjYv7R5ILjkbBbn03pKOxRksDmlsuBiVRHhzHAlF8z6ttm758Topn8ZBR0uicAHuB/cIYPbURmwfmnNveEXMn5NLGFNuj8EbsFnpFd+CBNExEy06FC2LRowwnA3D+M1nGrasnXIyF8UcLIhH7a4FDEaQojUQBcCLsijPQiosRwOCabQUPAiWbJ7Zg0TXQc0F1+8SfllZOkGL2Q8ibQLEHX3QG1o2xlybfbegiwblPGvDbrdIsddVKBBpyts0QMfphXt8vljX+qL1B7q6oQiTsu814SV5zw+j91uPD1ssh3SpgRxmW7jlp2/InY9FExWhxsHqDT51GgD71fjD14wWE6/tpxXQwdrmK6KQvXySRTZiXUjRH09PxuAHolLiQYvXeQ1cAvpTFOPrCQotA0Lpi9QL3TW4s"),
        Vector(text(1500, seed: 1), quality: 6, window: 18, "E9sFAMS+P9NXaCf8sunFtT8BCchxXKgFr8V/uPeHH9TP+msXZW1dfN+tjUWBRgFgqjUWI0/UBM67rus6fBJ/jAXH/nF5X+H+J/lyM7H39j8Y744FQxdRhaNwl4Ff2dXDhjDn9kh4vt4fGOyE+tRW9IPCJdMEPI7FRXTBDFf2uS+kcXH/SHLB0SjYre+GdDTWaGlAc8vFoCTKg+NYIIrvebVt05fPSfEsHjJKGp0TYC+wXxijpzZi88Ccc9s7Yu6EXNqYYnsU3ojdQq/oDjyQholo2alwQSx6lOFkAM5/Jsu4dfWEi7Ew/mhBJGJ/LXAoghSlkSgAToRdcQZacTECGFyzreBBoGTzxBYsugZ6Lqhun/jT0soJUsx+CHkTKPbgi87AujH20uS7DV0kOPdJA367VZqlrlqJQEPOthkiRj/M6/vFssYftTfI3RVViIR9txkvyWtuGL3fenzYejmkWwXsKMPSPSdtW/5kLJqoGC0OVm/wqdMI0KfeD6Z+vIBwfT+tmA7GLlcRnfTliySyCfNSiuZoejoeNwCdEhdSrN576ArAl7IYR19YaBEIWlesXuC+yY0F"),
        Vector(text(1500, seed: 1), quality: 7, window: 19, "FdsFAMS+P9NXaCf8sunFtT8BCchxXKgFr8V/uPcH7Gf9OaJvbV18362NRYFGAWCqKtMEHJOAY5TWcRxnnBM/xoJj/7i8r3D/k3y5mNh7+x+Md8eCoYuowkG4ysCv7OphQ5jx/kh4vt4fGDwJ9amt6AeFS6YJeBoL7spwadB3hTQu7t+uBQejYNe+G9JxOxvKbWFAM8vFoCTKg8NYIIrvebVt05fPSfEUDxkljc4IsBPYz+3xFCFi88Ccc9k7Ym6FXNqYYnsQ3ojdQi/pDmxIw0S07Ew4IRY9ynAyAOc/k2XcunrCxVgYf7QgErG/FjgUQYrSSBQAR+GpOAOtuBgBDK7ZVnAvULJ5YgsWXQM9F1S3T/xpaeUEKWY/hLwJFHvwRWdg3Qh7YfLdhi4SnPukAb/dKs1SV61EoCFn2wwRox/m9f1iWeOP2hvk7ooqRMK+24yX5DU3jN5vPT5svRzSrQJ2lGHpnpO2LX8ciyYqRouD1Ru86WME6FPvB1M/nkC4vp9WTAdjl7OIPvTliySyCfNSiuZoejoeNQCdEhdSrN576ArAl7IYR19YaBEIWlesXuC+yY0F"),
        Vector(text(1500, seed: 1), quality: 8, window: 20, "F9sFAMS+P9NXaCf8sunFtT8BCchxXKgFr8V/uPcH7Gf9OaJvbV18362NRYFGAWCqKtMEHJOAY5TWcRxnnBM/xoJj/7i8r3D/k3y5mNh7+x+Md8eCoYuowkG4ysCv7OphQ5jx/kh4vt4fGDwJ9amt6AeFS6YJeBoL7spwadB3hTQu7t+uBQejYNe+G9JxOxvKbWFAM8vFoCTKg8NYIIrvebVt05fPSfEUDxkljc4IsBPYz+3xFCFi88Ccc9k7Ym6FXNqYYnsQ3ojdQi/pDmxIw0S07Ew4IRY9ynAyAOc/k2XcunrCxVgYf7QgErG/FjgUQYrSSBQAR+GpOAOtuBgBDK7ZVnAvULJ5YgsWXQM9F1S3T/xpaeUEKWY/hLwJFHvwRWdg3Qh7YfLdhi4SnPukAb/dKs1SV61EoCFn2wwRox/m9f1iWeOP2hvk7ooqRMK+24yX5DU3jN5vPT5svRzSrQJ2lGHpnpO2LX8ciyYqRouD1Ru86WME6FPvB1M/nkC4vp9WTAdjl7OIPvTliySyCfNSiuZoejoeNQCdEhdSrN576ArAl7IYR19YaBEIWlesXuC+yY0F"),
        Vector(text(1500, seed: 1), quality: 9, window: 21, "GdsFAMS+P9NXaCf8sunFtT8BCchxXKgFr8V/uPcH7Gf9OaJvbV18362NRYFGAWDqSsZQH4IqzPMuTdN0Poc/xoJj/7i8r3D/k3w5mdh7+x+Md8eCoYuowkE4y8Cv7OphQ5jx+kh4vt4fGDwI9amt6AeFS6YJeBoL3pXh0qDvCmlc3L+7FhyMgl37bkjH7Wwot4UBzSwXg5Iodw5jgSi+59W2TV8+J8VTPGSUNDojwE5gP7fbU4SIzR1zzmnviLkVcmljiu1BeCF2C72kO7AhDRPRsjPhgFj0KMPJAJz/TJZx6+oJF2Nh/NGCSMT+WuBQBClKI1EAHIWH4gy04mIEMLhmW8G9QMnmiS1YdA30XFDdPvGnpZUTpJj9EPImUOzBJ52BdSPshcl3G7pIcO6TBvx2qzRLXbUSgYacbTNEjH6Y1/eLZY0/am+QuyuqEAn7bjNektfcMHq/9fiw9bJLtwrYUYale07atvxxLJqoGC0OVm/woo8RoE+9H0z9eADh+n5aMR2MXY4i+tCXL5LIJsxLKZqj6ek9agA6JS6kWL330BWAL2Uxjr6w0CIQtK5YvcB9kxsL"),
        Vector(text(1500, seed: 1), quality: 10, window: 22, "G9sFICwK7IZj4QRIvZG6jOrz6m2qyNpmqke/PYwt9JWs+uMF8YdcCG3gkCP9mgexpBx47VNEhScUysztj3uHnQdobzbWBFr8544CTQNPOZXh3F0KJLWbviWIfizsf/X9ik/TbyI847H/QKejwkfMsQTQxvDJzlw3CiwRKZINrGUEi4oK3zZhRgb2iHxrrbz/ZlR/SvzVO57AVusSp0V9BBP0pP1pAZK655C+MkcWbsuuEQnbaD+28h2O7PQBaNwXla/hpUN+NoVTcjw7b+5oiSzfDYOsYD2o1dyuD6k7VKoG/NnCUXdqjvJl4h7nANtXbSoY/KGORjvbbChLpDG7Sh7NRIFUrpOJacS5Q2045jC38TBEz8Zue89iIhAgK82HlF+zA1bYgpopdIfeA/mXnmMp/14qXEYLbogrs8qcZUAo7oNqMTytsrrWJw1owQFlBmENKO9YE64qCgV1Ejef8gJIQuKQGIUROSdWc8bP0mlITdYEppMGDvCY2m9tubVMwgdWUHPLWsacKyZn8WHr6LFHOEt2Ck9hhFLt4KB6hxIFj+up2jr1Jgld9FYYoJRo4nEDmDlWdv61Po1zVgA="),
        Vector(text(1500, seed: 1), quality: 11, window: 23, "HdsFAJwHdoOzIzrEwTJpwt8IKWsr1WGeA59sE0v+Tk4QJ7IQmk2Fl8orFMrMDSoaUxlh/e/OXQgKKqpCks5fkVSFjarwZM5kH30Mt0+XNpdLcgVBEb8YbP/YTPrfytfyn4nUAsMygyociMNe3NcThAkeF9T1wwjTTkE9SI/aaFwxjYBbw+EM54Q+rX09/w47HBIFm7ffYBvMCDRhLoCKqAaHhmi+JzV5J6+U4nZ9ULJ1AoCN2E/5rAmBrQGcW6fA3K/UEpOGTn/dsYSOP4fhNCBit2O9Icp6pNkZwPnb7XPua8E5I0wEJPixOOwUJCutRCf0jNNxulrFx5mAe/WczTclxGMnIYSh5KLu1olfXlopwYiwZpgEUh7tkov9EnvK8rWJtZR7qQA/S60ZLzx19ZyRWYtI/cToEW5W+FZ7wy50lBAR9k6EBxXWBqO72eP91ouh1GpgovStu0LanpegyDBzTgVLNjq5jQLUqdfG6F9Lw/7Vsk50b61a3NTtoyTIRHk5RThCz2PKY6VgYFvX2jsw+CCeOJ5oABh20Kpm1QWuNzmyAA=="),
        Vector(text(1500, seed: 1), quality: 0, window: 24, "j+0CAICqqqrq/66Xk4Cd1RTAluNyMTCww8UOFzVVMVMFUFB1UFVTs9PNLw5+84M7+OHoNzvdDfz/rvr33FvdM6rL2xjuihcLCwsbG6t6mVEdfPjwYzAYjONMVtVgMBgMBoM51BmRitIoHBbaSfae4Pt3CzRSJxCGh9BmR9Yxcv5m9CCcjWgjhagQ3ALjMIHgQiEju7bS7WC0jRDDuUMEMGGkKKs6mqHAOExRgdP0Lixf5Hhr4mbDBIfsFkgzTQP6hJ5GPUwZEXw537EDB8gU+ozjPB+scFLbNcDoNKLktCwgkVJG6SDcEmPi/BYV4+0mbili5lZmKXGhHbIDwUjuwWmO0CFDFyluOgjB8wxVIZcYJ1ZGosI0L3Fug5HyYwFuZdSXZuAx3JwNaUNezjcI0Wke0z1Grvvrenz/nyfwhqBw+UAo4xxNYfYuGu3hOHULBbcAEaCzAmIwUrQLlDEP+EmcZy6t05CgxaRScy4lOgqco8JMo/oWCAYjWUJCsVNvyDHoheW85HGYXGoLvg5apgSGGOdaDi0DRBl0QFkgKs7jMAHo4BR8aT4OEyNG20iAL0RUMHuBU9WQpSirOs+nhJbKyDhMJDKWoqxqfrkkYFX6MHLnIIpRTkKTpQIxViQr4ldzRLnmEOqJ0auHRK0cMSNJohTocSTL6CECKBTcAjlsy2wU7MAbQEzEp5zVYIQNz9cucp6dChCkqJbDcdyZW0nYEMLJNwhGTtIyPSlImEwIMFQMzaOwLh8LeIhIGtYjYC3lxSlXQDHaxowPFg/fEHgzTfEF9W3IWgZwXHcmP58yEtAnHA=="),
        Vector(text(20000, seed: 7), quality: 11, window: 16, "4sNJRCUpWEQ1qXTAqngHmIN4Rczx6arx8DQxRrke6vcbpfowjwuq2WrJ6nl8QW4P2RCalcqbRVR4ARIKZeZm0jIFmK+m2Cn9zgCZBqAmzV46ch6yABp4ffb1CmgBpP3PtljDUkata01PJms3ldHAtlc5gVqqTFVMrba99nqSsWUViiQA6kqv9zobdPgo59f7/+PYvq9KO2v7qfv6pQhgzb+1an+c+6rbtVBi4xeu+CAVnvMRlNcmsqxXP7F9SPx4t5RJXvVnVLXl43s/H+qfaBinWSLCLpD3ObKD8XN+pgIQBU4MEpnZIUZS5coi8on/5IcSzl9eWdTXx0XoxFwwopH6PaYxJSi7kdAM1kfoH5fxn0i+XhiT6RmNNcHckPUqkxnPH1vyBxACAIaf8Aivpz3AjKg9h8grzLn+BMWLNjpEHtY4tD8qSWmMQjLyCy65BLA9i+2XUH/XTqjISCIe+l59ijTcV5kegEXLWo8FZf0fO0Ga9qmfGN22Ei6lOCSmXCTrZXxW5KcFbPvFXZGmHSOm1hq5b3bJwwQntGyOhnDbjaTZrZvjYZHL/34wsVv4y42KNQAqmeV9RqfegRavmgEI5mFW6X5MoIEn7qmh376OL2V14Qx0MYkzVC/aRSZ4q/BlLETaYIn828yIDXSYAV0KEEofrV67kPpyCSHhQ4Vh/d+5TRJFSb0xMT+kLz6z+5O0rCLyRtguE5zYEXYpN4tdp09jQ9uRd6DKYP/LEd0F9WF7KdQFiDa5206Zff1U9Cux5yxrVxlhobDLRCn8rGUNBikd6mwiA9tiGdTcakWAHTX8szUFloYvG8TYs8no1t82S24Tw+lCqcu4Zy0h+sZtxSNv8ZdHumHbAeZ7u1YnsMGMAsqCzpijYuJhyw/MdnXRPORCWrbFuySAWmgyT5Oj9pg6kiPlqHs0dKxG3hqqbK7yjA+7Crfw1TXRFdwsn3+mW5SA8f3sFJtSQAXUeVmUuJTSjRZ6FxPAS3Vx1vxRLW2BGBqvWM4UxL+gqJZtAm10wDnc9W5E12m57Jv6bouTVSbtnEeziDNPnKyN3BEcqLFk+2AtkuCH3Ub6QU6chQ4uFZ43Irym8OJYtKXJdAV1kGsR3X20NH2IOU3RqGAFamD+S3VeCMbTJBRELd29Sjmf/Yqf0BRU4RIOT5R32Qn5ryi5lL+V1ti1pmaALPM1wiUptOaenZ9NvVrmeG9ak0VvhmX/1H10fQIyt2xSys2E0FG04gqoEhsY3rtpCVBX/F6z6ciqREts84T1YEoMP5aXpeqHwJgliJMIF3Fn6HcnNIlYTE3W+mv+EFqagLBlFJrFL8pb1OBODdhh/eocHjEo9jDoIB4e31nMKKiIQsns83rvKqIFwkF5GgA6MVF2KelvhjC+KVlRtfdw7FBHmpVrfMvYuQGvNz5vtwju/d1wCLEt0oELyfwvnA7sevh4OqejegvQKJfB3PUpE1wv8S6z9z+GwF6lMFC/PW7YtOt54EyQPnziZnOozWpJve4MLIfLBwnUCiQvOIqRKbsdaO7SYG1Djyx37GgOSxqH+hdi5p/muDC083HMHVflQFAUH8TqYhGtSmkO4qcR66RSd9fMWVz9uGwk5I5Dsaq30n0xkxXGn8hyMLe/CLR1ufksz+SuMxbN6F4U6oqagIZvG0KDgjQ4mzWOqxklmpH7FbSS8mldF3BEVFBc6VCdfrmNjdc0S3rFPwzoJ+hlDoarnLDilsJwaD+SuCWtWu2Z+qXBnoU8j8qjAZ+ddmWui7cHnnlJFcP6p2UrS34ooUyug7fLsPV3e5AdzPm8nzgTP6R2c89YvLy560RHKL18msOtnRwKOSXeGs78jcU9+56dErmUNVhrfvqHkG5/a2lWCiWw20odOl7C6Pj9nJnl/o8Qq6xL6UqP3pAftvVec1bYwR02rQxXSeAH9sHqGob+yCeF2cz/Ie7HRkrwSGVPkDC3N1eykubd+dPThJ1wluw7cMvDiyXCvxa2MnNeu+Z4HXQ38QkxfYH7ami/SV4dHxuapWrLTnX9HuJ1F3w6j6i2ISQrreUW2beeMKsT/Rc+iUeffkFnB2W8ByIlDWsW+J/xNyAeDfkN9/HJZP+walVySeITG3x2WuBoARhhKpRvdSp3Nhq9aO8K0lS5jnrwY/af69rS/myzWKHmLWW5MfKf0Tj+MWdCP2fNyf2cbDxf/iryV4paq/5liMdnQgKx3fz3GNdy79FPJ2gmqfJovfMDdKaHVc9GPMVBi4LTSkUV1ChrzZ7O3vji+SfJkSOeYE3CnTRth14vb7VAmtYVQE5iqptzkECqGT8r4rwZ6f/+G/dflF5c7mf3wgj/XkOtcn3N4jyJErNdBT5RVsff5un0u3ZhEnEVP+aOcRW3UANI3FYBXBYEpzCfb2+kFwZKTHjvXExZL7IACgvdu2OsmVJFxOnioV9Dbs9O4itr/v/DmiA2z/I/45KmCqH3i7+sC84ikECZxhRXuGU1s8NZPZnoRQRo9/SMi9Fqz603O1Y/uz/uUZV4t+E+PaNetLmZB0wJYbMqK6iqhqrnChl1DeRgt9BQHRTWCigTieIXRFqOlh1D7bX7XoAQGZxiZXNBhiSJ+wrEds8wkLw429wFTI3XFiZ3xKgfA361EVA0Jl/UxbmUv4xoPL00fGQ436JVarpIt++RObDvTXoGNgN7rtR3x6SigiNQFzztWtAhzRQS+9BdeuNxQu1D/Uf1F+SXvWI9/CS0zvQViKnl2EIEPf5YyM3Jl4uyWjXN/ObHTV7M3NTHpjanE5GbMIM5P1D58p6kK0+JQI2VSXnCNmtqvH6uXbW8TO0K82Qkvvjm+j9CRNOq+DjTH+/07H+y6VGRoJqpjY9PToNZOLf0L1n86m4GQDO/JpR4kuS3orm3pEhZKx31WgpZqaTU2yNpB3G6TmIQ3ozCswzi+W+1151xBbGhiG1xFN1FNJYbM8ldPyIpedrZ218OU8rqwvLvICQvy1B6A6aku0xfTnV3zxvdZ+lG/dVbtL5kadgbEpk2isJ4TatQseKGlvcmyQEt6/pMfkLrUf80oxHkVtak9TVRWsZxosi6f+d73JcXKtktWGUFQR7DZlIjJrp+OvnDRe43dp0OnTjcGMsvUO/n1RnjHy/SrWrkwLcl+sDc0flGBEzEsZkfUf3BmQOdLQFn+WJ1e+ZrdmrapVpXybBM+Csp4D3N0vwEy+o19yAxGK7DKbgd7N6zmlCNSfZJC5wBBm3l7DhCMN4eq56dQXNPiPVEyw1Rf0fsrT83i+q1b9u91c5ejB/3PSt0t8hsWGXmmffMZ7uox1V9dEaYGQzTuTVkSXuhsK4Qs3lKD0nqoQj0NaR+2P6Yp+YE2T62igj/NPnUyt43dqUEul95eJ+B51XrVqJCmNbxM2vpJshbo/+B/pmU4iAwuh24rhyrQWS9s+s3RmQyCLHvSqVZ9saUuAe5yxSUxC20Vf24PWyibtYy9BzF0FmGflICM/TNcfDTlOmzWO6wOS03GgizVZLJYOuVF7mhitiT2B30EmVlPIDe5tLaDQvxTmNUZ8sbSwbtm7Rb03WuFtRCrj7sRLjm6tS7P25d4jZ1kJSyGebukjEFLGl3qwJxNR9JOeRO42ukllzpcbJqS/0rmbANfvzzH1aV/tncNrRYA9YarF+6S1cabuPwOhaanalKkPBWVp/1coJHiV5WrCOyl9jfDtLVe2tdAInwxvnTen0nUUuRJo8+/8z4sXp5ZyzITPUWJARcC1ersBV84hF+w0DVZR/nUN5xoml1ucYwfyUFFZnvI9f/hmkal/vvyDtYnBGclKSW+qXYzBMM6zJjkPDokX/kUqtgeOtpQRTntOcUjKayoc0gWquoKv0WIT6WIfOr9PLV8jZVTwEhLqMjouAZxx1bDUaBOJkdVmsNxDY1XxlrNRxe2xBsLbsNIwGI09uuCLzICra2BdHIHIlp8m7EbGGlLgVZWpD5PDuqufSssKcRRWkxGnBOo+bSz3kbGg/l6LxS1jl1RMUAGOyM3ODgxPublM1diDRoPnOYF0v9Kbs9HeJ/2XdKKJAWjTRbzCFf16f3YRr9tgASnnF0JrOdl7ErdokHbz7mLZO0/KFzVvjMgQylBkbDvJFtEgvnWeGQflzfcbMWftJl3qJvhGrNdhiWdYJkIJga1TgZAJ7thqdpsrMI6tKlP97M1/R9ebj9w9O5iKbOislf08HtxL5ZZaMwy1VOlrfAy3U0nNImGZ5upoucAUBdrZbKDohbbuX6jixxbhLf0l8wllubR1MIiTpCLzlyyGfCipeNmsMUbesWNSrHwWtjGRbX7vrrdGJndBw2RGxuLBnPQW4Tsbws0FboFIlJu0lgF3/qdV924Lvf7zCmS7lSpltygqCvNziseSViDY/mGPFqjKBtK8rYp/VezeMo9zZTFVfdDCrFL572GxHzdsYsxtHK+l8aPH3zgCJvu8wVsTHlPc2zOStZdqzHzPJ0OuzF2JrGgVZrqRE493V4ELufHwLgf1oIRbn4OnFvZxroCPZKqe5KbEsXxzBCiLv6sei8HBG/JCCgjroBsiwsAsd11Z7hRBeeBxkwtlvvOp3LiS1i6GYWWQ3msheu2i7DjXk/K+fCs/4EXbEqQuHvDaRr8W4agXXVZK345e7bah6WvXChDsj3G8xZLzQAXGSWgDfhO98BGPUXVKDL07pXDoSP2qqJvxfPFKzVLA/MwNTrR8rzTKelKJIAzM95JXqsqWGwf/oPuHk5UdojnXxcsYJl31e29HehE91bX6AyoS2Sco2d6u06i7pN8K8v8lByQIRb2voKNFus9vhM1TIaIlbW9gkkften4WEMWzmEGg=="),
        Vector(text(20000, seed: 7), quality: 5, window: 18, "Ex9ORFSzegAUIcPcpq2UL0Gj4qklp8VlpwUkgPgey5Gscx/3gTSAl8X8t31vQRz7SlUyzXum+UZc4BBLpTs+3T1LnIWrZoqmcznW4ABAyq9cdfh+5bX9fWdnEhuDEMJOI663ZYzp/3ix5CNvTew1jP8qsZk/7tN+3c4deTsbG+Tv/y9jLlesn9V5w6trIt3Oz5jxKOONFLzGd7nzWgSTMXTg8ubx139Pb0jJD5+Xcyvq5JKfPv7X43P335Chl5dXGS5mXtLfG33/0h93WkYA6QrfCF1u4Y09yjDEUHYmwY731d+Ec5X0O5O03q+NXhDpyiQWUtdMjUKXqHqTNJCbLzNDEBG83T4GCpPOjG56ZXHYVmZxm3b/m+h+BzBsJQwHMkLmZz7SGFB7jZvcmM74ETtu5uhRxvaZjUcZ632Q6U2h4JL8Oi8xJWF7tXO/nBKaq+nlIJUErSxBie3cOum75LFmJGBDZunoMr3+zZWEGYwOb6BgRJqXDDw9hl/clsO8F4l1WGful3UqrVODXnwylyt9PSUfyx0HtDgcdeemhdhTszvo4e+Uf/uPcsR7o/fx+jKdAIXPxT6iE2OAPK8kAQBz+RYDyuMS3cITc4EERw/NJRtukoG8F3eUVB/auW9j2FqkTi34NIJqyzF9DxkmXgqdFQhisVmPVVH6fAvBxqmSZTlqNjUCjwaSY6Ez/igjXvi2MhDK03CYCiBsKXME8hvFumiIjiDLWaDid6s7CEXMnzZ1B9SLJrEWTm1ANNRuJaXLfKY1hZS1YqqyoEqThVQovykEo71MYUDQps+6bTK3YC6INUQFgEU1oFYdCsobDCrEpiRJqRKZ8K6jjZPTRqvzuPso0/WBtrThlwiFVoiLCgPwC8y3y695Ehgwo9aRQamYShPyl/UB1S4uhCEbZbkyrp6gMwNN1OlSN+dVXgNVcCVTFYrPblRLXZeVJJGb4CD7CQPckg1ch7jRPieU1igc3BE+O4akK9tC7h6XIGpMNWUu8jNqItBgXzQ9X7tlZcBK48bpLEGgRATKaVPp+EvbWGIZzzFV14vyWvakc7e440NGLm0dHVxsdeJO7U3NZfkWPRZml1aAM+FH3rT8ZE3sjQ5drd+XTXjN3ICfyV7caFTgCTKMJ93bkUYfYl6UB2oDDKEa42ecvIKAK/5ieUAk5e7W7dycV8p+pgIhbOEAHqLu4iQkqfNFLYN/rg8uBxxqDMiQj2y8PK0CNh+CRIg8sSE7b5dHDRMciWnmZ51/lecNmUUmH4XOJ5rkc8aRV0CVAK6QJMDMBJyDfvdy2qpq8RyEkIVp+S/Kg1Aek2Wu+6Uwegvikwgm5cr5JFSFuJ1kygjGmR0pmamZWgdbgmbY26pbLa4FM3qAyvqpz+F7BsI8g0CSfQlTfe9ppkRl0QTl4hIfqbLYNEAYduYBoDKXy6u6pPezQfP4VsXKdvsmR55Qffj1fMUlzDMAN5Lg2ddIO+pyyFERExrZd1fwuZWerKvVD4PpvhyZsstGgiIEAsLnez/BYYo5ZcKblQh/VgkM5LyND7lSfTFJ4fROp4/ecXt3iMxKS03dQVgGyG8QaCuQE5YtnvpiBUCbsZNQEShpy07uIDl2hIO2RpUzf6tcJLSmvVHj3EKijiWMelEM5LK+ktazUipATtiNkJ1KbVF8qchZL3S7LC30iqNyVRbTqzGahcq6/MLDDKjZEPRbqg+LBDwmyTWxp71zEZbR56gmiFcXAQifOkIbBa5gEmtTXmWBwUQdV0ZKSv3ldQbOU8gGl98oM9JdWTUlMxDzVhu1CfMOhK0Zx3DHEK4EYeStS8MaO6lGPdmqFZyWmPcrBdnBTVs00iCy1+Bb0ApzTXObxFOUZDEk7PPj8GSWPTB5bbxNjmUusRDWxhyiCgs3wDR9KEVImrGMicU/koc7OpIFg2+HWFtpV4CyM22htWQzocFUQizm3ndUSg5STWBJ/1QmYob1Jb0sFGqDDS8ddMtbm400BsNNPbPKgdw9YFnnopMeuyAffNu1Ju+Ij/GzJFnyyhCusCAnwlAbd2czdOujsNbzL3MDmIbgPaDv0UGekI7kvJkKq/tTPIgqC0tKaqtrFsJzSht+vRGLWUsIIDAOtdHNwZFiMtxjuaB9lrxKjHFMLvVv6eWQgWrCNvHyUw7mM6VSJB1BW7dwRg7pj45hLiXKuLC85fVae8UtUyScFyEq0uhiYQBdAsQMvtfkZ7gZ/BaEVq1IEBxwis3gx8ED9rFBjF+xUHLhs3iJRTA8ezKT3eqCzi01+NT7F6uEWxLPADEuI4BN5T6h8z9qk0zUdjIxf1g1d0khLQGyt38vnX8MGks89sZjOOQPmIftyt8El9D71h8y9RoZiqFXa9UHlkynOo1EpMkUjWfrGrWARFUhbHmdMQtjn83+Iv6ZoSZxHKyjE2bR1Ag9Lv1NWUDh/91TmxM2pnK4szYJsSzxvZ0r4zZRUoJJcHbqEycufUNejPQjVtxVrVXDJVFOk1qdhzEIL9O1ms/6nT6xi1Sm07lilo2KW/VD1p8566ksw5voAF41CoayTHHa1PNgI7k4RFNCdOfHQd2qes0ugJQFQt2vtdxn3Sb1ipVy67zcu2WRxQCA5f9/oFyZaIYeU//VspYZKxXk0Nhcxg2CMPH5kJZd/BSxg4lkmFbOYmaBTlgJ4Jfps3tq/6aijUfTEut2hC9D2hgVvoiAB7SWZdaKhFtjwO0NYUUVocKaXzWCJYPJbiSAHXVFXlL7WWzdZzW7N6Y8eoRoPTFkru08C3/AV9a6mUgOvXsg+7mex2TZL/1BwLUCdwlvDyZo2ZY1BmYMHQ1dvyv4OYa3M33eji8A29nFOZuASKQ3z/D5Gfri0AOSVXTXRZ7bM3La2CNJrUsa/efKEJVDtDEBKCCxEUGxfpNd0jpsK4UdfNQi6ode5zi+ef+jmL9wcNpeaqTkz+AMiZDue5g78iscBzuIcNMPgczxkSNrAKAQl/CO7o+f4nhxj6YCNXCUSalbttHFmEbzM24ID9mTYEHw+IoA8sjJC3smKq7JdTQ8HMgyB8pImsC44KmWXLOKSl/mMLUf184f0+ZNdpgoKUesaNIC8TYYrfN3Oe1Ct0060i8YfNllHXJtj9d009c+d8rWRq2QlKxN2WO+OsrY4GugFMHIfn2ypSCV/KFOxZCYYC9t0wwpOeu/OR6MwViEV9B4S3F76A7Qr8wsfciYCFrT9Z5kMI6mvxBmWibtuZ4AHdlwstIhCAZK9ZQ44R8tP3fXKu8465pdIlIUX6kMo1XrShOFZTzdetCuGHVDwkuW5LUUQPd1McrAUh49tK88Cgt8XEo1XfBPLEd07tBF5vOH1HtD/fiD+032VqxISN7GXsPo1OFW0luAD4Hq7ffdjo/88/qe1dyHx8yaJazgBvmtxgeLFLqxci4Eq/W0mPZXvGMysspWXZIZ4kUKBG5DA2134KqOW3xtSLe4RqVp/DgJjMUaAORFv8A7wrLxhLgFsU3f4wOMi/njb++CkWA1Z8WhQibAlAvwXsOgW+pDuHIlG+vNtcrc1tLGfOrynk3UMHU/wPZM9N63dnwGHdU8b1N6owhbV1GQve0Zh/SU6bm1LjIrIjyEs3NrHLTHTZUry8ZGDJqYwpw367tVkN/8XXfrSU0UslWxsilJNVvqz17myav18eAa+XqIV6wtKkLtwTPtDvrau7QeVkDnVS/vf4icZaDoID9yHng6Adl5HsvX1eLhYx7I66Bd3TH5EkCbJIFZZwJv4kHQKJ21qusTV5RuxejifmxK4G577G0lMRbJUh6PILXgCr7Eu8GwzEPPPJkmYex+60ygj1sCBQPEaT4LLaV/ZYflJ22b80tvy63eh4+R4E9uIbKxVhdqGlVYQCX3Pt7mK8qleOAngQRSoLQk2J6c1N+zHRKLgO5JitHqPqwH7BeB1MS8mxDmTieo5DDPu+/zhISqPe5Ob6q0ic+wTDVJyKlGlCrYXrlIR2e3O78OqTIeK+3iqlKQqD6k9IeY0AQfilR76422rc/hvj4i+Qgx6KknRK+84aqpqK1E6GBRr29DJ4yk4itufYOnhB5uHSFPUBTc+WGWMOBPRj9zp0VZbbC+Wz2KKD2RNoxOUHL9JNsCtCgWuzN1pvAtH2XgIgp6gu/2EcInh2iqJnyMSzmTRAXsA3RrDTDf+wSm7XGfof4ToYmkw5p7vctU5ePtmZ66RQM1Ei51N1OiBHPltraDRNoofmwfKZkk1SOF9OWGvbooSxk8/GBvNlQZ24mVJNBpvoQ3DLrsC/RzKYwyMTn8NhUk+qbRQ4GuJfPD9j8xb9RWbaPKbLzuMr+NlPR9n2+076juPzDPaqZCDuhpLFUdc130ED0m/WZnESm2LQU9yBJ7ZGIniPAdVqllpQoOkoe1JX6InHDoL1+2fH6AG+2hdO1oMCqV/kGclDuH7ZXGnUAxhfx37U3ZvqfuumLazy/g5TAw++Ad9md5irsHLD8fZ9DiN4biD+2XpaIo0jvDNNPxHh03yRxKN8R00zrgYRjelc/6UJUzbagCkgNt9aIqKwT5skGXt/Ti7d41y/wISHb9kJrVfnbQvsO3vXfdhjlTbaYZ3IXrqpCbfvhNZpx3LWTWhSv8aLkRw0E4gDCa6oTTGNAHa1OZhj4VtAFmuhkwgL4Cyb6iYvbx/NHPVlq3LDzPU2Ij5/a2qYmep825gaokbkUlujCjVVrlIEr/VzmLm5FVd/gKpMyHzU3pb8G2UXwIVb5bHFOotoLrmAtAIh+6Yb+l9F1c6fFClHC40Ah123oJkXc9M9AMsapd86ZEO2DJ3AU8RB8siVV8sX5ndiEVv4dz4la42tLGFx44oXY4k85oaj6cI2tAl4QIafNzz0Ni/eLBXmQd/Dl82t/7ShISSMBrxa24lQEQuFYjJ8qT0TpoO0y/XsbGmpalW/9vLOhZEJf4TtPKKXaOjmheUSFom187C0MYML+pX9btc0fs05mP8qa8VpnDHUnhYvoe9ylcXW8s9sHdMST8Rparoww524ovMhfSgTkn3figrZVtWFsbHPeFq2DpIbZkNxvgvy4voRUMppeur0itKkuJKEwkkupEBUejaL8U8bYVMKQA7cBIR3vhcVyOhY39DBVTV1UNsiDsD5HmWHDeSGw4F8ZEcEpGsj9qLQt540msSgz5zOws+tNgoKwn1gVLXSx4f99P8lppAgFAumNtUtZU5eWC04VpuNY7DmLi2nZYwKeGvlErM2FqZknrDMRFHN9rM9crLhlwCrI5As677nHUesnGKL8ImEfqDfityJ2JLarIme8zTCyIQ6wQHuOBgIBU9+HJUjciUdKOmEz1Zq4cPvFD6ZmaK/Zhv+mbhURdjkB8TLWi4ECTnpLSU1uXgJhT/46m0g+VhtgnYaVIPWA4xsnHqv1rbY2Rsq1FeG4ebdW2n61mW1Kl6omAXyoEdEmYGdTyzHw/rU4IXYVslM66Ag=="),
        Vector(noise(2000, seed: 3), quality: 5, window: 16, "8HwQU8N9eI60TbdIL21GPRnlcCRMu6DjWPx4dPqMsZVcr7UyElP+k9EjLEXtTOnJmQ19/9wBMFFVLGOgsMdt7uTMNtAyQJaR3UNrJqrYfNYWdRGmWkpOhh9RUzwBGhYUxlT7RFsaOCGSA+sEnej4+kpzpC/8bfMYbcTBYiVdo525n3uoxLvd26e9JfcAVFTO62GvsvtCFp/32yUoVGgMInYGLxKn+nxX08iQFwn1ieqylqlJj6GwtXTw9qfGFEo6tt+NmjqwDizQfKV78qGO5VhrCwrwYrjwnlms9rM4VH8vhBBat7OK81Qy2zvxMlxZkzZMDVZeJugrccAuU6sjhppMLmhU3elDGUCqcUB/6tscUeRs+WvzN9SNqWfeSK7qr49f3UoFIrbVAIszFWAwBqsTTD0QYxZzUgbfuIzk7kEmphzQ0gMu4kHJ9ZqprSdw+NT8mdUdiDVbNds7lFjaJLfn3FoirwRfFvNhvTQ/xrK77GqXf3JAFKhwFQYwfWsrGqwXk3PhnMcK10a27u0GY6yzEVBFODep8REEMZcqmO0HTEaS/XLvsNbLHZsQj94cg4Jm3GFJZIzvcCDVADdZAzYf4XH4OfSyMildhM/9R3X4sORTCXy/VVjj4gqlfKcFX35eRZwOpGfWSH6LZg84BsKVAMx3qUGb5MPB6LzReYo5vzgpIcn2ZXqA+cYMnapmm4k0YOGo4vdNaTWGfg/ILH485DO/QuNE1ilFTfmAlC465PgmgFKZAEost/0kDIuA5UzdfK1SYp6inNs6ZY/u9lb/wziNfV5Qk2S/ZeSiuyElR5gcJc9rCZUwMqOHorFVqTANrD4DKX3gacTV96hPpfiFjypek/ceaTzDoJmR1OTp0U+azLv0H+iUPmaV9z+lFF86v491/nTVGgVL0jRQO885ABxvfbTQZTumMPZlhLgyLBDz8k52pZAicbppZBzxFMGYSF8hYyYNuHNLUswWeApEid299FpHVKp+Bpf4MZ9uv5E21ID5uppiHs7hA+x6Vf8elipBn/LXDKRGlciG3ZaNYAAGcW0jwpEe0tvi/lnJtUY2bws/P9KeXJOZrBNCRIJ/vCzMt/o/nuxud0FEqx++etTFLDLG/rodBdx80Wcw9mWDgGnQ18ff/7vv+LgJD3MxiWR8bx8RuGC0lxG35BJBi2w5IK9RE67P0XrgTwtRK+NthNHu4cTunLcAQb5RortokI7KTALbYtXIT9ADSJ0+CZhdBailz7ZKJ1Dm3UWYvXUHuT2gf9dTiLeooMxZqwQbISfulAPqZuEbv9cNWayeKenwU6Njv9pht7sooNYy1ZAhGmarks1Y2a2F7EUklbb9TW3jTERLTdfgwkB6VuwK4K9uReTrMOOr89n+fkANXWhMZsWTuzMGY0nzwU9zkPqE5VthOKbLYM4F9eOvQ8vr4v0U0nFgL1x8C4eBGsLV/fPZGZOeW1Ylu/0QddDFhrnkerDg3cr3p5o+tlrQ3nVrpaPftA6hiYzp8WKL2l/4HebZcMnQkkI/Nvm5I2tdJpwUXeebgREb7NH5Iv7EqddxXjKNZEFQynzIVca149ih6LUcaCDvQsad6i+KpIc73AzHnz+JKZtGt8dqFuYv5p+oAvuZG0/NQPetqdBWGq3AR5Y2vhF/DG1Hq0/hkEch1jNyEbRlmUpDUpCALu11ljl4RQ9C0js7+YTtHV6KJB//4X5179TFUYUHDsvaQJKOAPlMRAOmVr+gxgTsx6y9eNIKnT+DQsx5wG2dow0nZi/NISLrOGTHMRtmaNRTzgvFBwdIiamGpluq3LUgAHvrD1hIPx0b5IcpI7qS7DrIBZ5WLvZpl3lKj/ysz1rpEhjHWcYc8eP+jT9uHPpNs3Okm3fZIPiG8bCsbjViaAHG5u6I8zCAx4vSCrXjFw74pt9TIl89Ta7H0Uu50OZjgG5MHZ0o9OIBYk0jsGdhST85rl8PGMWBR9SlBJPT1WOe4kPsULzfLsda9yEXAFEUwgQKV/ZdMayJ7yJutZikf5P6wvNYB2p+U07HnqIHXoe33+rTj4T45qzwQiLXds3Ql47ByW9hDOjbE7UvCdIAvFijR2qR55NG57D9uLDGx23hdzkHTCI9hJiCum8Eu7DJ2yYYtLbdeeV0BUrH+t4LcKuMIkWmo3ZrwnTN9EsZ5sZ5QlZLtL4j24rJIulsGBDvLKVzGjc6LrWSwOdXlUUZzWrO+MVF4gg/YdN7s77LTwObmiQftUHeej4+/zCclcH05qP2ux+ioCow+1DAp08/wzJDLuzZD/3R/8YNFhdjV1Mll0nE+1VktDEZl6bh/FlIJ3mIGFz9BNMNMAqivQZSBF+E6HqSUsz0mgZI/iIqE6q0Eyo89GFqmKBV7mxI1isdzEHMc5r0TgOkmFxgJDLoAA/pDfBalag47wuwDG4rWbekpu1HzJBl+YipymOda05kcdMpy0bwNMo0LEgZ6F1V6R+LQY/gf4btfBCKoEYtvesTqXVmcMqJZqaPrytuxZbNdMjC444aK/i5pZWv2NCusCtE6VmQex0mfQ3c3Lm6lHjdNmjbjrjMMndB4ycJrJjJ8np+PF5baCDwfMjCf5TIBZGsKg6YseCz7rpqoZIa80+gJSumksPjbTm2anZ5q6mKxwIAFWRd35JW6iW1K3E5Wm0c6TDkCgUD"),
        Vector([], quality: 0, window: 22, "Ow=="),
        Vector([], quality: 11, window: 22, "Ow=="),
    ]

    func decode(_ data: [UInt8], limit: Int = .max) -> (Brotli.Outcome, [UInt8]) {
        var out: [UInt8] = []
        let (outcome, produced) = Brotli.decode(data, limit: limit) { out.append(contentsOf: $0) }
        #expect(produced == out.count)
        return (outcome, out)
    }

    // MARK: Tables

    @Test func dictionaryIsTheOneOfAppendixA() {
        // Appendix A: "the length is 122,784 bytes and the CRC-32 of the byte sequence is 0x5136cb04".
        #expect(Brotli.dictionary.count == 122_784)
        #expect(Checksums.crc32(Brotli.dictionary) == 0x5136_CB04)
        #expect(Brotli.dictionaryOffsets[24] + 24 << Brotli.dictionaryBits[24] == 122_784)
        #expect(Array(Brotli.dictionary.prefix(16)) == Array("timedownlifeleft".utf8))
    }

    @Test func transformsAreTheOnesOfAppendixB() {
        // Appendix B: prefix, a zero byte, the elementary transform's number, suffix, a zero
        // byte, for all 121 transforms: 648 bytes with CRC-32 0x3d965f81.
        let bytes = Brotli.transforms.flatMap { (transform: Brotli.Transform) -> [UInt8] in
            transform.prefix + [0, UInt8(transform.kind)] + transform.suffix + [0]
        }
        #expect(Brotli.transforms.count == 121)
        #expect(bytes.count == 648)
        #expect(Checksums.crc32(bytes) == 0x3D96_5F81)
    }

    @Test func contextLookupTablesAreTheOnesOfSection7() {
        // §7.1: Lut0 0x8e91efb7, Lut1 0xd01a32f4, Lut2 0x0dd7a0d6, 256 bytes each.
        #expect(Brotli.lut0.count == 256 && Brotli.lut1.count == 256 && Brotli.lut2.count == 256)
        #expect(Checksums.crc32(Brotli.lut0) == 0x8E91_EFB7)
        #expect(Checksums.crc32(Brotli.lut1) == 0xD01A_32F4)
        #expect(Checksums.crc32(Brotli.lut2) == 0x0DD7_A0D6)
    }

    // MARK: Streams of the reference compressor

    @Test func referenceStreamsDecodeToTheirText() {
        for vector in Self.vectors {
            let (outcome, out) = decode(vector.data)
            #expect(outcome == .complete(end: vector.data.count), "quality \(vector.quality), window \(vector.window)")
            #expect(out == vector.text, "quality \(vector.quality), window \(vector.window)")
        }
    }

    @Test func cutShortAnywhereIsTruncatedNeverComplete() {
        // Every offset of the quality 11 stream, every 50th of the others of the short text.
        for (number, vector) in Self.vectors.enumerated() where vector.text.count == 1500 || vector.text.isEmpty {
            for cut in stride(from: 0, to: vector.data.count, by: number == 11 || vector.text.isEmpty ? 1 : 50) {
                let (outcome, _) = decode(Array(vector.data[..<cut]))
                switch outcome {
                case .truncated, .invalid: break
                default: Issue.record("quality \(vector.quality), window \(vector.window), cut at \(cut): \(outcome)")
                }
            }
        }
    }

    @Test func damagedStreamsNeverTrap() {
        // Brotli carries no checksum: a changed byte may still decode (to other bytes), but it
        // must end in an outcome, and a "complete" one must have read only what it was given.
        let vector = Self.vectors[11]
        for index in vector.data.indices {
            for flip: UInt8 in [0xFF] {
                var damaged = vector.data
                damaged[index] ^= flip
                let (outcome, _) = decode(damaged, limit: 1 << 20)
                if case .complete(let end) = outcome { #expect(end <= damaged.count) }
                if case .invalid(_, let offset) = outcome { #expect(offset >= 0 && offset < damaged.count) }
            }
        }
    }

    @Test func outputPastTheLimitStopsWithoutAVerdict() {
        let vector = Self.vectors[28]
        let (outcome, out) = decode(vector.data, limit: 5000)
        #expect(outcome == .limitReached)
        #expect(out.count > 5000 && out == Array(vector.text.prefix(out.count)))
        #expect(decode(vector.data, limit: vector.text.count).0 == .complete(end: vector.data.count))
    }

    @Test func bytesAfterTheLastMetaBlockAreLeftAlone() {
        let vector = Self.vectors[5]
        let (outcome, out) = decode(vector.data + Array("trailing".utf8))
        #expect(outcome == .complete(end: vector.data.count))
        #expect(out == vector.text)
    }

    // MARK: Streams built bit by bit

    /// Bits packed as §1.5.1 says: from the lowest bit of each byte, integers lowest bit first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var count = 0

        mutating func put(_ value: Int, _ width: Int) {
            for bit in 0..<width {
                if count % 8 == 0 { bytes.append(0) }
                if value >> bit & 1 == 1 { bytes[bytes.count - 1] |= 1 << (count % 8) }
                count += 1
            }
        }

        mutating func align() {
            count = bytes.count * 8
        }
    }

    /// §11.1's trivial compressor: an empty metadata block to reach a byte boundary, the data in
    /// uncompressed meta-blocks of at most 65,536 bytes, and an empty last meta-block.
    static func stored(_ data: [UInt8]) -> [UInt8] {
        if data.isEmpty { return [6] }
        var out: [UInt8] = [12]
        var start = 0
        while start < data.count {
            let count = min(65536, data.count - start)
            let last = count - 1
            out += [UInt8(last & 31) << 3, UInt8(last >> 5 & 0xFF), UInt8(8 + (last >> 13))]
            out += data[start..<start + count]
            start += count
        }
        return out + [3]
    }

    /// A stream of one last meta-block of `length` bytes with one block type per category,
    /// context mode LSB6, and simple prefix codes (§3.4): one literal (`literal`), one
    /// insert-and-copy symbol (`command`), and the distance symbols given (one takes no bits;
    /// with two, the smaller is coded 0). `commands` writes the bits of the commands.
    static func built(length: Int, command: Int, distances: [Int], literal: UInt8 = 0x61,
                      commands: (inout BitWriter) -> Void = { _ in }) -> [UInt8] {
        var writer = BitWriter()
        writer.put(0, 1)  // WBITS 16
        writer.put(1, 1)  // ISLAST
        writer.put(0, 1)  // ISLASTEMPTY
        writer.put(0, 2)  // MNIBBLES 4
        writer.put(length - 1, 16)
        writer.put(0, 3)  // NBLTYPESL, NBLTYPESI, NBLTYPESD: 1
        writer.put(0, 2)  // NPOSTFIX
        writer.put(0, 4)  // NDIRECT
        writer.put(0, 2)  // context mode LSB6
        writer.put(0, 2)  // NTREESL, NTREESD: 1
        writer.put(1, 2)  // simple prefix code
        writer.put(0, 2)  // one symbol
        writer.put(Int(literal), 8)
        writer.put(1, 2)
        writer.put(0, 2)
        writer.put(command, 10)
        writer.put(1, 2)
        writer.put(distances.count - 1, 2)
        for symbol in distances { writer.put(symbol, 6) }
        commands(&writer)
        return writer.bytes
    }

    /// The distance symbol and extra bits of a distance, with NPOSTFIX and NDIRECT 0 (§4).
    static func distanceCode(_ distance: Int) -> (symbol: Int, bits: Int, extra: Int) {
        let value = distance - 1
        for bits in 1...24 {
            for high in 0...1 {
                let offset = ((2 + high) << bits) - 4
                if value >= offset, value < offset + 1 << bits { return (16 + 2 * (bits - 1) + high, bits, value - offset) }
            }
        }
        return (0, 0, 0)
    }

    /// A stream that is one static dictionary word: word `index` of `length` bytes with
    /// transform `transform`, reached at the start of the stream (nothing within reach), in a
    /// meta-block of `output` bytes.
    static func dictionaryWord(length: Int, index: Int, transform: Int, output: Int) -> [UInt8] {
        let wordID = index + transform << Brotli.dictionaryBits[length]
        let code = distanceCode(wordID + 1)
        // Insert-and-copy symbols 128–191: no literals, copy lengths 2–9, an explicit distance.
        return built(length: output, command: 128 + length - 2, distances: [code.symbol]) { $0.put(code.extra, code.bits) }
    }

    @Test func dictionaryWordsAndTheirTransforms() throws {
        // The outputs are those the reference decoder (brotli -d) gives for the same streams.
        let cases: [(length: Int, index: Int, transform: Int, expected: [UInt8])] = [
            (4, 3, 0, Array("left".utf8)),
            (4, 3, 3, Array("eft".utf8)),  // omit first 1
            (4, 3, 12, Array("lef".utf8)),  // omit last 1
            (4, 0, 44, Array("TIME".utf8)),  // uppercase all
            (4, 2, 9, Array("Life".utf8)),  // uppercase first
            (4, 1, 73, Array(" the down of the ".utf8)),
            (4, 0, 102, [0xC2, 0xA0] + Array("time".utf8)),
            (6, 626, 44, Array("SRPSKI".utf8)),
            // Uppercasing UTF-8 as §8 defines it: two-byte forms flip 0x20 in their second
            // byte, three-byte forms 0x05 in their third.
            (6, 627, 44, [0xD8, 0x91, 0xD8, 0x8F, 0xD9, 0xA8]),
            (6, 627, 9, [0xD8, 0x91, 0xD8, 0xAF, 0xD9, 0x88]),
        ]
        for item in cases {
            let stream = Self.dictionaryWord(length: item.length, index: item.index, transform: item.transform, output: item.expected.count)
            let (outcome, out) = decode(stream)
            #expect(outcome == .complete(end: stream.count), "transform \(item.transform)")
            #expect(out == item.expected, "transform \(item.transform)")
        }
        // The first word of 6 bytes that is two three-byte UTF-8 forms, uppercased whole.
        let base = Brotli.dictionaryOffsets[6]
        let found: Int? = (0..<2048).first { (index: Int) -> Bool in Brotli.dictionary[base + index * 6] >= 0xE0 }
        let index = try #require(found)
        let stream = Self.dictionaryWord(length: 6, index: index, transform: 44, output: 6)
        let word: [UInt8] = Array(Brotli.dictionary[(base + index * 6)..<(base + index * 6 + 6)])
        #expect(decode(stream).1 == [word[0], word[1], word[2] ^ 5, word[3], word[4], word[5] ^ 5])
    }

    @Test func uncompressedAndMetadataBlocks() {
        // 200,000 bytes in four uncompressed meta-blocks.
        let data = Self.noise(200_000, seed: 5)
        let stream = Self.stored(data)
        #expect(decodes(stream, to: data))
        #expect(decodes(Self.stored([]), to: []))
        // Metadata: skipped, not output.
        var writer = BitWriter()
        writer.put(0, 1)  // WBITS 16
        writer.put(0, 1)  // not last
        writer.put(3, 2)  // MNIBBLES 0: metadata
        writer.put(0, 1)  // reserved
        writer.put(1, 2)  // MSKIPBYTES 1
        writer.put(2, 8)  // MSKIPLEN - 1
        writer.align()
        writer.bytes += Array("xyz".utf8)
        writer.put(1, 1)
        writer.put(1, 1)
        #expect(writer.bytes.count == 6 && decodes(writer.bytes, to: []))
        // Cut anywhere in a stored stream.
        let small = Self.stored(Array("hello, world".utf8))
        for cut in 0..<small.count { #expect(decode(Array(small[..<cut])).0 == .truncated, "cut at \(cut)") }
    }

    /// Whether `data` decodes, whole, to `expected`.
    func decodes(_ data: [UInt8], to expected: [UInt8]) -> Bool {
        let (outcome, out) = decode(data)
        return outcome == .complete(end: data.count) && out == expected
    }

    func reason(_ data: [UInt8]) -> String? {
        if case .invalid(let reason, _) = decode(data).0 { return reason }
        return nil
    }

    @Test func breachesOfTheFormatAreInvalid() {
        // §9.1: the window size code 0010001.
        #expect(reason([0x11])?.contains("window size code") == true)
        // §9.2: padding after the last meta-block, before an uncompressed one, the reserved bit of metadata.
        #expect(reason([0x86])?.contains("padding") == true)
        var stored = Self.stored(Array("hello".utf8))
        stored[3] |= 0x40
        #expect(reason(stored)?.contains("padding") == true)
        #expect(reason([12 | 16, 3])?.contains("reserved") == true)
        // §9.2: a five-nibble length whose last nibble is zero; a two-byte metadata length whose last byte is zero.
        var writer = BitWriter()
        writer.put(0, 1)
        writer.put(1, 1)
        writer.put(0, 1)
        writer.put(1, 2)  // MNIBBLES 5
        writer.put(0x0FFFF, 20)
        #expect(reason(writer.bytes)?.contains("needless zero nibble") == true)
        writer = BitWriter()
        writer.put(0, 1)
        writer.put(0, 1)
        writer.put(3, 2)
        writer.put(0, 1)
        writer.put(2, 2)
        writer.put(0x0005, 16)
        #expect(reason(writer.bytes)?.contains("needless zero byte") == true)
        // §3.4: a symbol past the alphabet, a symbol twice.
        #expect(reason(Self.built(length: 4, command: 1000, distances: [0]))?.contains("symbol 1000") == true)
        #expect(reason(Self.built(length: 4, command: 130, distances: [6, 6]))?.contains("twice") == true)
        // §8: a copy length no dictionary word has; a transform past the 121.
        #expect(reason(Self.built(length: 2, command: 128, distances: [0]))?.contains("no dictionary word") == true)
        #expect(reason(Self.dictionaryWord(length: 4, index: 0, transform: 121, output: 4))?.contains("transform 121") == true)
        // §4: a distance code giving a distance of 0 or less: 'a', a copy of 2 at distance 1
        // (pushed), then 'a' and "last distance - 2".
        let negative = Self.built(length: 10, command: 136, distances: [16, 6]) { writer in
            writer.put(1, 1)  // symbol 16
            writer.put(0, 1)  // its extra bit: distance 1
            writer.put(0, 1)  // symbol 6
        }
        #expect(reason(negative)?.contains("distance of -1") == true)
        // §9.3: literals or a copy past the meta-block's length.
        #expect(reason(Self.built(length: 1, command: 144, distances: [0]))?.contains("inserting 2 literals") == true)
        #expect(reason(Self.built(length: 2, command: 136, distances: [16]) { $0.put(0, 1) })?.contains("copy of 2 bytes") == true)
        // The same streams within their lengths decode ('a' and two copies of it).
        let fits = Self.built(length: 3, command: 136, distances: [16]) { $0.put(0, 1) }
        #expect(decodes(fits, to: Array("aaa".utf8)))
    }

    // MARK: The br layer of the content check

    func check(_ content: [UInt8], _ codings: [String]) -> ContentCodingCheck {
        content.withUnsafeBufferPointer { ContentCodingCheck(content: $0, codings: codings, keepingDecoded: 1 << 20) }
    }

    @Test func contentLabelledBrIsDecoded() {
        #expect(ContentCodingCheck.isDecodable("br") && ContentCodingCheck.isDecodable("BR"))
        let vector = Self.vectors[28]
        let good = check(vector.data, ["br"])
        #expect(good.isComplete && good.problem == nil && good.decoded == vector.text)
        // Plain text labelled br.
        let plain = check(Array("<!doctype html><html><body>hello</body></html>".utf8), ["br"])
        let problem = plain.problem
        #expect(problem?.message.hasPrefix("the content is labelled br but does not decode: ") == true)
        #expect(problem?.message.contains("which looks uncompressed") == true)
        // Cut short.
        let cut = check(Array(vector.data.prefix(100)), ["br"])
        #expect(cut.problem?.message.hasPrefix("the br data is cut short") == true && cut.problem?.offset == 100)
        // Stacks undo the last coding first: gzip then br, and the other way round.
        let gzip = ContentCodingTests.gzip(ContentCodingTests.fixedFox, of: ContentCodingTests.fox)
        let stack = check(Self.stored(gzip), ["gzip", "br"])
        #expect(stack.isComplete && stack.decoded == ContentCodingTests.fox)
        let wrongOrder = check(Self.stored(gzip), ["br", "gzip"])
        #expect(wrongOrder.problem?.message.contains("gzip") == true && !wrongOrder.isComplete)
        let brInside = check(ContentCodingTests.gzip(ContentCodingTests.storedFox, of: ContentCodingTests.fox), ["br", "gzip"])
        #expect(brInside.problem?.message.contains("(the first of 2 codings, 'br')") == true && brInside.problem?.offset == nil)
        // Past the limit: no verdict.
        let limited = vector.data.withUnsafeBufferPointer { ContentCodingCheck(content: $0, codings: ["br"], limit: 1000) }
        #expect(limited.stoppedAtLimit && limited.problem == nil && !limited.isComplete)
    }

    // MARK: A corpus made by the reference compressor

    /// Decodes every `NAME.br` in the directory HTTPLINT_BROTLI_CORPUS names and compares it
    /// with `NAME` (.ci/codings-check.sh makes the corpus); prints the counts.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HTTPLINT_BROTLI_CORPUS"] != nil))
    func referenceCorpus() throws {
        let directory = try #require(ProcessInfo.processInfo.environment["HTTPLINT_BROTLI_CORPUS"])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".br") }.sorted()
        var same = 0
        var bytes = 0
        for name in names {
            guard let compressed = FileManager.default.contents(atPath: directory + "/" + name),
                  let original = FileManager.default.contents(atPath: directory + "/" + String(name.dropLast(3))) else {
                Issue.record("\(name): it or its original cannot be read")
                continue
            }
            let (outcome, out) = decode(Array(compressed))
            if outcome == .complete(end: compressed.count), out == Array(original) {
                same += 1
                bytes += out.count
            } else {
                Issue.record("\(name): \(outcome), \(out.count) bytes decoded of \(original.count)")
            }
        }
        print("brotli corpus: \(same) of \(names.count) streams decoded to their original bytes (\(bytes) bytes)")
        #expect(!names.isEmpty)
    }
}
