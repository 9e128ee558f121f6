#!/bin/sh
# Makes the capture samples: nginx on loopback (config in README.md) answering client.py and
# curl, recorded with tcpdump (pcap) and dumpcap (pcapng). Run as root from this directory.
set -e
U=http://127.0.0.1:18481
record() {  # record FILE COMMAND...: capture port 18481 on lo while COMMAND runs
    file=$1; shift
    tcpdump -i lo -U -w "$file" port 18481 2>/dev/null & pid=$!
    sleep 1; "$@"; sleep 1; kill $pid; wait $pid || true
}

record keepalive-nginx.pcap python3 client.py keepalive 127.0.0.1 18481 keepalive-nginx --mss 1000
record pipelined-nginx.pcap python3 client.py pipelined 127.0.0.1 18481 pipelined-nginx --mss 1000
record keepalive-ipv6-nginx.pcap python3 client.py keepalive ::1 18481 keepalive-ipv6-nginx --mss 1000
record curl-chunked-keepalive-nginx.pcap \
    curl -s -o /dev/null -o /dev/null --raw -H 'Accept-Encoding: gzip' $U/notes.txt $U/index.html
head -c 3000 /dev/zero | tr '\0' 'x' > /tmp/body3k
record curl-expect-100-continue-nginx.pcap \
    curl -s -o /dev/null -H 'Expect: 100-continue' --data-binary @/tmp/body3k $U/form
# A small snap length: every data packet is cut after 120 bytes (holes the capture reports).
tcpdump -i lo -U -s 120 -w snaplen-120-nginx.pcap port 18481 2>/dev/null & pid=$!
sleep 1; python3 client.py keepalive 127.0.0.1 18481 /tmp/snaplen --mss 1000; sleep 1; kill $pid; wait $pid || true

# Started inside the connection: tcpdump starts while the client pauses after its first exchange.
python3 client.py midconnection 127.0.0.1 18481 midconnection-nginx --mss 1000 --pause-after 1 3 & client=$!
sleep 1.5
tcpdump -i lo -U -w midconnection-nginx.pcap port 18481 2>/dev/null & pid=$!
wait $client; sleep 1; kill $pid; wait $pid || true

# pcapng from dumpcap (Wireshark 4.0), IPv6.
dumpcap -q -i lo -f 'port 18481' -w keepalive-ipv6-nginx.pcapng & pid=$!
sleep 2; python3 client.py keepalive ::1 18481 keepalive-ipv6-nginx-ng --mss 1000; sleep 1; kill $pid; wait $pid || true

# Edited copies of the pipelined capture: frame 11 carries the gzip-chunked response to the
# third request (`edit.py pipelined-nginx.pcap - list` lists the frames with data).
python3 edit.py pipelined-nginx.pcap pipelined-dropped.pcap drop 11
python3 edit.py pipelined-nginx.pcap pipelined-duplicated.pcap duplicate 11
python3 edit.py pipelined-nginx.pcap pipelined-duplicated-altered.pcap duplicate-altered 11

# tcpflow's view of the pipelined connection (report.xml is not kept).
tcpflow -r pipelined-nginx.pcap -o tcpflow && rm -f tcpflow/report.xml
