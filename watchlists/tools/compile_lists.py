#!/usr/bin/env python3
"""Compile watchlists/entities.csv: every China-linked entry of the EL, MEU, 1260H and 1286 lists.

Successor of compile_entities.py (which picked 233 entries relevant to AI compute): this script
bundles EVERY entry, so that screening does not depend on someone having guessed which listed
organisations matter. compile_entities.py still supplies the hand-written notes of its
selection; every other fact (name, aliases, citations, date, source URL) is copied from the
list row. Not needed at run time.

    python3 watchlists/tools/compile_lists.py [--csl PATH] [--out watchlists/entities.csv]

Selection (input: the CSL-layout CSV `shared/data/lists/consolidated_el_meu_1260h_1286.csv`):
- Entity List and MEU rows with a China, Hong Kong or Macau address: an address filing coded
  `CN`/`HK`/`MO`, or address text naming China, Hong Kong or Macau (entries filed under another
  country that "see alternate address under China");
- every DoD Section 1260H row (all are "Chinese military companies");
- the China-related DoD Section 1286 rows: the list has no country column, so the rows of other
  countries are named in NOT_CHINA_1286 below (Russian and Iranian institutions, Project 5-100).

`kind` column: `export_control` (EL, MEU: a licence requirement applies) or `informational`
(1260H, 1286: no export restriction; the alert rule never lets these alone raise an alert
above `low`).

Python standard library only.
"""

import argparse
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compile_entities as ce  # noqa: E402  (notes of the earlier hand selection, helpers)

EL = ce.EL
MEU = ce.MEU
H1260 = "DoD Section 1260H List - Department of Defense"
S1286 = "DoD Section 1286 List - Department of Defense"

KIND = {EL: "export_control", MEU: "export_control", H1260: "informational", S1286: "informational"}

DOD_1286_RELEASE = "DoD FY24 Section 1286 List (version 2)"
# The 1286 list is published whole, with no per-entry listing date, so its rows carry the date of
# the data they were compiled from (`list_as_of`): the parsed list data of
# phagehunter/nsfreg@02787e87 (`data/dow_1286.json`), last changed in commit f77a4b98 on
# 2026-07-09. A fixed date in the data, so every clone reports the same `as_of`.
DOD_1286_AS_OF = "2026-07-09"

# Section 1286 rows of institutions outside China (the list mixes PRC, Russian and Iranian ones).
NOT_CHINA_1286 = re.compile(
    r"Amirkabir|Astrakhan|Bauman|Federal |Institute of Physics Named After|Russian Academy|"
    r"Imam Hussein|Keldysh|Lomonosov|Mabna|Moscow|Rzhanov|Sharif|Siberian|Skolkovo|"
    r"Tactical Missile|Ural Federal|Project 5-100")

HEADER = ce.HEADER + ["kind", "list_as_of"]


def china_address(addresses):
    filings = [f.strip() for f in addresses.split("; ")]
    coded = any(re.search(r"(^|, )(CN|HK|MO)$", f) for f in filings)
    return coded or bool(re.search(r"China|Hong Kong|Macau|Macao", addresses))


def classify(name):
    """A short note for entries outside the earlier hand selection (what kind of organisation)."""
    if re.search(r"Universit|College|School|Academy of .*Sciences|Institute of Technology", name):
        return "university or academy"
    if re.search(r"Institute|Academy|Laborator|Center|Centre", name):
        return "research institute"
    return "organisation"


