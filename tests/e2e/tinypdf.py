"""Small PDFs written byte by byte, for the import's bad-input tests: pages with no text layer (a
scan), very many pages, and one locked with a user password (the PDF standard security handler,
revision 2: RC4 with a 40-bit key, computed here as the standard describes)."""
import hashlib
import struct

PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def document(objects, trailer=b""):
    """A PDF of the numbered object bodies (object 1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def pages(count, content=b"0 0 0 rg 72 72 200 300 re f"):
    """`count` Letter pages that each draw `content` (by default a black box: no text at all)."""
    stream = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    kids = b" ".join(b"%d 0 R" % (4 + k) for k in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), stream]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>"] * count
    return document(objects)


def encrypted(user_password=b"secret", owner_password=b"owner"):
    """One page, locked: it opens only with the user password."""
    file_id = b"0123456789abcdef"
    permissions = struct.pack("<i", -4)
    owner_key = hashlib.md5((owner_password + PADDING)[:32]).digest()[:5]
    o_entry = rc4(owner_key, (user_password + PADDING)[:32])
    key = hashlib.md5((user_password + PADDING)[:32] + o_entry + permissions + file_id).digest()[:5]
    u_entry = rc4(key, PADDING)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
               b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (o_entry.hex().encode(), u_entry.hex().encode())]
    trailer = b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode())
    return document(objects, trailer)
