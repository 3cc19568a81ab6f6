#!/usr/bin/env python3
"""Chinese-name coverage of the China-linked list entries: targets, checks, derived names.

    python3 watchlists/tools/zh_names.py coverage [--csl PATH]   # the coverage table (README)
    python3 watchlists/tools/zh_names.py missing  [--csl PATH]   # target entries still without a zh name
    python3 watchlists/tools/zh_names.py targets  [--csl PATH]   # every target entry, classified (TSV)
    python3 watchlists/tools/zh_names.py check    [--csl PATH]   # validate zh-names.csv + abbreviations.csv
    python3 watchlists/tools/zh_names.py derive   [--csl PATH]   # numbered-institute names by rule (CSV rows)
    python3 watchlists/tools/zh_names.py aspi --misp FILE [--csl PATH]  # ASPI tracker names for targets (CSV rows)
    python3 watchlists/tools/zh_names.py shared                  # Chinese names given to several listed names

Targets: every Entity List, MEU and DoD 1260H entry with a China / Hong Kong / Macau address
(`, CN` / `, HK` / `, MO` in the CSL `addresses` column), plus the China-related DoD 1286 entries
(the 1286 rows carry no address; the Russian and Iranian ones are recognised by name).
Each target is classified as
  - `translated`: an organisation whose English name is a translation, not pinyin — universities,
    PLA academies, research institutes, academies, laboratories, centres, bureaus, talent plans,
    and the state groups (CETC, CASC, CASIC, AVIC, AECC, CSSC, NORINCO, CAEP, CAS, China …) and
    their numbered or named subsidiaries;
  - `well-known`: a large company a notice names in Chinese (every 1260H entry, and on the EL
    Huawei and its units, SMIC, Inspur, Sugon, Hikvision, Dahua, iFlytek, SenseTime, …);
  - `other`: the rest (mostly pinyin-named companies and Hong Kong trading fronts, whose
    Chinese name cannot be recovered from the English one with any certainty).
`translated` wins when both apply. The goal is no `translated` or `well-known` entry without a
row in zh-names.csv (`missing` lists them; exit status 1 when any is missing).

`check` needs no list data: it validates both CSV files on their own (header, confidence values,
Han characters, sources, duplicates, the `derived` rule named); with --csl it also requires each
`listed_name` to be a `name` of the list data exactly.

Python standard library only.
"""

import argparse
import collections
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WATCHLISTS = os.path.dirname(HERE)
ZH_PATH = os.path.join(WATCHLISTS, "zh-names.csv")
ABBR_PATH = os.path.join(WATCHLISTS, "abbreviations.csv")

ZH_HEADER = ["listed_name", "zh_name", "source", "confidence"]
ABBR_HEADER = ["abbreviation", "listed_name", "lang", "source", "confidence", "caution"]
CONFIDENCE = ("official", "press", "derived", "compiled")

EL = "Entity List (EL) - Bureau of Industry and Security"
MEU = "Military End User (MEU) List - Bureau of Industry and Security"
H1260 = "DoD Section 1260H List - Department of Defense"
S1286 = "DoD Section 1286 List - Department of Defense"
SHORT = {EL: "EL", MEU: "MEU", H1260: "1260H", S1286: "1286"}

CHINA_ADDRESS = re.compile(r"(?:^|, |; )(?:CN|HK|MO)(?:;|$)")

# 1286 rows have no address: these name parts mark the non-Chinese ones (Russia, Iran).
NOT_CHINA_1286 = re.compile(
    r"Russia|Moscow|Federal |Bauman|Astrakhan|Lomonosov|Skolkovo|Ural |Siberian|Rzhanov|"
    r"Tactical Missile|Keldysh|Amirkabir|Sharif|Imam Hussein|Mabna|Project 5-100|Lebedev")

# Institutional words: an English name built from them is a translation of a Chinese name.
INSTITUTIONAL = re.compile(
    r"\b(?:Universit(?:y|ies)|Institutes?|Institution|Academy|College|Laborator(?:y|ies)|Lab|"
    r"School|Bureau|Administration|Ministry|Research|Establishment|Design Department|"
    r"Test Center|Cent(?:er|re)|Talents?|Scholar|Professorship|Factory|Police|Corps)\b")
