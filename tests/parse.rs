//! Field extraction: every fixture's exact values, plus tables of amount, date and label forms.
use std::path::PathBuf;

use tenderscan::model::{Money, Notice, NoticeType};
use tenderscan::parse::date::parse_date;
use tenderscan::parse::money::{Unit, parse_money};
use tenderscan::{decode, parse};

fn fixture(name: &str) -> Notice {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    parse::parse(&decode::decode(&bytes, None).text)
}

fn money(amount: f64, currency: &str) -> Option<Money> {
    Some(Money {
        amount,
        currency: currency.to_string(),
    })
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// The fields a fixture's README entry promises.
struct Expected<'a> {
    title: &'a str,
    notice_type: NoticeType,
    published: Option<&'a str>,
    project_id: Option<&'a str>,
    buyer: Option<&'a str>,
    agency: Option<&'a str>,
    budget: Option<Money>,
    award: Option<Money>,
    suppliers: &'a [&'a str],
}

fn check(name: &str, e: Expected) -> Notice {
    let n = fixture(name);
    assert_eq!(n.title.as_deref(), Some(e.title), "{name}: title");
    assert_eq!(n.notice_type, e.notice_type, "{name}: notice_type");
    assert_eq!(n.published.as_deref(), e.published, "{name}: published");
    assert_eq!(n.project_id.as_deref(), e.project_id, "{name}: project_id");
    assert_eq!(n.buyer.as_deref(), e.buyer, "{name}: buyer");
    assert_eq!(n.agency.as_deref(), e.agency, "{name}: agency");
    assert_eq!(n.budget, e.budget, "{name}: budget");
    assert_eq!(n.award, e.award, "{name}: award");
    assert_eq!(n.suppliers, e.suppliers, "{name}: suppliers");
    n
}

#[test]
fn ccgp_new_award_scu_azure_openai() {
    let n = check(
        "ccgp_new_award_scu_azure_openai.html",
        Expected {
            title: "四川大学人工智能大模型服务采购项目中标（成交）结果公告",
            notice_type: NoticeType::Award,
            published: Some("2025-06-27"),
            project_id: Some("SCZC2025-GK-0627"),
            buyer: Some("四川大学"),
            agency: Some("四川锦程招标代理有限公司"),
            budget: None,
            award: money(398000.0, "CNY"),
            suppliers: &["成都云启智算科技有限公司"],
        },
    );
    // Goods table rows stay on one line, cells joined by " | ".
    assert!(n.text.contains(
        "Azure OpenAI 服务 tokens (GPT-4o) | 由世纪互联运营的 Microsoft Azure 中国区提供的 Azure OpenAI 服务调用额度"
    ));
    assert!(n.text.contains("采购单位 | 四川大学,四川大学"));
    // Scripts are not text.
    assert!(!n.text.contains("HOY_TR"));
    assert!(!n.text.contains("sfx"));
}

#[test]
fn ccgp_new_tender_szu_aws_a100() {
    let n = check(
        "ccgp_new_tender_szu_aws_a100.html",
        Expected {
            title: "深圳大学科研云计算资源租用服务项目公开招标公告",
            notice_type: NoticeType::Tender,
            published: Some("2025-03-12"),
            project_id: Some("SZDX2025-0312"),
            buyer: Some("深圳大学"),
            agency: Some("深圳市鹏程采购咨询有限公司"),
            budget: money(200000.0, "CNY"),
            award: None,
            suppliers: &[],
        },
    );
    assert!(
        n.text
            .contains("亚马逊云科技 (AWS) 账号，含 NVIDIA A100/H100 GPU 云服务器 (p4d.24xlarge)")
    );
}

#[test]
fn ccgp_old_hit_a100_servers() {
    let n = check(
        "ccgp_old_hit_a100_servers.htm",
        Expected {
            title: "哈尔滨工业大学深度学习GPU服务器采购项目中标公告",
            notice_type: NoticeType::Award,
            published: Some("2017-06-20"),
            project_id: Some("HITZB-2017-0608"),
            buyer: Some("哈尔滨工业大学"),
            agency: Some("黑龙江华信招标有限公司"),
            budget: None,
            award: money(1_860_000.0, "CNY"),
            suppliers: &["黑龙江北辰智算科技有限公司"],
        },
    );
    // Word cells wrap text in <p>: the row is still one line.
    assert!(n.text.contains(
        "1 | GPU服务器 配置 8卡 NVIDIA A100 80G | 黑龙江北辰智算科技有限公司 | ¥1,860,000.00"
    ));
}

