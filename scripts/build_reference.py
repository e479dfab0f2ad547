"""Rebuild the bundled reference data on the 2025 reorganization from two upstream snapshots.

Reads (no internet):

- ``dvhcvn/20250701`` (MIT): ``mapping/merges.json`` (new unit -> old units, each ``full`` or
  ``partial``), ``mapping/splits.json`` (old unit -> new units), ``output/<prov>/<district>/
  <ward>.json`` (one record per old ward, its address and the resolution clause cited) and
  ``input/docs/1656_NQ-UBTVQH15.md`` (the text of the Hà Nội resolution);
- ``thanglequoc/vietnamese-provinces-database`` (MIT): ``json/simplified_json_generated_data_
  vn_units_*.json`` (the 34 provinces and their current communes, with codes).

Writes, atomically and deterministically (sorted rows; a rerun gives the same bytes):

- ``data/reference/hanoi_units.csv``, ``data/reference/hanoi_links.csv`` (Hà Nội);
- ``data/reference/vn_units.parquet``, ``data/reference/vn_links.parquet`` (national);
- ``data/reference/PROVENANCE.md`` (sources, commits, cross-checks, disagreements);
- ``data/units.csv`` (existing rows kept, Hà Nội's 126 new units appended) and
  ``data/links.csv`` (district -> new unit links derived from the commune links).

Each snapshot may be a working tree or a bare git directory. Records whose relation or code is
unclear are printed and left out, never guessed.

Standard library and polars only. Usage::

    python scripts/build_reference.py [--dvhcvn PATH] [--thanglequoc PATH] [--repo PATH]
                                      [--check]

``--check`` writes nothing and exits 1 when a bundled file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DVHCVN = Path("/work/.mirror/dvhcvn+20250701/repo")
DEFAULT_THANGLEQUOC = Path("/work/.mirror/thanglequoc+vietnamese-provinces-database/repo")
DVHCVN_URL = "https://github.com/dvhcvn/20250701"
THANGLEQUOC_URL = "https://github.com/thanglequoc/vietnamese-provinces-database"
RETRIEVED = "2026-12-03"

EFFECTIVE = "2025-07-01"
# Links of merges.json that the resolution's text contradicts: (old, new, relation or None to
# drop the link, why). Each is checked against the text by hanoi_checks on every build.
CORRECTIONS: tuple[tuple[str, str, str | None, str], ...] = (
    ("09859", "09616", None,
     "1656/NQ-UBTVQH15 khoản 89 forms xã Đoài Phương from xã Sơn Đông (09613, thị xã Sơn Tây), "
     "not xã Sơn Đồng (09859, huyện Hoài Đức); dvhcvn's record for 09859 cites khoản 89 by "
     "mistake"),
    ("09859", "09871", "full",
     "1656/NQ-UBTVQH15 khoản 104: toàn bộ diện tích tự nhiên, quy mô dân số của các xã Lại "
     "Yên, Sơn Đồng, Tiền Yên -> xã Sơn Đồng; dvhcvn says partial only because of the link above"),
)  # fmt: skip
LAST_OLD_DAY = "2025-06-30"
HANOI = "01"
HANOI_RESOLUTION = "1656/NQ-UBTVQH15"
PROVINCE_SOURCE = "60-NQ/TW"
UNIT_HEADER = ["code", "name", "level", "type", "parent", "valid_from", "valid_to", "note"]
LINK_HEADER = ["old_code", "new_code", "relation", "effective", "source", "note"]
DERIVED_SOURCE = f"derived from data/reference/hanoi_links.csv ({HANOI_RESOLUTION})"
THANGLEQUOC_GLOB = re.compile(r"^json/simplified_json_generated_data_vn_units_[0-9_-]+\.json$")

# Prefixes of full names, longest first, and the type (lower case) each one gives.
COMMUNE_PREFIXES = ("Thị trấn", "Đặc khu", "Phường", "Xã")
DISTRICT_PREFIXES = ("Thành phố", "Thị xã", "Quận", "Huyện")
PROVINCE_PREFIXES = ("Thành phố", "Tỉnh")


def nfc(text: str) -> str:
    """``text`` in Unicode NFC with runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# Old (Hoà) and new (Hòa) tone-mark placement: compare names with the mark on the new place.
_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_TONE_RE = re.compile("|".join(_TONE_MOVES))


def name_key(text: str) -> str:
    """A comparison key: NFC, lower case, one tone-mark placement, no dashes or extra spaces.

    >>> name_key("Ứng Hoà") == name_key("ứng  hòa")
    True
    """
    text = nfc(text).lower().replace("–", "-").replace("—", "-")
    text = _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(0)], text)
    return " ".join(text.replace("-", " ").split())


def split_prefix(full_name: str, prefixes: Sequence[str]) -> tuple[str, str]:
    """Split an official full name into (type, name); the type is lower case.

    A name that is only a number keeps its prefix (``Phường 1`` stays ``Phường 1``), since
    ``1`` alone names nothing.

    >>> split_prefix("Phường Ba Đình", COMMUNE_PREFIXES)
    ('phường', 'Ba Đình')
    >>> split_prefix("Thị trấn Quốc Oai", COMMUNE_PREFIXES)
    ('thị trấn', 'Quốc Oai')
    >>> split_prefix("Quận 1", DISTRICT_PREFIXES)
    ('quận', 'Quận 1')
    >>> split_prefix("Ba Đình", COMMUNE_PREFIXES)
    ('', 'Ba Đình')
    """
    full_name = nfc(full_name)
    for prefix in prefixes:
        if full_name.lower().startswith(prefix.lower() + " "):
            rest = full_name[len(prefix) + 1 :].strip()
            return prefix.lower(), (full_name if rest.isdigit() else rest)
    return "", full_name


# ---------------------------------------------------------------------------------------------
# Snapshots: a working tree or a bare git directory


class Snapshot:
    """Read files of an upstream snapshot, a working tree or a bare git directory."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.bare = (self.path / "HEAD").is_file() and (self.path / "objects").is_dir()
        if not self.bare and not self.path.is_dir():
            raise SystemExit(f"error: snapshot not found: {self.path}")
        self._files: list[str] | None = None

    def _git(self, *args: str, data: bytes | None = None) -> bytes:
        return subprocess.run(
            ["git", "-C", str(self.path), *args], input=data, capture_output=True, check=True
        ).stdout

    @property
    def commit(self) -> str | None:
        """The commit of a git snapshot (``HEAD``), else ``None``."""
        try:
            return self._git("rev-parse", "HEAD").decode().strip()
        except (subprocess.CalledProcessError, FileNotFoundError):
            return None

    def files(self) -> list[str]:
        """Every file path, ``/``-separated and sorted."""
        if self._files is None:
            if self.bare:
                out = self._git("ls-tree", "-r", "-z", "--name-only", "HEAD").decode()
                self._files = sorted(p for p in out.split("\0") if p)
            else:
                self._files = sorted(
                    p.relative_to(self.path).as_posix()
                    for p in self.path.rglob("*")
                    if p.is_file() and ".git" not in p.relative_to(self.path).parts
                )
        return self._files

    def read(self, path: str) -> str:
        """One file's text."""
        if self.bare:
            return self._git("show", f"HEAD:{path}").decode("utf-8")
        return (self.path / path).read_text(encoding="utf-8")

    def read_many(self, paths: Sequence[str]) -> dict[str, str]:
        """Many files' texts (one ``git cat-file --batch`` for a bare snapshot)."""
        if not self.bare:
            return {p: self.read(p) for p in paths}
        out = self._git("cat-file", "--batch", data="".join(f"HEAD:{p}\n" for p in paths).encode())
        texts: dict[str, str] = {}
        pos = 0
        for p in paths:
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            if len(header) != 3:
                raise SystemExit(f"error: cannot read {p} from {self.path}")
            size = int(header[2])
            texts[p] = out[end + 1 : end + 1 + size].decode("utf-8")
            pos = end + 1 + size + 1
        return texts