# State groups and their subsidiaries (names start with the group, in words or acronym).
STATE_GROUP = re.compile(
    r"^(?:China|Chinese)\b|\b(?:CETC|CASC|CASIC|CAST|AVIC|AECC|CSSC|CSIC|NORINCO|CAEP|CNNC|CGN)\b|"
    r"\bState-owned\b|\(a subordinate institute of")
# Names with an institutional word that are nevertheless not translations (brand or pinyin
# names of companies); checked by hand against the list rows.
NOT_TRANSLATED = {
    "Centre Bright Electronics Company Limited",
    "Giant Base Asia Limited",
    "The Test Flying Academy of South Africa",
    "China Shengshi International Trade Ltd.",
    "China Xinshidai Company",
    "China Volant Industry",
    "China Jiuyuan Trading Corporation",
    "China Tech Hi Industry Import and Export Corporation",
    "China Taly Aviation Technologies Corporation",
    "China HEAD Aerospace Technology Co.",
}
# State-group subsidiaries whose English name is a translation but carries none of the words
# above (AVIC/AECC/CASC/SINOMACH aviation and aerospace units on the MEU and EL lists, a Hong
# Kong government service); checked by hand against the list rows.
STATE_SUBSIDIARY = {
    "Shenyang Aircraft Corporation",
    "Xian Aircraft Industrial Company Limited",
    "Shaanxi Aircaft Industry Co Ltd.",
    "Hafei Aviation Industry Co., Ltd. (HAFEI)",
    "Harbin General Aircraft Industry Co., Ltd.",
    "Shanghai Aircraft Manufacturing Co. Ltd. (SAMC)",
    "Guizhou Aviation Tech. Dev. Nat.",
    "Xian Aero-Engine Controls Co., Ltd.",
    "Hunan South General Aviation Engine Co., Ltd.",
    "Shaanxi Aero Electric Co., Ltd.",
    "Jincheng Group Imp & Exp. Co. Ltd.",
    "Yibin Sanjiang Machine Co., Ltd.",
    "Shanghai Aerospace Equip. Man.",
    "Henan Aerospace Precision Mach",
    "Government Flying Service",
    "Sumec Instruments Equipment Co. Ltd.",
    "Xac Group Aviation Electronics Import & Export Co. Ltd.",
    "Jiangxi Hongdu Aviation Industry Group Co., Ltd.",
    "Aviation International Corporation of China International Simulation Technology Service Co., Ltd.",
    "Xi'an Aerospace Automation Co., Ltd.",
    "Chongqing Chuandong Shipbuilding Industry Co Ltd.",
    "National Inspection and Testing Holding Group Nanjing National Materials Testing Co., Ltd.",
    "Ningbo Semiconductor International Corporation (NSI)",
}
# Large companies named in Chinese in notices (EL/MEU); every 1260H entry counts as well-known.
WELL_KNOWN = re.compile(
    r"Huawei|HiSilicon|Hisilicon|Semiconductor Manufacturing International|\bSMIC\b|Inspur|"
    r"\bSugon\b|Dawning|Hikvision|\bDahua\b|IFLYTEK|iFlytek|Sensetime|SenseTime|Megvii|\bDJI\b|"
    r"Yangtze Memory|Cambricon|Phytium|Loongson|Higon|Haiguang|Yitu|CloudWalk|Zhipu|Biren|"
    r"Moore Thread|Sophgo|Nuctech|Tianjin Phytium|\bBGI\b|Beijing Liuhe BGI|Hygon|"
    r"China Mobile|China Unicom|China Telecom|CNOOC|\bCOSCO\b|Zhongxing|\bZTE\b|Xiaomi|"
    r"Intellifusion|Kingsoft|Unisoc|Tsinghua Unigroup|New H3C|SMEE|Shanghai Micro Electronics|"
    r"Naura|Sevenstar|Hytera|FiberHome|Fujian Jinhua|4Paradigm|Hikmicro|Hengtong|"
    r"Fudan Microelectronics|GEOVIS|Zhongke Xingtu|NucTech|Qihoo|NetPosa|Uniview|Meiya Pico|"
    r"SenseNets|Cloudminds|Cloudmind|Jingjia|Daqo|\bGCL\b|East Hope|Hoshine")


def default_csl_path():
    rel = os.path.join("shared", "data", "lists", "consolidated_el_meu_1260h_1286.csv")
    repo = os.path.dirname(WATCHLISTS)
    for base in (os.path.dirname(repo), os.path.dirname(os.path.dirname(repo)), "/work"):
        path = os.path.join(base, rel)
        if os.path.exists(path):
            return path
    return os.path.join("..", rel)


