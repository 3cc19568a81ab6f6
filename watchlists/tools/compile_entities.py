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
import json
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
    (r"HiSilicon|^Shanghai Haisi", f"{CHIP}: HiSilicon, Huawei's chip designer (Kirin, Ascend)"),
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

# ---------------------------------------------------------------------------------------------
# Chinese-name overlay (zh-names.csv). Neither BIS nor MOFCOM publishes Chinese names for the
# Entity List, so every row says where its Chinese name comes from.

COMMUNITY = "community list (zh_university_names_community.json, see README)"
# Community names whose English side carries alias text glued on by the upstream scraper.
COMMUNITY_NAME_FIXES = {
    "National Supercomputing Center Guangzhou (NSCC-GZ), Sun Yat-Sen University":
        "National Supercomputing Center Guangzhou (NSCC-GZ)",
    "China Aerospace Science and Technology Corporation (CASC) 8th Academy 811 Research Institute,"
    " and the following two aliases: —811th Institute":
        "China Aerospace Science and Technology Corporation (CASC) 8th Academy 811 Research Institute",
    "China Aerospace Science and Technology Corporation (CASC) 8th Academy, and the following three"
    " aliases: —Shanghai Academy of Spaceflight Technology (SAST)":
        "China Aerospace Science and Technology Corporation (CASC) 8th Academy",
}

OWN = ("organisation's own Chinese name (registered or official name as it publishes it on its "
       "website and filings); from the compiler's knowledge, not re-checked online")
# Short names that are substrings of other organisations' names (北航 in 湖北航天, 北理工 in
# 湖北理工学院, 南理工 in 华南理工大学, 海思 in 海思科) are left out on purpose.
SHORT = ("short name the organisation and the press use; judged unambiguous in procurement text; "
         "from the compiler's knowledge, not re-checked online")


def pinyin(alias):
    """Source text for a name written in characters from the list's own pinyin alias."""
    return (f"Chinese characters of the list's own pinyin alias '{alias}' "
            "(unverified against a company registry)")


BRAND = ("unverified: brand characters are certain, the rest is translated from the English "
         "listed name (city, legal form)")

