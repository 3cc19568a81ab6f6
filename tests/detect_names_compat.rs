//! Issue 10: a product word that is part of an organisation's name is that organisation, not a
//! mention of the product (北京智谱华章科技有限公司 is a company; 智谱GLM is a model); and
//! compatibility / comparison phrasing in its other word orders is not use of the product.
use std::path::Path;
use std::sync::OnceLock;

use tenderscan::detect::Detector;

fn detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        match Detector::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists")) {
            Ok(d) => d,
            Err(e) => panic!("loading the real vocabulary: {e:#}"),
        }
    })
}

fn names(text: &str, parties: &[&str]) -> Vec<String> {
    detector()
        .detect_with_names(text, parties)
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn a_term_closed_by_a_legal_form_is_a_company() {
    assert!(names("第一中标候选人为北京智谱华章科技有限公司。", &[]).is_empty());
    assert!(names("中标人：腾讯云计算（北京）有限责任公司", &[]).is_empty());
    assert!(names("供应商：阿里云计算有限公司", &[]).is_empty());
}

#[test]
fn the_product_itself_is_still_a_mention() {
    assert_eq!(names("接入智谱GLM-4大模型", &[]), vec!["Zhipu GLM"]);
    // A clause between the term and a company: the term stands on its own.
    assert_eq!(
        names("采购阿里云服务由杭州某某科技有限公司提供", &[]),
        vec!["Alibaba Cloud"]
    );
    assert_eq!(names("使用华为云的公司", &[]), vec!["Huawei Cloud"]);
}

#[test]
fn a_short_form_of_a_named_party_is_that_party() {
    let party = ["北京智谱华章科技有限公司"];
    // 智谱华章 goes on as the candidate's name does: the company, in a headline.
    assert!(names("大模型服务采购项目公示中标候选人 智谱华章排名第一", &party).is_empty());
    // Without the party it would be read as the product.
    assert_eq!(
        names("大模型服务采购项目公示中标候选人 智谱华章排名第一", &[]),
        vec!["Zhipu GLM"]
    );
    // The product next to the same party is still reported.
    assert_eq!(names("本项目采用智谱GLM模型", &party), vec!["Zhipu GLM"]);
}

#[test]
fn a_cloud_operator_name_stays_a_mention_inside_its_company_name() {
    // terms.csv marks operator names @company: the operator is the signal.
    assert_eq!(
        names("中标供应商：北京光环新网科技股份有限公司", &[]),
        vec!["Sinnet (AWS Beijing operator)"]
    );
}

#[test]
fn compatibility_in_other_word_orders_is_no_mention() {
    for text in [
        "平台接口须与OpenAI API兼容",
        "提供与OpenAI兼容的API接口",
        "支持OpenAI等主流接口协议",
        // The comparison vetoes GPT-4, and with it the GPT inside it.
        "大模型能力不低于GPT-4水平",
    ] {
        assert!(names(text, &[]).is_empty(), "{text}");
    }
    // Use is still use, with compatibility named elsewhere in the sentence.
    assert_eq!(
        names("采购OpenAI API服务，兼容现有系统", &[]),
        vec!["OpenAI"]
    );
    assert_eq!(names("大模型服务：接入GPT-4o模型", &[]), vec!["OpenAI"]);
}
