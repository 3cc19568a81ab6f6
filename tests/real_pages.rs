//! The saved real pages in `../shared/data/pages/html` (third-party; never copied here): the
//! labelled values from that folder's README. Skips, saying why, when the folder is missing.
use std::path::PathBuf;

use tenderscan::model::{Money, Notice, NoticeType};
use tenderscan::{decode, parse};

fn pages_dir() -> Option<PathBuf> {
    // `../shared` next to the main checkout; a git worktree sits one level deeper.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("../shared/data/pages/html");
    let alt = root.join("../../shared/data/pages/html");
    if dir.is_dir() {
        Some(dir)
    } else if alt.is_dir() {
        Some(alt)
    } else {
        eprintln!(
            "skipping: {} not found (real pages live outside the repository)",
            dir.display()
        );
        None
    }
}

fn load(name: &str) -> Option<(String, Notice)> {
    let dir = pages_dir()?;
    let bytes = std::fs::read(dir.join(name)).ok()?;
    let decoded = decode::decode(&bytes, None);
    let notice = parse::parse(&decoded.text);
    Some((decoded.encoding, notice))
}

fn cny(amount: f64) -> Option<Money> {
    Some(Money {
        amount,
        currency: "CNY".into(),
    })
}

fn has(n: &Notice, supplier: &str) -> bool {
    n.suppliers.iter().any(|s| s == supplier)
}

#[test]
fn ccgp_2025_shenzhen_new_layout() {
    let Some((enc, n)) = load("ccgp_2025_shenzhen_longhua_kjsy_ac_zhongbiao.html") else {
        return;
    };
    assert_eq!(enc, "utf-8");
    assert_eq!(
        n.title.as_deref(),
        Some("深圳市龙华科技实验高级中学空调采购中标（成交）结果公告")
    );
    assert_eq!(n.notice_type, NoticeType::Award);
    assert_eq!(n.published.as_deref(), Some("2025-05-27"));
    assert_eq!(n.project_id.as_deref(), Some("LHACG2025000057"));
    assert_eq!(n.buyer.as_deref(), Some("深圳市龙华科技实验高级中学"));
    assert_eq!(n.agency.as_deref(), Some("深圳交易集团有限公司龙华分公司"));
    assert_eq!(n.budget, None);
    // 总中标金额 ￥668.790000 万元 beats the lot line 6687920.0元.
    assert_eq!(n.award, cny(6_687_900.0));
    // Bidders and candidates tables list five companies; only the 中标（成交）信息 names the winner.
    assert_eq!(n.suppliers, vec!["深圳市金龙空调电器有限公司".to_string()]);
}

#[test]
fn ccgp_2016_yunnan_old_layout() {
    let Some((enc, n)) = load("ccgp_2016_yunnan_cdc_vaccine_ruwei_oldlayout.htm") else {
        return;
    };
    assert_eq!(enc, "utf-8");
    assert_eq!(
        n.title.as_deref(),
        Some("云南省疾病预防控制中心二类疫苗公开招标入围项目入围公告")
    );
    assert_eq!(n.notice_type, NoticeType::Award);
    assert_eq!(n.published.as_deref(), Some("2016-11-23"));
    assert_eq!(n.project_id.as_deref(), Some("YNLB201601101"));
    assert_eq!(n.buyer.as_deref(), Some("云南省疾病预防控制中心"));
    assert_eq!(n.agency.as_deref(), Some("云南蓝本招标咨询有限公司"));
    assert_eq!(n.budget, None);
    // 入围价 are unit prices, not an award.
    assert_eq!(n.award, None);
    assert_eq!(
        n.suppliers.first().map(String::as_str),
        Some("江苏康淮生物科技有限公司")
    );
    assert!(has(&n, "北京科兴生物制品有限公司"));
    assert!(has(&n, "长春长生生物科技有限责任公司"));
}

#[test]
fn pharmnet_2017_gb2312_mirror() {
    let Some((enc, n)) = load("pharmnet_2017_hubei_vaccine_chengjiao_gb2312.htm") else {
        return;
    };
    assert_eq!(enc, "gbk");
    assert_eq!(
        n.title.as_deref(),
        Some("2017年湖北省第二类疫苗集中采购成交产品公布")
    );
    assert_eq!(n.published.as_deref(), Some("2017-10-25"));
    assert_eq!(n.project_id, None);
    assert_eq!(n.budget, None);
    assert!(
        n.text
            .contains("科园信海（北京）医疗用品贸易有限公司 | 698")
    );
}