# (listed name, Chinese name, source)
ZH_CURATED = [
    # Universities: full official names and unambiguous short names (community list covers the rest).
    ("National University of Defense Technology (NUDT)", "国防科学技术大学", OWN + " (name until 2017)"),
    ("National University of Defense Technology (NUDT)", "中国人民解放军国防科技大学", OWN),
    ("National University of Defense Technology (NUDT)", "国防科大", SHORT),
    ("Harbin Institute of Technology", "哈工大", SHORT),
    ("Harbin Engineering University", "哈工程", SHORT),
    ("Sichuan University", "川大", SHORT),
    ("University of Science and Technology of China", "中国科大", SHORT),
    ("Northwestern Polytechnical University", "西工大", SHORT),
    ("Beijing University of Posts and Telecommunications (BUPT)", "北邮", SHORT),
    ("Chinese Academy of Engineering Physics", "中物院", SHORT),
    ("Chinese Academy of Engineering Physics", "中国工程物理研究院西南计算中心", "unverified: the list alias 'Southwest Computing Center' in CAEP's Chinese naming"),
    ("Chinese Academy of Sciences Institute of Computing Technology", "中科院计算所", SHORT),
    ("Chinese Academy of Sciences Institute of Computing Technology", "中科院计算技术研究所", SHORT),
    ("Beijing Academy of Artificial Intelligence", "智源研究院", SHORT),
    ("Beijing Academy of Artificial Intelligence", "北京智源研究院", SHORT),
    ("Hefei National Laboratory for Physical Sciences at Microscale", "合肥微尺度物质科学国家研究中心", OWN),
    ("Hefei National Laboratory for Physical Sciences at Microscale", "合肥微尺度物质科学国家实验室", OWN + " (name before 2017)"),
    ("Beijing Computational Science Research Center", "北京计算科学研究中心", OWN),
    ("Qingdao National Laboratory of Marine Science and Technology", "青岛海洋科学与技术试点国家实验室", OWN),
    ("Shanghai Institute of Optics and Fine Mechanics", "中国科学院上海光学精密机械研究所", OWN),
    ("Ningbo Institute of Materials Technology and Engineering", "中国科学院宁波材料技术与工程研究所", OWN),
    # Supercomputing centres (official names of the national centres).
    ("National Supercomputing Center Changsha (NSCC-CS)", "国家超级计算长沙中心", OWN),
    ("National Supercomputing Center Guangzhou (NSCC-GZ)", "国家超级计算广州中心", OWN),
    ("National Supercomputing Center Jinan", "国家超级计算济南中心", OWN),
    ("National Supercomputing Center Jinan", "山东省计算中心", OWN + "; the list alias 'Shandong Computing Center'"),
    ("National Supercomputing Center Shenzhen", "国家超级计算深圳中心", OWN),
    ("National Supercomputing Center Shenzhen", "深圳云计算中心", "unverified: the list alias 'Shenzhen Cloud Computing Center' in Chinese"),
    ("National Supercomputing Center Tianjin (NSCC-TJ)", "国家超级计算天津中心", OWN),
    ("National Supercomputing Center Wuxi", "国家超级计算无锡中心", OWN),
    ("National Supercomputer Center Zhengzhou", "国家超级计算郑州中心", OWN),
    ("Wuxi Jiangnan Institute of Computing Technology", "无锡江南计算技术研究所", OWN + "; also in Chinese news of the 2019-06 listing"),
    ("Shanghai High-Performance Integrated Circuit Design Center", "上海高性能集成电路设计中心", OWN),
    ("Sunway Microelectronics", "成都申威科技有限责任公司", pinyin("Chengdu Shenwei Technology") + "; legal form unverified"),
    ("Tianjin Phytium Information Technology", "天津飞腾信息技术有限公司", pinyin("Tianjin Feiteng Information Technology")),
    ("Tianjin Phytium Information Technology", "飞腾信息技术有限公司", OWN + " (current name)"),
    # Servers.
    ("Sugon", "曙光信息产业股份有限公司", OWN + " (English: Dawning Information Industry Co., Ltd.)"),
    ("Sugon", "中科曙光", SHORT + " (stock short name)"),
    ("Sugon", "天津曙光计算机产业有限公司", pinyin("Tianjin Shuguang Computer Industry")),
    ("Suma Techology Co., Ltd.", "中科可控信息产业有限公司", pinyin("Zhongke Controllable Information Industry Co., Ltd.")),
    ("Nettrix Information Industry Co., Ltd.", "宁畅信息产业(北京)有限公司", pinyin("Ningchang Information Industry (Beijing) Co., Ltd.")),
    ("Nettrix Information Industry Co., Ltd.", "宁畅", SHORT),
    ("Inspur Electronic Information Industry Co., Ltd.", "浪潮电子信息产业股份有限公司", OWN),
    ("Inspur Electronic Information Industry Co., Ltd.", "浪潮信息", SHORT + " (stock short name)"),
    ("Inspur Group Co., Ltd.", "浪潮集团有限公司", OWN),
    ("Inspur Group Co., Ltd.", "浪潮", SHORT + "; also the common word 'wave', match as an organisation name only"),
    ("Inspur Software Co., Ltd.", "浪潮软件股份有限公司", OWN),
    ("Inspur (Beijing) Electronic Information Industry Co., Ltd.", "浪潮(北京)电子信息产业有限公司", pinyin("Langchao (Beijing) Electronic Information Industry Co., Ltd.")),
    # Chips.
    ("Higon", "海光信息技术股份有限公司", OWN + " (current name)"),
    ("Higon", "海光信息技术有限公司", pinyin("Haiguang Xinxi Jishu Youxian Gongsi")),
    ("Higon", "天津海光先进技术投资有限公司", pinyin("Tianjing Haiguang Xianjin Jishu Touzi Youxian Gongsi")),
    ("Chengdu Haiguang Integrated Circuit", "成都海光集成电路设计有限公司", pinyin("Chengdu Haiguang Jincheng Dianlu Sheji") + "; also in Chinese news of the 2019-06 listing"),
    ("Chengdu Haiguang Microelectronics Technology", "成都海光微电子技术有限公司", pinyin("Chengdu Haiguang Wei Dianzi Jishu") + "; also in Chinese news of the 2019-06 listing"),
    ("Sophgo Technologies Ltd.", "算能科技有限公司", OWN),
    ("Sophgo Technologies Ltd.", "北京算能科技有限公司", pinyin("Beijing Suanneng Technology Co., Ltd")),
    ("Sophgo Technologies Ltd.", "算能科技", SHORT),
    ("Xiamen Sophgo Technologies Limited", "厦门算能科技有限公司", pinyin("Xiamen Suanneng Technology Co., Ltd.")),
    ("Wuhan Suanneng Technology Co., Ltd.", "武汉算能科技有限公司", pinyin("Wuhan Suanneng Technology Co., Ltd.")),
    ("Wuxi Suanneng Technology Co., Ltd.", "无锡算能科技有限公司", pinyin("Wuxi Suanneng Technology Co., Ltd.")),
    ("Qingdao Sophgo Technology Co., Ltd.", "青岛算能科技有限公司", pinyin("Qingdao Suanneng")),
    ("Fujian Sophon Technology Co., Ltd.", "福建算丰科技有限公司", pinyin("Fujian Suanfeng Technology Co., Ltd.")),
    ("Shanghai Biren Intelligent Technology Co., Ltd.", "上海壁仞智能科技有限公司", OWN),
    ("Shanghai Biren Intelligent Technology Co., Ltd.", "壁仞科技", SHORT),
    ("Shanghai Biren Integrated Circuit Co., Ltd.", "上海壁仞集成电路有限公司", BRAND),
    ("Shanghai Biren Information Technology Co., Ltd.", "上海壁仞信息科技有限公司", BRAND),
    ("Beijing Biren Technology Development Co., Ltd.", "北京壁仞科技开发有限公司", BRAND),
    ("Hangzhou Biren Technology Development Co., Ltd.", "杭州壁仞科技开发有限公司", BRAND),
    ("Guangzhou Biren Integrated Circuit Co., Ltd.", "广州壁仞集成电路有限公司", BRAND),
    ("Zhuhai Biren Integrated Circuit Co., Ltd.", "珠海壁仞集成电路有限公司", BRAND),
    ("Moore Thread Intelligent Technology (Beijing) Co., Ltd.", "摩尔线程智能科技(北京)有限责任公司", OWN),
    ("Moore Thread Intelligent Technology (Beijing) Co., Ltd.", "摩尔线程智能科技(北京)股份有限公司", OWN),
    ("Moore Thread Intelligent Technology (Beijing) Co., Ltd.", "摩尔线程", SHORT),
    ("Moore Thread Intelligent Technology (Chengdu) Co., Ltd.", "摩尔线程智能科技(成都)有限责任公司", BRAND),
    ("Moore Thread Intelligent Technology (Shanghai) Co., Ltd.", "摩尔线程智能科技(上海)有限责任公司", BRAND),
    ("Cambricon Technologies Corporation Limited", "中科寒武纪科技股份有限公司", OWN),
    ("Cambricon Technologies Corporation Limited", "寒武纪", SHORT + "; also 'Cambrian period' in text, match as an organisation name only"),
    ("Anhui Cambricon Information Technology Co., Ltd.", "安徽寒武纪信息科技有限公司", BRAND),
    ("Shanghai Cambricon Information Technology Co., Ltd.", "上海寒武纪信息科技有限公司", BRAND),
    ("Suzhou Cambricon Information Technology Co., Ltd.", "苏州寒武纪信息科技有限公司", BRAND),
    ("Cambricon (Nanjing) Information Technology Co., Ltd.", "南京寒武纪信息科技有限公司", BRAND),
    ("Cambricon (Kunshan) Information Technology Co., Ltd.", "寒武纪(昆山)信息科技有限公司", BRAND),
    ("Cambricon (Xi'an) Integrated Circuit Co., Ltd.", "寒武纪(西安)集成电路有限公司", BRAND),
    ("Xiong'an Cambricon Technology Co., Ltd.", "雄安寒武纪科技有限公司", BRAND),
    ("Cambricon Jixingge (Nanjing) Technology Co., Ltd.", "寒武纪行歌(南京)科技有限公司", BRAND),
    ("Semiconductor Manufacturing International Corporation (SMIC)", "中芯国际集成电路制造有限公司", OWN),
    ("Semiconductor Manufacturing International Corporation (SMIC)", "中芯国际", SHORT),
    ("Semiconductor Manufacturing International Corporation (SMIC)", "中芯国际集成电路制造(上海)有限公司", OWN + "; the list alias 'Semiconductor Manufacturing International (Shanghai) Corporation'"),
    ("Semiconductor Manufacturing International (Beijing) Corporation", "中芯国际集成电路制造(北京)有限公司", OWN),
    ("Semiconductor Manufacturing International (Shenzhen) Corporation", "中芯国际集成电路制造(深圳)有限公司", OWN),
    ("Semiconductor Manufacturing International (Tianjin) Corporation", "中芯国际集成电路制造(天津)有限公司", OWN),
    ("Semiconductor Manufacturing South China Corporation", "中芯南方集成电路制造有限公司", OWN),
    ("SMIC Northern Integrated Circuit Manufacturing (Beijing) Co., Ltd.", "中芯北方集成电路制造(北京)有限公司", OWN),
    ("HiSilicon Technologies Co., Ltd (HiSilicon)", "海思半导体有限公司", OWN),
    ("Shenzhen HiSilicon Technologies Co.", "深圳市海思半导体有限公司", OWN + " (unverified)"),
    ("Shanghai HiSilicon Technologies Co., Ltd.", "上海海思技术有限公司", OWN),
    ("Yangtze Memory Technologies Co., Ltd.", "长江存储科技有限责任公司", OWN),
    ("Yangtze Memory Technologies Co., Ltd.", "长江存储", SHORT + "; the list alias 'Changjiang Cunchu'"),
    ("Wuhan Xinxin Semiconductor Manufacturing Company Limited", "武汉新芯集成电路制造有限公司", OWN),
    ("Loongson Technology", "龙芯中科技术股份有限公司", OWN),
    ("Loongson Technology", "龙芯中科", SHORT + "; the list alias 'Loongson Zhongke'"),
    ("Changsha Jingjia Microelectronics Co., Ltd.", "长沙景嘉微电子股份有限公司", OWN),
    ("New H3C Semiconductor Technologies Co., Ltd.", "新华三半导体技术有限公司", OWN + " (unverified)"),
    ("Shanghai Fudan Microelectronics Co., Ltd.", "上海复旦微电子集团股份有限公司", OWN + "; the list alias 'Shanghai Fudan Microelectronics Group Co., Ltd.'"),
    ("Beijing Huada Jiutian Technology Co., Ltd.", "北京华大九天科技股份有限公司", OWN),
    ("Beijing Huada Jiutian Technology Co., Ltd.", "华大九天", SHORT),
    # AI companies.
    ("Beijing Zhipu Huazhang Technology Co., Ltd.", "北京智谱华章科技有限公司", OWN),
    ("Beijing Zhipu Huazhang Technology Co., Ltd.", "北京智谱华章科技股份有限公司", OWN + " (name after conversion to a joint-stock company)"),
    ("Beijing Zhipu Huazhang Technology Co., Ltd.", "智谱华章", SHORT),
    ("Beijing Zhipu Huazhang Technology Co., Ltd.", "智谱AI", SHORT),
    ("Hangzhou Zhipu Huazhang Technology Co., Ltd.", "杭州智谱华章科技有限公司", BRAND),
    ("Beijing Zhipu Qingyan Technology Co., Ltd.", "北京智谱清言科技有限公司", BRAND + " (智谱清言 is Zhipu's chatbot brand)"),
    ("Beijing Sensetime Technology Development Co., Ltd.", "北京市商汤科技开发有限公司", pinyin("Beijing Shangtang Technology Development Co., Ltd.") + "; 北京市 as the company registers it"),
    ("Beijing Sensetime Technology Development Co., Ltd.", "商汤科技", SHORT),
    ("Megvii Technology", "北京旷视科技有限公司", OWN),
    ("Megvii Technology", "旷视科技", SHORT),
    ("IFLYTEK", "科大讯飞股份有限公司", OWN),
    ("IFLYTEK", "科大讯飞", SHORT),
    ("Yitu Technologies", "上海依图网络科技有限公司", OWN + " (unverified)"),
    ("Yitu Technologies", "依图科技", SHORT),
    ("CloudWalk Technology", "云从科技集团股份有限公司", OWN),
    ("CloudWalk Technology", "重庆中科云从科技有限公司", OWN + " (earlier name; the list alias 'Chongqing Cloudwalk Technology Co., Ltd.'; unverified)"),
    ("Intellifusion", "深圳云天励飞技术股份有限公司", OWN),
    ("Intellifusion", "深圳云天励飞技术有限公司", pinyin("Shenzhen Yuntian Lifei Technology Co., Ltd.")),
    ("GEOVIS Technology Co., Ltd.", "中科星图股份有限公司", pinyin("Zhongke Xingtu Co., Ltd.")),
    ("Origin Quantum Computing Technology (Hefei) Co., Ltd.", "合肥本源量子计算科技有限责任公司", pinyin("Hefei Benyuan Quantum Computing Technology Co., Ltd.") + "; legal form unverified"),
    ("Origin Quantum Computing Technology (Hefei) Co., Ltd.", "本源量子", SHORT),
    # Huawei.
    ("Huawei Technologies Co., Ltd.", "华为技术有限公司", OWN),
    ("Huawei Technologies Co., Ltd.", "华为", SHORT + "; Huawei Cloud and other Huawei companies are listed separately"),
    ("Huawei Cloud Computing Technology", "华为云计算技术有限公司", OWN),
    ("Huawei Device Co., Ltd.", "华为终端有限公司", OWN),
    ("Huawei Software Technologies Co., Ltd.", "华为软件技术有限公司", OWN),
    ("Huawei Machine Co., Ltd.", "华为机器有限公司", OWN),
    ("Huawei Technologies Service Co., Ltd.", "华为技术服务有限公司", OWN),
    ("Huawei Device (Dongguan) Co., Ltd.", "华为终端(东莞)有限公司", BRAND),
    ("Huawei Device (Shenzhen) Co., Ltd.", "华为终端(深圳)有限公司", BRAND),
]

