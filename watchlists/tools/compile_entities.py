#!/usr/bin/env python3
"""Compile watchlists/entities.csv from the official list data (CSL layout).

How the bundled entity watchlist was selected. Not needed at run time: the committed
CSV is the product; this script documents and reproduces the selection.

    python3 watchlists/tools/compile_entities.py [--csl PATH] [--out watchlists/entities.csv]

Input: the CSL-layout CSV of the BIS Entity List and MEU list
(`shared/data/lists/consolidated_el_meu_1260h_1286.csv`; the live trade.gov CSL has the same
columns). Only `Entity List (EL)` and `Military End User (MEU) List` rows filed under China
(address suffix `, CN`; Hong Kong entries are filed under China on the EL) are considered.

Selection: every row is chosen by its exact listed name (SELECTED) or by a group pattern
(GROUPS) naming a company family; each carries a note saying why it matters for AI compute.
Every fact in the output (name, aliases, citations, date) is copied from the list row;
nothing is typed in by hand except the notes. A name in SELECTED that is absent from the
data is a hard error, so a changed list cannot silently shrink the watchlist.

Python standard library only.
"""

import argparse
import csv
import os
import re
import sys

EL = "Entity List (EL) - Bureau of Industry and Security"
MEU = "Military End User (MEU) List - Bureau of Industry and Security"

ECFR_SUPP4 = ("https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/"
              "part-744/appendix-Supplement%20No.%204%20to%20Part%20744")
ECFR_SUPP7 = ("https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/"
              "part-744/appendix-Supplement%20No.%207%20to%20Part%20744")

UNIV = "university"
INST = "research institute"
HPC = "supercomputing"
CHIP = "chip"
SERVER = "server"
AI = "AI"

