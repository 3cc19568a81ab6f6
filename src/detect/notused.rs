//! extract73: kinds of "named but not used" wording no earlier rule covered. The rules are data
//! (`compat` rows of `context.csv` read by the frame, prefix, suffix, banframe and leadframe
//! scans, each bounded by its clause or a 12-character window); this file holds their probe and
//! their tests on other wordings.

#[cfg(test)]
mod extract73_probe_tests {
    use super::super::test_support::{detector, names};

    /// The probe set written before any run: (expect some, product, kind, sentence).
    fn probes() -> Vec<(bool, String, String, String)> {
        include_str!("../../tests/probes/extract73_not_used.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.splitn(4, '\t');
                let (e, p, k, s) = (f.next()?, f.next()?, f.next()?, f.next()?);
                Some((e == "some", p.to_string(), k.to_string(), s.to_string()))
            })
            .collect()
    }

    /// Prints every wrong verdict and returns (wrong negatives, wrong controls).
    fn wrong() -> (usize, usize) {
        let d = detector();
        let (mut neg, mut ctl) = (0, 0);
        for (some, product, kind, text) in probes() {
            let got = names(&d, &text);
            let found = got.iter().any(|n| n.starts_with(product.as_str()));
            if found != some {
                println!("WRONG {kind} expect_some={some} {product}: {text} -> {got:?}");
                if some {
                    ctl += 1;
                } else {
                    neg += 1;
                }
            }
        }
        println!("probe wrong: {neg} negatives, {ctl} controls");
        (neg, ctl)
    }

    #[test]
    fn probe_figures() {
        let (neg, ctl) = wrong();
        // Before the rules: 46 of 54 negatives wrong, 1 of 32 controls (a bare "AWS" with no
        // cloud word near, a recall gap outside this probe's kinds).
        assert!(neg <= 16, "{neg} negatives wrong");
        assert!(ctl <= 1, "{ctl} controls wrong");
    }
}

/// Other wordings of the extract73 kinds than the probe's, and negatives that keep the product.
#[cfg(test)]
mod extract73_not_used_tests {
    use super::super::test_support::{assert_none, assert_some, detector};

    #[test]
    fn a_document_or_notice_titled_after_the_product_is_no_use() {
        let d = detector();
        assert_none(
            &d,
            "方案设计参考《腾讯云政务云安全蓝皮书》相关要求。",
            "Tencent Cloud",
        );
        assert_none(
            &d,
            "引用《ChatGPT教育应用研究报告》中的调查数据。",
            "OpenAI",
        );
        assert_none(
            &d,
            "安全要求参照华为云编制的《云服务安全指引》。",
            "Huawei Cloud",
        );
        assert_none(
            &d,
            "附件3：关于禁止使用Kimi等生成式人工智能工具的通知.pdf",
            "Moonshot Kimi",
        );
        // The product bought beside a document, or a notice on buying it: still use.
        assert_some(
            &d,
            "依据《政务云建设白皮书》，租用阿里云云服务器20台。",
            "Alibaba Cloud",
        );
        assert_some(
            &d,
            "采购华为云对象存储服务，详见《采购需求》。",
            "Huawei Cloud",
        );
    }

    #[test]
    fn a_vendors_event_visit_or_former_employer_is_no_use() {
        let d = detector();
        assert_none(
            &d,
            "组织企业代表出席阿里云峰会并参与圆桌讨论。",
            "Alibaba Cloud",
        );
        assert_none(&d, "承办火山引擎开发者大会分会场。", "Volcano Engine");
        assert_none(
            &d,
            "带队参观腾讯云总部，交流数字政府建设经验。",
            "Tencent Cloud",
        );
        assert_none(
            &d,
            "项目负责人曾就职于华为云，具有十年从业经验。",
            "Huawei Cloud",
        );
        assert_none(&d, "讲师曾担任百度智能云解决方案架构师。", "Baidu AI Cloud");
        // The event's own systems run on the product: still use.
        assert_some(&d, "峰会直播服务采用腾讯云直播。", "Tencent Cloud");
        assert_some(&d, "大会报名系统部署于华为云。", "Huawei Cloud");
    }

    #[test]
    fn the_product_a_purchase_replaces_is_no_use() {
        let d = detector();
        assert_none(
            &d,
            "采购国产推理卡16张，逐步取代英伟达A10推理卡。",
            "NVIDIA",
        );
        assert_none(
            &d,
            "新平台上线后代替Microsoft Azure上的测试环境。",
            "Microsoft Azure",
        );
        assert_none(&d, "完成对NVIDIA V100训练集群的替换。", "NVIDIA");
        assert_none(
            &d,
            "作为英伟达L20的替代方案，投标卡显存不低于48GB。",
            "NVIDIA",
        );
        assert_none(
            &d,
            "The system is replacing Google Cloud for file storage.",
            "Google Cloud",
        );
        // The product is the replacement, or it replaces something else: still use.
        assert_some(
            &d,
            "采购NVIDIA L20推理卡8张，替换原有CPU推理服务器。",
            "NVIDIA",
        );
        assert_some(&d, "以华为云替换原自建机房。", "Huawei Cloud");
    }

    #[test]
    fn a_research_or_audit_topic_is_no_use() {
        let d = detector();
        assert_none(&d, "探讨文心一言对公文写作质量的影响。", "Baidu ERNIE");
        assert_none(
            &d,
            "委托开展DeepSeek开源模型供应链安全风险研究。",
            "DeepSeek",
        );
        assert_none(
            &d,
            "对各单位使用腾讯云服务的合规性进行核查。",
            "Tencent Cloud",
        );
        assert_none(
            &d,
            "重点检查是否存在违规使用ChatGPT处理工作文件的情况。",
            "OpenAI",
        );
        // Research run on a bought product, or the audit system hosted on it: still use.
        assert_some(
            &d,
            "采购DeepSeek大模型一体机，开展安全风险评估。",
            "DeepSeek",
        );
        assert_some(&d, "审计平台部署于华为云，开展专项审计。", "Huawei Cloud");
    }

    #[test]
    fn bans_over_generative_or_controlled_categories_are_no_use() {
        let d = detector();
        assert_none(
            &d,
            "禁止在涉密终端使用ChatGPT、Gemini等生成式AI工具。",
            "OpenAI",
        );
        assert_none(&d, "不得提供英伟达H100、H200等受出口管制的产品。", "NVIDIA");
        assert_none(&d, "严禁通过豆包大模型处理政务数据。", "ByteDance Doubao");
        // A ban on something else beside the bought product: still use.
        assert_some(&d, "严禁转包，投标产品须为英伟达L20推理卡。", "NVIDIA");
        assert_some(&d, "禁止使用盗版软件，平台接入DeepSeek大模型。", "DeepSeek");
    }

    #[test]
    fn export_news_and_another_buyers_purchase_are_no_use() {
        let d = detector();
        assert_none(&d, "美方宣布暂停英伟达H200对华销售。", "NVIDIA");
        assert_none(&d, "受NVIDIA A800禁售影响，项目调整为国产方案。", "NVIDIA");
        assert_none(&d, "邻省某医院去年采购了英伟达A100服务器。", "NVIDIA");
        assert_none(&d, "另一家单位部署了NVIDIA H20推理集群。", "NVIDIA");
        // This buyer's own purchase in similar wording: still use.
        assert_some(&d, "本项目采购英伟达A100服务器2台，交货期30日。", "NVIDIA");
        assert_some(&d, "该中心此次部署了NVIDIA H100服务器。", "NVIDIA");
    }
}