# Chinese names checked against a stored copy of a public filing or report (URL given).
SEEN = {
    "海光信息技术股份有限公司": "its 2022 STAR-market IPO prospectus (English name there: Hygon Information Technology Co., Ltd.), http://money.finance.sina.com.cn/corp/view/vISSUE_RaiseExplanationDetail.php?id=8381403&stockid=688041",
    "曙光信息产业股份有限公司": "its 2020 share-issue plan in China Securities Journal (stock short name 中科曙光), https://epaper.cs.com.cn/zgzqb/html/2020-04/23/nw.D110000zgzqb_20200423_2-A46.htm",
    "中科曙光": "its 2020 share-issue plan in China Securities Journal (stock short name), https://epaper.cs.com.cn/zgzqb/html/2020-04/23/nw.D110000zgzqb_20200423_2-A46.htm",
    "浪潮电子信息产业股份有限公司": "its 2024 annual report (stock short name 浪潮信息), https://vip.stock.finance.sina.com.cn/corp/view/vCB_AllBulletinDetail.php?id=10831405&stockid=000977",
    "浪潮信息": "its 2024 annual report, https://vip.stock.finance.sina.com.cn/corp/view/vCB_AllBulletinDetail.php?id=10831405&stockid=000977",
    "浪潮软件股份有限公司": "its share-issue prospectus (stock code 600756), copy at http://m.njbnbz.cn/bnbz/2399.html",
    "北京智谱华章科技股份有限公司": "news of its 2026-01 Hong Kong listing, https://www.infoq.cn/news/VIJ9o1qFoOvttecimCwC",
    "摩尔线程智能科技(北京)股份有限公司": "its 2025 STAR-market listing announcement, http://www.cfi.cn/newspage.aspx?id=20251203003316",
    "上海壁仞智能科技有限公司": "Shanghai Minhang district news of its 2021 agreement, https://sh.cnipai.com/news/detail/291011.html",
    "算能科技": "CNA report of the 2025-01 listing, https://news-demo.cts.com.tw/cna/general/202501/202501162426978.html",
    "厦门算能科技有限公司": "Chinese press on the planned listing (厦门算能科技(SOPHGO)), https://yibeiic.com/cms/Article/get/article_id/6726",
}