def load_csl(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def split_aliases(alt_names):
    """CSL alt_names: 'A; B; and C' -> [A, B, C]."""
    out = []
    for part in alt_names.split("; "):
        part = re.sub(r"^and ", "", part.strip()).strip()
        if part and part != "and" and part not in out:
            out.append(part)
    return out


def is_target(row):
    src = row["source"]
    if src in (EL, MEU, H1260):
        return bool(CHINA_ADDRESS.search(row["addresses"]))
    if src == S1286:
        return not NOT_CHINA_1286.search(row["name"])
    return False


# An alias naming a numbered institute, factory or academy of a state group marks the entry as
# part of the numbered system even under a company name (Guangzhou Haige = State-owned 750
# Factory; Space Star Technology = Institute 503 of the Fifth Aerospace Academy).
NUMBERED_ALIAS = re.compile(
    r"State-owned \d+ Factory|\b\d+ Factory\b|\bInstitute \d+|\bCETC \d+|\(NORINCO\) \d+|"
    r"Aerospace Academy")


def classify(row):
    """'translated', 'well-known' or 'other' (see the module doc)."""
    name = row["name"].strip()
    # "… Research Institute Co., Ltd." counts as translated even with a pinyin city or brand:
    # the institutional part is still a translation a notice writes in characters.
    if name in STATE_SUBSIDIARY or name not in NOT_TRANSLATED and (
            INSTITUTIONAL.search(name) or STATE_GROUP.search(name)
            or NUMBERED_ALIAS.search(row.get("alt_names", ""))):
        return "translated"
    if row["source"] == H1260 or WELL_KNOWN.search(name):
        return "well-known"
    return "other"


def targets(rows):
    """[(list, class, name)] for every target row (a name on two lists appears twice)."""
    out = []
    for r in rows:
        if is_target(r):
            out.append((SHORT[r["source"]], classify(r), r["name"].strip()))
    return out


def read_csv(path, header):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != header:
            sys.exit(f"{path}: header {reader.fieldnames}, expected {header}")
        return list(reader)


def cmd_targets(args):
    rows = load_csl(args.csl)
    covered = {z["listed_name"] for z in read_csv(ZH_PATH, ZH_HEADER)}
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["list", "class", "has_zh", "name"])
    for lst, cls, name in targets(rows):
        w.writerow([lst, cls, "yes" if name in covered else "no", name])


def coverage(rows, zh_rows):
    covered = {z["listed_name"] for z in zh_rows}
    table = collections.OrderedDict((k, collections.Counter()) for k in ("EL", "MEU", "1260H", "1286"))
    missing = []
    for lst, cls, name in targets(rows):
        c = table[lst]
        c["targets"] += 1
        c[cls] += 1
        if name in covered:
            c["with_zh"] += 1
            c[f"{cls}_zh"] += 1
        elif cls != "other":
            missing.append((lst, cls, name))
    return table, missing