# ---------------------------------------------------------------------------------------------
# The resolution's text


def resolution_clauses(markdown: str) -> dict[int, str]:
    """The numbered clauses of Điều 1 of a resolution converted to Markdown, as plain text.

    >>> text = "**Điều 1. Sắp xếp**\\n\\n1\\\\. Sắp xếp toàn bộ ... của\\nxã A thành **xã B**."
    >>> text += "\\n\\n"
    >>> text += "**Điều 2. Hiệu lực**\\n\\n1\\\\. Nghị quyết này ..."
    >>> resolution_clauses(text)
    {1: 'Sắp xếp toàn bộ ... của xã A thành xã B.'}
    """
    text = unicodedata.normalize("NFC", markdown)
    start = re.search(r"Điều\s+1\.", text)
    if start is None:
        return {}
    end = re.search(r"Điều\s+2\.", text[start.end() :])
    body = text[start.end() : start.end() + end.start()] if end else text[start.end() :]
    clauses: dict[int, str] = {}
    for para in re.split(r"\n\s*\n", body):
        flat = nfc(para.replace("**", "").replace("\\", ""))
        m = re.match(r"^(\d+)\.\s+(.*)$", flat)
        if m:
            clauses[int(m.group(1))] = m.group(2)
    return clauses


# "một phần diện tích tự nhiên, toàn bộ quy mô dân số" (part of the area, all the people) is a
# part: the unit's area is split.
_MARKER = re.compile(
    r"(một phần diện tích tự nhiên,\s*toàn bộ quy mô dân số|toàn bộ|một phần|phần còn lại)"
)
_TARGET = re.compile(
    r"\bthành\s+(?:phường|xã|đặc khu)(?:\s+mới)?\s+có tên gọi\s+(?:là\s+)?(.+?)\.?$"
)
_UNIT_WORD = re.compile(r"^(?:các\s+)?(phường|xã|thị trấn|đặc khu)\s+(.*)$")
_FILLER = re.compile(
    r"^(?:diện tích tự nhiên(?:,\s*quy mô dân số)?|quy mô dân số)?\s*(?:của\s+)?", re.IGNORECASE
)
_AFTER = re.compile(r"\s+sau khi sắp xếp.*$")


@dataclass(frozen=True)
class ClauseSource:
    """One old unit named by a clause: its name, district qualifier and relation."""

    kind: str
    name: str
    district: str
    relation: str


def parse_clause(clause: str) -> tuple[str, list[ClauseSource]]:
    """Read one arrangement clause: the new unit's full name and the old units it is made of.

    ``toàn bộ`` (the whole) gives ``full``; ``một phần`` (a part) and ``phần còn lại`` (the
    rest, after another clause took a part) give ``partial``. A ``(huyện X)`` after a name is
    kept as the district that tells two same-named units apart.

    >>> new, olds = parse_clause(
    ...     "Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Phú Cường (huyện Sóc"
    ...     " Sơn), Hiền Ninh và phần còn lại của xã Mai Đình sau khi sắp xếp theo quy định tại"
    ...     " khoản 122 Điều này thành xã mới có tên gọi là xã Nội Bài.")
    >>> new
    'xã Nội Bài'
    >>> [(o.name, o.district, o.relation) for o in olds]
    [('Phú Cường', 'Sóc Sơn', 'full'), ('Hiền Ninh', '', 'full'), ('Mai Đình', '', 'partial')]
    """
    clause = nfc(clause)
    target = _TARGET.search(clause)
    if target is None:
        return "", []
    new_name = target.group(1).strip().rstrip(".")
    head = clause[: target.start()]
    parts = _MARKER.split(head)
    olds: list[ClauseSource] = []
    for marker, segment in zip(parts[1::2], parts[2::2], strict=True):
        relation = "full" if marker == "toàn bộ" else "partial"
        segment = _AFTER.sub("", segment).strip().rstrip(",").strip()
        segment = re.sub(r"\s+và$", "", segment)
        segment = _FILLER.sub("", segment, count=1).strip()
        kind = ""
        for item in re.split(r",\s*|\s+và\s+", segment):
            item = item.strip()
            if not item:
                continue
            m = _UNIT_WORD.match(item)
            if m:
                kind, item = m.group(1), m.group(2).strip()
            district = ""
            q = re.search(r"\((?:huyện|quận|thị xã|thành phố)\s+([^)]*)\)\s*$", item)
            if q:
                district, item = q.group(1).strip(), item[: q.start()].strip()
            if item:
                olds.append(ClauseSource(kind, item, district, relation))
    return new_name, olds


def citation_clause(line: str) -> int | None:
    """The clause number a cited line starts with (``"4. Sắp xếp …"`` -> 4).

    >>> citation_clause("114. Sắp xếptoàn bộ ...")
    114
    >>> citation_clause("Sắp xếp ...") is None
    True
    """
    m = re.match(r"^\s*(\d+)\s*\\?\.", line)
    return int(m.group(1)) if m else None


def citation_resolution(header: str) -> str:
    """The resolution number of a cited header (``"1656/NQ-UBTVQH15: …"`` -> ``1656/NQ-UBTVQH15``).

    >>> citation_resolution("1656/NQ-UBTVQH15: Sắp xếp các đơn vị hành chính cấp xã")
    '1656/NQ-UBTVQH15'
    """
    return nfc(header.split(":", 1)[0])


# ---------------------------------------------------------------------------------------------
# Reading the sources


@dataclass
class Unit:
    code: str
    name: str
    level: str
    type: str
    parent: str = ""
    valid_from: str = ""
    valid_to: str = ""
    note: str = ""

    def row(self) -> list[str]:
        return [self.code, self.name, self.level, self.type, self.parent, self.valid_from,
                self.valid_to, self.note]  # fmt: skip


@dataclass(frozen=True)
class Link:
    old_code: str
    new_code: str
    relation: str
    source: str
    note: str = ""

    def row(self) -> list[str]:
        return [self.old_code, self.new_code, self.relation, EFFECTIVE, self.source, self.note]


@dataclass
class Build:
    """Everything read and derived, with the cross-check report."""

    old_provinces: list[Unit] = field(default_factory=list)
    new_provinces: list[Unit] = field(default_factory=list)
    old_districts: list[Unit] = field(default_factory=list)
    old_communes: list[Unit] = field(default_factory=list)
    new_communes: list[Unit] = field(default_factory=list)
    province_links: list[Link] = field(default_factory=list)
    commune_links: list[Link] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # what agreed, with numbers
    issues: list[str] = field(default_factory=list)  # disagreements and how they were resolved
    dvhcvn_commit: str | None = None
    thanglequoc_commit: str | None = None
    thanglequoc_file: str = ""
    recode: dict[str, str] = field(default_factory=dict)  # dvhcvn new code -> thanglequoc code
    tone: list[str] = field(default_factory=list)  # names differing only in the tone mark
    corrections: list[str] = field(default_factory=list)
    old_codes: set[str] = field(default_factory=set)
    new_codes: set[str] = field(default_factory=set)
    district_names: dict[str, str] = field(default_factory=dict)  # Hà Nội's, by code
    old_by_code: dict[str, Unit] = field(default_factory=dict)  # Hà Nội's old communes

    def check(self, text: str) -> None:
        self.checks.append(text)

    def issue(self, text: str) -> None:
        self.issues.append(text)


