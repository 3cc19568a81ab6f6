#!/usr/bin/env python3
"""Write tests/data/name_pairs.csv: labelled Chinese/English organisation-name pairs.

    python3 watchlists/tools/make_name_pairs.py > tests/data/name_pairs.csv

name2 is the reference side (a listed English name, or a Chinese name from zh-names.csv);
kind says what the pair tests; affiliates count as matches. Standard library only.
"""
import csv,sys
EN={}
T=True;F=False
P=[]
def add(a,b,m,k,n=""): P.append((a,b,"true" if m else "false",k,n))
SCU="Sichuan University";HIT="Harbin Institute of Technology";NUDT="National University of Defense Technology (NUDT)"
USTC="University of Science and Technology of China";UESTC="University of Electronic Science and Technology of China"
BUAA="Beijing University of Aeronautics and Astronautics (BUAA)";BIT="Beijing Institute of Technology"
NWPU="Northwestern Polytechnical University";NUAA="Nanjing University of Aeronautics and Astronautics"
NJUST="Nanjing University of Science and Technology";HEU="Harbin Engineering University"
BUPT="Beijing University of Posts and Telecommunications (BUPT)";TJU="Tianjin University"
CAEP="Chinese Academy of Engineering Physics";ICT="Chinese Academy of Sciences Institute of Computing Technology"
BAAI="Beijing Academy of Artificial Intelligence";ZHIPU="Beijing Zhipu Huazhang Technology Co., Ltd."
SUGON="Sugon";HIGON="Higon";INSPUR="Inspur Electronic Information Industry Co., Ltd.";INSPURG="Inspur Group Co., Ltd."
SOPHGO="Sophgo Technologies Ltd.";BIREN="Shanghai Biren Intelligent Technology Co., Ltd."
MOORE="Moore Thread Intelligent Technology (Beijing) Co., Ltd.";CAMB="Cambricon Technologies Corporation Limited"
HUAWEI="Huawei Technologies Co., Ltd.";HWCLOUD="Huawei Cloud Computing Technology"
SMIC="Semiconductor Manufacturing International Corporation (SMIC)";NETTRIX="Nettrix Information Industry Co., Ltd."
YMTC="Yangtze Memory Technologies Co., Ltd.";PHYT="Tianjin Phytium Information Technology";LOONG="Loongson Technology"
NSCCCS="National Supercomputing Center Changsha (NSCC-CS)";NSCCWX="National Supercomputing Center Wuxi"
NSCCGZ="National Supercomputing Center Guangzhou (NSCC-GZ)";NSCCSZ="National Supercomputing Center Shenzhen"
NSCCTJ="National Supercomputing Center Tianjin (NSCC-TJ)";NSCCJN="National Supercomputing Center Jinan"
JIANGNAN="Wuxi Jiangnan Institute of Computing Technology";SUNWAY="Sunway Microelectronics"
IME="Chinese Academy of Sciences Institute of Microelectronics";AFEU="Air Force Engineering University"
CASC771="China Aerospace Science and Technology Corporation (CASC) 9th Academy 771 Research Institute"
CASC772="China Aerospace Science and Technology Corporation (CASC) 9th Academy 772 Research Institute"
CETC32="China Electronics Technology Group Corporation 32nd Research Institute"
HAIGUANGIC="Chengdu Haiguang Integrated Circuit";HAIGUANGMC="Chengdu Haiguang Microelectronics Technology"