#[test]
fn gbk_uestc_a800_servers() {
    let n = check(
        "gbk_uestc_a800_servers.htm",
        Expected {
            title: "电子科技大学A800训练服务器采购询价公告",
            notice_type: NoticeType::Tender,
            published: Some("2024-11-05"),
            project_id: Some("UESTC-XJ-2024-118"),
            buyer: Some("电子科技大学"),
            agency: None,
            budget: money(1_850_000.0, "CNY"),
            award: None,
            suppliers: &[],
        },
    );
    assert!(n.text.contains("英伟达 A800 训练卡"));
}

#[test]
fn gbk_declared_utf8_hit_weihai() {
    let n = check(
        "gbk_declared_utf8_hit_weihai.html",
        Expected {
            title: "哈尔滨工业大学（威海）智算服务器采购项目成交公告",
            notice_type: NoticeType::Award,
            published: Some("2024-08-16"),
            project_id: Some("HITWH-CG-2024-031"),
            buyer: Some("哈尔滨工业大学（威海）"),
            agency: None,
            budget: None,
            award: money(2_980_000.0, "CNY"),
            suppliers: &["山东海岳智能科技有限公司"],
        },
    );
    assert!(n.text.contains("NVIDIA H800 智算服务器"));
}

#[test]
fn gb18030_provincial_domestic_cloud() {
    let n = check(
        "gb18030_provincial_domestic_cloud.html",
        Expected {
            title: "陇南市政务云服务项目单一来源采购公示",
            notice_type: NoticeType::SingleSource,
            published: Some("2025-02-18"),
            project_id: Some("LNZFCG-2025-0007"),
            buyer: Some("陇南市大数据服务中心"),
            agency: Some("甘肃陇原招标代理有限公司"),
            budget: money(4_865_000.0, "CNY"),
            award: None,
            suppliers: &["中国电信股份有限公司陇南分公司"],
        },
    );
    assert!(n.text.contains("吉𠮷"));
}

#[test]
fn multi_lot_sugon_inspur_table() {
    check(
        "multi_lot_sugon_inspur_table.html",
        Expected {
            title: "重庆西部智算中心算力服务器采购项目中标结果公告",
            notice_type: NoticeType::Award,
            published: Some("2025-04-19"),
            project_id: Some("CQZC2025-0419"),
            buyer: Some("重庆西部智算中心"),
            agency: Some("重庆渝建招标代理有限公司"),
            budget: money(23_000_000.0, "CNY"),
            // 1,280.50 + 956.00 + 42.30 万元 (header unit), summed over lots A/B/C.
            award: money(22_788_000.0, "CNY"),
            suppliers: &[
                "曙光信息产业股份有限公司",
                "浪潮电子信息产业股份有限公司",
                "重庆渝信办公设备有限公司",
            ],
        },
    );
}

#[test]
fn epoint_prose_zhipu_claude() {
    let n = check(
        "epoint_prose_zhipu_claude.html",
        Expected {
            title: "江苏省前沿智能计算实验室大模型接口调用服务成交候选人公示",
            notice_type: NoticeType::Candidates,
            published: Some("2025-07-16"),
            project_id: Some("JSZC-2025-0716"),
            buyer: Some("江苏省前沿智能计算实验室"),
            agency: Some("江苏天衡工程咨询有限公司"),
            budget: None,
            award: None,
            // A 成交候选人公示 names candidates, not winners.
            suppliers: &[],
        },
    );
    assert_eq!(
        n.candidates,
        vec!["北京智谱华章科技有限公司", "南京星汉数据服务有限公司"]
    );
    assert!(
        n.text
            .contains("通过海外亚马逊云科技账号调用 Anthropic Claude 3 模型 API")
    );
}

