#!/usr/bin/env python3
"""A raw HTTP/1.1 client for the capture samples (Python standard library only).

It sends fixed requests over one TCP connection, either one at a time (waiting until the
server has been quiet for a moment) or all at once (pipelined), and records byte for byte
what it sent and what it received:  PREFIX.client.bin and PREFIX.server.bin.

    client.py SCENARIO HOST PORT PREFIX [--mss N] [--pause-after K SECONDS]

--mss sets TCP_MAXSEG before connecting, so that the server's answers travel in several
segments even on loopback (whose MTU is 64 KiB).  --pause-after sleeps after the K-th
exchange (to start a capture inside the connection).
"""
import socket
import sys
import time

HOST_HEADER = "Host: capture.test\r\n"

SCENARIOS = {
    "keepalive": (False, [
        "GET /index.html HTTP/1.1\r\n" + HOST_HEADER + "User-Agent: client.py\r\n\r\n",
        "HEAD /index.html HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
        "GET /missing.html HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
        "GET /random.bin HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
    ]),
    "pipelined": (True, [
        "GET /index.html HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
        "HEAD /index.html HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
        "GET /notes.txt HTTP/1.1\r\n" + HOST_HEADER + "Accept-Encoding: gzip\r\n\r\n",
        "GET /old HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
        "POST /index.html HTTP/1.1\r\n" + HOST_HEADER + "Content-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 3\r\n\r\na=1",
        "GET /random.bin HTTP/1.1\r\n" + HOST_HEADER + "Connection: close\r\n\r\n",
    ]),
    "midconnection": (False, [
        "GET /index.html HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
        "GET /index.html HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
        "GET /notes.txt HTTP/1.1\r\n" + HOST_HEADER + "Accept-Encoding: gzip\r\n\r\n",
        "GET /random.bin HTTP/1.1\r\n" + HOST_HEADER + "\r\n",
    ]),
}


def read_until_quiet(sock, quiet=0.4):
    received = b""
    sock.settimeout(quiet)
    while True:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            return received, False
        if not chunk:
            return received, True
        received += chunk


def main():
    args = sys.argv[1:]
    mss = None
    pause = None
    if "--mss" in args:
        at = args.index("--mss")
        mss = int(args[at + 1])
        del args[at:at + 2]
    if "--pause-after" in args:
        at = args.index("--pause-after")
        pause = (int(args[at + 1]), float(args[at + 2]))
        del args[at:at + 3]
    scenario, host, port, prefix = args
    pipelined, requests = SCENARIOS[scenario]
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if mss:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, mss)
    sock.connect((host, int(port)))
    sent, received = b"", b""
    closed = False
    if pipelined:
        data = "".join(requests).encode("latin-1")
        sock.sendall(data)
        sent += data
    else:
        for number, request in enumerate(requests, 1):
            data = request.encode("latin-1")
            sock.sendall(data)
            sent += data
            got, closed = read_until_quiet(sock)
            received += got
            if pause and number == pause[0]:
                time.sleep(pause[1])
            if closed:
                break
    if not closed:
        sock.shutdown(socket.SHUT_WR)
        while True:
            got, closed = read_until_quiet(sock, quiet=3)
            received += got
            if closed or not got:
                break
    sock.close()
    with open(prefix + ".client.bin", "wb") as out:
        out.write(sent)
    with open(prefix + ".server.bin", "wb") as out:
        out.write(received)


if __name__ == "__main__":
    main()
