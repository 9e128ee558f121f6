#!/usr/bin/env python3
"""Edits a classic pcap file (Python standard library only): drops or duplicates frames.

    edit.py IN OUT list                      frames with TCP payload: number, direction, length
    edit.py IN OUT drop N                    leaves frame N out
    edit.py IN OUT duplicate N               writes frame N twice (a retransmission)
    edit.py IN OUT duplicate-altered N       writes frame N, then a copy whose first TCP
                                             payload byte is changed (a retransmission that
                                             differs from the first copy)

Frames are numbered from 1, as Wireshark shows them.  Ethernet (loopback) frames only.
"""
import struct
import sys


def read(path):
    data = open(path, "rb").read()
    order = "<" if data[:4] == b"\xd4\xc3\xb2\xa1" or data[:4] == b"\x4d\x3c\xb2\xa1" else ">"
    header, records, offset = data[:24], [], 24
    while offset + 16 <= len(data):
        captured = struct.unpack(order + "I", data[offset + 8:offset + 12])[0]
        records.append((data[offset:offset + 16], data[offset + 16:offset + 16 + captured]))
        offset += 16 + captured
    return order, header, records


def tcp_offsets(frame):
    """Where the TCP header and its payload start in an Ethernet frame holding IPv4 or IPv6."""
    ethertype = struct.unpack(">H", frame[12:14])[0]
    if ethertype == 0x0800:
        ip = 14
        header = (frame[ip] & 0x0F) * 4
        if frame[ip + 9] != 6:
            return None, None
        tcp = ip + header
    elif ethertype == 0x86DD:
        if frame[14 + 6] != 6:
            return None, None
        tcp = 14 + 40
    else:
        return None, None
    return tcp, tcp + (frame[tcp + 12] >> 4) * 4


def main():
    source, target, command = sys.argv[1:4]
    order, header, records = read(source)
    if command == "list":
        for number, (_, frame) in enumerate(records, 1):
            tcp, start = tcp_offsets(frame)
            if start is not None and len(frame) > start:
                print(number, "%d->%d" % struct.unpack(">HH", frame[tcp:tcp + 4]), len(frame) - start)
        return
    number = int(sys.argv[4])
    out = []
    for index, (record, frame) in enumerate(records, 1):
        if index == number and command == "drop":
            continue
        out.append(record + frame)
        if index == number and command == "duplicate":
            out.append(record + frame)
        if index == number and command == "duplicate-altered":
            _, start = tcp_offsets(frame)
            altered = bytearray(frame)
            altered[start] ^= 0x20
            out.append(record + bytes(altered))
    with open(target, "wb") as file:
        file.write(header + b"".join(out))


if __name__ == "__main__":
    main()
