#!/usr/bin/env python3
"""Writes a large pcap of many keep-alive HTTP/1.1 connections, for measuring httplint's
memory and time on captures (not committed output: generate it when needed).

    python3 generate-large.py OUT.pcap SIZE_MB [--open N]

Each connection: handshake, REQUESTS keep-alive GET/200 exchanges (responses in 1448-byte
segments, acknowledged), then a FIN each way. N connections are open at once, their
packets interleaved, so the capture looks like a busy server rather than one client.
"""
import struct
import sys

REQUESTS = 20
BODY = b"x" * 3000


def tcp_packet(src, dst, sport, dport, seq, ack, flags, payload=b""):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 0x50, flags, 65535, 0, 0)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), 0, 0, 64, 6, 0, src, dst)
    return b"\x02" * 12 + b"\x08\x00" + ip + tcp + payload


class Connection:
    def __init__(self, number):
        self.client = bytes([10, 1, (number >> 8) & 0xFF, number & 0xFF])
        self.server = bytes([10, 0, 0, 1])
        self.port = 10000 + number % 50000
        self.cseq = 1000 + number * 7919
        self.sseq = 5000 + number * 104729
        self.steps = self.packets()

    def packets(self):
        c, s, p = self.client, self.server, self.port
        yield tcp_packet(c, s, p, 80, self.cseq, 0, 0x02)
        yield tcp_packet(s, c, 80, p, self.sseq, self.cseq + 1, 0x12)
        self.cseq += 1
        self.sseq += 1
        yield tcp_packet(c, s, p, 80, self.cseq, self.sseq, 0x10)
        for index in range(REQUESTS):
            request = b"GET /item/%d HTTP/1.1\r\nHost: shop.example\r\nUser-Agent: gen/1\r\nAccept: */*\r\n\r\n" % index
            yield tcp_packet(c, s, p, 80, self.cseq, self.sseq, 0x18, request)
            self.cseq += len(request)
            response = (b"HTTP/1.1 200 OK\r\nDate: Sat, 05 Dec 2026 21:38:09 GMT\r\nServer: gen\r\n"
                        b"Content-Type: text/plain; charset=utf-8\r\nCache-Control: max-age=60\r\n"
                        b"Content-Length: %d\r\n\r\n" % len(BODY)) + BODY
            for offset in range(0, len(response), 1448):
                piece = response[offset:offset + 1448]
                yield tcp_packet(s, c, 80, p, self.sseq, self.cseq, 0x18, piece)
                self.sseq += len(piece)
            yield tcp_packet(c, s, p, 80, self.cseq, self.sseq, 0x10)
        yield tcp_packet(c, s, p, 80, self.cseq, self.sseq, 0x11)
        yield tcp_packet(s, c, 80, p, self.sseq, self.cseq + 1, 0x11)
        yield tcp_packet(c, s, p, 80, self.cseq + 1, self.sseq + 1, 0x10)


def main():
    out, size = sys.argv[1], int(float(sys.argv[2]) * (1 << 20))
    open_at_once = int(sys.argv[sys.argv.index("--open") + 1]) if "--open" in sys.argv else 32
    written = 0
    number = 0
    frame = 0
    with open(out, "wb") as file:
        file.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        active = []
        while written < size or active:
            while written < size and len(active) < open_at_once:
                number += 1
                active.append(Connection(number))
            # Round robin: one packet from each open connection in turn.
            for connection in list(active):
                packet = next(connection.steps, None)
                if packet is None:
                    active.remove(connection)
                    continue
                frame += 1
                record = struct.pack("<IIII", frame // 1000, frame % 1000, len(packet), len(packet)) + packet
                file.write(record)
                written += len(record)
    print(f"{out}: {written} bytes, {number} connections", file=sys.stderr)


if __name__ == "__main__":
    main()