def _find_thanglequoc(snap: Snapshot) -> str:
    found = [p for p in snap.files() if THANGLEQUOC_GLOB.match(p)]
    if not found:
        raise SystemExit(f"error: no {THANGLEQUOC_GLOB.pattern} in {snap.path}")
    return found[-1]


def _province_unit(code: str, full_name: str, *, old: bool) -> Unit:
    kind, name = split_prefix(full_name, PROVINCE_PREFIXES)
    level = "city" if kind == "thành phố" else "province"
    if old:
        return Unit(code, name, level, kind or "tỉnh", valid_to=LAST_OLD_DAY)
    return Unit(code, name, level, kind or "tỉnh", valid_from=EFFECTIVE)


@dataclass(frozen=True)
class LaterChange:
    """A change after 2025-07-01 that thanglequoc's (later) data shows: a new type from a date."""

    province: str
    date: str
    day_before: str
    province_act: str
    commune_act: str

    def split(self, before: Unit, after: Unit, act: str) -> list[Unit]:
        """The unit as it was from 2025-07-01 and as it is from ``date``: two rows."""
        first = Unit(after.code, after.name, before.level, before.type, after.parent, EFFECTIVE,
                     self.day_before, f"{after.type} from {self.date} ({act})")  # fmt: skip
        second = Unit(after.code, after.name, after.level, after.type, after.parent, self.date,
                      "", f"{before.type} until {self.day_before}; {act}")  # fmt: skip
        return [first, second]


# Đồng Nai became a centrally-run city and 10 of its xã became phường on 30 April 2026; the
# thanglequoc snapshot (data as of 30/2026/QH16) shows the later state, dvhcvn the 2025 one.
LATER_CHANGE = LaterChange("75", "2026-04-30", "2026-04-29", "30/2026/QH16", "237/NQ-UBTVQH16")


def _later_change(b: Build, thanglequoc: Snapshot) -> LaterChange | None:
    """:data:`LATER_CHANGE` when thanglequoc's README lists its acts and date, else ``None``."""
    readme = thanglequoc.read("README.md") if "README.md" in thanglequoc.files() else ""
    c = LATER_CHANGE
    rows = [ln for ln in readme.splitlines() if c.province_act in ln and c.commune_act in ln]
    day = "/".join(reversed(c.date.split("-")))
    if not any(day in row for row in rows):
        b.issue(
            f"thanglequoc's README does not list {c.province_act} / {c.commune_act} effective "
            f"{day}: type differences in province {c.province} are reported, not dated"
        )
        return None
    b.check(f"thanglequoc's README: {c.province_act} and {c.commune_act} effective {day}")
    return c


# --- old units ---------------------------------------------------------------------------------


def _record_units(
    b: Build, path: str, rec: dict, old_names: dict[str, str]
) -> tuple[Unit | None, Unit | None]:
    """The district and (unless it is an island district's record) the commune of one record."""
    parts = path[len("output/") : -len(".json")].split("/")
    address = [nfc(a) for a in rec["address"].split(",")]
    if len(parts) == 2:  # a district-level unit without communes
        kind, name = split_prefix(address[0], DISTRICT_PREFIXES)
        return Unit(parts[1], name, "district", kind, parts[0], valid_to=LAST_OLD_DAY), None
    prov, dist, code = parts
    c_full = next((a for a in address[:-1] if split_prefix(a, COMMUNE_PREFIXES)[0]), "")
    d_full = next((a for a in address[:-1] if split_prefix(a, DISTRICT_PREFIXES)[0]), "")
    if len(address) != 3 or not c_full or not d_full or code not in old_names:
        b.issue(f"{path}: address {rec['address']!r} unclear or code not in splits.json; left out")
        return None, None
    if (c_full, d_full) != (address[0], address[1]):
        b.issue(f"{path}: address {rec['address']!r} has the district first; read as {c_full!r} "
                f"in {d_full!r}")  # fmt: skip
    if name_key(old_names[code]) != name_key(c_full):
        b.issue(f"old commune {code}: splits.json says {old_names[code]!r}, {path} says "
                f"{c_full!r}; kept the splits.json name")  # fmt: skip
    kind, name = split_prefix(old_names[code], COMMUNE_PREFIXES)
    d_kind, d_name = split_prefix(d_full, DISTRICT_PREFIXES)
    district = Unit(dist, d_name, "district", d_kind, prov, valid_to=LAST_OLD_DAY)
    return district, Unit(code, name, "commune", kind, dist, valid_to=LAST_OLD_DAY)


def _record_sources(code: str, rec: dict) -> dict[tuple[str, str], str]:
    """(old code, new code) -> the clause the record cites, ``<number> Điều 1 khoản <n>``."""
    out = {}
    for res in rec.get("result", []):
        cit = res.get("citation") or {}
        number = citation_resolution(cit.get("header", ""))
        clause = citation_clause(cit.get("line", ""))
        out[(code, res.get("ward_code", ""))] = (
            f"{number} Điều 1 khoản {clause}" if number and clause else number
        )
    return out


def read_old(b: Build, dvhcvn: Snapshot, splits: list[dict]) -> dict[tuple[str, str], str]:
    """Old provinces, districts and communes; returns the clause each record cites."""
    old_names = {c["level3_id"]: nfc(c["name"]) for p in splits for c in p.get("level3s", [])}
    b.old_provinces = [_province_unit(p["level1_id"], p["name"], old=True) for p in splits]
    paths = [p for p in dvhcvn.files() if re.match(r"^output/\d+/\d+(/\d+)?\.json$", p)]
    records = dvhcvn.read_many(paths)
    districts: dict[str, Unit] = {}
    sources: dict[tuple[str, str], str] = {}
    for path in paths:
        rec = json.loads(records[path])
        district, commune = _record_units(b, path, rec, old_names)
        if district is None:
            continue
        seen = districts.setdefault(district.code, district)
        if seen.name != district.name:
            b.issue(f"district {district.code}: named both {seen.name!r} and {district.name!r}")
        if commune is not None:
            b.old_communes.append(commune)
        sources.update(_record_sources(commune.code if commune else district.code, rec))
    b.old_districts = sorted(districts.values(), key=lambda u: u.code)
    b.old_communes.sort(key=lambda u: u.code)
    missing = sorted(set(old_names) - {u.code for u in b.old_communes})
    if missing:
        b.issue(f"{len(missing)} old communes of splits.json have no output/ record: {missing}")
    return sources


# --- new units ---------------------------------------------------------------------------------


