# bench/crl-entries.py CRL.der: prints how many entries the CRL's revokedCertificates holds
# (RFC 5280 §5.1: the sixth field of a v2 TBSCertList; version and nextUpdate present, as RosCert
# writes them). Walks the DER headers only: a million entries in a second, unlike openssl -text.
import sys
d = open(sys.argv[1], 'rb').read()
def header(at):
    tag, length, at = d[at], d[at + 1], at + 2
    if length & 0x80:
        n = length & 0x7F
        length, at = int.from_bytes(d[at:at + n], 'big'), at + n
    return tag, length, at
_, _, at = header(0)
_, _, at = header(at)
for _ in range(5):
    _, length, start = header(at)
    at = start + length
tag, length, start = header(at)
count = 0
if tag == 0x30:
    at = start
    while at < start + length:
        _, entry, content = header(at)
        at = content + entry
        count += 1
print(count)