# --- Chinese -> English listed name (zh overlay)
for a,b in [("四川大学",SCU),("哈尔滨工业大学",HIT),("国防科技大学",NUDT),("国防科学技术大学",NUDT),
    ("中国人民解放军国防科技大学",NUDT),("中国科学技术大学",USTC),("电子科技大学",UESTC),("北京航空航天大学",BUAA),
    ("北京理工大学",BIT),("西北工业大学",NWPU),("南京航空航天大学",NUAA),("南京理工大学",NJUST),("哈尔滨工程大学",HEU),
    ("天津大学",TJU),("北京邮电大学",BUPT),("中国工程物理研究院",CAEP),("中国科学院计算技术研究所",ICT),
    ("中国科学院微电子研究所",IME),("空军工程大学",AFEU),("北京智源人工智能研究院",BAAI),
    ("北京智谱华章科技有限公司",ZHIPU),("曙光信息产业股份有限公司",SUGON),("海光信息技术股份有限公司",HIGON),
    ("浪潮电子信息产业股份有限公司",INSPUR),("浪潮集团有限公司",INSPURG),("算能科技有限公司",SOPHGO),("上海壁仞智能科技有限公司",BIREN),
    ("摩尔线程智能科技(北京)有限责任公司",MOORE),("中科寒武纪科技股份有限公司",CAMB),("华为技术有限公司",HUAWEI),
    ("华为云计算技术有限公司",HWCLOUD),("中芯国际集成电路制造有限公司",SMIC),("宁畅信息产业(北京)有限公司",NETTRIX),
    ("长江存储科技有限责任公司",YMTC),("国家超级计算长沙中心",NSCCCS),("国家超级计算无锡中心",NSCCWX),
    ("国家超级计算广州中心",NSCCGZ),("国家超级计算深圳中心",NSCCSZ),("国家超级计算天津中心",NSCCTJ),("国家超级计算济南中心",NSCCJN),
    ("无锡江南计算技术研究所",JIANGNAN),("飞腾信息技术有限公司",PHYT),("龙芯中科技术股份有限公司",LOONG),
    ("科大讯飞股份有限公司","IFLYTEK"),("北京旷视科技有限公司","Megvii Technology"),
    ("中国航天科技集团第九研究院771研究所",CASC771),("上海高性能集成电路设计中心","Shanghai High-Performance Integrated Circuit Design Center")]:
    add(a,b,T,"zh_en","full Chinese name via the zh overlay")
for a,b,n in [("哈工大",HIT,"short name"),("国防科大",NUDT,"short name"),("中科曙光",SUGON,"stock short name"),
    ("中芯国际",SMIC,"short name"),("摩尔线程",MOORE,"short name"),("壁仞科技",BIREN,"short name"),("浪潮信息",INSPUR,"stock short name"),
    ("中科院计算所",ICT,"short name")]:
    add(a,b,T,"zh_short",n)

# --- Chinese <-> Chinese variants (same organisation)
for a,b,n in [("四川大學","四川大学","traditional characters"),("哈爾濱工業大學","哈尔滨工业大学","traditional characters"),
    ("國防科技大學","国防科技大学","traditional characters"),("華為技術有限公司","华为技术有限公司","traditional characters"),
    ("中芯國際集成電路製造有限公司","中芯国际集成电路制造有限公司","traditional characters"),
    ("中國科學技術大學","中国科学技术大学","traditional characters"),
    ("北京智谱华章科技股份有限公司","北京智谱华章科技有限公司","股份有限公司 vs 有限公司 (company converted)"),
    ("曙光信息产业有限公司","曙光信息产业股份有限公司","legal form dropped 股份"),
    ("海光信息技术有限公司","海光信息技术股份有限公司","legal form (earlier name)"),
    ("中科寒武纪科技有限公司","中科寒武纪科技股份有限公司","legal form"),
    ("浪潮电子信息产业有限公司","浪潮电子信息产业股份有限公司","legal form"),
    ("摩尔线程智能科技（北京）有限责任公司","摩尔线程智能科技(北京)有限责任公司","full-width brackets"),
    ("宁畅信息产业（北京）有限公司","宁畅信息产业(北京)有限公司","full-width brackets"),
    ("摩尔线程智能科技(北京)股份有限公司","摩尔线程智能科技(北京)有限责任公司","有限责任公司 vs 股份有限公司"),
    ("四川 大学","四川大学","space inside the name"),("电子科技大学 ","电子科技大学","trailing space"),
    ("长江存储科技有限公司","长江存储科技有限责任公司","有限公司 vs 有限责任公司"),
    ("华为技术有限公司（盖章）","华为技术有限公司","seal annotation after the name"),
    ("北京智谱华章科技有限公司 ","北京智谱华章科技有限公司","trailing space"),
    ("上海壁仞智能科技有限公司","上海壁仞智能科技有限公司","identical")]:
    add(a,b,T,"zh_variant",n)