def entry(row, notes):
    name = row["name"].strip()
    aliases = ce.split_aliases(row["alt_names"])
    m = ce.ACRONYM_AT_END.search(name)
    if m and m.group(1) not in aliases:
        aliases.append(m.group(1))
    src_list = row["source"]
    cites = [c.strip() for c in row["federal_register_notice"].split(";") if c.strip()]
    if src_list == EL:
        source = ce.ECFR_SUPP4
    elif src_list == MEU:
        source = ce.ECFR_SUPP7
    else:
        source = row["source_list_url"].strip()
    if cites:
        source = f"{source} ; {ce.fr_url(cites[0])}"
    reference = "; ".join(cites) if cites else (DOD_1286_RELEASE if src_list == S1286 else "")
    note = notes.get(name) or classify(name)
    remarks = row["remarks"].strip()
    if src_list in (MEU, H1260) and remarks and remarks not in note:
        note = f"{note}; {remarks}"
    country = "" if src_list == S1286 else "CN"
    return {
        "name": name,
        "aliases": "; ".join(aliases),
        "list": src_list,
        "country": country,
        "reference": reference,
        "listed_on": row["start_date"],
        "source": source,
        "notes": note,
        "kind": KIND[src_list],
        "list_as_of": DOD_1286_AS_OF if src_list == S1286 else "",
    }


def check(path):
    """Validate the committed entities.csv on its own (no list data needed); return problems."""
    problems = []
    seen = set()
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != HEADER:
            return [f"{path}: header {reader.fieldnames}, expected {HEADER}"]
        for line, e in enumerate(reader, start=2):
            where = f"{path}:{line}"
            if e["list"] not in KIND:
                problems.append(f"{where}: unknown list {e['list']!r}")
                continue
            if e["kind"] != KIND[e["list"]]:
                problems.append(f"{where}: kind {e['kind']!r} for {e['list']}")
            key = (e["list"], e["name"].lower(), e["reference"])
            if not e["name"].strip() or key in seen:
                problems.append(f"{where}: empty or duplicate entry {e['name']!r}")
            seen.add(key)
            cites = [c for c in e["reference"].split("; ") if c]
            if e["list"] == S1286:
                if e["reference"] != DOD_1286_RELEASE:
                    problems.append(f"{where}: 1286 reference {e['reference']!r}")
                if e["list_as_of"] != DOD_1286_AS_OF:
                    problems.append(f"{where}: 1286 list_as_of {e['list_as_of']!r}")
            elif not cites or not all(re.fullmatch(r"\d+ FR \d+", c) for c in cites):
                problems.append(f"{where}: reference {e['reference']!r}")
            if e["listed_on"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["listed_on"]):
                problems.append(f"{where}: listed_on {e['listed_on']!r}")
            if not e["source"].startswith("https://"):
                problems.append(f"{where}: source {e['source']!r}")
    return problems


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csl", default=ce.default_csl_path())
    ap.add_argument("--out", default=os.path.join(os.path.dirname(here), "entities.csv"))
    ap.add_argument("--check", action="store_true",
                    help="only validate the committed entities.csv (no list data needed)")
    args = ap.parse_args()
    if args.check:
        problems = check(args.out)
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problems", file=sys.stderr)
        sys.exit(1 if problems else 0)
    with open(args.csl, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    notes = dict(ce.SELECTED)
    for n in ce.MEU_SELECTED:
        notes.setdefault(n, ce.MEU_NOTE)
    chosen = []
    seen = set()
    for r in rows:
        src = r["source"]
        if src in (EL, MEU):
            keep = china_address(r["addresses"])
        elif src == H1260:
            keep = True
        elif src == S1286:
            keep = not NOT_CHINA_1286.search(r["name"])
        else:
            keep = False
        key = (src, r["name"].strip().lower(), r["federal_register_notice"].strip())
        if keep and key not in seen:
            seen.add(key)
            chosen.append(entry(r, notes))
    order = {EL: 0, MEU: 1, H1260: 2, S1286: 3}
    chosen.sort(key=lambda e: (order[e["list"]], e["name"].lower()))
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(chosen)
    counts = {}
    for e in chosen:
        counts[e["list"]] = counts.get(e["list"], 0) + 1
    print(f"{len(chosen)} entries -> {args.out}: " +
          ", ".join(f"{k.split(' - ')[0]} {v}" for k, v in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