def _tlq_units(b: Build, tlq: list[dict]) -> tuple[dict[str, Unit], dict[str, Unit]]:
    """thanglequoc's provinces and communes, by code."""
    provinces, communes = {}, {}
    for prov in tlq:
        code = prov["Code"]
        provinces[code] = _province_unit(code, prov["FullName"], old=False)
        for w in prov.get("Wards", []):
            kind, name = split_prefix(w["FullName"], COMMUNE_PREFIXES)
            if w.get("ProvinceCode", code) != code:
                b.issue(f"thanglequoc commune {w['Code']}: ProvinceCode {w['ProvinceCode']} "
                        f"under province {code}")  # fmt: skip
            communes[w["Code"]] = Unit(w["Code"], name, "commune", kind, code, EFFECTIVE)
    return provinces, communes


def _dv_units(merges: list[dict]) -> tuple[dict[str, Unit], dict[str, Unit]]:
    """dvhcvn's new provinces and communes, by code."""
    provinces = {
        p["level1_id"]: _province_unit(p["level1_id"], p["name"], old=False) for p in merges
    }
    communes = {}
    for prov in merges:
        for c in prov["level2s"]:
            kind, name = split_prefix(c["name"], COMMUNE_PREFIXES)
            code = c["level2_id"]
            communes[code] = Unit(code, name, "commune", kind, prov["level1_id"], EFFECTIVE)
    return provinces, communes


def _merge_unit(b: Build, dv: Unit, mine: Unit, later: LaterChange | None, act: str) -> list[Unit]:
    """One new unit from both sources: thanglequoc's code and province, dvhcvn's spelling (the
    resolutions'), and two rows when thanglequoc shows a type it took later."""
    what = f"new {dv.level} {mine.code}"
    if dv.parent != mine.parent:
        b.issue(f"{what}: province {dv.parent} (dvhcvn), {mine.parent} (thanglequoc); kept "
                "thanglequoc")  # fmt: skip
    if name_key(dv.name) != name_key(mine.name):
        b.issue(f"{what}: dvhcvn {dv.name!r}, thanglequoc {mine.name!r}; kept thanglequoc")
    elif dv.name != mine.name:  # Hòa / Hoà: 1656/NQ-UBTVQH15 writes "xã Ứng Hòa", as dvhcvn
        b.tone.append(f"{dv.name} / {mine.name}")
        mine = Unit(mine.code, dv.name, mine.level, mine.type, mine.parent, mine.valid_from)
    if dv.type == mine.type:
        return [mine]
    if later and later.province in (mine.code, mine.parent):
        b.check(f"{what} {mine.name}: {dv.type} on {EFFECTIVE} (dvhcvn), {mine.type} from "
                f"{later.date} ({act}, thanglequoc): two rows")  # fmt: skip
        return later.split(dv, mine, act)
    b.issue(f"{what} {mine.name}: {dv.type} (dvhcvn), {mine.type} (thanglequoc), no dated "
            "change known; kept thanglequoc")  # fmt: skip
    return [mine]


def _recode(b: Build, dv: dict[str, Unit], tlq: dict[str, Unit]) -> None:
    """The same unit under two codes (same province and name, each code in one source only):
    keep thanglequoc's (the GSO's) code and move dvhcvn's links to it."""
    only_tlq = sorted(set(tlq) - set(dv))
    for code in sorted(set(dv) - set(tlq)):
        u = dv[code]
        same = [
            c
            for c in only_tlq
            if (tlq[c].parent, name_key(tlq[c].name)) == (u.parent, name_key(u.name))
        ]
        if len(same) == 1:
            b.recode[code] = same[0]
            b.issue(f"new commune {u.type} {u.name} (province {u.parent}): code {code} in dvhcvn "
                    f"(from 1027/CTK-CSCL), {same[0]} in thanglequoc (GSO); kept {same[0]} and "
                    "moved dvhcvn's links to it")  # fmt: skip
        else:
            b.issue(f"new commune {code} {u.type} {u.name} is in dvhcvn only; left out, unlinked")
    for code in only_tlq:
        if code not in b.recode.values():
            b.issue(f"new commune {code} {tlq[code].name!r} is in thanglequoc only; kept, unlinked")


def read_new(b: Build, thanglequoc: Snapshot, merges: list[dict]) -> None:
    """The new provinces and communes: thanglequoc's codes, checked against dvhcvn's."""
    later = _later_change(b, thanglequoc)
    tlq_prov, tlq_comm = _tlq_units(b, json.loads(thanglequoc.read(b.thanglequoc_file)))
    dv_prov, dv_comm = _dv_units(merges)
    for code in sorted(set(dv_prov) ^ set(tlq_prov)):
        b.issue(f"new province {code} is in one source only; left out")
    for code in sorted(set(dv_prov) & set(tlq_prov)):
        b.new_provinces += _merge_unit(
            b, dv_prov[code], tlq_prov[code], later, LATER_CHANGE.province_act
        )
    _recode(b, dv_comm, tlq_comm)
    both = sorted(set(dv_comm) & set(tlq_comm))
    for code in both:
        b.new_communes += _merge_unit(
            b, dv_comm[code], tlq_comm[code], later, LATER_CHANGE.commune_act
        )
    b.new_communes += [u for c, u in tlq_comm.items() if c not in dv_comm]
    b.new_communes.sort(key=lambda u: (u.code, u.valid_from))
    b.check(f"new communes: {len(tlq_comm)} in thanglequoc, {len(dv_comm)} in dvhcvn, {len(both)} "
            f"codes in both; {len(b.tone)} names of new units (provinces and communes) differ "
            "only in where the tone mark sits (Hòa / Hoà): kept dvhcvn's, which is the "
            "resolutions' spelling")  # fmt: skip
    hn_dv = {c for c, u in dv_comm.items() if u.parent == HANOI}
    hn_tlq = {c for c, u in tlq_comm.items() if u.parent == HANOI}
    same = [
        c
        for c in sorted(hn_dv & hn_tlq)
        if (name_key(dv_comm[c].name), dv_comm[c].type)
        == (name_key(tlq_comm[c].name), tlq_comm[c].type)
    ]
    tone = [
        f"{dv_comm[c].name} / {tlq_comm[c].name}"
        for c in same
        if dv_comm[c].name != tlq_comm[c].name
    ]
    b.check(f"Hà Nội new units: {len(hn_dv)} in dvhcvn, {len(hn_tlq)} in thanglequoc, {len(same)} "
            f"with the same code, name and type in both ({len(tone)} names differ only in where "
            f"the tone mark sits, dvhcvn / thanglequoc: {', '.join(tone)}; kept dvhcvn's, as "
            f"{HANOI_RESOLUTION} writes them)")  # fmt: skip
    if len(same) != len(hn_dv | hn_tlq):
        b.issue(
            f"Hà Nội new units differ between the sources: {sorted((hn_dv | hn_tlq) - set(same))}"
        )


# --- links -------------------------------------------------------------------------------------


def _province_links(b: Build, merges: list[dict]) -> None:
    old = {u.code for u in b.old_provinces}
    for prov in merges:
        for m in prov["merges"]:
            if m["type"] in ("full", "partial") and m["old_id"] in old:
                b.province_links.append(
                    Link(m["old_id"], prov["level1_id"], m["type"], PROVINCE_SOURCE)
                )
            else:
                b.issue(f"province link {m['old_id']} -> {prov['level1_id']} unclear; left out")