# --- English variants and list aliases
for a,b,n in [("Sugon Information Industry Co., Ltd.",SUGON,"list alias 'Sugon Information Industry' plus legal form"),
    ("Dawning Information Industry Co., Ltd.",SUGON,"list alias plus legal form; the registered English name"),
    ("SICHUAN UNIVERSITY",SCU,"case"),("Sichuan Univ.",SCU,"abbreviation"),
    ("National University of Defence Technology",NUDT,"British spelling, acronym dropped"),
    ("NUDT",NUDT,"acronym in the listed name"),("USTC",USTC,"list alias"),("BAAI",BAAI,"list alias"),("YMTC",YMTC,"list alias"),
    ("Huawei Technologies Co Ltd",HUAWEI,"punctuation"),("Huawei Technologies Company Limited",HUAWEI,"legal form spelled out"),
    ("Semiconductor Manufacturing International Corp.",SMIC,"legal form abbreviated, acronym dropped"),
    ("Inspur Electronic Information Industry Company Limited",INSPUR,"legal form spelled out"),
    ("IEIT Systems Co. Ltd.",INSPUR,"list alias (current English name)"),
    ("Univ. of Science & Technology of China",USTC,"abbreviation and ampersand"),
    ("Beihang University",BUAA,"list alias"),("Zhipu AI",ZHIPU,"list alias"),
    ("Beijing Knowledge Atlas Technology Co., Ltd.",ZHIPU,"list alias"),
    ("Hygon Information Technology Co., Ltd.",HIGON,"registered English name; list alias 'Higon Information Technology' differs by one letter"),
    ("Cambricon",CAMB,"list alias"),("Moore Threads",MOORE,"list alias"),("Biren Technology",BIREN,"list alias"),
    ("Northwest Polytechnical University",NWPU,"list alias (spelling variant)"),
    ("Nettrix Information Industry (Beijing) Co., Ltd.",NETTRIX,"list alias"),
    ("Loongson Technology Corporation Limited",LOONG,"list alias"),("Phytium Technology",PHYT,"list alias"),
    ("CAS ICT",ICT,"list alias"),("Institute of Computing Technology, Chinese Academy of Sciences",ICT,"word order"),
    ("Harbin Engineering University",HEU,"exact"),("NSCC-GZ",NSCCGZ,"acronym in the listed name"),
    ("Sophgo",SOPHGO,"list alias"),("SOPHON",SOPHGO,"list alias"),
    ("Sichuan University, Suzhou Research Institute",SCU,"list alias naming a sub-institute"),
    ("Beihang University Hangzhou Innovation Institute",BUAA,"list alias naming a sub-institute")]:
    add(a,b,T,"en_variant" if "alias" not in n else "alias",n)

# --- pinyin
for a,b,n in [("Zhongke Shuguang",SUGON,"pinyin alias in the list"),("Haiguang Xinxi Jishu Youxian Gongsi",HIGON,"pinyin alias in the list"),
    ("Haiguang Xinxijishu Youxiangongsi",HIGON,"pinyin alias with different syllable spacing"),
    ("Chengdu Haiguang Weidianzi Jishu",HAIGUANGMC,"list has 'Wei Dianzi'; spacing differs"),
    ("Chengdu Haiguang Jincheng Dianlu Sheji",HAIGUANGIC,"pinyin alias in the list"),
    ("Langchao (Beijing) Electronic Information Industry Co., Ltd.","Inspur (Beijing) Electronic Information Industry Co., Ltd.","pinyin brand in the list alias"),
    ("Changjiang Cunchu",YMTC,"pinyin alias in the list"),("Hunan Guofang Keji University",NUDT,"pinyin alias in the list"),
    ("Beijing Suanneng Technology Co., Ltd.",SOPHGO,"pinyin alias in the list"),
    ("Ningchang Information Industry (Beijing) Co., Ltd.",NETTRIX,"pinyin alias in the list"),
    ("Tianjin Feiteng Information Technology",PHYT,"pinyin alias in the list"),("Chengdu Shenwei Technology",SUNWAY,"pinyin alias in the list"),
    ("海光信息技术有限公司",HIGON,"Chinese whose pinyin equals the list alias 'Haiguang Xinxi Jishu Youxian Gongsi'"),
    ("中科曙光",SUGON,"Chinese whose pinyin equals the list alias 'Zhongke Shuguang'"),
    ("长江存储",YMTC,"Chinese whose pinyin equals the list alias 'Changjiang Cunchu'"),
    ("成都海光集成电路设计有限公司",HAIGUANGIC,"Chinese whose pinyin starts with the list alias 'Chengdu Haiguang Jincheng Dianlu Sheji'"),
    ("Sichuan Daxue",SCU,"pinyin of 四川大学 (no such alias in the list)")]:
    add(a,b,T,"pinyin",n)