#[test]
fn english_hkust_gpu_rental() {
    let n = check(
        "english_hkust_gpu_rental.html",
        Expected {
            title: "Open Tender Notice: GPU Computing Rental Service",
            notice_type: NoticeType::Tender,
            published: Some("2025-03-27"),
            project_id: Some("ITD/T/2025/014"),
            buyer: Some("The Hong Kong University of Science and Technology (Guangzhou)"),
            agency: None,
            budget: money(1_200_000.0, "HKD"),
            award: None,
            suppliers: &[],
        },
    );
    assert!(
        n.text
            .contains("NVIDIA H100 80GB SXM5 GPUs on AWS (p5.48xlarge instances)")
    );
}

#[test]
fn plain_notice_bedrock() {
    let n = check(
        "plain_notice_bedrock.txt",
        Expected {
            title: "北京航空航天大学生成式人工智能平台云服务采购成交公告",
            notice_type: NoticeType::Award,
            published: Some("2025-08-12"),
            project_id: Some("BUAA-CG-2025-0588"),
            buyer: Some("北京航空航天大学"),
            agency: Some("北京京航招标咨询有限公司"),
            budget: None,
            award: money(965_000.0, "CNY"),
            suppliers: &["北京云途数智科技有限公司"],
        },
    );
    assert!(
        n.text
            .contains("光环新网运营的亚马逊云科技（AWS）北京区域，开通 Amazon Bedrock 服务，")
    );
}

#[test]
fn ccgp_correction_sugon() {
    check(
        "ccgp_correction_sugon.html",
        Expected {
            title: "天津师范大学高性能计算平台扩容项目更正公告",
            notice_type: NoticeType::Correction,
            published: Some("2025-05-09"),
            project_id: Some("TJSD-2025-HPC-02"),
            buyer: Some("天津师范大学"),
            agency: Some("天津海河招标有限公司"),
            budget: None,
            award: None,
            suppliers: &[],
        },
    );
}

#[test]
fn trap_lookalike_names() {
    check(
        "trap_lookalike_names.html",
        Expected {
            title: "南方科技大学数据中心运维服务采购结果公告",
            notice_type: NoticeType::Award,
            published: Some("2025-05-30"),
            project_id: Some("SUSTECH-2025-0530"),
            buyer: Some("南方科技大学"),
            agency: None,
            budget: None,
            award: money(586_000.0, "CNY"),
            suppliers: &["四川省学栋科技有限公司"],
        },
    );
}

#[test]
fn small_traps() {
    // (file, title, type, published, project id, buyer, budget, award, suppliers)
    type Row<'a> = (
        &'a str,
        &'a str,
        NoticeType,
        &'a str,
        &'a str,
        &'a str,
        Option<Money>,
        Option<Money>,
        &'a [&'a str],
    );
    let rows: &[Row] = &[
        (
            "trap_dji_h20_drone.html",
            "某市公安局警用无人机挂载设备采购公告",
            NoticeType::Tender,
            "2025-05-08",
            "JWZB-2025-0508",
            "温州市公安局",
            money(450_000.0, "CNY"),
            None,
            &[],
        ),
        (
            "trap_weather_station_aws.html",
            "校园自动气象站（AWS）建设项目询价公告",
            NoticeType::Tender,
            "2025-04-22",
            "NXQX-2025-022",
            "宁夏气象职业学院",
            money(160_000.0, "CNY"),
            None,
            &[],
        ),
        (
            "trap_mri_tesla.html",
            "3.0T磁共振成像系统采购项目招标公告",
            NoticeType::Tender,
            "2025-03-03",
            "YYZB-2025-0303",
            "南通市第一人民医院",
            money(12_800_000.0, "CNY"),
            None,
            &[],
        ),
        (
            "trap_office_windows_licence.html",
            "软件正版化采购项目成交公告",
            NoticeType::Award,
            "2025-06-10",
            "ZBH-2025-061",
            "湖州市教育局",
            None,
            money(312_500.0, "CNY"),
            &["湖州明远信息技术有限公司"],
        ),
        (
            "trap_rtx4090d_workstation.html",
            "设计学院图形工作站采购询价公告",
            NoticeType::Tender,
            "2025-02-26",
            "SJXY-2025-007",
            "苏州工艺美术职业技术学院",
            money(380_000.0, "CNY"),
            None,
            &[],
        ),
        (
            "trap_gpt_reagent.html",
            "检验科生化试剂采购项目中标公告",
            NoticeType::Award,
            "2025-01-15",
            "JYK-2025-0115",
            "绍兴市中心医院",
            None,
            money(86_400.0, "CNY"),
            &["绍兴康润医疗器械有限公司"],
        ),
    ];
    for (file, title, kind, published, id, buyer, budget, award, suppliers) in rows {
        let n = fixture(file);
        assert_eq!(n.title.as_deref(), Some(*title), "{file}");
        assert_eq!(n.notice_type, *kind, "{file}");
        assert_eq!(n.published.as_deref(), Some(*published), "{file}");
        assert_eq!(n.project_id.as_deref(), Some(*id), "{file}");
        assert_eq!(n.buyer.as_deref(), Some(*buyer), "{file}");
        assert_eq!(n.agency, None, "{file}");
        assert_eq!(&n.budget, budget, "{file}");
        assert_eq!(&n.award, award, "{file}");
        assert_eq!(n.suppliers, *suppliers, "{file}");
    }
}