# Exact listed names -> note. Grouped by why they matter.
SELECTED = {
    # Universities (frequent buyers of GPU servers and cloud compute in tenders).
    "National University of Defense Technology (NUDT)": f"{UNIV}; {HPC}: builds the Tianhe supercomputers (NSCC Changsha/Guangzhou/Tianjin are listed too)",
    "Harbin Institute of Technology": f"{UNIV}; the EL alias list names its research institutes (Chongqing, Shenzhen, ...); bought A100 GPUs per Reuters 2024-01",
    "Harbin Engineering University": f"{UNIV}; aliases name Rugao and Yantai research institutes",
    "Sichuan University": f"{UNIV}; Reuters 2024-08: Azure OpenAI tokens bought via a reseller; aliases name five sub-institutes",
    "University of Science and Technology of China": f"{UNIV}; Reuters 2024-08: its Suzhou institute rented A100 cloud servers",
    "University of Electronic Science and Technology of China": f"{UNIV}; bought an A100 per Reuters 2024-01",
    "Beijing University of Aeronautics and Astronautics (BUAA)": f"{UNIV}; Beihang; Reuters 2025-12: tendered to rent H200-level compute; aliases name its institutes",
    "Beijing Institute of Technology": f"{UNIV}; aliases name its research institutes",
    "Northwestern Polytechnical University": f"{UNIV}; aliases name spelling variants and institutes",
    "Nanjing University of Aeronautics and Astronautics": f"{UNIV}; aliases name its research institutes",
    "Nanjing University of Science and Technology": f"{UNIV}; aliases name its research institutes",
    "Beijing University of Posts and Telecommunications (BUPT)": f"{UNIV}; aliases name Hangzhou and Shenzhen research institutes",
    "Tianjin University": f"{UNIV}; aliases name its research institutes",
    "Air Force Engineering University": f"{UNIV}; PLA university",
    "Luoyang Institute of Science and Technology": f"{UNIV}",
    "Xinjiang Police College": f"{UNIV}; police college",
    # Research institutes and academies.
    "Chinese Academy of Engineering Physics": f"{INST}; {HPC}: aliases include the Southwest Computing Center and CAEP institutes",
    "Chinese Academy of Sciences Institute of Computing Technology": f"{INST}; computing/processor research (CAS ICT)",
    "Chinese Academy of Sciences Institute of Microelectronics": f"{INST}; {CHIP} research",
    "Chinese Academy of Sciences' Shanghai Institute of Microsystem and Information Technology": f"{INST}; {CHIP}/microsystems research",
    "Chinese Academy of Sciences, Institute of Physics": f"{INST}; quantum research",
    "Chinese Academy of Sciences, Key Laboratory for Quantum Information": f"{INST}; quantum",
    "Chinese Academy of Science, Center for Excellence in Quantum Information and Quantum Physics": f"{INST}; quantum",
    "Chinese Academy of Sciences Changchun Institute of Optics, Fine Mechanics, and Physics": f"{INST}",
    "Chinese Academy of Sciences, National Time Service Center": f"{INST}",
    "Chinese Academy of Sciences Technology and Engineering Center for Space Utilization": f"{INST}",
    "Aerospace Information Research Institute, Chinese Academy of Sciences": f"{INST}; aliases include the former CAS electronics and remote-sensing institutes",
    "China Academy of Science—Shenyang Institute of Automation": f"{INST}",
    "Shanghai Institute of Optics and Fine Mechanics": f"{INST}",
    "Ningbo Institute of Materials Technology and Engineering": f"{INST}",
    "Beijing Academy of Artificial Intelligence": f"{INST}; {AI}: BAAI (Zhiyuan), large-model research",
    "Beijing Academy of Quantum Information Sciences": f"{INST}; quantum",
    "Beijing Computational Science Research Center": f"{INST}; {HPC}",
    "Hefei National Laboratory for Physical Sciences at Microscale": f"{INST}; USTC-hosted national laboratory",
    "Hefei National Laboratory for Quantum Information Science": f"{INST}; quantum",
    "Shanghai Center for Quantum Science Research": f"{INST}; quantum",
    "Shenzhen Institute of Quantum Science and Engineering": f"{INST}; quantum",
    "Quantum Science and Technology Yangtze River Delta Industrial Innovation Center": f"{INST}; quantum",
    "Wuxi Institute of Advanced Technology": f"{INST}",
    "Qingdao National Laboratory of Marine Science and Technology": f"{INST}; runs a large computing centre",
    "Academy of Military Medical Sciences": f"{INST}; PLA academy",
    "China Academy of Electronics and Information Technology": f"{INST}; CETC academy",
    "China Electronics Technology Group Corporation 32nd Research Institute": f"{INST}; computing (East China Institute of Computing Technology)",
    "Aeronautics Computing Technique Research Institute": f"{INST}; AVIC computing institute",
    "Shanghai Integrated Circuit Research and Development Center": f"{INST}; {CHIP}",
    "China Aerospace Science and Technology Corporation (CASC) 9th Academy 771 Research Institute": f"{INST}; {CHIP} (microelectronics)",
    "China Aerospace Science and Technology Corporation (CASC) 9th Academy 772 Research Institute": f"{INST}; {CHIP} (microelectronics)",
    # Supercomputing centres and HPC system builders.
    "National Supercomputing Center Changsha (NSCC-CS)": f"{HPC}: national supercomputing centre",
    "National Supercomputing Center Guangzhou (NSCC-GZ)": f"{HPC}: national supercomputing centre (at Sun Yat-sen University)",
    "National Supercomputing Center Jinan": f"{HPC}: national supercomputing centre",
    "National Supercomputing Center Shenzhen": f"{HPC}: national supercomputing centre",
    "National Supercomputing Center Tianjin (NSCC-TJ)": f"{HPC}: national supercomputing centre",
    "National Supercomputing Center Wuxi": f"{HPC}: national supercomputing centre (Sunway TaihuLight)",
    "National Supercomputer Center Zhengzhou": f"{HPC}: national supercomputing centre",
    "Wuxi Jiangnan Institute of Computing Technology": f"{HPC}: Sunway processors and supercomputers",
    "Shanghai Supercomputing Technology Co., Ltd.": f"{HPC}",
    "Shanghai High-Performance Integrated Circuit Design Center": f"{HPC}; {CHIP}: Sunway processor design",
    "Sunway Microelectronics": f"{HPC}; {CHIP}: Sunway processors",
    "Tianjin Phytium Information Technology": f"{CHIP}: Phytium CPUs",
    # Servers and compute hardware.
    "Sugon": f"{SERVER}; {HPC}: Sugon/Dawning servers and supercomputers (中科曙光)",
    "Higon": f"{CHIP}: Hygon x86 CPUs and DCU accelerators",
    "Chengdu Haiguang Integrated Circuit": f"{CHIP}: Hygon chip design",
    "Chengdu Haiguang Microelectronics Technology": f"{CHIP}: Hygon",
    "Suma Techology Co., Ltd.": f"{SERVER}: Sugon affiliate (Zhongke Controllable)",
    "Suma-USI Electronics Co., Ltd.": f"{SERVER}: Sugon-related server manufacturer",
    "Nettrix Information Industry Co., Ltd.": f"{SERVER}: AI server maker (宁畅)",
    # AI chips.
    "Loongson Technology": f"{CHIP}: Loongson CPUs",
    "Changsha Jingjia Microelectronics Co., Ltd.": f"{CHIP}: GPU designer",
    "Hefei Core Storage Electronic Ltd.": f"{CHIP}",
    "New H3C Semiconductor Technologies Co., Ltd.": f"{CHIP}; listed date not given in the list text",
    "Yangtze Memory Technologies Co., Ltd.": f"{CHIP}: memory (YMTC)",
    "Wuhan Xinxin Semiconductor Manufacturing Company Limited": f"{CHIP}: foundry (XMC), YMTC affiliate",
    "SJ Semiconductor": f"{CHIP}: SMIC-related packaging",
    "Suzhou Xinyan Holdings Co., Ltd.": f"{CHIP}: listed with Biren and Moore Threads (88 FR 71992)",
    "Superburning Semiconductor (Nanjing) Co., Ltd.": f"{CHIP}: listed with Biren and Moore Threads (88 FR 71992)",
    "Shanghai Suanhu Technology Co., Ltd.": f"{CHIP}: listed with the Sophgo entities (90 FR 4622)",
    "Origin Quantum Computing Technology (Hefei) Co., Ltd.": "quantum computing",
    "Shanghai QuantumCTek Co., Ltd.": "quantum",
    "CETC Chip Technology Co., Ltd.": f"{CHIP}",
    "United Microelectronics Center Co., Ltd.": f"{CHIP}",
    # AI companies.
    "Beijing Sensetime Technology Development Co., Ltd.": f"{AI}: SenseTime",
    "Megvii Technology": f"{AI}: computer vision",
    "IFLYTEK": f"{AI}: speech and large models",
    "Yitu Technologies": f"{AI}: computer vision",
    "CloudWalk Technology": f"{AI}: computer vision",
    "Intellifusion": f"{AI}: vision and AI chips",
    "SenseNets": f"{AI}: computer vision",
    "Beijing Cloudmind Technology Co., Ltd.": f"{AI}: cloud robotics",
    "Cloudminds (Hong Kong) Limited": f"{AI}: cloud robotics",
    "Beijing Lingxin Intelligent Technology Co., Ltd.": f"{AI}: listed with the Zhipu entities (90 FR 4619)",
    "Beijing Yuanyin Intelligent Technology Co., Ltd.": f"{AI}: listed with the Zhipu entities (90 FR 4619)",
    "GEOVIS Technology Co., Ltd.": f"{AI}: geospatial data and cloud (Zhongke Xingtu)",
    "CETC Cloud (Beijing) Technology Co., Ltd.": "cloud: CETC cloud operator",
}