# --- affiliates: sub-units, campuses, hospitals of a listed entity (review, lower score)
for a,b,n in [("四川大学华西医院",SCU,"university hospital"),("四川大学华西第二医院",SCU,"university hospital"),
    ("四川大学计算机学院",SCU,"school"),("哈尔滨工业大学(威海)",HIT,"campus, ASCII brackets"),("哈尔滨工业大学（威海）",HIT,"campus, full-width brackets"),
    ("哈尔滨工业大学（深圳）",HIT,"campus"),("Harbin Institute of Technology, Weihai",HIT,"campus in English"),
    ("Harbin Institute of Technology (Shenzhen)",HIT,"campus in English"),("中国科学技术大学苏州高等研究院",USTC,"institute (Reuters 2024-08 case)"),
    ("USTC Suzhou Institute for Advanced Research",USTC,"institute in English"),
    ("北京航空航天大学网络空间安全学院",BUAA,"school (Reuters 2025-12 case)"),("国防科技大学计算机学院",NUDT,"school"),
    ("电子科技大学（深圳）高等研究院",UESTC,"institute"),("西北工业大学太仓长三角研究院",NWPU,"institute"),
    ("北京理工大学重庆创新中心",BIT,"centre; the list names 'Beijing Institute of Technology, Chongqing Innovation Center' as an alias"),
    ("Huawei Cloud",HUAWEI,"Huawei Cloud Computing Technology is itself listed (85 FR 51603); against the parent it is an affiliate"),
    ("华为云",HUAWEI,"as above, Chinese"),
    ("浪潮(北京)电子信息产业有限公司",INSPURG,"subsidiary of Inspur Group, itself listed")]:
    add(a,b,T,"affiliate",n)