#[test]
fn yaozui_2016_henan_mirror() {
    let Some((_, n)) = load("yaozui_2016_henan_vaccine_zhongbiao_mirror.html") else {
        return;
    };
    assert_eq!(
        n.title.as_deref(),
        Some("河南省二类疫苗供应商入围资格采购项目中标结果公告")
    );
    assert_eq!(n.notice_type, NoticeType::Award);
    assert_eq!(n.project_id.as_deref(), Some("HNZB[2016]N415号"));
    assert_eq!(n.buyer.as_deref(), Some("河南省疾病预防控制中心"));
    assert_eq!(n.agency.as_deref(), Some("河南招标采购服务有限公司"));
    // The README labels 招标公告发出日期; the page has no publication date of its own.
    assert_eq!(n.published.as_deref(), Some("2016-12-28"));
    assert_eq!(n.budget, None);
    assert_eq!(n.award, None, "36 元/支 is a unit price");
    assert_eq!(
        n.suppliers.first().map(String::as_str),
        Some("北京北生研生物制品有限公司")
    );
    assert!(has(&n, "上海生物制品研究所有限责任公司"));
    assert!(has(&n, "华兰生物疫苗有限公司"));
}

#[test]
fn ygyg_2011_thinkpad_chengjiao() {
    let Some((_, n)) = load("ygyg_2011_YGYG-201109280003_thinkpad_chengjiao.jsp.html") else {
        return;
    };
    assert_eq!(
        n.title.as_deref(),
        Some("联想ThinkPad E40（0579A14） 笔记本电脑采购公告")
    );
    assert_eq!(n.notice_type, NoticeType::Award);
    assert_eq!(n.project_id.as_deref(), Some("YGYG-201109280003"));
    assert_eq!(n.buyer.as_deref(), Some("北京国信创新科技有限公司"));
    assert_eq!(n.published.as_deref(), Some("2011-09-28"));
    assert_eq!(n.suppliers, vec!["北京德仕美通电子有限公司".to_string()]);
    assert_eq!(n.award, cny(3850.0));
}

#[test]
fn ygyg_2011_switch_router_chengjiao() {
    let Some((_, n)) = load("ygyg_2011_YGYG-201109280002_switch_router_chengjiao.jsp.html") else {
        return;
    };
    assert_eq!(
        n.title.as_deref(),
        Some("交换机D-Link DES-1252 和路由器H3C ER5200采购项目成交通告")
    );
    assert_eq!(n.notice_type, NoticeType::Award);
    assert_eq!(n.project_id.as_deref(), Some("YGYG-201109280002"));
    assert_eq!(n.buyer.as_deref(), Some("北京国信创新科技有限公司"));
    assert_eq!(n.published.as_deref(), Some("2011-09-28"));
    assert_eq!(n.suppliers, vec!["北京金光桥电信电子技术公司".to_string()]);
    assert_eq!(n.award, cny(6250.0));
}

#[test]
fn ygyg_2011_news_is_not_a_notice() {
    let Some((_, n)) = load("ygyg_2011_cloud_computing_gov_procurement_news.jsp.html") else {
        return;
    };
    // A trade-press article (中国IDC圈) about procurement: `news`, not a notice.
    assert_eq!(n.notice_type, NoticeType::News);
    assert_eq!(n.published.as_deref(), Some("2011-06-15"));
    assert_eq!(
        (n.project_id, n.buyer, n.budget, n.award),
        (None, None, None, None)
    );
    assert!(n.suppliers.is_empty());
    assert!(n.text.contains("云计算"));
}

/// Every saved page (and the listing fragment) parses without panicking.
#[test]
fn every_saved_page_parses() {
    let Some(dir) = pages_dir() else { return };
    let mut count = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        let n = parse::parse(&decode::decode(&bytes, None).text);
        assert!(!n.text.is_empty(), "{:?}", entry.file_name());
        count += 1;
    }
    assert_eq!(count, 8);
}