def _commune_link(b: Build, old: str, dv_new: str, relation: str, sources: dict) -> Link | None:
    """One link of merges.json, or ``None`` (reported) when unclear."""
    new = b.recode.get(dv_new, dv_new)
    if relation not in ("full", "partial") or old not in b.old_codes or new not in b.new_codes:
        b.issue(f"commune link {old} -> {new} unclear ({relation}, old known: "
                f"{old in b.old_codes}, new known: {new in b.new_codes}); left out")  # fmt: skip
        return None
    source = sources.get((old, dv_new), "")
    if not source:
        b.issue(f"commune link {old} -> {new}: the old unit's record cites no clause for it")
    note = "district-level unit without communes" if len(old) == 3 else ""
    if new != dv_new:
        note = f"dvhcvn code {dv_new}"
    return Link(old, new, relation, source, note)


def _apply_corrections(b: Build) -> None:
    for old, new, relation, why in CORRECTIONS:
        hit = [k for k in b.commune_links if (k.old_code, k.new_code) == (old, new)]
        if not hit:
            b.issue(f"correction {old} -> {new} no longer applies (the source changed): {why}")
            continue
        b.commune_links.remove(hit[0])
        if relation is not None:
            b.commune_links.append(Link(old, new, relation, hit[0].source, hit[0].note))
        done = "dropped" if relation is None else f"made {relation}"
        b.issue(f"link {old} -> {new} ({hit[0].relation} in dvhcvn): {done}: {why}")
        b.corrections.append(f"link {old} -> {new}: {done}: {why}")


def _compare_splits(b: Build, splits: list[dict], merge_pairs: set[tuple[str, str]]) -> None:
    split_pairs = {
        (c[key], b.recode.get(s["new_id"], s["new_id"]))
        for p in splits
        for level, key in (("level3s", "level3_id"), ("level2s", "level2_id"))
        for c in p.get(level, [])
        for s in c["splits"]
    }
    for old, new in sorted(split_pairs - merge_pairs):
        b.issue(f"splits.json links {old} -> {new}, merges.json does not; left out")
    for old, new in sorted(merge_pairs - split_pairs):
        b.issue(f"merges.json links {old} -> {new}, splits.json does not; kept (merges.json)")
    b.check(f"commune links: {len(merge_pairs)} in merges.json, {len(split_pairs)} in "
            f"splits.json, {len(merge_pairs & split_pairs)} in both")  # fmt: skip


def _link_invariants(b: Build) -> None:
    """One full link means no other; every old commune and every new commune is linked."""
    by_old: dict[str, list[Link]] = defaultdict(list)
    for link in b.commune_links:
        by_old[link.old_code].append(link)
    for old, ls in sorted(by_old.items()):
        if len(ls) > 1 and any(k.relation == "full" for k in ls):
            others = [(k.new_code, k.relation) for k in ls]
            b.issue(f"old unit {old} has a full link and others: {others}; kept as the source says")
    unlinked = sorted({u.code for u in b.old_communes} - set(by_old))
    if unlinked:
        b.issue(f"{len(unlinked)} old communes have no link: {unlinked}")
    no_old = sorted(b.new_codes - {k.new_code for k in b.commune_links})
    if no_old:
        b.issue(f"{len(no_old)} new communes have no old unit: {no_old}")
    partial_only = sum(len(ls) == 1 and ls[0].relation == "partial" for ls in by_old.values())
    b.check(
        f"old units with a full link and another: 0 expected; with one link, partial: "
        f"{partial_only}"
    )


def read_links(b: Build, merges: list[dict], splits: list[dict], sources: dict) -> None:
    """Province and commune links of merges.json, corrected and checked against splits.json."""
    _province_links(b, merges)
    b.old_codes = {u.code for u in b.old_communes} | {u.code for u in b.old_districts}
    b.new_codes = {u.code for u in b.new_communes}
    merge_pairs: set[tuple[str, str]] = set()
    for prov in merges:
        for c in prov["level2s"]:
            for m in c["merges"]:
                merge_pairs.add((m["old_id"], b.recode.get(c["level2_id"], c["level2_id"])))
                link = _commune_link(b, m["old_id"], c["level2_id"], m["type"], sources)
                if link is not None:
                    b.commune_links.append(link)
    _apply_corrections(b)
    _compare_splits(b, splits, merge_pairs)
    _link_invariants(b)


def read_sources(dvhcvn: Snapshot, thanglequoc: Snapshot) -> Build:
    """Read both snapshots into units and links, cross-checking as it goes."""
    b = Build(dvhcvn_commit=dvhcvn.commit, thanglequoc_commit=thanglequoc.commit)
    merges = json.loads(dvhcvn.read("mapping/merges.json"))["data"]
    splits = json.loads(dvhcvn.read("mapping/splits.json"))["data"]
    b.thanglequoc_file = _find_thanglequoc(thanglequoc)
    sources = read_old(b, dvhcvn, splits)
    read_new(b, thanglequoc, merges)
    read_links(b, merges, splits, sources)
    return b


# ---------------------------------------------------------------------------------------------
# Hà Nội


def _hanoi_counts(b: Build, units_rows: list[dict[str, str]]) -> None:
    new = [u for u in b.new_communes if u.parent == HANOI]
    kinds = [u.type for u in new]
    b.check(
        f"Hà Nội new units: {len(new)} ({kinds.count('phường')} phường, {kinds.count('xã')} xã)"
    )
    if (len(new), kinds.count("phường"), kinds.count("xã")) != (126, 51, 75):
        b.issue(f"Hà Nội: expected 126 new units (51 phường, 75 xã), found {len(new)}")
    districts = {u.code: u for u in b.old_districts if u.parent == HANOI}
    old = [u for u in b.old_communes if u.parent in districts]
    b.check(f"Hà Nội old units: {len(districts)} districts, {len(old)} communes, wards and towns")
    if (len(districts), len(old)) != (30, 526):
        b.issue(
            f"Hà Nội: expected 30 districts and 526 old units, found {len(districts)}, {len(old)}"
        )
    mine = {r["code"]: r for r in units_rows if r["level"] == "district"}
    for d in districts.values():
        row = mine.get(d.code, {"name": "", "type": ""})
        if name_key(row["name"]) != name_key(d.name) or row["type"] != d.type:
            b.issue(f"district {d.code}: data/units.csv {row['type']} {row['name']!r}, dvhcvn "
                    f"{d.type} {d.name!r}; kept data/units.csv")  # fmt: skip
    b.check(f"Hà Nội districts: dvhcvn's {len(districts)} and data/units.csv's {len(mine)} agree "
            "on code, name and type where no disagreement is listed")  # fmt: skip


def _hanoi_clauses(b: Build, clauses: dict[int, tuple[str, list[ClauseSource]]]) -> dict[str, int]:
    """The clause of the resolution that forms each new unit (by its name)."""
    new = [u for u in b.new_communes if u.parent == HANOI]
    by_name: dict[str, list[int]] = defaultdict(list)
    for n, (full, _) in clauses.items():
        by_name[name_key(full)].append(n)
    clause_of = {}
    for u in new:
        hits = by_name.get(name_key(f"{u.type} {u.name}"), [])
        if len(hits) == 1:
            clause_of[u.code] = hits[0]
        else:
            b.issue(f"new unit {u.code} {u.type} {u.name!r} is named by {len(hits)} clauses of "
                    f"{HANOI_RESOLUTION}: {hits}")  # fmt: skip
    extra = sorted(set(clauses) - set(clause_of.values()))
    if extra:
        b.issue(f"clauses of {HANOI_RESOLUTION} naming no bundled new unit: {extra}")
    b.check(f"{HANOI_RESOLUTION}: {len(clauses)} clauses of Điều 1 form a new unit; "
            f"{len(clause_of)} of the {len(new)} new units are named by exactly one")  # fmt: skip
    return clause_of


