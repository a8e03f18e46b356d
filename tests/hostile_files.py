"""Files an upload must refuse, made by the tests themselves: a program
renamed to a document, a zip bomb, a ZIP of countless entries, a PDF locked
by a password, a PDF with no text, text typed in the legacy Vietnamese
encodings."""

import hashlib
import io
import unicodedata
import zipfile

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 240
"""The start of a Linux program (what a renamed executable begins with)."""


def zip_bomb(unzipped_mb: int = 300) -> bytes:
    """A small .docx-looking archive that unzips to ``unzipped_mb`` MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\x00" * (1024 * 1024)
            for _ in range(unzipped_mb):
                member.write(block)
    return buffer.getvalue()


def many_entries(count: int = 20000) -> bytes:
    """An archive of ``count`` empty files (each costs the reader work)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(count):
            archive.writestr(f"x/{number}", b"")
    return buffer.getvalue()


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def _page_objects(content: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def text_pdf(text: str = "KE HOACH cong tac dan van chinh quyen nam 2026") -> bytes:
    """A one-page PDF whose text layer holds ``text`` (ASCII)."""
    return _pdf(_page_objects(b"BT /F1 12 Tf 72 760 Td (" + text.encode("ascii") + b") Tj ET"))


def blank_pdf() -> bytes:
    """A one-page PDF with nothing on it: no text layer, nothing to recognise."""
    return _pdf(_page_objects(b""))


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"matkhau", owner_password: bytes = b"chu-so-huu") -> bytes:
    """A PDF that opens only with ``user_password`` (standard security
    handler, revision 2, 40-bit RC4), as Word's "Encrypt with Password" makes."""
    file_id = hashlib.md5(b"danvan-test").digest()  # noqa: S324 - the PDF format's own hash
    permissions = -4
    owner_key = hashlib.md5((owner_password + _PAD)[:32]).digest()[:5]  # noqa: S324
    owner_entry = _rc4(owner_key, (user_password + _PAD)[:32])
    key = hashlib.md5(  # noqa: S324
        (user_password + _PAD)[:32] + owner_entry + permissions.to_bytes(4, "little", signed=True) + file_id
    ).digest()[:5]
    user_entry = _rc4(key, _PAD)
    objects = _page_objects(b"BT /F1 12 Tf 72 760 Td (KE HOACH) Tj ET")
    objects.append(
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + owner_entry.hex().encode()
        + b"> /U <"
        + user_entry.hex().encode()
        + b"> /P %d >>" % permissions
    )
    trailer = b"/Encrypt 6 0 R /ID [<" + file_id.hex().encode() + b"> <" + file_id.hex().encode() + b">] "
    return _pdf(objects, trailer)


# "Cộng hoà xã hội chủ nghĩa Việt Nam / Độc lập - Tự do - Hạnh phúc / Kế hoạch
# tuyên truyền" as the legacy encodings store it, one byte per character.
TCVN3 = (
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nKÕ ho¹ch tuyªn truyÒn n¨m 2026\n"
).encode("cp1252")
VNI = (
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n"
    "Keá hoaïch tuyeân truyeàn naêm 2026\n"
).encode("cp1252")


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 keeps â, ê, ô, ă, ơ, ư, đ whole and writes the tone as a
    separate mark after the letter."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            tones = "".join(m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323")
            letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
            out += (letter + tones).encode("cp1258")
    return bytes(out)


WINDOWS_1258 = to_windows_1258(
    "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nKế hoạch tuyên truyền năm 2026\n"
)
TCVN3_SAVED_AS_UTF8 = TCVN3.decode("cp1252").encode("utf-8")
"""TCVN3 text opened as Western European and saved again as Unicode."""