# Company families taken whole: (regex on the listed name, note).
GROUPS = [
    (r"^Huawei |Huawei (Cloud|Technologies|Digital|Investment|Device|Service|Training|Machine|Software|OpenLab|Terminal|Technical|Communication|High-Tech)|Huawei Tech\.",
     "Huawei group: telecom, Huawei Cloud, Ascend AI chips"),
    (r"^Shenzhen SiCarrier", f"{CHIP}: Huawei-related chip equipment (alias Huawei Starlight)"),
    (r"^Inspur ", f"{SERVER}: Inspur group, China's largest server maker"),
    (r"Sophgo|Suanneng|^Sophon|Fujian Sophon", f"{CHIP}: Sophgo AI chips"),
    (r"Zhipu", f"{AI}: Zhipu AI (GLM large models) group"),
    (r"Biren", f"{CHIP}: Biren GPUs"),
    (r"^Moore Thread", f"{CHIP}: Moore Threads GPUs"),
    (r"Cambricon", f"{CHIP}: Cambricon AI chips"),
    (r"^Semiconductor Manufacturing|^SMIC ", f"{CHIP}: SMIC foundry group"),
    (r"Fudan Microelectronics", f"{CHIP}: Fudan Microelectronics group (FPGAs); not Fudan University"),
    (r"Huada Jiutian", f"{CHIP}: Empyrean chip-design (EDA) software"),
]