def cmd_coverage(args):
    rows = load_csl(args.csl)
    zh_rows = read_csv(ZH_PATH, ZH_HEADER)
    table, missing = coverage(rows, zh_rows)
    print("| list | China-linked entries | with a zh name | translated-name | of them with zh | "
          "well-known | of them with zh | still missing (translated + well-known) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    tot = collections.Counter()
    for lst, c in table.items():
        miss = c["translated"] - c["translated_zh"] + c["well-known"] - c["well-known_zh"]
        tot.update(c)
        tot["missing"] += miss
        print(f"| {lst} | {c['targets']} | {c['with_zh']} | {c['translated']} | "
              f"{c['translated_zh']} | {c['well-known']} | {c['well-known_zh']} | {miss} |")
    print(f"| all | {tot['targets']} | {tot['with_zh']} | {tot['translated']} | "
          f"{tot['translated_zh']} | {tot['well-known']} | {tot['well-known_zh']} | {tot['missing']} |")
    conf = collections.Counter(z["confidence"] for z in zh_rows)
    names = {z["listed_name"] for z in zh_rows}
    print()
    print(f"zh-names.csv: {len(zh_rows)} rows for {len(names)} listed names; by confidence: "
          + ", ".join(f"{k} {conf[k]}" for k in CONFIDENCE))
    best = {}
    for z in zh_rows:
        r = CONFIDENCE.index(z["confidence"]) if z["confidence"] in CONFIDENCE else len(CONFIDENCE)
        best[z["listed_name"]] = min(r, best.get(z["listed_name"], r))
    tgt = {name for _, cls, name in targets(rows) if cls != "other"}
    per = collections.Counter(CONFIDENCE[best[n]] for n in tgt if n in best)
    print(f"translated-name and well-known entries by their best row: "
          + ", ".join(f"{k} {per[k]}" for k in CONFIDENCE)
          + f" (of {len(tgt)} distinct names)")
    shared = shared_names(zh_rows)
    print(f"{len(shared)} Chinese names are given to more than one listed name (the same "
          "organisation listed twice, e.g. on the EL and the 1286 list under two spellings; "
          "`shared` lists them)")
    if os.path.exists(ABBR_PATH):
        abbr = read_csv(ABBR_PATH, ABBR_HEADER)
        aconf = collections.Counter(a["confidence"] for a in abbr)
        lang = collections.Counter(a["lang"] for a in abbr)
        print(f"abbreviations.csv: {len(abbr)} rows (zh {lang['zh']}, en {lang['en']}; "
              f"{sum(1 for a in abbr if a['caution'])} with a caution); by confidence: "
              + ", ".join(f"{k} {aconf[k]}" for k in CONFIDENCE))
    return 1 if missing else 0


def shared_names(zh_rows):
    """{zh_name: sorted listed names} for Chinese names on more than one listed name."""
    by_zh = collections.defaultdict(set)
    for z in zh_rows:
        by_zh[z["zh_name"]].add(z["listed_name"])
    return {zh: sorted(names) for zh, names in sorted(by_zh.items()) if len(names) > 1}


def cmd_shared(args):
    for zh, names in shared_names(read_csv(ZH_PATH, ZH_HEADER)).items():
        print(zh + "\t" + " | ".join(names))


def cmd_missing(args):
    rows = load_csl(args.csl)
    _, missing = coverage(rows, read_csv(ZH_PATH, ZH_HEADER))
    for lst, cls, name in missing:
        print(f"{lst}\t{cls}\t{name}")
    print(f"{len(missing)} missing", file=sys.stderr)
    return 1 if missing else 0


HAN = re.compile(r"[\u3400-\u9fff]")
LIST_TEXT = "the listed entry's own name or alias in the list text"


def check(csl_path=None):
    """Problems in zh-names.csv and abbreviations.csv, as 'file:line: message' strings."""
    problems = []
    listed = None
    text_of = {}
    if csl_path:
        csl = load_csl(csl_path)
        listed = {r["name"].strip() for r in csl}
        for r in csl:
            text_of[r["name"].strip()] = text_of.get(r["name"].strip(), "") + " ; " + r["name"] + " ; " + r["alt_names"]
    zh_rows = read_csv(ZH_PATH, ZH_HEADER)
    seen = {}
    for line, z in enumerate(zh_rows, start=2):
        where = f"{ZH_PATH}:{line}"
        if not HAN.search(z["zh_name"]) or z["zh_name"] != z["zh_name"].strip():
            problems.append(f"{where}: zh_name {z['zh_name']!r} has no Han characters or stray spaces")
        if not z["source"].strip():
            problems.append(f"{where}: empty source")
        if z["confidence"] not in CONFIDENCE:
            problems.append(f"{where}: confidence {z['confidence']!r} not one of {CONFIDENCE}")
        if z["confidence"] == "derived" and "rule" not in z["source"]:
            problems.append(f"{where}: derived row must name its rule in source")
        if z["confidence"] == "compiled" and "not re-checked" not in z["source"]:
            problems.append(f"{where}: compiled row must say 'not re-checked' in source")
        key = (z["listed_name"], z["zh_name"])
        if key in seen:
            problems.append(f"{where}: duplicate of line {seen[key]}")
        seen[key] = line
        if listed is not None and z["listed_name"] not in listed:
            problems.append(f"{where}: listed_name not in the list data: {z['listed_name']!r}")
    # A Chinese name on two listed names is not an error here (the same organisation is often
    # listed twice under two spellings); `shared` lists those for review.
    if os.path.exists(ABBR_PATH):
        abbr = read_csv(ABBR_PATH, ABBR_HEADER)
        seen = {}
        for line, a in enumerate(abbr, start=2):
            where = f"{ABBR_PATH}:{line}"
            if a["lang"] not in ("zh", "en"):
                problems.append(f"{where}: lang {a['lang']!r}")
            if a["lang"] == "zh" and not HAN.search(a["abbreviation"]):
                problems.append(f"{where}: zh abbreviation without Han characters")
            if a["lang"] == "en" and HAN.search(a["abbreviation"]):
                problems.append(f"{where}: en abbreviation with Han characters")
            if a["confidence"] not in CONFIDENCE:
                problems.append(f"{where}: confidence {a['confidence']!r}")
            if not a["source"].strip():
                problems.append(f"{where}: empty source")
            if a["confidence"] == "compiled" and "not re-checked" not in a["source"]:
                problems.append(f"{where}: compiled row must say 'not re-checked' in source")
            key = (a["abbreviation"], a["listed_name"])
            if key in seen:
                problems.append(f"{where}: duplicate of line {seen[key]}")
            seen[key] = line
            if listed is not None and a["listed_name"] not in listed:
                problems.append(f"{where}: listed_name not in the list data: {a['listed_name']!r}")
            # An acronym sourced to the list text must be in that entry's name or aliases.
            if listed is not None and a["source"].startswith(LIST_TEXT) and not re.search(
                    r"(?<![A-Za-z])" + re.escape(a["abbreviation"]) + r"(?![A-Za-z])",
                    text_of.get(a["listed_name"], "")):
                problems.append(f"{where}: {a['abbreviation']!r} is not in the list text of {a['listed_name']!r}")
    return problems


def cmd_check(args):
    csl = args.csl if args.csl and os.path.exists(args.csl) else None
    problems = check(csl)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(problems)} problems" + ("" if csl else " (format only: no list data given)"),
          file=sys.stderr)
    return 1 if problems else 0


