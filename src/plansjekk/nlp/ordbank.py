"""Compile the Norsk Ordbank full-form table into a compact, fast-loading cache file.

spacy-lookups-data ships `nb_lemma_exc.json.gz` (~600k bokmål forms, CC-BY 4.0,
Språkbanken / Nasjonalbiblioteket). Parsing that JSON takes over a second, so it is
compiled once into a sorted, line-per-form blob plus an offsets array; loading is one
file read and lookups are a binary search on demand (see lexicon.py).

File layout (little-endian):
  MAGIC (8 bytes) | count u32 | crc32 u32 | bloom | buckets u32 * 65537 | offsets u32 * (count + 1) | blob
The Bloom filter over all forms answers most failed lookups (compound splitting tries
many suffixes) without a binary search; buckets[b0 << 8 | b1] is the first entry whose
form starts with bytes >= (b0, b1), which narrows the search for hits.
Each blob line is `form \t POS [\t LEMMA]...\n`, sorted by the UTF-8 bytes of `form`.
POS is one char, chr(64 + mask) over the bits in POS_BITS. With no LEMMA fields the only
lemma is the form itself; otherwise each LEMMA is `POS cut ":" suffix`, meaning the lemma
is form[:len(form) - cut] + suffix.
"""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
import zlib
from array import array
from pathlib import Path
from typing import NamedTuple

from plansjekk.cachedir import cache_root, write_atomic
from plansjekk.errors import PlansjekkError

FORMAT_VERSION = 3
MAGIC = b"PSJLEX03"
HEADER = struct.Struct("<8sII")
BLOOM_BYTES = 1 << 20  # ~14 bits per form
BLOOM_MASK = BLOOM_BYTES * 8 - 1
BLOOM_HASHES = 3
BUCKETS = 1 << 16
POS_BITS = {"noun": 1, "verb": 2, "adj": 4, "adv": 8, "other": 16}
NOUN = POS_BITS["noun"]


class LexiconDataError(PlansjekkError):
    """The Ordbank data is missing (a broken install: exit 2) or a cache file is unusable."""


class Compiled(NamedTuple):
    """A validated cache file: the raw bytes and the two arrays that index into them."""

    data: bytes
    size: int  # number of forms
    buckets: array
    offsets: array


def bucket_of(key: bytes) -> int:
    """Index into the bucket table for a form's first two bytes (missing bytes count as 0)."""
    return (key[0] << 8 | key[1]) if len(key) > 1 else (key[0] << 8 if key else 0)


def _data_dir() -> Path:
    """Locate spacy_lookups_data without importing it (its __init__ does work we do not need)."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise LexiconDataError(
            "Ordbank-dataene mangler: pakken spacy-lookups-data er ikke installert. "
            "Installer plansjekk på nytt (pip install plansjekk)."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def source_path() -> Path:
    return _data_dir() / "data" / "nb_lemma_exc.json.gz"


def source_version() -> str:
    """The spacy-lookups-data version plus the data file size: the cache key."""
    root = _data_dir()
    try:
        about = (root / "about.py").read_text(encoding="utf-8")
    except OSError:
        about = ""
    m = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", about)
    size = source_path().stat().st_size
    return f"{m.group(1) if m else 'x'}-{size}"


def cache_dir() -> Path:
    """$PLANSJEKK_CACHE_DIR/lexicon, else the platform's user cache dir for plansjekk."""
    return cache_root() / "lexicon"


def cache_path(directory: Path | None = None) -> Path:
    directory = directory if directory is not None else cache_dir()
    return directory / f"nb-ordbank-{source_version()}-f{FORMAT_VERSION}.bin"


def _collect(tables: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, int]]:
    """form -> {lemma: POS mask}, everything lowercased, noun lemmas first."""
    forms: dict[str, dict[str, int]] = {}
    for pos in ("noun", "verb", "adj", "adv", "other"):
        bit = POS_BITS[pos]
        for form, lemmas in tables.get(pos, {}).items():
            if "\t" in form or "\n" in form:
                continue
            entry = forms.setdefault(form.lower(), {})
            for lemma in lemmas:
                key = lemma.lower()
                if "\t" not in key and "\n" not in key:
                    entry[key] = entry.get(key, 0) | bit
    return forms


def _encode_line(form: str, lemmas: dict[str, int]) -> bytes:
    mask = 0
    for bits in lemmas.values():
        mask |= bits
    if len(lemmas) == 1 and form in lemmas:
        return f"{form}\t{chr(64 + mask)}\n".encode()
    line = [form, chr(64 + mask)]
    for lemma, bits in lemmas.items():
        common = _common_prefix(form, lemma)
        line.append(f"{chr(64 + bits)}{len(form) - common}:{lemma[common:]}")
    return ("\t".join(line) + "\n").encode("utf-8")