def _wording(b: Build, link: Link, clause: int, sources: list[ClauseSource]) -> bool:
    """Whether the clause names the link's old unit with the link's relation (reported if not)."""
    o = b.old_by_code.get(link.old_code)
    if o is None:
        return False
    district = b.district_names.get(o.parent, "")
    found = {s.relation for s in sources if name_key(s.name) == name_key(o.name)
             and (not s.district or name_key(s.district) == name_key(district))}  # fmt: skip
    where = f"{HANOI_RESOLUTION} Điều 1 khoản {clause}"
    if found == {link.relation}:
        return True
    said = "/".join(sorted(found)) if found else "nothing (the name is not in it)"
    b.issue(f"link {o.code} {o.type} {o.name} -> {link.new_code}: dvhcvn says {link.relation}, "
            f"the wording of {where} says {said}")  # fmt: skip
    return False


def _hanoi_unnamed(b: Build, clauses: dict, clause_of: dict[str, int], links: list[Link]) -> int:
    """Old units a clause names that have no link to the clause's new unit (reported)."""
    linked = {(k.old_code, k.new_code) for k in links}
    code_of = {n: c for c, n in clause_of.items()}
    by_key: dict[str, list[Unit]] = defaultdict(list)
    for o in b.old_by_code.values():
        by_key[name_key(o.name)].append(o)
    missing = 0
    for n, (_, sources) in sorted(clauses.items()):
        for s in sources:
            olds = [
                o
                for o in by_key.get(name_key(s.name), [])
                if not s.district
                or name_key(b.district_names.get(o.parent, "")) == name_key(s.district)
            ]
            if n in code_of and not any((o.code, code_of[n]) in linked for o in olds):
                missing += 1
                b.issue(f"{HANOI_RESOLUTION} khoản {n} names {s.kind} {s.name} ({s.relation}); "
                        f"no link from a unit of that name to {code_of[n]}")  # fmt: skip
    return missing


def _squash(text: str) -> str:
    """A name key without spaces: the Markdown of some resolutions lost spaces (``xãBảo Lâm``)."""
    return name_key(text).replace(" ", "")


def national_citations(b: Build, dvhcvn: Snapshot) -> None:
    """Check every cited clause against the text of its resolution: does it form the new unit?"""
    texts: dict[str, dict[int, str]] = {}
    for path in dvhcvn.files():
        m = re.match(r"^input/docs/(\d+)_NQ-UBTVQH15\.md$", path)
        if m:
            clauses = resolution_clauses(dvhcvn.read(path))
            texts[f"{m.group(1)}/NQ-UBTVQH15"] = {n: _squash(t) for n, t in clauses.items()}
    new = {u.code: u for u in b.new_communes}
    counts = {"name the new unit after 'tên gọi'": 0, "do not": 0, "are not found": 0}
    bare = 0
    for k in b.commune_links:
        m = re.match(r"^(\S+) Điều 1 khoản (\d+)$", k.source)
        if m is None:
            bare += 1
            continue
        text = texts.get(m.group(1), {}).get(int(m.group(2)))
        u = new[k.new_code]
        if text is None:
            counts["are not found"] += 1
        elif _squash(f"{u.type} {u.name}") in text[text.rfind("têngọi") :]:
            counts["name the new unit after 'tên gọi'"] += 1
        else:
            counts["do not"] += 1
    b.check(
        f"national commune links: {len(b.commune_links)}; {bare} cite a resolution without a "
        f"clause (dvhcvn's record quotes an unnumbered line); of the cited clauses, in the "
        f"resolutions' text as converted by dvhcvn: "
        + ", ".join(f"{n} {what}" for what, n in counts.items())
        + " (a clause not found or not read is mostly the conversion: lost spaces, tables, "
        "numbering; the sources are kept as cited)"
    )


def hanoi_checks(b: Build, dvhcvn: Snapshot, units_rows: list[dict[str, str]]) -> None:
    """Cross-check Hà Nội (counts, districts, the resolution's text) and cite each link's clause."""
    _hanoi_counts(b, units_rows)
    path = "input/docs/1656_NQ-UBTVQH15.md"
    if path not in dvhcvn.files():
        b.issue(f"{path} not in the dvhcvn snapshot: links not checked against the resolution")
        return
    parsed = {n: parse_clause(t) for n, t in resolution_clauses(dvhcvn.read(path)).items()}
    clauses = {n: v for n, v in parsed.items() if v[0]}
    clause_of = _hanoi_clauses(b, clauses)
    b.district_names = {u.code: u.name for u in b.old_districts if u.parent == HANOI}
    b.old_by_code = {u.code: u for u in b.old_communes if u.parent in b.district_names}
    agree = recited = 0
    for i, link in enumerate(b.commune_links):
        clause = clause_of.get(link.new_code)
        if clause is None:
            continue
        agree += _wording(b, link, clause, clauses[clause][1])
        want = f"{HANOI_RESOLUTION} Điều 1 khoản {clause}"
        if link.source != want:
            recited += 1
            b.issue(f"link {link.old_code} -> {link.new_code}: the record cites {link.source!r}, "
                    f"the new unit is formed by {want}; cited {want}")  # fmt: skip
            b.commune_links[i] = Link(link.old_code, link.new_code, link.relation, want, link.note)
    links = [k for k in b.commune_links if k.new_code in clause_of]
    b.check(f"Hà Nội links: {len(links)}; the relation (full / partial) agrees with the clause's "
            f"wording (toàn bộ / một phần / phần còn lại) for {agree}; {recited} cited another "
            "clause than the one forming the new unit")  # fmt: skip
    missing = _hanoi_unnamed(b, clauses, clause_of, links)
    b.check(f"old units named in the clauses but not linked to the clause's new unit: {missing}")


def hanoi_links(b: Build) -> list[Link]:
    """Hà Nội's old commune -> new unit links, with the names in ``note``."""
    new = {u.code: u for u in b.new_communes if u.parent == HANOI}
    out = []
    for k in b.commune_links:
        o, n = b.old_by_code.get(k.old_code), new.get(k.new_code)
        if n is not None:
            note = f"{o.type} {o.name} → {n.type} {n.name}" if o else ""
            out.append(Link(k.old_code, k.new_code, k.relation, k.source, note))
    return sorted(out, key=lambda k: (k.old_code, k.new_code))


def derive_district_links(links: Iterable[Link], parent_of: dict[str, str]) -> list[Link]:
    """District -> new unit links from commune links (the contract's rule).

    D -> N is ``full`` iff every old commune of D has only full links, all to N; otherwise
    each N reached from D gets a ``partial`` link.

    >>> ks = [Link("1", "A", "full", ""), Link("2", "A", "full", ""), Link("3", "B", "partial", ""),
    ...       Link("3", "C", "partial", "")]
    >>> [(k.old_code, k.new_code, k.relation) for k in derive_district_links(
    ...     ks, {"1": "D1", "2": "D1", "3": "D2"})]
    [('D1', 'A', 'full'), ('D2', 'B', 'partial'), ('D2', 'C', 'partial')]
    """
    per: dict[str, list[Link]] = defaultdict(list)
    for k in links:
        per[parent_of[k.old_code]].append(k)
    out: list[Link] = []
    for dist in sorted(per):
        ks = per[dist]
        news = sorted({k.new_code for k in ks})
        full = len(news) == 1 and all(k.relation == "full" for k in ks)
        for new in news:
            mine = [k for k in ks if k.new_code == new]
            communes = len({k.old_code for k in ks})
            n_full = sum(k.relation == "full" for k in mine)
            note = (f"all {communes} old communes, whole" if full else
                    f"{len(mine)} of {communes} old communes ({n_full} whole)")  # fmt: skip
            out.append(Link(dist, new, "full" if full else "partial", DERIVED_SOURCE, note))
    return out