#[test]
fn news_not_a_notice() {
    let n = fixture("news_not_a_notice.html");
    assert_eq!(n.title, s("高校科研上云观察：算力从机房走向云端"));
    // A news article (byline "来源：本网记者"), not a notice.
    assert_eq!(n.notice_type, NoticeType::News);
    assert_eq!(n.published, s("2025-07-02"));
    assert_eq!(
        (n.project_id, n.buyer, n.agency, n.budget, n.award),
        (None, None, None, None, None)
    );
    assert!(n.suppliers.is_empty() && n.candidates.is_empty());
    assert!(n.text.contains("华为云、天翼云"));
}

/// (as written, unit from the label, expected amount and currency)
type AmountCase<'a> = (&'a str, Option<Unit>, Option<(f64, &'a str)>);

#[test]
fn amount_normalisation() {
    let cases: &[AmountCase] = &[
        (
            "￥668.790000 万元（人民币）",
            None,
            Some((6_687_900.0, "CNY")),
        ),
        ("￥39.800000 万元（人民币）", None, Some((398_000.0, "CNY"))),
        ("6687920.0元", None, Some((6_687_920.0, "CNY"))),
        ("人民币3850元", None, Some((3850.0, "CNY"))),
        ("930,000.00", Some(Unit::Yuan), Some((930_000.0, "CNY"))),
        ("55,054万元", None, Some((550_540_000.0, "CNY"))),
        ("2,300.00", Some(Unit::Wan), Some((23_000_000.0, "CNY"))),
        ("1.37亿元", None, Some((137_000_000.0, "CNY"))),
        ("9亿元（不含税）", None, Some((900_000_000.0, "CNY"))),
        ("总价形式报价:569800.00(元)", None, Some((569_800.0, "CNY"))),
        ("¥80.00", None, Some((80.0, "CNY"))),
        (
            "（可填写下浮率、折扣率或费率）：1234.5万元",
            None,
            Some((12_345_000.0, "CNY")),
        ),
        ("HKD 1,200,000", None, Some((1_200_000.0, "HKD"))),
        ("USD 250,000.00", None, Some((250_000.0, "USD"))),
        ("EUR 80,000", None, Some((80_000.0, "EUR"))),
        ("下浮率 5%", None, None),
        ("费率：0.8%", None, None),
        ("36元/支", None, None),
        ("人民币捌仟贰佰元整", None, None),
        ("暂未确定", None, None),
        ("", None, None),
    ];
    for (raw, hint, want) in cases {
        let got = parse_money(raw, *hint).map(|m| (m.amount, m.currency));
        let want = want.map(|(a, c)| (a, c.to_string()));
        assert_eq!(got, want, "{raw:?}");
    }
}

#[test]
fn date_forms() {
    let cases: &[(&str, Option<&str>)] = &[
        ("2025年06月27日", Some("2025-06-27")),
        ("2025年6月7日 20:20", Some("2025-06-07")),
        ("2025-06-27 20:20", Some("2025-06-27")),
        ("2025/07/14 10:30:00", Some("2025-07-14")),
        ("于 2016 年 11 月 22 日", Some("2016-11-22")),
        ("2021年12月16日13点30分（北京时间）", Some("2021-12-16")),
        ("二〇一六年十一月二十二日", Some("2016-11-22")),
        ("27 March 2025", Some("2025-03-27")),
        ("March 27, 2025", Some("2025-03-27")),
        ("2025年13月40日", None),
        ("依照合同约定", None),
    ];
    for (raw, want) in cases {
        assert_eq!(parse_date(raw).as_deref(), *want, "{raw:?}");
    }
}

#[test]
fn label_variants() {
    let cases: &[(&str, &str)] = &[
        ("<p>采购人：甲大学</p>", "甲大学"),
        ("<p>采购人名称：甲大学</p>", "甲大学"),
        ("<p>采购单位名称:甲大学</p>", "甲大学"),
        ("<p>招标人：甲大学</p>", "甲大学"),
        ("<p>采 购 人：甲大学</p>", "甲大学"),
        ("<p>采购单位：</p><p>甲大学</p>", "甲大学"),
        ("<p>采购人：<u>甲</u><span>大学</span></p>", "甲大学"),
        (
            "<table><tr><td class=\"title\">采购单位</td><td>甲大学,甲大学,甲大学</td></tr></table>",
            "甲大学",
        ),
        (
            "<p>1.采购人信息</p><p>名称：甲大学</p><p>2.采购代理机构信息</p><p>名称：乙公司</p>",
            "甲大学",
        ),
        (
            "<p>乙招标公司受甲大学的委托，对设备采购（项目编号：X-2025-01）进行竞争性磋商。</p>",
            "甲大学",
        ),
        ("<p>本招标项目招标人为甲大学，资金来自财政。</p>", "甲大学"),
        (
            "<p>Procuring Entity: Alpha University</p>",
            "Alpha University",
        ),
        ("<p>Buyer: Alpha University</p>", "Alpha University"),
    ];
    for (html, buyer) in cases {
        let n = parse::parse(&format!("<html><body>{html}</body></html>"));
        assert_eq!(n.buyer.as_deref(), Some(*buyer), "{html}");
    }
    let n = parse::parse(
        "<p>乙招标公司受甲大学的委托，对设备采购（项目编号：X-2025-01）进行竞争性磋商。</p>",
    );
    assert_eq!(n.agency.as_deref(), Some("乙招标公司"));
    assert_eq!(n.project_id.as_deref(), Some("X-2025-01"));
}

#[test]
fn numbered_headings_on_one_line() {
    // Shenzhen-style spans: several "一、label：value" on one text line.
    let n = parse::parse(
        "<html><body><td><span>一、项目编号：LH2025000001</span> <span>二、项目名称：空调采购</span> \
         <span>五、中标（成交）信息 供应商名称：甲空调有限公司 供应商地址：深圳市 中标（成交）金额：6687920.0元</span></td></body></html>",
    );
    assert_eq!(n.project_id.as_deref(), Some("LH2025000001"));
    assert_eq!(n.suppliers, vec!["甲空调有限公司".to_string()]);
    assert_eq!(n.award, money(6_687_920.0, "CNY"));
}

#[test]
fn lots_as_label_lines_are_summed() {
    let n = parse::parse(
        "<html><body><p>标包：<u>A</u></p><p>供应商名称：<u>甲公司</u></p><p>中标（成交）金额：<u>12.5万元</u></p>\
         <p>标包：<u>B</u></p><p>供应商名称：<u>乙公司</u></p><p>中标（成交）金额：<u>7.5万元</u></p>\
         <p>代理服务收费金额（元）：3000</p></body></html>",
    );
    assert_eq!(
        n.suppliers,
        vec!["甲公司".to_string(), "乙公司".to_string()]
    );
    assert_eq!(n.award, money(200_000.0, "CNY"));
    assert_eq!(n.notice_type, NoticeType::Award);
}

#[test]
fn empty_and_markup_free_documents() {
    let n = parse::parse("");
    assert_eq!(n, Notice::default());
    let n = parse::parse("<html><body><div></div></body></html>");
    assert_eq!(n.title, None);
    assert_eq!(n.notice_type, NoticeType::Other);
}

/// Throughput of decode + parse over the real Shenzhen page (or the fixtures), printed, never
/// asserted: run with `cargo test --release --test parse -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut pages: Vec<Vec<u8>> = Vec::new();
    for dir in [
        root.join("../shared/data/pages/html"),
        root.join("../../shared/data/pages/html"),
        root.join("fixtures"),
    ] {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            pages.push(std::fs::read(entry.path()).unwrap_or_default());
        }
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let rounds = 20;
    let start = std::time::Instant::now();
    let mut fields = 0usize;
    for _ in 0..rounds {
        for page in &pages {
            let n = parse::parse(&decode::decode(page, None).text);
            fields += n.suppliers.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let texts: Vec<String> = pages.iter().map(|p| decode::decode(p, None).text).collect();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for doc in &texts {
            let _ = scraper::Html::parse_document(doc);
        }
    }
    let html5ever = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let mut walked = Vec::new();
    for doc in &texts {
        walked.push(parse::html::walk(doc).text);
    }
    for _ in 1..rounds {
        for doc in &texts {
            let _ = parse::html::walk(doc);
        }
    }
    let walk = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for text in &walked {
            let _ = parse::labels::scan(text);
        }
    }
    let scan = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for page in &pages {
            let _ = decode::decode(page, None);
        }
    }
    let dec = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for doc in &texts {
            let _ = parse::parse(doc);
        }
    }
    let parse_only = t.elapsed().as_secs_f64();
    eprintln!("decode {dec:.2}s, parse {parse_only:.2}s");
    eprintln!(
        "html5ever {html5ever:.2}s, walk (incl. html5ever) {walk:.2}s, label scan {scan:.2}s, total {secs:.2}s"
    );
    eprintln!(
        "{} pages, {:.1} MB, {rounds} rounds: {:.1} MB/s, {:.0} pages/s ({fields})",
        pages.len(),
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / secs,
        (pages.len() * rounds) as f64 / secs
    );
}