MEU_NOTE = "MEU: research institute or state body named as a military end user"
MEU_SELECTED = [
    "Academy of Aerospace Solid Propulsion Technology (AASPT)",
    "AECC Beijing Institute of Aeronautical. Materials",
    "AECC China Gas Turbine Establishment",
    "AVIC Flight Automatic Control Research Institute (FACRI)",
    "AVIC Leihua Electronic Technology Research Institute (LETRI)",
    "AVIC General Aircraft Zhejiang Institute Co., Ltd.",
    "Nanjing Engineering Institute of Aircraft Systems (NEIAS)",
    "Shanghai Aircraft Design and Research Institute",
    "Second Institute of Oceanography, Ministry of Natural Resources",
    "Laboratory of Toxicant Analysis, Institute of Pharmacology and Toxicology",
    "National Satellite Meteorological Bureau",
    "Shenyang Academy of Instrumentation Science Co., Ltd.",
]

HEADER = ["name", "aliases", "list", "country", "reference", "listed_on", "source", "notes"]

# A trailing parenthesised acronym in the listed name, e.g. "(NUDT)", "(NSCC-GZ)".
ACRONYM_AT_END = re.compile(r"\(([A-Z][A-Z0-9\-]{1,11})\)$")


def split_aliases(alt_names):
    """CSL alt_names: 'A; B; and C' -> [A, B, C] (as the ITA importer splits them)."""
    out = []
    for part in alt_names.split("; "):
        part = re.sub(r"^and ", "", part.strip()).strip()
        part = re.sub(r";\s*and$", "", part).strip()
        if part and part != "and" and part not in out:
            out.append(part)
    return out


def fr_url(citation):
    """'84 FR 29373' -> federalregister.gov citation link."""
    vol, _, page = citation.partition(" FR ")
    return f"https://www.federalregister.gov/citation/{vol}-FR-{page}"


def default_csl_path():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    rel = os.path.join("shared", "data", "lists", "consolidated_el_meu_1260h_1286.csv")
    for base in (os.path.dirname(repo), os.path.dirname(os.path.dirname(repo)), "/work"):
        path = os.path.join(base, rel)
        if os.path.exists(path):
            return path
    return os.path.join("..", rel)


def to_entry(row, note):
    name = row["name"].strip()
    aliases = split_aliases(row["alt_names"])
    m = ACRONYM_AT_END.search(name)
    if m and m.group(1) not in aliases:
        aliases.append(m.group(1))
    cites = [c.strip() for c in row["federal_register_notice"].split(";") if c.strip()]
    src = ECFR_SUPP4 if row["source"] == EL else ECFR_SUPP7
    if cites:
        src = f"{src} ; {fr_url(cites[0])}"
    return {
        "name": name,
        "aliases": "; ".join(aliases),
        "list": row["source"],
        "country": "CN",
        "reference": "; ".join(cites),
        "listed_on": row["start_date"],
        "source": src,
        "notes": note,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csl", default=default_csl_path())
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "entities.csv"))
    args = ap.parse_args()

    with open(args.csl, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    china = [r for r in rows if r["source"] in (EL, MEU)
             and re.search(r"\bCN$|\bCN;|, CN\b", r["addresses"])]

    chosen = {}  # name -> (row, note); first row wins (two "Wong Yung Fai" rows exist, not selected)
    by_name = {}
    for r in china:
        by_name.setdefault((r["source"], r["name"].strip()), r)

    missing = []
    for name, note in SELECTED.items():
        r = by_name.get((EL, name))
        if r is None:
            missing.append(name)
        else:
            chosen[name] = (r, note)
    for name in MEU_SELECTED:
        r = by_name.get((MEU, name))
        if r is None:
            missing.append(name)
        else:
            chosen[name] = (r, MEU_NOTE + (f"; {r['remarks']}" if r["remarks"] else ""))
    for pattern, note in GROUPS:
        rx = re.compile(pattern)
        hits = [r for (src, n), r in by_name.items() if src == EL and rx.search(n)]
        if not hits:
            missing.append(f"group /{pattern}/")
        for r in hits:
            chosen.setdefault(r["name"].strip(), (r, note))
    if missing:
        sys.exit("not in the list data: " + "; ".join(missing))

    entries = sorted((to_entry(r, note) for r, note in chosen.values()),
                     key=lambda e: (e["list"] != EL, e["name"].lower()))
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(entries)

    newest = max((c for e in entries for c in e["reference"].split("; ") if c),
                 key=lambda c: tuple(int(x) for x in c.split(" FR ")))
    n_el = sum(e["list"] == EL for e in entries)
    print(f"{len(entries)} entries ({n_el} EL, {len(entries) - n_el} MEU) -> {args.out}; "
          f"newest citation {newest}", file=sys.stderr)


if __name__ == "__main__":
    main()
