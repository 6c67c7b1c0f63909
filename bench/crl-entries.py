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