#[test]
fn notice_types_from_titles() {
    let cases: &[(&str, NoticeType)] = &[
        ("某大学2025年6月政府采购意向", NoticeType::Intent),
        ("某大学服务器采购项目终止公告", NoticeType::Termination),
        ("某大学服务器采购项目废标公告", NoticeType::Termination),
        (
            "某大学服务器采购项目中标结果更正公告",
            NoticeType::Correction,
        ),
        ("某大学服务器采购项目澄清公告", NoticeType::Correction),
        ("某大学算力服务单一来源采购公示", NoticeType::SingleSource),
        ("某大学服务器采购项目中标(成交)结果公告", NoticeType::Award),
        ("某大学服务器采购项目竞争性磋商公告", NoticeType::Tender),
        ("某大学服务器采购项目询价公告", NoticeType::Tender),
        (
            "Corrigendum No. 1: GPU Cluster Tender",
            NoticeType::Correction,
        ),
        ("Contract Award Notice: GPU Cluster", NoticeType::Award),
        ("高校算力建设观察", NoticeType::Other),
    ];
    for (title, kind) in cases {
        let n = parse::parse(&format!(
            "<html><head><title>{title}</title></head><body><p>正文</p></body></html>"
        ));
        assert_eq!(n.notice_type, *kind, "{title}");
    }
    // The ccgp breadcrumb decides when the title names no type.
    let n = parse::parse(
        "<html><body><div class=\"vF_deail_currentloc\">当前位置：首页 » 政采公告 » 地方公告 » 中标公告</div>\
         <h2 class=\"tc\">某大学服务器采购项目公告</h2></body></html>",
    );
    assert_eq!(n.notice_type, NoticeType::Award);
}