# --- Numbered institutes: the naming rules (zh_names_sources.md §2) --------------------------

DIGITS = "〇一二三四五六七八九"


def positional(n):
    """1..99 as Chinese positional numerals: 32 -> 三十二, 10 -> 十, 13 -> 十三."""
    tens, ones = divmod(n, 10)
    s = ""
    if tens:
        s = ("" if tens == 1 else DIGITS[tens]) + "十"
    if ones:
        s += DIGITS[ones]
    return s


def digitwise(n):
    """Three-digit numbers read digit by digit: 704 -> 七〇四."""
    return "".join(DIGITS[int(d)] for d in str(n))


def cn_number(n):
    return positional(n) if n < 100 else digitwise(n)


RULE_CETC = ("rule: CETC numbered institute -> 中国电子科技集团公司第<N>研究所, N in positional "
             "Chinese numerals (zh_names_sources.md §2.1-2.2; pattern sourced for CETC 32 at "
             "https://www.jiading.gov.cn/xinwen/jdtt/content_517504)")
RULE_CSSC = ("rule: CSSC numbered institute -> 中国船舶集团有限公司第<N>研究所, N read digit by "
             "digit with 〇 (zh_names_sources.md §2.2; group name since 2019-10 per "
             "zh_names_sources.md §2.3)")
RULE_CSIC = ("rule: former CSIC numbered institute -> 中国船舶重工集团公司第<N>研究所 (name before "
             "the 2019 merger), N digit by digit with 〇 (zh_names_sources.md §1a rows 8-9, §2.2)")
RULE_ACADEMY = ("rule: group academy -> <group>第<N>研究院, N positional (zh_names_sources.md §2.1; "
                "中国航天科技集团有限公司第一研究院 at http://8netcn.com/know/285403.html, 3rd-party)")
RULE_SUB = ("rule: institute inside a group academy -> <group>第<A>研究院第<N>研究所 "
            "(zh_names_sources.md §2.1 two-level pattern)")

CASC = "中国航天科技集团有限公司"
CASIC = "中国航天科工集团有限公司"


RULE_AVIC = ("rule: AVIC numbered institute -> 中国航空工业集团公司第<N>研究所, N digit by digit "
             "(the group-numbered pattern of zh_names_sources.md §2.1 applied to AVIC's 6xx codes; "
             "AVIC institutes more often use their own names, which are separate rows)")
RULE_FACTORY = ("rule: state-owned numbered factory -> 国营第<N>厂 (N digit by digit) and 国营<N>厂 "
                "(Arabic), zh_names_sources.md §2.1 'N厂 / 国营第N厂'")