ZH_HEADER = ["listed_name", "zh_name", "source"]
ZH_HEADER_NOW = ["listed_name", "zh_name", "source", "confidence"]


def compile_zh(entries, community_path, out_path):
    """Write zh-names.csv: community rows for listed names we carry, then the curated rows."""
    names = {e["name"] for e in entries}
    rows, seen = [], set()

    def add(listed, zh, source):
        if listed not in names:
            sys.exit(f"zh name for an entity not in entities.csv: {listed!r}")
        if (listed, zh) not in seen:
            seen.add((listed, zh))
            rows.append({"listed_name": listed, "zh_name": zh, "source": source})

    with open(community_path, encoding="utf-8") as f:
        community = json.load(f)
    for item in community:
        listed = COMMUNITY_NAME_FIXES.get(item["name"], item["name"])
        if listed in names:
            add(listed, item["zh"], COMMUNITY)
    for listed, zh, source in ZH_CURATED:
        if zh in SEEN:
            source = f"organisation's own Chinese name, as in {SEEN[zh]}"
        add(listed, zh, source)
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=ZH_HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def community_names(path):
    """English names in the community list, after fixing the glued-alias ones."""
    with open(path, encoding="utf-8") as f:
        return [COMMUNITY_NAME_FIXES.get(i["name"], i["name"]) for i in json.load(f)]