/// Issue 10, bad input: odd candidate, correction and news pages give sensible fields, no panic.
#[test]
fn odd_candidate_correction_and_news_pages() {
    // Two candidate tables naming the same company: listed once, never as a winner.
    let html = "<html><head><title>X</title></head><body><h1>某大学服务器采购项目中标候选人公示</h1>\
        <p>项目编号：ABC-2025-001</p><p>采购人：某大学</p>\
        <table><tr><td>排名</td><td>中标候选人</td></tr><tr><td>1</td><td>甲科技有限公司</td></tr></table>\
        <table><tr><td>排名</td><td>中标候选人</td></tr><tr><td>1</td><td>甲科技有限公司</td></tr>\
        <tr><td>2</td><td>乙科技有限公司</td></tr><tr><td>3</td><td></td></tr></table></body></html>";
    let n = parse::parse(html);
    assert_eq!(n.notice_type, NoticeType::Candidates);
    assert_eq!(n.candidates, vec!["甲科技有限公司", "乙科技有限公司"]);
    assert!(n.suppliers.is_empty() && n.award.is_none());

    // A correction naming only the original budget: no corrected value is invented.
    let html = "<html><body><h2 class=\"tc\">某局设备采购项目更正公告</h2><p>项目编号：GZ-2025-0009</p>\
        <p>原预算金额：120万元</p><p>更正内容：开标地点变更。</p></body></html>";
    let n = parse::parse(html);
    assert_eq!(n.notice_type, NoticeType::Correction);
    assert_eq!(n.budget, None);
    assert!(n.notes.is_empty(), "{:?}", n.notes);

    // A correction sentence without a number after 调整为: nothing read, no panic.
    let n = parse::parse("某项目更正公告\n预算金额由120万元调整为另行通知。");
    assert_eq!(n.budget, None);

    // A news page listing sixty companies: at most fifty candidates kept.
    let names: Vec<String> = (0..60)
        .map(|i| format!("企业{}号科技有限公司", han(i)))
        .collect();
    let text = format!(
        "某地入围名单公布\n2025-01-02 来源：某报 记者 张三\n入围候选人依次为：{}。",
        names.join("、")
    );
    let n = parse::parse(&text);
    assert_eq!(n.notice_type, NoticeType::News);
    assert_eq!(n.candidates.len(), 50);
    assert_eq!(n.candidates[0], names[0]);
}