def _common_prefix(a: str, b: str) -> int:
    if a.startswith(b):
        return len(b)
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def bloom_positions(key: bytes) -> tuple[int, ...]:
    """Bit positions of a key in the Bloom filter (double hashing over two C checksums)."""
    h1 = zlib.crc32(key)
    h2 = zlib.adler32(key) | 1
    return tuple((h1 + i * h2) & BLOOM_MASK for i in range(BLOOM_HASHES))


def _bloom(keys: list[bytes]) -> bytes:
    bits = bytearray(BLOOM_BYTES)
    crc32, adler32, mask = zlib.crc32, zlib.adler32, BLOOM_MASK
    for key in keys:  # bloom_positions() unrolled: this runs 600k times
        h1, h2 = crc32(key), adler32(key) | 1
        for pos in (h1 & mask, (h1 + h2) & mask, (h1 + 2 * h2) & mask):
            bits[pos >> 3] |= 1 << (pos & 7)
    return bytes(bits)


def _buckets(forms: list[bytes]) -> array:
    """buckets[b] = index of the first form whose bucket_of() is >= b (forms are sorted)."""
    buckets = array("I", bytes(4 * (BUCKETS + 1)))
    j, count = 0, len(forms)
    for b in range(BUCKETS + 1):
        while j < count and bucket_of(forms[j]) < b:
            j += 1
        buckets[b] = j
    return buckets


def compile_tables(tables: dict[str, dict[str, list[str]]]) -> bytes:
    """Build the whole cache file in memory from {pos: {form: [lemmas]}} tables."""
    forms = _collect(tables)
    lines = sorted((form.encode("utf-8"), _encode_line(form, lemmas)) for form, lemmas in forms.items())
    count = len(lines)
    bloom = _bloom([form for form, _ in lines])
    buckets = _buckets([form for form, _ in lines])
    start = HEADER.size + BLOOM_BYTES + 4 * (BUCKETS + 1) + 4 * (count + 1)
    offsets = array("I")
    pos = start
    for _, line in lines:
        offsets.append(pos)
        pos += len(line)
    offsets.append(pos)
    if sys.byteorder == "big":
        offsets.byteswap()
    if sys.byteorder == "big":
        buckets.byteswap()
    body = bloom + buckets.tobytes() + offsets.tobytes() + b"".join(line for _, line in lines)
    return HEADER.pack(MAGIC, count, zlib.crc32(body)) + body


def read_source() -> dict[str, dict[str, list[str]]]:
    """Load the Ordbank JSON tables (slow: ~1.3 s), plus the small function-word lookup."""
    import gzip
    import json

    path = source_path()
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            tables: dict[str, dict[str, list[str]]] = json.load(fh)
        extra = path.with_name("nb_lemma_lookup.json.gz")
        if extra.exists():
            with gzip.open(extra, "rt", encoding="utf-8") as fh:
                tables["other"] = {k: [v] for k, v in json.load(fh).items()}
    except (OSError, ValueError) as exc:
        raise LexiconDataError(f"Kunne ikke lese Ordbank-dataene i {path}: {exc}. "
                               "Installer spacy-lookups-data på nytt.") from exc
    return tables


def parse(data: bytes) -> Compiled:
    """Validate a cache file and index it; raise LexiconDataError if it is unusable."""
    if len(data) < HEADER.size:
        raise LexiconDataError("for kort")
    magic, count, crc = HEADER.unpack_from(data)
    begin = HEADER.size + BLOOM_BYTES
    middle = begin + 4 * (BUCKETS + 1)
    end = middle + 4 * (count + 1)
    if magic != MAGIC or end > len(data) or zlib.crc32(memoryview(data)[HEADER.size:]) != crc:
        raise LexiconDataError("ugyldig eller skadet")
    buckets, offsets = array("I"), array("I")
    buckets.frombytes(memoryview(data)[begin:middle])
    offsets.frombytes(memoryview(data)[middle:end])
    if sys.byteorder == "big":
        buckets.byteswap()
        offsets.byteswap()
    if offsets[0] != end or offsets[-1] != len(data) or buckets[-1] != count:
        raise LexiconDataError("ugyldige forskyvninger")
    return Compiled(data, count, buckets, offsets)


def is_cached(directory: Path | None = None) -> bool:
    """True when a valid-looking cache file exists (so loading will not take seconds)."""
    try:
        return cache_path(directory).stat().st_size > HEADER.size
    except (OSError, LexiconDataError):
        return False


def load_or_build(directory: Path | None = None) -> Compiled:
    """Read the cached lexicon, compiling (and caching, if writable) when missing or corrupt."""
    path = cache_path(directory)
    try:
        return parse(path.read_bytes())
    except (OSError, LexiconDataError):
        pass
    compiled = parse(compile_tables(read_source()))
    try:
        write_atomic(path, compiled.data)
    except OSError:
        return compiled  # read-only cache dir: work from memory, rebuild next time
    for stale in path.parent.glob("nb-ordbank-*.bin"):  # older data or format versions
        if stale.name != path.name:
            try:
                stale.unlink()
            except OSError:
                pass
    return compiled