# --- hard negatives
for a,b,n in [("南方科技大学","中国科学技术大学","SUSTech is not USTC; share 科技大学 only"),
    ("Southern University of Science and Technology",USTC,"SUSTech is not USTC (whole-string JW 0.757)"),
    ("南方科技大学",USTC,"Chinese vs English of a different university"),
    ("浙江大学","浙江大学城市学院","decided: not a match. 浙大城市学院 became a separate public university (Hangzhou) in 2020; neither is listed"),
    ("浙江大学",TJU,"only 大学 / University in common"),
    ("四川省学栋科技有限公司","四川大学","the reseller that sold Azure OpenAI to Sichuan University; shares only 四川"),
    ("四川省学栋科技有限公司",SCU,"as above, against the English name"),
    ("Sichuan Province Xuedong Technology Co Ltd",SCU,"reseller vs buyer"),
    ("北京理工大学","北京工业大学","BIT vs BJUT"),("Beijing University of Technology",BIT,"BJUT vs BIT"),
    ("哈尔滨工程大学","哈尔滨工业大学","HEU vs HIT (both listed, different entities)"),("Harbin Engineering University",HIT,"HEU vs HIT"),
    ("哈尔滨理工大学","哈尔滨工业大学","HRBUST vs HIT"),("Harbin University of Science and Technology",HIT,"HRBUST vs HIT"),
    ("南京大学","南京理工大学","NJU vs NJUST"),("南京大学","南京航空航天大学","NJU vs NUAA"),("Nanjing University",NJUST,"NJU vs NJUST"),
    ("北京航空航天大学","南京航空航天大学","BUAA vs NUAA (both listed)"),
    ("四川农业大学","四川大学","different university"),("四川师范大学","四川大学","different university"),
    ("Sichuan Agricultural University",SCU,"different university"),
    ("西安电子科技大学","电子科技大学","Xidian contains 电子科技大学 as a substring but is not UESTC"),
    ("杭州电子科技大学","电子科技大学","contains 电子科技大学, different university"),
    ("桂林电子科技大学","电子科技大学","contains 电子科技大学, different university"),
    ("Xidian University",UESTC,"different university"),
    ("中国电子科技集团公司","电子科技大学","CETC vs UESTC: share 电子科技"),
    ("中国电子科技集团公司第十研究所",UESTC,"CETC institute in Chengdu vs UESTC"),
    ("北京科技大学","北京理工大学","USTB vs BIT"),("University of Science and Technology Beijing",USTC,"USTB vs USTC"),
    ("East China University of Science and Technology",USTC,"ECUST vs USTC"),
    ("天津工业大学","天津大学","different university"),("天津科技大学","天津大学","different university"),
    ("Tianjin University of Technology",TJU,"different university"),
    ("西北大学","西北工业大学","NWU vs NWPU"),("Northwest University",NWPU,"NWU vs NWPU"),
    ("北京大学","北京理工大学","PKU vs BIT"),("清华大学",TJU,"Tsinghua is not on the EL"),("Tsinghua University",TJU,"Tsinghua is not on the EL"),
    ("中山大学","中山大学国家超级计算广州中心","the host university is not the listed centre"),("Sun Yat-sen University",NSCCGZ,"host university vs listed centre"),
    ("深圳大学",NSCCSZ,"Shenzhen University is not listed; shares 深圳 only"),("Shenzhen University",NSCCSZ,"shares Shenzhen only"),
    ("国家超级计算成都中心","国家超级计算长沙中心","Chengdu centre is not listed"),("National Supercomputing Center in Chengdu",NSCCCS,"Chengdu centre not listed"),
    ("国家超级计算昆山中心","国家超级计算无锡中心","Kunshan centre is not listed"),
    ("National Supercomputing Center Tianjin (NSCC-TJ)",NSCCJN,"two listed centres, different entities"),
    ("国家超级计算中心","国家超级计算无锡中心","generic words only"),
    ("中国科学院",ICT,"CAS as a whole is not the listed institute"),("中国科学院软件研究所",ICT,"sibling institute, not listed"),
    ("中国科学院大学",ICT,"UCAS is not ICT"),("Chinese Academy of Sciences",ICT,"parent academy, not listed"),
    ("之江实验室","Quantum Science and Technology Yangtze River Delta Industrial Innovation Center","Zhejiang Lab is not listed"),
    ("辽宁曙光汽车集团股份有限公司","曙光信息产业股份有限公司","car maker sharing the brand word 曙光"),
    ("华润微电子有限公司","华为技术有限公司","shares 华 only"),("华虹半导体有限公司","中芯国际集成电路制造有限公司","another foundry"),
    ("北京智普信科技股份有限公司","北京智谱华章科技有限公司","constructed name: 智普 vs 智谱, one character apart"),
    ("北京科技有限公司","北京智谱华章科技有限公司","generic words only"),("科技有限公司",SUGON,"legal form and generic word only"),
    ("Technology Co., Ltd.",ZHIPU,"generic words only"),("Beijing Technology Development Co., Ltd.","Beijing Biren Technology Development Co., Ltd.","generic words and place only"),
    ("University",SCU,"generic word only"),("Sichuan",SCU,"place name only"),("Information Industry Co., Ltd.",NETTRIX,"generic words only"),
    ("National Supercomputing Center",NSCCWX,"generic words only"),
    ("Sophos Technologies Pvt. Ltd.",SOPHGO,"similar spelling, unrelated"),("Moore Industries International",MOORE,"shares Moore only"),
    ("Semiconductor Manufacturing International Corporation (SMIC)","Semiconductor Manufacturing South China Corporation","two listed SMIC entries, different entities"),
    ("Huawei Cloud Shenzhen","Huawei Cloud Shanghai","two listed Huawei Cloud entries, different cities"),
    ("China Electronics Technology Group Corporation 38th Research Institute",CETC32,"number differs"),
    (CASC772,CASC771,"number differs"),("中国航天科技集团第九研究院772研究所","中国航天科技集团第九研究院771研究所","number differs"),
    ("Hefei University of Technology","Hefei National Laboratory for Physical Sciences at Microscale","shares Hefei only"),
    ("合肥工业大学","中国科学技术大学","different Hefei university"),
    ("Alibaba Cloud Computing Co., Ltd.",HWCLOUD,"another cloud, shares Cloud Computing"),("阿里云计算有限公司","华为云计算技术有限公司","another cloud"),
    ("成都运达科技股份有限公司","成都海光集成电路设计有限公司","reseller in the Reuters case vs a listed Chengdu chip firm"),
    ("Chengdu Yunda Technology Co., Ltd.",HAIGUANGIC,"shares Chengdu only"),
    ("浪潮之巅科技有限公司","浪潮集团有限公司","constructed name containing the common word 浪潮"),
    ("华南理工大学","南京理工大学","SCUT; its name contains 南理工, NJUST's short name"),
    ("湖北理工学院","北京理工大学","its name contains 北理工, BIT's short name"),
    ("湖北航天技术研究院","北京航空航天大学","its name contains 北航, Beihang's short name"),
    ("海思科医药集团股份有限公司","海思半导体有限公司","Haisco Pharmaceutical; its name contains 海思"),
    ("寒武纪地质研究所","中科寒武纪科技股份有限公司","constructed name: 寒武纪 as the geological period")]:
    add(a,b,F,"negative",n)

w=csv.writer(sys.stdout,lineterminator="\n")
w.writerow(["name1","name2","is_match","kind","notes"])
w.writerows(P)
import collections
print(len(P),collections.Counter(p[3] for p in P),collections.Counter(p[2] for p in P),file=sys.stderr)