/// A digit-free label for test company names (org names with digits are not read as names).
fn han(i: usize) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    format!("{}{}", D[i / 10], D[i % 10])
}

/// Issue 10: the budget is the corrected one, and the record says what changed.
#[test]
fn corrected_budget_and_its_note() {
    let n = parse::parse(
        "<html><body><h2 class=\"tc\">某大学平台项目更正公告</h2><p>项目编号：DX-2025-11</p>\
         <p>原预算金额：1,200,000.00元；现更正为：预算金额：980,000.00元。</p></body></html>",
    );
    assert_eq!(n.budget, money(980_000.0, "CNY"));
    assert_eq!(
        n.notes,
        vec!["budget corrected from 1200000.00 CNY to 980000.00 CNY"]
    );
    let n = parse::parse("某项目变更公告\n项目编号：BG-2025-01\n最高限价从300万元变更为280万元。");
    assert_eq!(n.budget, money(2_800_000.0, "CNY"));
    assert_eq!(
        n.notes,
        vec!["budget corrected from 3000000.00 CNY to 2800000.00 CNY"]
    );
}

/// Issue 10: a deadline never dates the page; 供应商地址 is never a winner.
#[test]
fn deadline_is_not_published_and_address_is_not_a_winner() {
    let n = parse::parse(
        "某学院服务器询价公告\n开标时间：2025年05月20日 09:30\n项目编号：XJ-2025-77\n\
         成交供应商：\n供应商地址：某市某路1号\n某某科技有限公司\n某学院\n2025年5月10日",
    );
    assert_eq!(n.published.as_deref(), Some("2025-05-10"));
    assert_eq!(n.suppliers, vec!["某某科技有限公司"]);
}