RULE_NORINCO = ("rule: NORINCO numbered factory -> 中国兵器工业集团第<N>厂, N digit by digit "
                "(ASPI writes NORINCO units as 中国兵器工业集团第N研究所, zh_names_sources.md §1a row 18)")


def derive_from_aliases(name, aliases):
    """Derived names from the list's own aliases (CETC N, AVIC Institute N, State-owned N Factory)."""
    out = []
    text = " ; ".join(aliases)
    for m in re.finditer(r"\bCETC\)? (\d+)(?:st|nd|rd|th)?\b|(\d+)(?:st|nd|rd|th) Research Institute of "
                         r"China Electronics? Technology Group", text):
        n = int(m.group(1) or m.group(2))
        out.append((name, f"中国电子科技集团公司第{cn_number(n)}研究所",
                    RULE_CETC + f"; number from the list alias {m.group(0)!r}"))
    if re.search(r"AVIC|Aviation Industry Corporation of China|China Aeronautical", name + " ; " + text):
        for m in re.finditer(r"\b(6\d\d)(?:st|nd|rd|th)? (?:Research )?Institute\b|Institute (6\d\d)\b|"
                             r"China (6\d\d) Institute", name + " ; " + text):
            n = int(m.group(1) or m.group(2) or m.group(3))
            out.append((name, f"中国航空工业集团公司第{digitwise(n)}研究所",
                        RULE_AVIC + f"; number from {m.group(0)!r}"))
    for m in re.finditer(r"(?:State-owned )?\b(\d{3,4})(?:th)? Factory\b", text):
        if "NORINCO" in text:
            n = int(m.group(1))
            out.append((name, f"中国兵器工业集团第{digitwise(n)}厂", RULE_NORINCO + f"; alias {m.group(0)!r}"))
            continue
        if re.search(r"CASIC|CASC|CAST", name):
            continue  # aerospace academy factories: named after the academy, not 国营
        n = int(m.group(1))
        out.append((name, f"国营第{digitwise(n)}厂", RULE_FACTORY + f"; alias {m.group(0)!r}"))
        out.append((name, f"国营{n}厂", RULE_FACTORY + f"; alias {m.group(0)!r}"))
    return out


def derive(rows):
    """(listed_name, zh_name, source, 'derived') for the numbered institutes in the targets."""
    out = []
    for r in rows:
        if not is_target(r):
            continue
        name = r["name"].strip()
        out.extend(derive_from_aliases(name, split_aliases(r["alt_names"])))
        m = re.search(r"China Electronics? Technology Group Corporation,? (?:No\. )?(\d+)(?:st|nd|rd|th)?\b", name)
        if m and "subordinate institution" not in name and "Equipment Group" not in name:
            n = int(m.group(1))
            out.append((name, f"中国电子科技集团公司第{cn_number(n)}研究所", RULE_CETC))
            out.append((name, f"中国电子科技集团有限公司第{cn_number(n)}研究所",
                        RULE_CETC + "; group name since the 2017 corporatisation (有限公司)"))
            continue
        m = re.search(r"\(CSSC\) (\d+)(?:st|nd|rd|th) Research Institute", name)
        if m:
            n = int(m.group(1))
            out.append((name, f"中国船舶集团有限公司第{cn_number(n)}研究所", RULE_CSSC))
            if n >= 700:
                out.append((name, f"中国船舶重工集团公司第{cn_number(n)}研究所", RULE_CSIC))
            continue
        m = re.search(r"\(CASC\) (\d+)(?:st|nd|rd|th) Academy$", name)
        if m:
            out.append((name, f"{CASC}第{positional(int(m.group(1)))}研究院", RULE_ACADEMY))
            continue
        m = re.search(r"\(CASC\) (\d+)(?:st|nd|rd|th) Academy (\d+) Research Institute$", name)
        if m:
            a, n = int(m.group(1)), int(m.group(2))
            out.append((name, f"{CASC}第{positional(a)}研究院第{cn_number(n)}研究所", RULE_SUB))
            continue
        m = re.search(r"\(CASIC\) (\d+)(?:st|nd|rd|th) Academy$", name)
        if m:
            out.append((name, f"{CASIC}第{positional(int(m.group(1)))}研究院", RULE_ACADEMY))
            continue
        m = re.search(r"\(CASIC\) (\d+)(?:st|nd|rd|th) Academy, (\d+) Research Institute$", name)
        if m:
            a, n = int(m.group(1)), int(m.group(2))
            out.append((name, f"{CASIC}第{positional(a)}研究院第{cn_number(n)}研究所", RULE_SUB))
            continue
        if name == "China Aerospace Science and Industry Corporation Second Academy":
            out.append((name, f"{CASIC}第二研究院", RULE_ACADEMY))
    return out