# ---------------------------------------------------------------------------------------------
# Writing


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _parquet_bytes(header: Sequence[str], rows: list[list[str]], dates: Sequence[str]) -> bytes:
    import polars as pl

    frame = pl.DataFrame(rows, schema=list(header), orient="row").with_columns(
        pl.col(c).replace("", None).str.to_date("%Y-%m-%d") for c in dates
    )
    buf = io.BytesIO()
    frame.write_parquet(buf, compression="zstd", compression_level=19, statistics=False)
    return buf.getvalue()


def _write(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically; return whether the file changed."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def read_units_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def is_new_hanoi_row(row: dict[str, str]) -> bool:
    """A row this script appends to ``data/units.csv`` (removed and rewritten on a rerun)."""
    return row["level"] == "commune" and row["parent"] == HANOI and row["valid_from"] == EFFECTIVE


def outputs(b: Build, units_rows: list[dict[str, str]]) -> dict[str, bytes]:
    """Every output file's bytes, by path relative to the repository."""
    kept = [r for r in units_rows if not is_new_hanoi_row(r)]
    city = [r for r in kept if r["code"] == HANOI]
    districts = sorted((r for r in kept if r["level"] == "district"), key=lambda r: r["code"])
    new_hn = [u for u in b.new_communes if u.parent == HANOI]
    dist_codes = {r["code"] for r in districts}
    old_hn = [u for u in b.old_communes if u.parent in dist_codes]
    hn_units = (
        [[r[c] for c in UNIT_HEADER] for r in city + districts]
        + [u.row() for u in sorted(old_hn, key=lambda u: u.code)]
        + [u.row() for u in new_hn]
    )
    hn_links = hanoi_links(b)
    parent_of = {u.code: u.parent for u in old_hn}
    derived = derive_district_links([k for k in hn_links if k.old_code in parent_of], parent_of)

    vn_units = (
        sorted(b.old_provinces, key=lambda u: u.code)
        + sorted(b.new_provinces, key=lambda u: u.code)
        + b.old_districts
        + sorted(b.old_communes, key=lambda u: u.code)
        + b.new_communes
    )
    vn_links = sorted(b.province_links, key=lambda k: (k.old_code, k.new_code)) + sorted(
        b.commune_links, key=lambda k: (k.old_code, k.new_code)
    )
    new_rows = [[r[c] for c in UNIT_HEADER] for r in kept] + [u.row() for u in new_hn]
    return {
        "data/reference/hanoi_units.csv": _csv_bytes(UNIT_HEADER, hn_units),
        "data/reference/hanoi_links.csv": _csv_bytes(LINK_HEADER, [k.row() for k in hn_links]),
        "data/reference/vn_units.parquet": _parquet_bytes(
            UNIT_HEADER, [u.row() for u in vn_units], ("valid_from", "valid_to")
        ),
        "data/reference/vn_links.parquet": _parquet_bytes(
            LINK_HEADER, [k.row() for k in vn_links], ("effective",)
        ),
        "data/units.csv": _csv_bytes(UNIT_HEADER, new_rows),
        "data/links.csv": _csv_bytes(LINK_HEADER, [k.row() for k in derived]),
    }


def summary(b: Build) -> list[str]:
    """Counts of the national tables."""
    cities_old = sum(u.level == "city" for u in b.old_provinces)
    cities_new = sum(u.level == "city" for u in b.new_provinces)
    kinds = defaultdict(int)
    for u in b.new_communes:
        kinds[u.type] += 1
    full = sum(k.relation == "full" for k in b.commune_links)
    return [
        f"old provinces: {len(b.old_provinces)} ({cities_old} centrally-run cities) to "
        f"{LAST_OLD_DAY}",
        f"new provinces: {len({u.code for u in b.new_provinces})} from {EFFECTIVE} "
        f"({len(b.new_provinces)} rows; {cities_new} rows of centrally-run cities)",
        f"old districts: {len(b.old_districts)}; old communes: {len(b.old_communes)}",
        f"new communes: {len({u.code for u in b.new_communes})} "
        f"({len(b.new_communes)} rows: " + ", ".join(
            f"{n} {k}" for k, n in sorted(kinds.items())) + ")",
        f"province links: {len(b.province_links)}; commune links: {len(b.commune_links)} "
        f"({full} full, {len(b.commune_links) - full} partial)",
    ]  # fmt: skip


def build(dvhcvn_path: Path, thanglequoc_path: Path, repo: Path) -> tuple[Build, dict[str, bytes]]:
    """Read the snapshots and return the report and every output's bytes (nothing written)."""
    dvhcvn, tlq = Snapshot(dvhcvn_path), Snapshot(thanglequoc_path)
    b = read_sources(dvhcvn, tlq)
    units_rows = read_units_csv(repo / "data" / "units.csv")
    hanoi_checks(b, dvhcvn, units_rows)
    national_citations(b, dvhcvn)
    files = outputs(b, units_rows)
    files["data/reference/PROVENANCE.md"] = provenance(b, files).encode("utf-8")
    for snap, name in (
        (dvhcvn, "dvhcvn-20250701"),
        (tlq, "thanglequoc-vietnamese-provinces-database"),
    ):
        if "LICENSE" in snap.files():
            files[f"data/reference/licenses/{name}.LICENSE"] = snap.read("LICENSE").encode("utf-8")
        else:
            b.issue(f"no LICENSE in {snap.path}")
    return b, files


def provenance(b: Build, files: dict[str, bytes]) -> str:
    """The text of ``data/reference/PROVENANCE.md`` (everything in it comes from this build)."""
    dv = b.dvhcvn_commit or "(a working tree, no commit)"
    tq = b.thanglequoc_commit or "(a working tree, no commit)"
    counts = {rel: data.count(b"\n") - 1 for rel, data in files.items() if rel.endswith(".csv")}
    fixes = b.corrections + [i for i in b.issues if "moved dvhcvn" in i]
    lines = [
        "# Reference data on the 2025 reorganization: where it comes from",
        "",
        "Generated by `scripts/build_reference.py` from the two snapshots below; do not edit by",
        "hand (rerun the script). Everything here is **real** data from public sources, not",
        "invented.",
        "",
        "## Sources",
        "",
        "| source | what is used | commit | licence | retrieved |",
        "|---|---|---|---|---|",
        f"| [dvhcvn/20250701]({DVHCVN_URL}) | `mapping/merges.json` (new unit <- old units, "
        "`full` / `partial`), `mapping/splits.json` (old unit -> new units), `output/<province>/"
        "<district>/<ward>.json` (one record per old unit: its address and the resolution clause "
        "cited), `input/docs/1656_NQ-UBTVQH15.md` (text of Nghị quyết 1656/NQ-UBTVQH15, Hà Nội) "
        f"| `{dv}` | MIT, © 2025 dvhcvn (`licenses/dvhcvn-20250701.LICENSE`) | {RETRIEVED} |",
        f"| [thanglequoc/vietnamese-provinces-database]({THANGLEQUOC_URL}) | "
        f"`{b.thanglequoc_file}` "
        "(the 34 provinces and their current communes: GSO codes, names, types) and `README.md` "
        "(the acts after 2025-07-01 its data follows) "
        f"| `{tq}` | MIT, © 2021 Thang Le Quoc (`licenses/thanglequoc-vietnamese-provinces-database"
        f".LICENSE`) | {RETRIEVED} |",
        "",
        "dvhcvn built its mapping from the 34 provincial resolutions 1654–1687/NQ-UBTVQH15 with a",
        "language model and checked it by script and by hand (its README); its old units are the",
        "GSO list of 2025-03-01. thanglequoc's data follows the GSO's register, updated to",
        "30/2026/QH16 (2026-04-30). Both are MIT-licensed: the data may be copied and changed with",
        "the notices kept; no code of either was copied.",
        "",
        "## Files",
        "",
        "| file | rows | what |",
        "|---|---|---|",
        f"| `hanoi_units.csv` | {counts['data/reference/hanoi_units.csv']} | registry format "
        "(`code,name,level,type,parent,valid_from,valid_to,note`): 01 Hà Nội, the 30 districts "
        "(rows of `data/units.csv`), the 526 old communes, wards and towns (`level` commune, "
        "`parent` = district, to 2025-06-30), the 126 new units (parent 01, from 2025-07-01) |",
        f"| `hanoi_links.csv` | {counts['data/reference/hanoi_links.csv']} | "
        "`old_code,new_code,relation,effective,source,note`: old commune -> new unit, `full` / "
        "`partial`, effective 2025-07-01, `source` = the clause of 1656/NQ-UBTVQH15 that forms the "
        "new unit |",
        "| `vn_units.parquet` | "
        + str(
            len(b.old_provinces)
            + len(b.new_provinces)
            + len(b.old_districts)
            + len(b.old_communes)
            + len(b.new_communes)
        )
        + " | the same columns (`valid_from` / `valid_to` are dates): 63 old provinces, the new "
        "provinces, old districts, old communes, new communes |",
        f"| `vn_links.parquet` | {len(b.province_links) + len(b.commune_links)} | the same columns "
        "as the links CSV (`effective` a date): province -> province and commune -> commune |",
        f"| `../units.csv` | {counts['data/units.csv']} | the demo registry: its rows kept, "
        "Hà Nội's 126 new units appended |",
        f"| `../links.csv` | {counts['data/links.csv']} | district -> new unit, derived from "
        "`hanoi_links.csv`: `full` iff every old commune of the district has only full links, "
        "all to that one new unit, else `partial` |",
        "",
        "National counts:",
        "",
        *[f"- {line}" for line in summary(b)],
        "",
        "## What was changed from the sources",
        "",
        "- Names: NFC, white space made single; the prefix (Phường, Xã, Thị trấn, Đặc khu, Quận,",
        "  Huyện, Thị xã, Thành phố, Tỉnh) moved to `type` (lower case), as in `data/units.csv`,",
        "  except where the rest is a number (`Phường 1`, `Quận 3` keep it). Spellings are the",
        "  sources': dvhcvn's (the resolutions') for new units where thanglequoc writes the same",
        "  name with the tone mark elsewhere (Hòa / Hoà), splits.json's for old communes; kpitools",
        "  matches either placement.",
        "- Levels: `city` for a centrally-run city (thành phố trực thuộc trung ương), `province`,",
        "  `district`, `commune` for every commune-level unit (phường, xã, thị trấn, đặc khu).",
        f"- Dates: old units valid to {LAST_OLD_DAY}, new units from {EFFECTIVE} (Điều 2 of",
        "  1656/NQ-UBTVQH15: the new units' authorities start on 1 July 2025); old communes'",
        "  `valid_from` is empty (before the sources' horizon; some were formed in 2019–2025).",
        "- Old districts' and communes' codes and parents come from dvhcvn's `output/` paths;",
        "  Hà Nội's 30 district rows (names, types, dates, notes) from `data/units.csv`.",
        "- Links: `merges.json`, with `source` = the clause cited by dvhcvn's record of the old",
        "  unit (`<resolution> Điều 1 khoản <n>`); for Hà Nội, the clause of 1656/NQ-UBTVQH15",
        "  whose text forms the new unit. Province links cite 60-NQ/TW (the text in the dvhcvn",
        "  snapshot; the State act is Nghị quyết 202/2025/QH15, which neither snapshot holds).",
        "  The five island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn,",
        "  Côn Đảo) link from their 3-digit district code to their đặc khu.",
        f"- Đồng Nai (75) became a centrally-run city, and 10 of its xã became phường, on "
        f"{LATER_CHANGE.date}",
        f"  ({LATER_CHANGE.province_act}, {LATER_CHANGE.commune_act}; thanglequoc's README): such",
        "  a unit has two rows with the same code and name, one per type.",
        "- Corrections made (each also listed under Disagreements):",
        *[f"  - {i}" for i in fixes],
        "",
        "## Cross-checks (printed by the script on every build)",
        "",
        *[f"- {c}" for c in b.checks],
        "",
        f"## Disagreements and unclear records ({len(b.issues)})",
        "",
        "Each with how the bundled data resolves it. Nothing unclear was guessed: a record the",
        "script could not place is left out and listed here.",
        "",
        *[f"- {i}" for i in b.issues],
        "- Not a disagreement between the sources, but with a common count: before the reform",
        "  there were 6 centrally-run cities, not 5: Huế has been one since 2025-01-01 and",
        "  splits.json names it `Thành phố Huế`, so 6 old provinces have `level` city.",
        "",
        "## Not in the sources: Party committees directly under the city committee",
        "",
        "Neither source lists Party organizations. 60-NQ/TW (in the dvhcvn snapshot) ends the",
        "district-level Party committees and sets up Party organizations matching the province-",
        "and commune-level units, but names none. Hà Nội reported 136 committees directly under",
        "the City Party Committee in late 2025: the 126 communes' and wards' and others (sector",
        "blocs, armed forces, …) that no public source here lists. `data/affiliated.csv` is the",
        "documented place to add them (see `data/README.md`).",
        "",
        "## Rebuild",
        "",
        "```",
        "python scripts/build_reference.py --dvhcvn PATH --thanglequoc PATH",
        "python scripts/build_reference.py --check   # exit 1 when a bundled file is stale",
        "```",
        "",
        "Each PATH is a working tree or a bare git directory of the snapshot (defaults: the",
        "mirrors the script names). The output is sorted and byte-identical on a rerun.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dvhcvn", type=Path, default=DEFAULT_DVHCVN)
    parser.add_argument("--thanglequoc", type=Path, default=DEFAULT_THANGLEQUOC)
    parser.add_argument(
        "--repo", type=Path, default=REPO, help="where data/ is (default: this repo)"
    )
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    b, files = build(args.dvhcvn, args.thanglequoc, args.repo)
    for line in summary(b) + b.checks:
        print(line)
    print(f"{len(b.issues)} disagreements / unclear records:")
    for line in b.issues:
        print(f"  - {line}")
    stale = []
    for rel, data in sorted(files.items()):
        path = args.repo / rel
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(rel)
        elif _write(path, data):
            print(f"wrote {rel}")
    if stale:
        print("differs from a fresh build: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