HEADER = ["name", "aliases", "list", "country", "reference", "listed_on", "source", "notes"]

# A trailing parenthesised acronym in the listed name, e.g. "(NUDT)", "(NSCC-GZ)".
ACRONYM_AT_END = re.compile(r"\(([A-Z][A-Z0-9\-]{1,11})\)$")


def split_aliases(alt_names):
    """CSL alt_names: 'A; B; and C' -> [A, B, C] (as the ITA importer splits them)."""
    out = []
    for part in alt_names.split("; "):
        part = re.sub(r"^and ", "", part.strip()).strip()
        part = re.sub(r";\s*and$", "", part).strip()
        # Known parse glitch: address text glued to an alias ("… Academy. No. 2 Shuangquan …").
        part = re.split(r"\. No\. \d", part)[0].strip()
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


def check(watchlists_dir):
    """Validate the committed CSVs on their own (no list data needed); return a list of problems."""
    problems = []
    ent_path = os.path.join(watchlists_dir, "entities.csv")
    zh_path = os.path.join(watchlists_dir, "zh-names.csv")
    with open(ent_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != HEADER:
            problems.append(f"{ent_path}: header {reader.fieldnames}")
        entries = list(reader)
    names = set()
    for line, e in enumerate(entries, start=2):
        where = f"{ent_path}:{line}"
        if not e["name"].strip() or e["name"] in names:
            problems.append(f"{where}: empty or duplicate name {e['name']!r}")
        names.add(e["name"])
        if e["list"] not in (EL, MEU):
            problems.append(f"{where}: list {e['list']!r}")
        if e["country"] != "CN":
            problems.append(f"{where}: country {e['country']!r}")
        if not re.fullmatch(r"\d{2,3} FR \d+(; \d{2,3} FR \d+)*", e["reference"]):
            problems.append(f"{where}: reference {e['reference']!r}")
        if e["listed_on"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["listed_on"]):
            problems.append(f"{where}: listed_on {e['listed_on']!r}")
        if not e["source"].startswith("https://www.ecfr.gov/"):
            problems.append(f"{where}: source {e['source']!r}")
        if any(not a.strip() for a in e["aliases"].split("; ")) and e["aliases"]:
            problems.append(f"{where}: empty alias in {e['aliases']!r}")
    with open(zh_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames not in (ZH_HEADER, ZH_HEADER_NOW):
            problems.append(f"{zh_path}: header {reader.fieldnames}")
        seen = set()
        for line, z in enumerate(reader, start=2):
            where = f"{zh_path}:{line}"
            # The overlay now covers every China-linked list entry, more than entities.csv
            # may carry; zh_names.py check --csl checks the names against the list data.
            if not re.search(r"[\u4e00-\u9fff]", z["zh_name"]) or not z["source"].strip():
                problems.append(f"{where}: zh_name without Han characters or empty source")
            if (z["listed_name"], z["zh_name"]) in seen:
                problems.append(f"{where}: duplicate row")
            seen.add((z["listed_name"], z["zh_name"]))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csl", default=default_csl_path())
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "entities.csv"))
    ap.add_argument("--community", default=None,
                    help="zh_university_names_community.json (default: next to --csl)")
    # zh-names.csv is maintained by hand now (4 columns with confidence; see zh_names.py):
    # write the old 3-column overlay only when asked for a path.
    ap.add_argument("--zh-out", default=None)
    ap.add_argument("--check", action="store_true",
                    help="only validate the committed entities.csv and zh-names.csv")
    args = ap.parse_args()
    if args.check:
        problems = check(os.path.dirname(args.out))
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problems", file=sys.stderr)
        sys.exit(1 if problems else 0)
    community = args.community or os.path.join(os.path.dirname(args.csl),
                                               "zh_university_names_community.json")

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
    # Every EL entry the community Chinese-name list covers is a university or research
    # institute; carry them all so their Chinese names can be matched.
    for name in community_names(community):
        r = by_name.get((EL, name))
        if r is None:
            missing.append(f"community name {name}")
        elif name not in chosen:
            kind = UNIV if re.search(r"Universit|College", name) else INST
            chosen[name] = (r, f"{kind}; Chinese name in the community list")
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

    if args.zh_out:
        n_zh = compile_zh(entries, community, args.zh_out)
        print(f"{n_zh} Chinese names -> {args.zh_out}", file=sys.stderr)

    newest = max((c for e in entries for c in e["reference"].split("; ") if c),
                 key=lambda c: tuple(int(x) for x in c.split(" FR ")))
    n_el = sum(e["list"] == EL for e in entries)
    print(f"{len(entries)} entries ({n_el} EL, {len(entries) - n_el} MEU) -> {args.out}; "
          f"newest citation {newest}", file=sys.stderr)


if __name__ == "__main__":
    main()
