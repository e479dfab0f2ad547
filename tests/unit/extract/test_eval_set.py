"""The evaluation set of tests/eval/extract/ (issue 17, point 5): well-formed, split by its
rule, and scored by a matcher that can fail. The extractor is not run here."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parents[3]
EVAL = ROOT / "tests" / "eval" / "extract"


def _load_script() -> Any:
    spec = importlib.util.spec_from_file_location(
        "eval_extract", ROOT / "scripts" / "eval_extract.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_extract"] = module
    spec.loader.exec_module(module)
    return module


ev = _load_script()
PARTS = {part: ev.load_part(part, EVAL) for part in ev.PARTS}
ALL = [p for part in ev.PARTS for p in PARTS[part]]
OLDER = ev.load_part(ev.OLDER, EVAL) if (EVAL / f"{ev.OLDER}.jsonl").exists() else []
"""Passages published before 2025 (the README's "Older reports"): scored on their own, not
part of the set issue 17 asks for."""
METRICS = set(pl.read_csv(ROOT / "data" / "metrics.csv")["code"])
UNITS = set(pl.read_csv(ROOT / "data" / "units.csv", schema_overrides={"code": pl.String})["code"])

PASSAGE_KEYS = {
    "id",
    "site",
    "url",
    "title",
    "published",
    "date_evidence",
    "text",
    "statements",
    "audit",
    "traps",
}
OPTIONAL_PASSAGE_KEYS = {"added"}
"""``added``: the batch a passage came in (``2026-12-03c``); the first set has none."""
MIN_BATCH_SIZE = {
    "2026-12-03c": 40,
    "2026-12-03d": 35,
    "2026-12-03e": 42,
    "2026-12-03f": 29,
    "2026-12-03g": 30,
    "2026-12-03h": 25,
    "2026-12-03i": 36,
    "2026-12-03j": 12,
    "2026-12-04a": 31,
    "2026-12-04b": 34,
    "2026-12-04c": 34,
    "2026-12-04d": 32,
    "2026-12-04e": 26,
    "2026-12-04f": 15,
    "2026-12-04g": 34,
    "2026-12-04h": 30,
    "2026-12-04i": 20,
    "2026-12-04j": 17,
    "2026-12-04k": 10,
    "2026-12-04l": 36,
    "2026-12-05a": 13,
    "2026-12-05b": 24,
    "2026-12-05c": 34,
    "2026-12-05d": 38,
    "2026-12-05e": 22,
    "2026-12-05f": 4,
    "2026-12-05g": 21,
    "2026-12-05h": 29,
    "2026-12-05i": 11,
    "2026-12-05j": 30,
    "2026-12-05k": 14,
    "2026-12-05l": 38,
    "2026-12-05m": 28,
    "2026-12-05n": 24,
    "2026-12-05p": 30,
    "2026-12-05q": 13,
    "2026-12-05o": 22,
    "2026-12-05r": 30,
    "2026-12-05s": 31,
    "2026-12-05t": 21,
    "2026-12-05u": 10,
    "2026-12-05w": 7,
    "2026-12-05v": 29,
    "2026-12-05x": 9,
    "2026-12-05y": 21,
    "2026-12-05z": 7,
    "2026-12-05za": 30,
    "2026-12-05zb": 12,
    "2026-12-05zc": 31,
    "2026-12-05zd": 9,
    "2026-12-05ze": 28,
    "2026-12-05zf": 11,
    "2026-12-05zg": 6,
    "2026-12-05zh": 13,
    "2026-12-05zi": 8,
    "2026-12-05zj": 17,
    "2026-12-05zk": 20,
    "2026-12-05zl": 22,
    "2026-12-05zm": 18,
    "2026-12-05zn": 12,
    "2026-12-05zo": 17,
    "2026-12-05zp": 8,
    "2026-12-05zq": 10,
    "2026-12-05zr": 17,
    "2026-12-05zs": 14,
    "2026-12-05zt": 18,
    "2026-12-05zu": 14,
    "2026-12-05zv": 19,
    "2026-12-05zy": 12,
    "2026-12-05zz": 14,
    "2026-12-05zw": 16,
    "2026-12-05zx": 18,
    "2026-12-05zza": 11,
    "2026-12-05zzb": 7,
    "2026-12-05zzc": 10,
    "2026-12-05zzd": 19,
    "2026-12-05zze": 20,
    "2026-12-05zzf": 10,
    "2026-12-05zzh": 5,
    "2026-12-05zzg": 19,
    "2026-12-05zzi": 3,
    "2026-12-05zzj": 4,
    "2026-12-05zzk": 19,
    "2026-12-05zzl": 19,
    "2026-12-05zzm": 19,
    "2026-12-05zzn": 19,
    "2026-12-05zzo": 15,
    "2026-12-05zzp": 19,
    "2026-12-05zzq": 19,
    "2026-12-05zzr": 20,
    "2026-12-05zzs": 18,
    "2026-12-05zzt": 19,
    "2026-12-05zzu": 2,
    "2026-12-05zzv": 3,
    "2026-12-05zzw": 14,
    "2026-12-05zzx": 18,
    "2026-12-05zzy": 19,
    "2026-12-05zzz": 3,
    "2026-12-05zzza": 10,
    "2026-12-05zzzb": 1,
    "2026-12-05zzzc": 19,
    "2026-12-05zzzd": 19,
    "2026-12-05zzze": 18,
    "2026-12-05zzzf": 9,
    "2026-12-05zzzg": 15,
    "2026-12-05zzzh": 10,
    "2026-12-05zzzi": 13,
    "2026-12-05zzzj": 11,
    "2026-12-05zzzk": 19,
    "2026-12-05zzzl": 17,
    "2026-12-05zzzm": 8,
    "2026-12-05zzzo": 12,
    "2026-12-05zzzt": 3,
    "2026-12-05zzzq": 13,
    "2026-12-05zzzp": 10,
    "2026-12-05zzzr": 17,
    "2026-12-05zzzn": 9,
    "2026-12-05zzzs": 8,
    "2026-12-05zzzv": 2,
    "2026-12-05zzzu": 6,
    "2026-12-05zzzw": 5,
    "2026-12-05zzzx": 1,
    "2026-12-05zzzy": 8,
    "2026-12-06a": 7,
    "2026-12-06c": 10,
    "2026-12-06d": 13,
    "2026-12-06e": 8,
    "2026-12-06f": 6,
    "2026-12-06h": 6,
    "2026-12-06g": 20,
    "2026-12-06i": 15,
    "2026-12-06j": 2,
    "2026-12-06k": 5,
    "2026-12-06l": 9,
    "2026-12-06m": 1,
    "2026-12-06n": 2,
    "2026-12-06o": 3,
    "2026-12-06p": 3,
    "2026-12-06q": 5,
    "2026-12-06r": 1,
    "2026-12-06s": 6,
    "2026-12-06t": 14,
    "2026-12-06u": 4,
    "2026-12-06v": 10,
    "2026-12-06w": 4,
    "2026-12-06x": 4,
    "2026-12-06y": 10,
    "2026-12-06z": 7,
    "2026-12-06za": 3,
    "2026-12-06zb": 7,
    "2026-12-06zc": 1,
    "2026-12-06zf": 10,
    "2026-12-06zg": 2,
    "2026-12-06zh": 4,
    "2026-12-06zi": 3,
    "2026-12-06zj": 9,
    "2026-12-06zn": 1,
    "2026-12-06zd": 7,
    "2026-12-06ze": 4,
    "2026-12-06zk": 12,
    "2026-12-06zp": 1,
    "2026-12-06zq": 3,
    "2026-12-06zl": 20,
    "2026-12-06zm": 7,
    "2026-12-06zo": 3,
    "2026-12-06zr": 15,
    "2026-12-06zs": 4,
    "2026-12-06zt": 6,
    "2026-12-06zu": 4,
    "2026-12-06zv": 10,
    "2026-12-06zw": 16,
    "2026-12-06zx": 5,
    "2026-12-06zy": 2,
    "2026-12-06zz": 1,
    "2026-12-06zza": 4,
    "2026-12-06zzb": 2,
    "2026-12-06zzc": 6,
    "2026-12-06zzd": 10,
    "2026-12-06zze": 10,
    "2026-12-06zzf": 9,
    "2026-12-06zzg": 11,
    "2026-12-06zzh": 2,
    "2026-12-06zzi": 12,
    "2026-12-06zzj": 12,
    "2026-12-06zzk": 11,
    "2026-12-06zzl": 9,
    "2026-12-06zzm": 12,
    "2026-12-06zzn": 4,
    "2026-12-06zzo": 6,
    "2026-12-06zzp": 12,
    "2026-12-06zzq": 11,
    "2026-12-06zzr": 11,
    "2026-12-06zzs": 7,
    "2026-12-06zzt": 8,
    "2026-12-06zzu": 10,
    "2026-12-06zzv": 5,
    "2026-12-06zzw": 10,
    "2026-12-07a": 3,
    "2026-12-07c": 9,
    "2026-12-07d": 6,
    "2026-12-07e": 5,
    "2026-12-07f": 7,
    "2026-12-07b": 5,
    "2026-12-07g": 4,
    "2026-12-07i": 8,
    "2026-12-07j": 5,
    "2026-12-07n": 1,
    "2026-12-07h": 8,
    "2026-12-07m": 6,
    "2026-12-07k": 3,
    "2026-12-07l": 8,
    "2026-12-07p": 7,
    "2026-12-07q": 8,
    "2026-12-07r": 5,
    "2026-12-07o": 6,
    "2026-12-07t": 6,
    "2026-12-07u": 4,
    "2026-12-07s": 5,
    "2026-12-07v": 7,
    "2026-12-07w": 7,
    "2026-12-07x": 8,
    "2026-12-07y": 3,
    "2026-12-07z": 3,
    "2026-12-07za": 8,
    "2026-12-07zb": 6,
    "2026-12-07zc": 6,
    "2026-12-07zd": 3,
    "2026-12-07ze": 4,
    "2026-12-07zf": 7,
    "2026-12-07zg": 4,
    "2026-12-07zh": 6,
    "2026-12-07zi": 3,
    "2026-12-07zj": 6,
    "2026-12-07zk": 7,
    "2026-12-07zl": 4,
    "2026-12-07zm": 6,
    "2026-12-07zn": 4,
    "2026-12-07zo": 2,
    "2026-12-07zp": 4,
    "2026-12-07zq": 4,
    "2026-12-07zr": 6,
    "2026-12-07zs": 2,
    "2026-12-07zt": 7,
    "2026-12-07zu": 9,
    "2026-12-07zv": 2,
    "2026-12-07zw": 5,
    "2026-12-07zx": 7,
    "2026-12-07zy": 3,
    "2026-12-07zz": 1,
    "2026-12-07zza": 1,
    "2026-12-07zzb": 1,
    "2026-12-07zzc": 2,
    "2026-12-07zzd": 2,
    "2026-12-07zze": 8,
    "2026-12-07zzf": 6,
    "2026-12-07zzg": 8,
    "2026-12-07zzh": 5,
    "2026-12-07zzi": 2,
    "2026-12-07zzj": 4,
    "2026-12-07zzk": 6,
    "2026-12-07zzm": 2,
    "2026-12-07zzn": 2,
    "2026-12-07zzo": 6,
    "2026-12-07zzp": 2,
    "2026-12-07zzq": 5,
    "2026-12-07zzr": 2,
    "2026-12-07zzs": 4,
    "2026-12-07zzt": 1,
    "2026-12-07zzu": 6,
    "2026-12-07zzv": 3,
    "2026-12-07zzw": 6,
    "2026-12-07zzx": 7,
    "2026-12-07zzy": 5,
    "2026-12-07zzz": 4,
    "2026-12-07zzza": 2,
    "2026-12-07zzzb": 5,
    "2026-12-07zzzc": 1,
    "2026-12-07zzzd": 3,
    "2026-12-07zzze": 1,
    "2026-12-07zzzi": 2,
    "2026-12-07zzzj": 1,
    "2026-12-07zzzk": 2,
    "2026-12-07zzzl": 3,
    "2026-12-07zzzm": 2,
    "2026-12-07zzzn": 1,
    "2026-12-07zzzo": 1,
    "2026-12-07zzzp": 4,
    "2026-12-07zzzq": 3,
    "2026-12-07zzzs": 3,
    "2026-12-07zzzt": 6,
    "2026-12-07zzzu": 10,
    "2026-12-07zzzv": 5,
    "2026-12-08a": 6,
}
"""Least passages of each later batch (``2026-12-03d`` and ``2026-12-03e`` were kept unseen
by tuning)."""
BATCHES = set(MIN_BATCH_SIZE)
"""The batches known (a passage's ``added`` must be one)."""
LEAST_SITES = {
    "2026-12-05zzh": 4,
    "2026-12-05zzi": 3,
    "2026-12-05zzj": 4,
    "2026-12-05zzu": 2,
    "2026-12-05zzv": 3,
    "2026-12-05zzz": 3,
    "2026-12-05zzzb": 1,
    "2026-12-05zzzt": 3,
    "2026-12-05zzzv": 1,
    "2026-12-05zzzx": 1,
    "2026-12-05zzzy": 4,
    "2026-12-06j": 2,
    "2026-12-06m": 1,
    "2026-12-06n": 2,
    "2026-12-06o": 3,
    "2026-12-06p": 3,
    "2026-12-06r": 1,
    "2026-12-06u": 3,
    "2026-12-06w": 4,
    "2026-12-06x": 4,
    "2026-12-06za": 3,
    "2026-12-06zc": 1,
    "2026-12-06zg": 2,
    "2026-12-06zh": 2,
    "2026-12-06zi": 3,
    "2026-12-06zn": 1,
    "2026-12-06ze": 4,
    "2026-12-06zp": 1,
    "2026-12-06zq": 3,
    "2026-12-06zo": 3,
    "2026-12-06zs": 4,
    "2026-12-06zu": 4,
    "2026-12-06zy": 2,
    "2026-12-06zz": 1,
    "2026-12-06zza": 4,
    "2026-12-06zzb": 2,
    "2026-12-06zzh": 1,
    "2026-12-06zzn": 4,
    "2026-12-07a": 3,
    "2026-12-07g": 4,
    "2026-12-07n": 1,
    "2026-12-07k": 3,
    "2026-12-07u": 4,
    "2026-12-07y": 3,
    "2026-12-07z": 3,
    "2026-12-07zd": 3,
    "2026-12-07ze": 4,
    "2026-12-07zg": 4,
    "2026-12-07zi": 3,
    "2026-12-07zl": 4,
    "2026-12-07zn": 4,
    "2026-12-07zo": 2,
    "2026-12-07zp": 4,
    "2026-12-07zq": 3,
    "2026-12-07zs": 1,
    "2026-12-07zv": 1,
    "2026-12-07zy": 3,
    "2026-12-07zz": 1,
    "2026-12-07zza": 1,
    "2026-12-07zzb": 1,
    "2026-12-07zzc": 2,
    "2026-12-07zzd": 2,
    "2026-12-07zze": 3,
    "2026-12-07zzf": 2,
    "2026-12-07zzg": 3,
    "2026-12-07zzh": 2,
    "2026-12-07zzi": 2,
    "2026-12-07zzj": 3,
    "2026-12-07zzk": 2,
    "2026-12-07zzm": 2,
    "2026-12-07zzn": 2,
    "2026-12-07zzo": 3,
    "2026-12-07zzp": 1,
    "2026-12-07zzq": 3,
    "2026-12-07zzr": 2,
    "2026-12-07zzs": 3,
    "2026-12-07zzt": 1,
    "2026-12-07zzu": 3,
    "2026-12-07zzv": 3,
    "2026-12-07zzw": 4,
    "2026-12-07zzy": 4,
    "2026-12-07zzz": 1,
    "2026-12-07zzza": 2,
    "2026-12-07zzzc": 1,
    "2026-12-07zzzd": 3,
    "2026-12-07zzze": 1,
    "2026-12-07zzzi": 1,
    "2026-12-07zzzj": 1,
    "2026-12-07zzzk": 2,
    "2026-12-07zzzl": 2,
    "2026-12-07zzzm": 2,
    "2026-12-07zzzn": 1,
    "2026-12-07zzzo": 1,
    "2026-12-07zzzp": 2,
    "2026-12-07zzzq": 2,
    "2026-12-07zzzs": 2,
    "2026-12-07zzzt": 2,
    "2026-12-07zzzu": 1,
    "2026-12-07zzzv": 1,
    "2026-12-08a": 1,
}
"""Batches left on fewer sites than their rule asks (5 from 2026-12-05, else 10): a second reading
removed passages that repeated a pair already in the set (``2026-12-05zzh``: built on 6 sites, 4
after two passages repeating ``bht-01``'s pair were removed) or whose date could not be shown to be
from 2025 on (``2026-12-05zzj``: built on 5 sites, 4 after ``pl-781`` was removed), or the stored
corpus held no more unused pages on the batch's topics (``2026-12-05zzi``: party, mass organisations
and social sectors; 3 passages on 3 sites after 104 look-ups, every other page found already in the
set; ``2026-12-05zzv``: any topic, 4 passages on 4 sites after 56 look-ups, the pages found on other
topics nearly all in the set already, and 3 on 3 after its second reading removed ``vn-1021``, whose
rates' margins over an unwritten target could not be checked in it), or a second reading left
passages with no scored statement (``2026-12-05zzu``: built on 13 sites, 2 after eleven passages
whose rates had targets written only as margins in points or were part-year rates beside the year's
target rate were removed). ``2026-12-05zzz`` (environment, water, urban works and energy supply) was
built on 3 passages on 3 sites: the search tool's budget ran out after 69 look-ups, and the other
pages found were already in the set or repeated one of its pairs, held no target-versus-result
statement, fell outside 2016-2024 or were listing pages. ``2026-12-05zzzb`` (any topic, pages of
2025 on) holds 1 passage on 1 site: after the 80 look-ups its brief allowed before committing, every
other page found was already in the set, repeated one of its pairs in another article's words, held
no target-versus-result statement or was a listing page. ``2026-12-05zzzt`` (any topic, pages of
2025 on) was built on 4 passages on 4 sites: after 110 look-ups every other page found was already
in the set, repeated one of its pairs, held no target-versus-result statement in its stored opening,
fell before 2025 or was a listing page; it holds 3 on 3 after its second reading removed
``dnhn-1501``, the page the second reading of ``2026-12-05zzf`` had removed as ``dnhn-701`` (its
production forest against the year's plan repeats ``mtn-701``'s pair). ``2026-12-05zzzv`` (older
reports: traffic and police administrative work, provincial lottery and urban-works companies) holds
2 passages on 1 site: after 78 of its 80 look-ups the stored corpus gave traffic, licence,
registration, inspection, fine and fire-check pages with counts only (no plan), lottery queries
returned betting spam, and the residence-data pages found compared forms with the population
(coverage), not with a plan. ``2026-12-05zzzx`` was to take two unused pages on held-out sites that
``2026-12-05zzzw`` found and left out to keep its held-out share low; one (a port company's nine
months against its year's plan) holds 1 passage on 1 site, and the other could not be used: its
stored copy, found again, holds no target-versus-result statement in what the search tool returns of
it. ``2026-12-05zzzy`` (older reports: Party admissions against the year's or the term's target, and
district and provincial committees' reviews against the resolution) was built on 8 passages on 4
sites: after 60 look-ups most admission pages found were already in the files, and the others gave
counts only, targets only, margins on unwritten targets, no year, or fell outside the regions or
years; its second reading cut ``bldo-1620``'s first paragraph (its 2016 pair repeats
``bldo-1365``'s) and kept the 8 passages on 4 sites. ``2026-12-06j`` (older reports of 2016-2024:
mass organizations' membership against targets and the youth union's referrals to the Party) holds 2
passages on 2 sites: after 67 of its 70 look-ups every other page of those years found on the topic
was already in the files (a farmers', a women's and a youth federation's pages among them) or gave
counts only, targets only, margins on unwritten targets or ambiguous percents, and the pages with
targets it left unused fell before 2016. ``2026-12-06m`` (older reports: vaccination and disease
campaigns) was built on 5 passages on 5 sites after 55 look-ups; its second reading left 1 passage
on 1 site: four COVID-19 reports whose only scored statements were doses received against the
allocation decisions or doses used out of the doses supplied (an allocation the text calls neither a
plan nor an assignment to reach, so a coverage) had no scored statement left and were removed.
``2026-12-06n`` (older reports of 2016-2024: press, publishing, broadcasting, libraries, museums and
relic sites, provincial post offices) holds 2 passages on 2 sites: after 50 of its 55 look-ups every
other page of those years found with a plan (provincial post offices' years, provincial museums'
visitors and fees, a provincial library's cards, a heritage centre's ticket revenue) was already in
the files, and the others gave national publishing totals with growth only, counts only, targets
only, percents of a plan with no amount, a percent whose base is not written, or were translations,
tag pages or spam. ``2026-12-06o`` (companies' 2025 results against their plans in energy, fuel,
airlines, seaports, logistics, telecoms, food and beverage, insurance and securities) holds 3
passages on 3 sites: after 50 of its 55 look-ups nearly every page found was already in the files or
repeated one of their pairs, and of the four unused pages on held-out sites it kept one, to keep its
held-out share near 40 % with the two unused dev pages it found. ``2026-12-06p`` (state groups' and
corporations' member units against their plans: oil and gas, power companies, railways, airports,
post offices, state banks' branches, water companies, lotteries) holds 3 passages on 3 sites: after
77 of its 80 look-ups nearly every page found was already in the files or repeated one of their
pairs, lottery queries returned betting spam, and the others gave no plan figure, margins on
unwritten targets, part-year rates beside the year's rate, or were in English. ``2026-12-06r``
(agriculture, land and environment of 2025: crops, livestock and its vaccination, land-use fees and
auctions, inspection recoveries, waste and rural water, new-style rural communes, tree planting)
holds 1 passage on 1 site: after 72 of its 80 look-ups every other page of 2025 on found with a plan
was already in the files or repeated one of their pairs, and the others gave growth or shares only,
targets only, margins over an unwritten plan, a growth range against a target range (no single
actual), were cut before their plan, fell before 2025 or were tag pages, translations or spam.
``2026-12-06u`` (older reports of 2014-2024: traffic safety, drug rehabilitation, fire prevention,
weapons collection) holds 4 passages on 3 sites: after 49 of its 60 look-ups the traffic pages found
compared accidents with the same period or with reduction rates only, the fire, weapons, inspection
and fine pages gave counts, coverage of totals or betting spam, and only four rehabilitation and
methadone pages wrote a plan or an attainment of one. ``2026-12-06w`` (older reports of 2014-2024:
waste collected and treated, clean-water coverage, industrial parks' wastewater, environmental fees,
against targets) holds 4 passages on 4 sites: after 59 of its 60 look-ups the stored corpus gave the
same few dozen environment pages for every wording, nearly all with rates and no target (or targets
with no rate), tag and listing pages, theses and legal texts; of the other pages with a target one
was already in the files, two gave no year, one was of 2025 on and one wrote its attainments
ambiguously (``2026-12-05zzz`` had found the topic as thin). ``2026-12-06x`` (older reports of
2014-2024: disease control, tuberculosis detection and cure, HIV testing and treatment, malaria and
dengue, child malnutrition, family doctors and health records) holds 4 passages on 4 sites: after 47
of its 60 look-ups the stored corpus gave on these topics mostly plans, decisions, theses and
listing pages, counts and growth with no target, percents of a plan with no amount, or pages already
in the files (a province's nine months of tuberculosis detection). ``2026-12-06za`` (older reports
of 2014-2024: market management and anti-smuggling) holds 3 passages on 3 sites: after its 60
look-ups the market-management, border-guard and customs pages found gave counts and amounts with no
plan, growth over the same period, budget or customs-revenue pages of other batches' topics, tag
pages or spam. ``2026-12-06zc`` (older reports of 2014-2024: mining-rights, water-resource and
environmental fees, land rent and land-use fees against the estimate, land-registration certificates
against the plan) holds 1 passage on 1 site: after its 60 look-ups every other page found with a
plan or an attainment and an amount was already in the files (a province's land-use fees to October
and to April, a city's land revenue against its estimate, a district's quarter, a province's fees
and rent to October, a district's certificates of a half year), and the others gave percents of a
plan with no amount, coverage of the area or certificates to be issued, an auction plan's mines as a
fraction of those planned (coverage, as ``bldo-1168``), amounts with no plan, targets only, or were
laws, theses, tag pages or spam. ``2026-12-06zg`` (older reports of 2014-2024: cultural-family and
cultural-village movements, learning promotion, libraries and community learning centres, against
targets) holds 2 passages on 2 sites (3 on 3 as built; a second reading removed ``bhdo-2280``, whose
only scored pair could be read on either of two amounts): after 57 of its 60 look-ups the stored
corpus gave the same few dozen culture and learning-promotion pages for every wording, nearly all
with rates and counts as shares of a whole, or next year's targets beside this year's results; of
the pages with a target three were already in the files (a district's cultural villages of 2023, a
province's learning fund of 2019, a provincial library's cards of 2016), one gave only a margin over
an unwritten target that neither reading fits, the others were of 2012 and earlier, translations,
theses or spam. ``2026-12-06zh`` (older reports of 2014-2024: livestock vaccination and veterinary
campaigns, disinfection, plant protection, against the plan) holds 4 passages on 2 sites: after its
53 look-ups the stored corpus gave the same few dozen veterinary pages for every wording, nearly all
plans and decisions, theses, shares of the herd with no plan, percents of a plan with no amount or
pages already in the files (a district's first round of 2024); two pages of a district site with
plans and amounts gave no year, and one with a plan fell before 2014. ``2026-12-06zi`` (older
reports of 2016-2024: administrative reform and e-government, online public services and records,
records settled on time, one-stop shops, digital signatures and cashless payments against targets)
holds 3 passages on 3 sites: after 53 of its 60 look-ups the stored corpus gave on the topic mostly
rates with no target (records settled on time, online records, satisfaction indexes), targets and
plans only, legal texts, theses, tag pages and spam; the pages with a written target were already in
the files (the national 2021 and 2024 rates), repeated another kept page's pair, wrote their target
only as a margin, paired a part-year rate with the year's target, or had no address in the stored
copy. ``2026-12-06zn`` (older reports of 2014-2024: Party fees and Party committees' budgets, legal
aid, grassroots mediation, legal dissemination and civil-status registration against targets) holds
1 passage on 1 site: after 54 of its 60 look-ups the stored corpus gave on these topics no Party-fee
or Party-budget figure against a plan (only rules, guides and translations), and legal-aid,
mediation, legal-access, dissemination and civil-status pages with counts, shares of cases received
or communes as fractions of the total, targets and plans only, legal texts, theses, tag pages and
spam; the one other page with a target (a province's justice agencies' crime reports resolved over
five years) was already in the files, and the passage kept is a city's justice-sector review at the
edge of the topic. ``2026-12-06ze`` (companies' and state units' 2025 results against their plans:
listed companies, state banks' branches, insurers, post and telecom branches, airports, ports,
provincial water and power companies) was built on 5 passages on 4 sites: after 62 of its 80
look-ups nearly every page found was already in the files or repeated one of their pairs, the bank,
lottery, airport and port queries returned tag pages, data tables or betting spam, and of the unused
company pages seven were on held-out sites, of which it kept two (two sites), to keep its held-out
share at 40 % beside the three unused dev pages it found (two on one site); its second reading
removed ``zn-2241`` (its nine months' profit against the year's plan repeats ``cf-41``'s pair),
leaving 4 passages on 4 sites. ``2026-12-06zp`` (digital transformation and public services of 2025:
online public services and records, Project 06, cashless payments, the digital economy's share,
electronic health records, social housing and clean water, against targets) holds 1 passage on 1
site: after its 50 look-ups every other page of 2025 on found with a written target was already in
the files (the nation's online records, social housing and identification accounts, a province's
rural water) or gave rates with no target, targets and plans only, coverage of tasks or units, a
percent cut from its stored copy, or was a tag page, a translation or spam. ``2026-12-06zq``
(agriculture, forestry and fisheries of 2025 against their plans: exports, rice, coffee, fruit and
seafood output, forest planting, OCOP products, new-rural communes, irrigation and dykes) was built
on 3 passages on 3 sites: after 49 of its 50 look-ups nearly every page found was already in the
files (national and provincial forest, fisheries, export, OCOP and rice pages), a translation, a tag
page or cut before its figures, and the three unused pages with a scored statement are kept.
``2026-12-06zo`` (older reports of 2014-2024: membership drives of the youth union, the youth
federation, the women's and veterans' associations and trade unions against their targets) holds 3
passages on 3 sites: after 58 look-ups the stored corpus gave the same few pages for every wording,
and the pages on the topic with a target were already in the files (a province's trade unions of
2020 and 2021, a district's of 2019, an economic zone's of 2016, a youth federation's of 2020, a
women's congress of 2021, the youth union's month of 2021), fell before 2014, gave counts only,
targets only, a completion with no number or percents with no amount, or had no address in the
stored copy (a veterans' cluster's half year of 2015). ``2026-12-06zs`` (jobs and training of
2025-2026: labour sent abroad, jobs created, vocational and university enrolment, unemployment
insurance, officials' training, against their plans) holds 4 passages on 4 sites: after 73 of its 75
look-ups nearly every page found was already in the files (a merged province's year and nine months
of jobs, the capital's ten months and year target, the nation's four, seven and ten months of labour
sent abroad, a north-central province's nine months), a translation, a tag page, a legal text or
gave targets only, results with no figure of their plan, or percents with no amount; of the four
unused pages with a scored statement three were on held-out sites, and it kept one of them beside
the one dev page, to keep its held-out share near 40 %; the two others (an aggregator new to the set
and a business paper's mirror host, both held-out) were added later by a second annotator, since the
whole set's held-out share stays within 40 % with them. ``2026-12-06zu`` (the new communes and wards
after 1 July 2025 and the 2025-2030 Party congresses: first months' results against targets, term
reviews of 2020-2025 in congress documents, provincial reviews) holds 4 passages on 4 sites: after
51 of its 75 look-ups nearly every commune, ward and congress page found was already in the files
(the Phú Thọ, Thanh Hóa, Gia Lai, Huế, Đà Nẵng, Hồ Chí Minh City and Tây Ninh papers' pages), gave
percents with no amount, targets only or coverage of targets, or was a tag page, a translation or
spam; the four unused pages with a scored statement are kept. ``2026-12-06zy`` (older reports of
2014-2024: waste collected and treated, wastewater, environmental fees and inspections,
clean-and-green campaigns' trees, new-rural environment criteria, against targets) holds 2 passages
on 2 sites: after its 57 look-ups the stored corpus gave on waste, fees and inspections the same few
dozen pages for every wording (tag pages, theses, legal texts, rates with no target, targets only),
and the pages with a target it found, most of them tree-planting pages, were already in the files (a
province's environment indicators of 2019, a city's, provinces' and districts' tree planting of
2020-2024, a ministry's dispatch of 2022, a district review of 2022), repeated the pair of a kept
page in another article's words, were of 2025 on, forestry pages of another batch's topic or
translations. ``2026-12-06zz`` (older reports of 2014-2024: houses built or repaired for the poor
and for policy families, and the money raised for them, against plans) holds 1 passage on 1 site:
after its 55 look-ups the pages found on the topic with a target were already in the files (a
district's and a commune's great-unity houses and gratitude funds, a province's gratitude fund, a
province's fund for the poor with its levels as fractions, a city district's gratitude fund), fell
before 2014 or in 2025, gave counts only, plans only or an excess with no plan and no other scored
statement, had no date, or were tag pages and spam. ``2026-12-06zzb`` (older reports of 2014-2024:
drug rehabilitation, traffic safety and fire prevention against their targets) holds 2 passages on 2
sites: after its 55 look-ups the stored corpus gave rehabilitation quotas with no result, counts of
addicts and facilities, traffic accidents against the year before (growth only, or national
reduction targets with no result), fine totals with no estimate (fine queries returned betting spam)
and fire checks and training with counts or coverage only; the one other page with a
target-versus-result pair (a national methadone rate against the 2015 plan) was already in the files
as ``candyo-2040``. ``2026-12-06zzh`` (social and health insurance, the Social Policy Bank and
people's credit funds, hospitals and medical centres, telecom and post units of 2025-2026, against
their plans) holds 2 passages on 1 site: after 71 of its 75 look-ups the insurance queries returned
mostly betting spam, tag pages, pages of 2018-2024 and translations, the bank, credit-fund, post and
telecom pages of 2025 on found with a plan were already in the files or gave no plan figure, and of
the hospital pages found with a percent of a plan all but two (a provincial paper's, on two of the
province's hospitals) were already in the files. ``2026-12-06zzn`` (single companies' and plants'
results of 2025-2026 against their plans in oil and gas, petroleum trading, fertilizer and
chemicals, steel, water supply, railways, airports, shipping and shipbuilding) holds 4 passages on 4
sites: after 60 of its 75 look-ups (and four more to check its copies) nearly every company page
found with a plan was already in the files or repeated one of their pairs (the national oil group's,
the refinery's, the oil joint venture's, the chemicals group's, the railway corporation's, the
maritime corporation's, the steel group's, the fuel group's and a fertilizer maker's pages among
them), and the others gave growth only, brokers' forecasts rather than plans, targets only, percents
of a plan with no amount, were cut before their figures or were financial tables, tag pages or spam;
of two pages on one driller's half year it kept one. ``2026-12-07a`` (power companies and provincial
power branches, lottery companies, social housing and housing programmes, rail, bus and port
operators of 2025-2026, against their plans) holds 3 passages on 3 sites: after 74 of its 75
look-ups the power queries returned mostly tag, legal and price pages and pages of 2012-2024, and
the power, hydropower, coal, water, rail, airline and port pages of 2025 on found with a plan were
already in the files, gave growth only or a plan with no figure, or were cut before their figures;
lottery queries returned betting spam and housing queries tag pages, national totals or targets
only; its third passage, off those topics, is a province's budget revenue against its estimate,
found by a query on the province's companies. ``2026-12-07g`` (older reports of 2014-2024: mass
organizations' members, funds and campaigns by province or district against their targets) holds 4
passages on 4 sites: after 44 of its 45 look-ups nearly every page found on the topic with a target
was already in the files (provincial and district trade unions', farmers', Red Cross and front
funds' pages among them), and the others gave counts only, targets only, percents of a plan with no
amount, fell before 2014 or were tag pages, legal texts and spam. ``2026-12-07n`` (older reports of
2014-2024: health programmes by province or district against their targets: immunization, family
planning, nutrition, tuberculosis, HIV, blood donation) holds 1 passage on 1 site: after 23 of its
45 look-ups, and past its time, all eight pages found with a figure against a target (seven
blood-donation and family-planning pages) but one were already in the files, and the others gave
targets only, percents with no amount, coverages of a population, national totals, or were theses,
legal texts and tag pages. ``2026-12-07k`` (older reports of 2014-2024: banks' provincial and
district branches and people's credit funds against their plans) was built on 4 sites: after 43 of
its 45 look-ups the commercial banks' branches came back only as theses and document-store pages,
the people's credit funds with no plan figure or before 2014, and four of the policy bank's and
provincial banking pages found with a plan were already in the files (``bldo-2900``, ``bnno-1061``,
``bhto-261``, ``gltvo-181``); it holds 3 passages on 3 sites after its second reading removed
``bhto-3342``, whose only scored pair, a part-year growth rate beside the year's target rate, is
unpaired by the rule ``bhto-261`` follows. ``2026-12-07u`` (older reports of 2014-2024: engineering,
shipbuilding, machinery and mechanical companies against their plans) holds 4 passages on 4 sites:
after 36 of its 45 look-ups the stored corpus gave Lilama and its units, the machinery,
defence-industry and mechanical works' pages with no plan figure, a plan sentence cut by the store,
percents with no amount, or before 2014, and the one other page found with an attainment (PTSC's
2022, cafef.vn) was already in the files (``cafefo-2983``). ``2026-12-07y`` (older reports of
2014-2024: poverty reduction, new rural development and social policy by province or district) holds
3 passages on 3 sites: after all 45 of its look-ups nearly every page the stored corpus gave with a
figure against a plan (poverty rates against resolutions, the Vì người nghèo and Đền ơn đáp nghĩa
funds, houses for people with merit, new-rural communes) was already in the files, and the rest had
no plan, fell outside 2014-2024 or were national totals, theses or tag pages. ``2026-12-07z`` (older
reports of 2014-2024: district, provincial and sector committees' Party work other than admissions:
Party fees, checks and supervisions against the plan, Party and mass organisations in non-state
firms) holds 3 passages on 3 sites: after 39 of its 45 look-ups the stored corpus gave no Party-fee
figure at all, and every other page found with a plan or a target (admissions and non-state firms'
Party cells of Nhơn Trạch, Ninh Sơn, Dầu Tiếng, Vạn Ninh, Thủ Dầu Một, Nam Giang, Chương Mỹ, Long
Hồ, Hòa Thành, Lạc Dương, Bình Xuyên and Ninh Giang, among others) was already in the files, fell
before 2014, gave a province's rate beside a target already in the files, or had no year it could be
dated to. ``2026-12-07zd`` (older reports of 2014-2024: enterprise development and investment
attraction by province or district) holds 3 passages on 3 sites: after 41 of its 45 look-ups the
stored corpus gave few pages with an enterprise or investment figure against a plan, and those it
gave (Thanh Hóa's, Cà Mau's, Yên Bái's, Bình Phước's, Hải Dương's and Nghệ An's new firms,
co-operatives and investment, Quỳnh Lưu's year) were already in the files, repeated one of their
pairs, or were plans and legal texts, national totals or pages with no plan figure. ``2026-12-07ze``
(older reports of 2014-2024: site clearance, resettlement and infrastructure works of a province,
district or project board) holds 4 passages on 4 sites: after all 45 of its look-ups the stored
corpus gave no site-clearance or resettlement figure against a plan at all, the canal and rural-road
pages it gave with a plan were already in the files (Sơn Dương's canals, Tân Yên's dredging, Cẩm
Giàng's irrigation works), one other with a pair (the Kon Tum economic zone board's disbursement of
2017) was taken the same day by the parallel batch ``2026-12-07zd`` (``kktktjo-3722``), and the rest
were tag or listing pages, legal texts, theses, pages before 2014 or with no year, or had no plan
figure. ``2026-12-07zg`` (older reports of 2014-2024: population and family-planning programmes of a
province or district) holds 4 passages on 4 sites: its time allowed 17 of its 45 look-ups, and the
other pages they gave with figures against a plan (Quảng Điền, Bình Dương's 2018, Hà Giang's 2021,
Ninh Thuận's 2018, Đồng Tháp's 2018) were already in the files, fell before 2014, were national
plans, legal texts or theses, or gave a percent with no figure. ``2026-12-07zi`` (older reports of
2014-2024: trade unions' finance and workers' welfare, the veterans', youth and women's unions'
programmes) holds 3 passages on 3 sites: after 41 of its 45 look-ups the stored corpus gave
union-fee figures only as percents of the budget with no amount, and every other page with a figure
against a quota (Yên Định's women's union, Phú Tân's farmers' union, Quảng Nam's and Hải Dương's
labour federations) was already in the files, fell before 2014, was a national total or gave no
figure against its quota. ``2026-12-07zl`` (older reports of 2014-2024: police work of a province or
city against its targets) holds 4 passages on 4 sites: after 40 of its 45 look-ups the stored corpus
gave police reviews mostly with clearance rates over cases found (coverage), margins over unwritten
target rates that fit neither reading within 1 % (Thái Nguyên's 'đạt 95% (vượt 20% chỉ tiêu giao)'),
national totals, or counts with no target, and the identity-card pages with a target (Thừa Thiên
Huế's) were already in the files. ``2026-12-07zn`` (older reports: OCOP products, agricultural
cooperatives and farm models against the plan) holds 4 passages on 4 sites: after 25 look-ups the
stored corpus gave OCOP and cooperative pages with counts or plans only, listing and tag pages,
legal texts and plans, national totals, or pages already in the files (Chợ Đồn's OCOP, Chợ Mới's and
Bắc Kạn's cooperatives, Quảng Trị's and Hà Tĩnh's agriculture of 2021). ``2026-12-07zo`` (older
reports of 2014-2024: inspection, complaints and administrative work of a province or department
against its plan) holds 2 passages on 2 sites: after all 45 of its look-ups the stored corpus gave
inspection and complaint reviews almost only with recoveries over the sums recommended and petitions
settled over those received (results and coverage), fractions of planned inspections done
(coverage), percents of the plan with no count, or part-year execution rates beside the year's
target rate (Đồng Nai's civil-judgment execution of July 2020), and the pages with a pair were
already in the files (Bảo Lộc's and Quảng Ngãi's judgment execution) or fell before 2014 (Yên Dũng's
petitions of 2013, Nam Định's judgment execution of 2011). ``2026-12-07zp`` (older reports: lottery
companies and other provincial state enterprises and public service units against the plan) holds 4
passages on 4 sites: after 40 look-ups the stored corpus answered every lottery wording with betting
spam only, and its pages on printing, book, pharmacy, water, irrigation, urban-environment, postal,
power and hospital units with a plan were already in the files (a water company's 2020, a post
office's 2020, a district hospital's nine months of 2018, an urban-environment company's 2024, two
pharmacy companies' years) or gave growth only, plans only, national or multi-company totals, theses
and legal texts. ``2026-12-07zq`` (older reports: culture, press, broadcasting, libraries, post and
sport of a province or district against the plan) holds 4 passages on 3 sites: after 44 of its 45
look-ups the stored corpus gave the library, post-office, relic, museum, sport and cultural-family
pages with a figure against a plan already in the files (most of them in ``2026-12-05zzw``), and the
others gave percents of a plan with no amount, counts or shares with no plan, margins over an
unwritten target rate that fit neither reading within 1 % (Hoàng Mai's meeting halls 'vượt chỉ tiêu
thành phố giao 9,4%'), pages before 2014, translations, listing pages or betting spam.
``2026-12-07zs`` (older reports of 2014-2024: rural clean water, sanitation, waste and tree planting
of a province or district against its plan) holds 2 passages on 1 site: after all 45 of its look-ups
the stored corpus gave rural water and sanitation rates with no plan (provincial indicator
decisions, rates beside national or 2025-2030 aims), no waste-collection figure against a plan at
all, and the water companies' and tree-planting pages it gave with a plan were already in the files
(Thái Nguyên's water company, Sawaco, Viwaco, Đạ Tẻh, Lâm Hà, Tuyên Quang, Bắc Giang, An Giang, Nam
Sách and Hà Nội's spring planting), so only two Hải Dương district pages of the 2020 spring planting
remained. ``2026-12-07zv`` (older reports of 2014-2024: public-health programmes of a province or
district against the plan, other than immunization and family planning) holds 2 passages on 1 site:
after 44 of its 45 look-ups the stored corpus gave tuberculosis, HIV, malnutrition, dengue, malaria,
food-safety and elderly-care pages almost only as plans, legal texts, theses, national totals,
counts with no plan or coverage of a whole, and the pages with a figure against a plan were already
in the files (Lâm Đồng's tuberculosis of 2019, a district hospital's nine months of 2018) or were
listing pages (Nam Định's tuberculosis detection 'đạt 104,7% kế hoạch' on a channel page), so only
two Lâm Đồng articles (mental health of 2018, leprosy of 2017) remained. ``2026-12-07zy`` (older
reports of 2014-2024: forest planting, protection and forest services of a province, district or
forest board against the plan) holds 3 passages on 3 sites: after 40 of its 45 look-ups the stored
corpus gave the forest pages with a figure against a plan already in the files (Chiêm Hóa, Yên Bái,
Bắc Kạn, Thanh Hóa, Vĩnh Phúc, Phú Thọ, Lai Châu, Đạ Tẻh, Lâm Hà, Quảng Trạch among them), and the
others national totals, forest-service indicator pages, theses, legal texts, tag and listing pages,
pages before 2010 or counts with no plan figure. ``2026-12-07zz`` (older reports of 2014-2024:
schools and education of a province or district against the plan) holds 1 passage on 1 site: its 45
look-ups found the pages with schools, classrooms or enrolment against a plan already in the files
(Yên Bái's schools of 2018, Hà Nội's of 2013, Quảng Bình's, Vĩnh Long's, Đắk Nông's, Hậu Giang's and
Thái Nguyên's among them) and the others coverage of schools with no plan, plans with no result,
legal texts, theses, tag and listing pages, spam mirrors or national totals, so only a district
council's review of 2023 with its schools beside its budget and poverty targets remained.
``2026-12-07zza`` (older reports of 2014-2024: traffic safety, traffic fines, vehicle registration
and inspection and fire prevention of a province or district against the plan) holds 1 passage on 1
site: after its 45 look-ups the stored corpus gave these topics almost only as betting spam on
traffic-fine words, legal texts, national totals, monthly or weekly counts with no plan (fines,
accidents, fire checks), coverage of a whole ('1.334/1.334 cơ sở') or aims with no result, and the
police pages with a figure against a quota were already in the files (Quảng Nam's identity-card
quotas of 2021), so only the Bắc Trà My district police's review of 2023 (fines 'vượt 300% chỉ tiêu
Công an tỉnh giao') remained. ``2026-12-07zzb`` (older reports of 2014-2024: animal health,
veterinary work and agricultural extension of a province or district against the plan) holds 1
passage on 1 site: after 40 of its 45 look-ups the stored corpus gave the vaccination pages with a
figure against a plan already in the files (Ba Bể, the city of Bắc Kạn, Pác Nặm) or with no year to
date them (three Bạch Thông pages, Vũ Quang), and the others gave vaccination as a share of the herd
(coverage), percents of a plan with no amount, plans with no result, national totals, pages before
2014, legal texts, theses, extension-programme decisions and listing pages. ``2026-12-07zzc`` (older
reports of 2014-2024: irrigation works and water resources of a province, district or irrigation
company against the plan) holds 2 passages on 2 sites: after all 45 of its look-ups the stored
corpus gave the canal-lining, dredging, winter-irrigation and irrigation-company pages with a figure
against a plan already in the files (Sơn Dương, Đại Phú, Cẩm Giàng, Tân Yên, Hải Dương's province
and companies, Nam Định's companies, Bình Định's dams, Vĩnh Long's rural water centre, Kỳ Thọ among
them), and the others legal texts, theses, listing pages, plans with no result, percents of a plan
with no amount or results with no plan, so only Sông Chu's other-services revenue of 2021 and Đức
Trọng's drought article of February 2021 remained. ``2026-12-07zzd`` (older reports of 2014-2024:
transport volumes and transport administration of a province, city or transport company against the
plan) holds 2 passages on 2 sites: after all 45 of its look-ups the stored corpus gave provincial
transport statistics compared with the year before only (no plan), national totals, and the port and
railway pages with a figure against a plan already in the files (Đà Nẵng's port of 2014, Tân Cảng
Sài Gòn's 2015, the railway corporation's 2021, Vietnam Airlines' first quarter of 2018 in another
paper's words), pages before 2014, tag pages, theses and legal texts, and no driving-test,
road-maintenance or vehicle-inspection figure against a plan at all. ``2026-12-07zze`` (RSS leads of
2025-2026) holds 8 passages on 3 sites: its wave reads one RSS archive of three national papers
(vnexpress.net, tuoitre.vn and thanhnien.vn), so no batch of it can reach five sites.
``2026-12-07zzf`` (RSS leads of 2025-2026) holds 6 passages on 2 sites: its wave reads one RSS
archive of three papers (vnexpress.net, tuoitre.vn, thanhnien.vn), and of its random sample of 35
leads the only tuoitre.vn lead with an amount against a plan (Hòa Phát's year 2025) repeats
``tctd-01``'s pair. ``2026-12-07zzg`` (RSS leads of 2025-2026) holds 8 passages on 3 sites: its wave
reads one RSS archive of three national papers (vnexpress.net, tuoitre.vn, thanhnien.vn), so no
batch of it can have more sites. ``2026-12-07zzh`` (RSS leads of 2025-2026) holds 5 passages on 2
sites: its wave reads one RSS archive of three papers, and of its random sample of 32 items the only
tuoitre.vn lead with a scored statement repeated a pair already in the set (``zn-522``,
``k14-521``), so only vnexpress.net and thanhnien.vn remain. ``2026-12-07zzi`` (the justice sector's
2025 results against the National Assembly's or the plan's targets: civil judgment enforcement,
courts and procuracies of a province, then customs offices and power companies) holds 2 passages on
2 sites: after 36 of its 40 look-ups the provincial enforcement pages found were already in the
files (Phú Thọ, the southern metropolis) or repeated the national release already kept
(``vtca-1021``), or were cut before their figures or gave a rate with no target (Thanh Hóa, Quảng
Trị, An Giang, Đồng Tháp), court and procuracy pages gave cases resolved out of cases accepted,
margins over unwritten targets or the Supreme Court's national report (``vp-21``'s pair), and the
customs and power-company pages of 2025 with a plan were already in the files. ``2026-12-07zzj``
(RSS leads of 2025-2026) holds 4 passages on 3 sites: its wave reads one RSS archive of three
national papers (vnexpress.net, tuoitre.vn and thanhnien.vn), so no batch of it can reach five
sites. ``2026-12-07zzk`` (full bodies of articles of 2026) holds 6 passages on 2 sites: its wave
reads the full bodies of a few national papers' articles from one archive (GitHub
``muahong/TongHopTin``), and of its random sample of 40 addresses 20 were archived and only 1 held a
scored statement (the other 5 passages come from 7 bodies chosen by hand, all on the same two
sites). ``2026-12-07zzm`` (full bodies of articles of 2026) holds 2 passages on 2 sites: its wave
reads the full bodies of a few national papers' articles from one archive (GitHub
``muahong/TongHopTin``), a random sample of 40 addresses of which about half were not archived.
``2026-12-07zzn`` (full bodies of articles of 2026) holds 2 passages on 2 sites: its wave reads the
full bodies of a few national papers' articles from one archive (GitHub ``muahong/TongHopTin``), and
of its random sample of 40 addresses 20 were archived and only 2 held a scored statement.
``2026-12-07zzo`` (full bodies of articles of 2026) holds 6 passages on 3 sites: its wave reads the
full bodies of a few national papers' articles from one archive (GitHub ``muahong/TongHopTin``), and
of its random sample of 40 addresses 23 were archived and 6 held a scored statement, four of them on
vnexpress.net. ``2026-12-07zzp`` (full bodies of articles of 2026) holds 2 passages on 1 site: its
wave reads the full bodies of a few national papers' articles from one archive (GitHub
``muahong/TongHopTin``), and of its random sample of 40 addresses 15 were archived and only 2, both
on baochinhphu.vn, held a scored statement. ``2026-12-07zzq`` (full bodies of articles of 2026)
holds 5 passages on 3 sites: its wave reads the full bodies of a few national papers' articles from
one archive (GitHub ``muahong/TongHopTin``), and of its random sample of 40 addresses 25 were
archived, 8 held a scored statement and 3 of those repeated a report already in the set or in a
parallel batch (a fourth, ``vx-4684``, was added at the second reading with its revenue pair, the
repeated profit cut out). ``2026-12-07zzr`` (full bodies of articles of 2026) holds 2 passages on 2
sites: its wave reads the full bodies of a few national papers' articles from one archive (GitHub
``muahong/TongHopTin``), and of its random sample of 40 addresses 21 were archived and 2 held a
scored statement. ``2026-12-07zzs`` (full bodies of articles of 2026) holds 4 passages on 3 sites:
its wave reads the full bodies of a few national papers' articles (vnexpress.net, tuoitre.vn,
thanhnien.vn, baochinhphu.vn, cafef.vn, 24hmoney.vn) from one archive (GitHub muahong/TongHopTin),
and of its random sample of 40 addresses 15 were not archived and only four bodies held a scored
statement. ``2026-12-07zzt`` (full bodies of articles of 2026) holds 1 passage on 1 site: its wave
reads the full bodies of a few national papers' articles (vnexpress.net, tuoitre.vn, thanhnien.vn,
baochinhphu.vn, cafef.vn, 24hmoney.vn) from one archive (GitHub muahong/TongHopTin), and of its
random sample of 40 addresses 19 were not archived and only one body held a scored statement.
``2026-12-07zzu`` (full bodies of articles of 2026) holds 6 passages on 3 sites: its wave reads the
full bodies of a few national papers' articles from one archive (GitHub ``muahong/TongHopTin``), and
of its random sample of 40 addresses 26 were archived and 9 held a scored statement, 2 of them only
repeating pairs of parallel batches. ``2026-12-07zzv`` (full bodies of articles of 2026) holds 3
passages on 3 sites: its wave reads the full bodies of a few national papers' articles from one
archive (GitHub muahong/TongHopTin), and of its random sample of 40 addresses 16 were not archived
and only five bodies held a scored statement, two of them pairs another batch of the wave already
holds. ``2026-12-07zzw`` (full bodies of articles of 2026) holds 6 passages on 4 sites: its wave
reads the full bodies of a few national papers' articles from one archive (GitHub
muahong/TongHopTin), and of its random sample of 40 addresses 15 were not archived and six bodies
held a new scored statement. ``2026-12-07zzy`` (full bodies of articles of 2026) holds 5 passages on
4 sites: its wave reads the full bodies of a few national papers' articles from one archive (GitHub
muahong/TongHopTin), and of its random sample of 40 addresses 22 were not archived and five bodies
held a new scored statement. ``2026-12-07zzz`` (full bodies of articles of 2026) holds 4 passages on
1 site: its wave reads the full bodies of a few national papers' articles from one archive (GitHub
muahong/TongHopTin), and of the first 26 addresses of its random sample of 40 (the look-ups ran out
there) 13 were not archived and only four bodies, all of cafef.vn, held a scored statement.
``2026-12-07zzza`` (full bodies of articles of 2026) holds 2 passages on 2 sites: its wave reads the
full bodies of a few national papers' articles from one archive (GitHub muahong/TongHopTin), and of
its random sample of 40 addresses 14 were not archived and only five bodies held a scored statement,
three of them pairs the set already holds. ``2026-12-07zzzc`` (full bodies of articles of 2026)
holds 1 passage on 1 site: its wave reads the full bodies of a few national papers' articles from
one archive (GitHub muahong/TongHopTin), and of its random sample of 31 addresses 15 were not
archived and only two bodies held a scored statement, one of them a pair another batch of the wave
already holds. ``2026-12-07zzzd`` (full bodies of articles of 2026) holds 3 passages on 3 sites: its
wave reads the full bodies of a few national papers' articles from one archive (GitHub
muahong/TongHopTin), and of its random sample of 38 addresses 17 were not archived and only three
bodies held a scored statement, one of them beside pairs the set already holds. ``2026-12-07zzze``
(full bodies of articles of 2026) holds 1 passage on 1 site: its wave reads the full bodies of a few
national papers' articles from one archive (GitHub muahong/TongHopTin), and of its random sample of
38 addresses 12 were not archived and only two bodies held a scored statement, one of them a page
the set already holds. ``2026-12-07zzzi`` (full bodies of articles of 2026) holds 2 passages on 1
site: its wave reads the full bodies of a few national papers' articles from one archive (GitHub
muahong/TongHopTin), and of its random sample of 40 addresses whose title or lead held only a topic
word 13 were not archived and only three bodies held a scored statement, one of them a page the set
already holds. ``2026-12-07zzzj`` (full bodies of articles of 2026) holds 1 passage on 1 site: its
wave reads the full bodies of a few national papers' articles from one archive (GitHub
muahong/TongHopTin), and of its random sample of 40 addresses whose title or lead held only a topic
word 17 were not archived and only one body held a scored statement. ``2026-12-07zzzk`` (full bodies
of articles of 2026) holds 2 passages on 2 sites: its wave reads the full bodies of a few national
papers' articles from one archive (GitHub muahong/TongHopTin), and of its random sample of 40
addresses whose title or lead held only a topic word 18 were not archived and only three bodies held
a scored statement, one of them the same report as a kept one in another paper's words.
``2026-12-07zzzl`` (full bodies of articles of 2026) holds 3 passages on 2 sites: its wave reads the
full bodies of a few national papers' articles from one archive (GitHub muahong/TongHopTin), and of
its random sample of 40 addresses whose title or lead held only a topic word 7 were not archived and
only four bodies held a scored statement, one of them a pair the set already holds and another kept
without its paragraph that repeats one. ``2026-12-07zzzm`` (full bodies of articles of 2026) holds 2
passages on 2 sites: its wave reads the full bodies of a few national papers' articles from one
archive (GitHub muahong/TongHopTin), and of its random sample of 40 addresses whose title or lead
held only a topic word 19 were not archived and only three bodies held a scored statement, one of
them a pair the set already holds. ``2026-12-07zzzn`` (full bodies of articles of 2026) holds 1
passage on 1 site: its wave reads the full bodies of a few national papers' articles from one
archive (GitHub muahong/TongHopTin), and of its random sample of 40 addresses whose title or lead
held only a topic word 21 were not archived and only one body held a scored statement.
``2026-12-07zzzo`` (full bodies of articles of 2026) holds 1 passage on 1 site: its wave reads the
full bodies of a few national papers' articles from one archive (GitHub muahong/TongHopTin), and of
its random sample of 40 addresses (28 whose title or lead held a topic word, 12 whose title or lead
held none) 17 were not archived, one was a page the set already holds, and only one body held a
scored statement. ``2026-12-07zzzp`` (legal and land pages of 2025) holds 4 passages on 2 sites: its
wave reads a fourth source, page texts of two sites crawled into a public repository (GitHub
tnt305/tai_lieu_noi_bo: thuvienphapluat.vn and thuviennhadat.vn in its tier-A sample), and of its 20
items only five held a scored statement, one of them only pairs the set already holds.
``2026-12-07zzzq`` (legal and land pages of 2025) holds 3 passages on 2 sites: its wave reads the
same source, and of its 22 items only five held a scored statement as first read, one of them the
same document as a kept one and one dropped by the second reading (a nine months' growth rate beside
a scenario for another period). ``2026-12-07zzzs`` (same-day reports of July 2026) holds 3 passages
on 2 sites: its wave reads the third source's one-day digest (GitHub muahong/TongHopTin,
``docs/index.html`` of 2026-07-16) outside the three sites already dealt, and of the 40 items of its
first sample only three held a scored statement the set does not already hold (items 1 to 20, batch
``2026-12-07zzzr``, gave none). ``2026-12-07zzzt`` (company and budget reports of June to August
2026) holds 6 passages on 2 sites: its candidate addresses come from a finance-news bot's mail log
(GitHub quangnvibc58-oss/daily-news-vn-stock), which the archive holds bodies for only on
baochinhphu.vn and cafef.vn, and of the 43 items of its two samples only six held a scored
statement the set does not already hold. ``2026-12-07zzzu`` and ``2026-12-07zzzv`` (the rest of the
same list: budget, public investment and company reports of June to August 2026) hold 10 passages
on 1 site and 5 passages on 1 site: each sample holds one site only (``zzzu`` the list's
baochinhphu.vn addresses, ``zzzv`` its cafef.vn ones), and of their 177 and 194 items only ten and
five held a scored statement the set does not already hold. ``2026-12-08a`` (session 38: public
investment and city reports of June and July 2026) holds 6 passages on 1 site: its candidate
addresses come from the related-article boxes of baochinhphu.vn bodies in the same archive, so its
sample holds one site only, and of its 14 items only six held a scored statement the set does not
already hold."""
STATEMENT_KEYS = {
    "id", "type", "metric", "unit", "unit_code", "year", "term", "as_of", "actual",
    "actual_qualifier", "target", "target_kind", "target_qualifier", "percent", "percent_text",
    "percent_kind", "note", "evidence", "links",
}  # fmt: skip


def _date(s: str) -> dt.date:
    parts = [int(x) for x in s.split("-")]
    return dt.date(*(parts + [1] * (3 - len(parts))))


# --------------------------------------------------------------------------- size and sources


def test_size_and_sources() -> None:
    assert len(ALL) >= 60
    assert len({p["url"] for p in ALL}) >= 20  # articles
    assert len({p["id"] for p in ALL}) == len(ALL)


def test_published_from_2025_with_evidence() -> None:
    for p in ALL:
        assert _date(p["published"]) >= dt.date(2025, 1, 1), p["id"]
        assert p["date_evidence"], p["id"]
        assert p["url"].startswith(("http://", "https://")) and p["title"], p["id"]
        assert p["site"] == ev.site_of(p["url"]), p["id"]


# --------------------------------------------------------------------------- schema


def test_older_reports_are_older_and_new_to_the_set() -> None:
    urls = {p["url"] for p in ALL}
    for p in OLDER:
        assert dt.date(2010, 1, 1) <= _date(p["published"]) < dt.date(2025, 1, 1), p["id"]
        assert p["date_evidence"] and p["url"] not in urls and p.get("added"), p["id"]
        assert p["site"] == ev.site_of(p["url"]), p["id"]
    assert len({p["id"] for p in ALL + OLDER}) == len(ALL) + len(OLDER)


def test_no_article_is_used_by_two_batches_and_no_text_twice() -> None:
    # several passages of one article are added together (one batch), never again later: a
    # passage of an article tuned on is not unseen text (``btno-05`` repeated ``btno-03``)
    batch_of: dict[str, str | None] = {}
    texts: dict[str, str] = {}
    for p in ALL + OLDER:
        first = batch_of.setdefault(p["url"], p.get("added"))
        assert first == p.get("added"), f"{p['id']}: {p['url']} is already in batch {first}"
        same = texts.setdefault(p["text"], p["id"])
        assert same == p["id"], f"{p['id']} repeats {same}"


@pytest.mark.parametrize("p", ALL + OLDER, ids=[p["id"] for p in ALL + OLDER])
def test_passage_schema_and_spans(p: dict[str, Any]) -> None:
    assert PASSAGE_KEYS <= set(p) <= PASSAGE_KEYS | OPTIONAL_PASSAGE_KEYS
    assert "added" not in p or p["added"] in BATCHES, p["added"]
    text = p["text"]
    assert text == text.strip() and text
    for s in p["statements"]:
        assert set(s) == STATEMENT_KEYS, s["id"]
        assert s["id"].startswith(p["id"] + "/")
        assert s["type"] in ev.STATEMENT_TYPES
        assert s["metric"] in METRICS or s["metric"].startswith("free:"), s["metric"]
        # a unit of number words comes last, where the scorer reads its scale (``unit_scale``)
        assert not re.search(r"\((nghìn|ngàn|triệu|tỷ|tỉ) [^)]*\)[^()]+$", s["metric"]), s["id"]
        assert s["unit_code"] is None or s["unit_code"] in UNITS, s["unit_code"]
        assert s["percent_kind"] is None or s["percent_kind"] in ev.PERCENT_KINDS
        assert s["target_kind"] is None or s["target_kind"] in ev.TARGET_KINDS
        assert (s["target"] is None) == (s["target_kind"] is None), s["id"]
        assert (s["percent"] is None) or s["percent_text"], s["id"]
        assert s["evidence"], s["id"]
        for e in [*s["evidence"], *s["links"]]:
            a, b = e["span"]
            assert text[a:b] == e["text"], (s["id"], e)
        if s["type"] == ev.SCORED_TYPE:
            assert s["actual"] is not None, s["id"]
            assert s["target"] is not None or s["percent_kind"] in ("attainment", "excess"), s["id"]
        if s["target_kind"] == "derived":
            implied = (
                s["actual"] / (s["percent"] + (100 if s["percent_kind"] == "excess" else 0)) * 100
            )
            assert abs(implied - s["target"]) <= 0.01 * s["target"] + 0.5, s["id"]
    ids = {s["id"] for s in p["statements"]}
    for a in p["audit"]:
        assert a["kind"] in ev.AUDIT_KINDS
        assert set(a["statements"]) <= ids and a["note"]
        x, y = a["evidence"]["span"]
        assert text[x:y] == a["evidence"]["text"]
    for t in p["traps"]:
        x, y = t["span"]
        assert text[x:y] == t["text"] and t["why"]


def test_the_set_has_what_the_issue_lists() -> None:
    types = {s["type"] for p in ALL for s in p["statements"]}
    kinds = {a["kind"] for p in ALL for a in p["audit"]}
    assert {"result_vs_target", "target", "coverage", "share", "count"} <= types
    assert {"rounding", "parts_exceed_whole"} <= kinds
    assert any(s["target_kind"] == "derived" for p in ALL for s in p["statements"])
    assert any(
        s["term"] == "2020-2025" and s["type"] == ev.SCORED_TYPE
        for p in ALL
        for s in p["statements"]
    )


def test_later_batches_are_rich_in_scored_statements() -> None:
    # each passage of a later batch was chosen for its target-versus-result statements
    for batch in BATCHES:
        added = [p for p in ALL + OLDER if p.get("added") == batch]
        least_sites = LEAST_SITES.get(batch, 5 if batch >= "2026-12-05" else 10)
        assert (
            len(added) >= MIN_BATCH_SIZE[batch] and len({p["site"] for p in added}) >= least_sites
        )
        for p in added:
            assert any(s["type"] == ev.SCORED_TYPE for s in p["statements"]), p["id"]


def test_batches_are_scored_on_their_own() -> None:
    passages = [{"id": "a"}, {"id": "b", "added": "2026-12-03c"}]
    assert ev.batches(passages) == ["2026-12-03c"]
    assert ev.batches(passages[:1]) == []
    # a batch tuned on after its scoring (``TUNED_AFTER_SCORING``) is no longer "never seen";
    # the newest batch not yet tuned on (or the next one to come) still is
    for batch in ev.TUNED_AFTER_SCORING:
        assert ev.batch_label("heldout", batch) == (
            f"heldout, added {batch} (scored unseen once, then tuned on)"
        )
    untuned = sorted(b for b in ev.batches(ALL) if b not in ev.TUNED_AFTER_SCORING)
    newest = untuned[-1] if untuned else "2099-01-01a"  # the next batch to come
    assert ev.batch_label("heldout", newest) == f"heldout, added {newest} (never seen by tuning)"
    assert ev.batch_label("dev", newest) == f"dev, added {newest} (annotated before tuning on them)"


# --------------------------------------------------------------------------- the split


def test_split_follows_its_rule_and_parts_share_no_site() -> None:
    held = ev.heldout_sites([p["site"] for p in ALL])
    assert {p["site"] for p in PARTS["heldout"]} == held
    assert not held & {p["site"] for p in PARTS["dev"]}
    share = len(PARTS["heldout"]) / len(ALL)
    # the rule places sites by name, not by size: with the fourth batch (whose held-out
    # passages come from sites already held out) the share was 50 of 156, with the fifth
    # 68 of 198, with the sixth 78 of 227, with the seventh 87 of 257; batches up to
    # 2026-12-04l kept it at most 35 %, and from 2026-12-05 it may reach 40 % (the README's
    # "The split": the stored corpus is nearly exhausted, and the cap would stop a new measure)
    assert 0.2 <= share <= 0.40


def test_split_rule_is_fixed_and_stable() -> None:
    assert ev.greedy_split(["a.vn"] * 7 + ["b.vn"] * 3) == {"b.vn"}
    assert ev.greedy_split(["x.vn"] * 10) == set()  # a site bigger than the budget stays in dev
    assert not ev.FIRST_SPLIT["dev"] & ev.FIRST_SPLIT["heldout"]
    for part, sites in ev.FIRST_SPLIT.items():
        assert all(ev.part_of_site(s) == part for s in sites)
    # a new site's part depends on its name only, so adding passages moves no site
    assert ev.part_of_site("ductho.hatinh.gov.vn") == "heldout"
    assert ev.part_of_site("baothanhhoa.vn") == "dev"
    assert ev.heldout_sites(["huengaynay.vn", "baophutho.vn"]) == {"huengaynay.vn"}


# --------------------------------------------------------------------------- the matcher


GOLD = {
    "id": "t-01",
    "text": "Năm 2025 kết nạp 103/105 đảng viên, đạt 98,09%; xã B kết nạp 48, đạt 120%.",
    "statements": [
        {"id": "t-01/s1", "type": "result_vs_target", "actual": 103, "target": 105,
         "target_kind": "term", "percent": 98.09},
        {"id": "t-01/s2", "type": "result_vs_target", "actual": 48, "target": 40,
         "target_kind": "derived", "percent": 120},
        {"id": "t-01/s3", "type": "coverage", "actual": 16, "target": 19, "target_kind": "whole",
         "percent": None},
    ],
    "audit": [
        {
            "kind": "rounding",
            "evidence": {"text": "103/105 đảng viên, đạt 98,09%", "span": [17, 46]},
        }
    ],
}  # fmt: skip


def _found(actual: Any, target: Any, pct: Any, kind: str | None = "attainment") -> dict[str, Any]:
    return {"actual": actual, "target": target, "stated_percent": pct, "stated_kind": kind,
            "text": "", "stated": None}  # fmt: skip


def _score(found: list[dict[str, Any]]) -> Any:
    st = ev.StatementScore()
    ev.match_statements(GOLD, found, st)
    return st


def test_matcher_right_reading_scores_one() -> None:
    st = _score([_found(103, 105, 98.09), _found(48, None, 120)])
    assert (st.gold, st.found, st.matched) == (2, 2, 2)
    assert st.recall == st.precision == 1.0


def test_matcher_fails_on_wrong_figures() -> None:
    # target and actual swapped, a percent read as the other kind's number, a pair of two units
    st = _score([_found(105, 103, 98.09), _found(48, 105, 120), _found(103, 105, None, None)])
    assert st.matched == 0 and st.found == 3 and st.recall == 0.0 and st.precision == 0.0
    assert len(st.misses) == 2 and len(st.wrong) == 3


def test_matcher_names_claims_right_but_unlinked() -> None:
    # 103 at 98,09 % with no target: it implies 105,01, the written 105 within 1 %; still a
    # miss and a wrong claim in the strict score, and counted apart as right but unlinked
    implied = {"implied_target": 105.01}
    st = _score([{**_found(103, None, 98.09), **implied}, _found(48, None, 120)])
    assert (st.matched, len(st.wrong), len(st.misses), st.unlinked) == (1, 1, 1, 1)
    assert st.unlinked_line().endswith("counted right: recall 1.00  precision 1.00")
    # another percent, an implied target off by more than 1 %, or a target read: not counted
    for f in (
        {**_found(103, None, 98.0), **implied},
        {**_found(103, None, 98.09), "implied_target": 107},
        {**_found(103, 110, 98.09), **implied},
    ):
        assert _score([f]).unlinked == 0
    # one claim for one missed statement
    st = _score([{**_found(103, None, 98.09), **implied}] * 2)
    assert st.unlinked == 1


def test_matcher_derived_target_tolerance() -> None:
    assert _score([_found(48, 40.3, 120)]).matched == 1  # within 1 %
    assert _score([_found(48, 44, 120)]).matched == 0


def test_matcher_money_in_the_unit_written_or_in_dong() -> None:
    gold = {
        "type": "result_vs_target",
        "metric": "free:thu ngân sách (tỷ đồng)",
        "actual": 133.25,
        "target": 123.38,
        "target_kind": "derived",
        "percent": 108,
    }
    assert ev.statement_matches(gold, _found(133.25, None, 108))
    assert ev.statement_matches(gold, _found(133_250_000_000, None, 108))
    assert not ev.statement_matches(gold, _found(133_250_000, None, 108))


def test_matcher_scale_words_of_the_unit() -> None:
    # figures annotated in the unit written (triệu lượt, nghìn tỷ đồng) also match in units
    visitors = {"type": "result_vs_target", "metric": "free:khách quốc tế (triệu lượt)",
                "actual": 1.635, "target": 8.5, "target_kind": "annual",
                "percent": 19.2}  # fmt: skip
    assert ev.statement_matches(visitors, _found(1_635_000, 8_500_000, 19.2))
    assert ev.statement_matches(visitors, _found(1.635, 8.5, 19.2))
    assert not ev.statement_matches(visitors, _found(1_635, 8_500, 19.2))
    revenue = {**visitors, "metric": "free:tổng doanh thu (nghìn tỷ đồng)", "actual": 702,
               "target": 816.3, "target_kind": "derived", "percent": 86}  # fmt: skip
    assert ev.statement_matches(revenue, _found(702 * 10**12, None, 86))
    assert ev.unit_scale("free:diện tích (ha)") is None


def test_matcher_neutral_and_ignored() -> None:
    st = _score([_found(16, 19, None, None), _found(97, None, 97, "share")])
    assert (st.found, st.neutral, st.matched) == (0, 1, 0)
    assert st.precision != st.precision  # nan: nothing claimed


def test_audit_matcher() -> None:
    au = ev.AuditScore()
    flagged = [
        {"verdict": "truncated", "start": 17, "end": 46, "check": "attainment", "note": ""},
        {"verdict": "inconsistent", "start": 50, "end": 70, "check": "attainment", "note": ""},
        {"verdict": "consistent", "start": 0, "end": 10, "check": "attainment", "note": ""},
    ]
    ev.match_findings(GOLD, flagged, au)
    assert (au.gold, au.matched, au.found, len(au.false_alarms)) == (1, 1, 2, 1)
    none = ev.AuditScore()
    ev.match_findings(GOLD, [], none)
    assert none.recall == 0.0 and none.misses


def test_precision_by_kind_of_claim() -> None:
    checked = {**_found(103, 105, 98.09), "stated": "98,09%", "consistent": True, "link_start": 12}
    wrong = {**_found(48, 45, None), "link_start": None}
    st = _score([checked, _found(48, None, 120), wrong])
    assert st.by_class == {
        "checked (percent agrees with its figures)": [1, 1],
        "linked from another sentence": [1, 1],
        "percent only (target implied)": [1, 1],
        "in its sentence": [2, 1],
        "target, nothing stated": [1, 0],
    }
    lines = ev.class_lines(st)
    assert (
        lines[0] == "    checked (percent agrees with its figures): 1 right of 1 (precision 1.00)"
    )
    assert "    in its sentence: 1 right of 2 (precision 0.50)" in lines
    # the classes split the claims found: each claim is counted once in each dimension
    assert sum(st.by_class[c][0] for c in ev.CLAIM_CLASSES if c in st.by_class) == st.found