def cmd_derive(args):
    w = csv.writer(sys.stdout, lineterminator="\n")
    seen = set()
    for listed, zh, src in derive(load_csl(args.csl)):
        if (listed, zh) not in seen:
            seen.add((listed, zh))
            w.writerow([listed, zh, src, "derived"])


# --- ASPI China Defence Universities Tracker (MISP galaxy copy) -----------------------------

def norm_en(s):
    s = re.sub(r"\([^)]*\)", " ", s.lower())
    s = s.replace("’", "'").replace("&", " and ")
    s = " ".join(re.findall(r"[a-z0-9']+", s))
    return re.sub(r"^(?:the |pla |people's liberation army )", "", s)


SUBUNIT = re.compile(r"实验室|研究所|研究中心|部队|基地")


def aspi_index(path):
    """norm English name -> (Chinese full name, [Chinese aliases], ref, ASPI English name).

    Keys are the entry's own English name and, for schools only (Chinese name ending 大学, 学院
    or 学校), its English aliases (former names, spellings). The conglomerates' aliases name
    listed subordinate units and fronts (CAEP's name a dozen listed entities), so they are not
    keys."""
    with open(path, encoding="utf-8") as f:
        values = json.load(f)["values"]
    by_en = {}
    for v in values:
        m = re.match(r"^([^()]*?)\s*\(([^()]*[\u4e00-\u9fff][^()]*)\)\s*$", v["value"])
        if not m:
            continue
        en, zh = m.group(1), m.group(2).strip()
        meta = v.get("meta", {})
        ref = (meta.get("refs") or [""])[0]
        aliases = meta.get("aliases", [])
        zh_aliases = [a.strip() for a in aliases if HAN.search(a) and a.strip() != zh]
        item = (zh, zh_aliases, ref, en)
        by_en.setdefault(norm_en(en), item)
        if re.search(r"(大学|学院|学校)$", zh):
            for a in aliases:
                if not HAN.search(a):
                    by_en.setdefault(norm_en(a), item)
    return by_en


def cmd_aspi(args):
    """Print candidate rows: a target whose primary English name equals an ASPI entry's English
    name (or a school's English alias) gets the entry's Chinese name, and its Chinese aliases
    of four or more characters (former and short institutional names); shorter Chinese aliases
    are abbreviations (`--abbr`). Review before use."""
    by_en = aspi_index(args.misp)
    w = csv.writer(sys.stdout, lineterminator="\n")
    for r in load_csl(args.csl):
        if not is_target(r):
            continue
        name = r["name"].strip()
        hit = by_en.get(norm_en(name))
        if not hit:
            continue
        zh, zh_aliases, ref, en = hit
        src = (f"ASPI China Defence Universities Tracker ({en}), {ref} "
               "(via MISP/misp-galaxy clusters/china-defence-universities.json, CC0)")
        # Aliases naming a sub-unit (laboratory, institute, centre, unit, base) belong to other
        # organisations, several of them listed in their own right.
        own = [a for a in zh_aliases if not SUBUNIT.search(a)]
        if args.abbr:
            for a in own:
                if len(a) <= 4:
                    w.writerow([a, name, "zh", src + "; alias", "press", ""])
            continue
        w.writerow([name, zh, src, "press"])
        for a in own:
            if len(a) > 4:
                w.writerow([name, a, src + "; alias", "press"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("coverage", "missing", "targets", "check", "derive", "aspi", "shared"):
        p = sub.add_parser(name)
        p.add_argument("--csl", default=default_csl_path())
        if name == "aspi":
            p.add_argument("--misp", required=True,
                           help="clusters/china-defence-universities.json of MISP/misp-galaxy")
            p.add_argument("--abbr", action="store_true",
                           help="print abbreviations.csv rows (Chinese aliases of <= 3 characters)")
    args = ap.parse_args()
    fn = {"coverage": cmd_coverage, "missing": cmd_missing, "targets": cmd_targets,
          "check": cmd_check, "derive": cmd_derive, "aspi": cmd_aspi,
          "shared": cmd_shared}[args.cmd]
    sys.exit(fn(args) or 0)


if __name__ == "__main__":
    main()
