//! The detector against the real `watchlists/` vocabulary: every surface form the brief names,
//! every trap in products_vocab §6.1, and the vocabulary files as an analyst edits them.
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tenderscan::detect::Detector;
use tenderscan::model::{Category, Mention, Origin};

fn vocab_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists")
}

fn detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| match Detector::load(&vocab_dir()) {
        Ok(d) => d,
        Err(e) => panic!("loading the real vocabulary: {e:#}"),
    })
}

/// (canonical name, text as on the page) of every mention.
fn found(text: &str) -> Vec<(String, String)> {
    detector()
        .detect(text)
        .into_iter()
        .map(|m| (m.name, m.text))
        .collect()
}

fn names(text: &str) -> Vec<String> {
    detector()
        .detect(text)
        .into_iter()
        .map(|m| m.name)
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

#[track_caller]
fn assert_found(text: &str, expected: &[(&str, &str)]) {
    assert_eq!(found(text), pairs(expected), "in {text:?}");
}

#[track_caller]
fn assert_nothing(text: &str) {
    assert_eq!(found(text), Vec::<(String, String)>::new(), "in {text:?}");
}

/// No chip mention and no US-origin mention.
#[track_caller]
fn assert_no_chip_or_us(text: &str) {
    let bad: Vec<Mention> = detector()
        .detect(text)
        .into_iter()
        .filter(|m| m.category == Category::Chip || m.origin == Origin::Us)
        .collect();
    assert!(bad.is_empty(), "in {text:?}: {bad:?}");
}

// ---- chips -------------------------------------------------------------------------------

#[test]
fn nvidia_chip_surface_forms() {
    assert_found("英伟达A800", &[("NVIDIA A800", "英伟达A800")]);
    assert_found("英伟达A800加速卡", &[("NVIDIA A800", "英伟达A800")]);
    assert_found(
        "GPU类型为NV A100或T4",
        &[("NVIDIA A100", "NV A100"), ("NVIDIA T4", "T4")],
    );
    assert_found("采购英伟达A800加速卡2块", &[("NVIDIA A800", "英伟达A800")]);
    assert_found("服务器配置8卡A100", &[("NVIDIA A100", "8卡A100")]);
    assert_found("GPU：A100 80G，数量4", &[("NVIDIA A100", "A100 80G")]);
    assert_found("型号 A100-SXM4-80GB", &[("NVIDIA A100", "A100-SXM4-80GB")]);
    assert_found("配置8×H100 GPU", &[("NVIDIA H100", "8×H100")]);
    assert_found("显卡：Ａ１００", &[("NVIDIA A100", "Ａ１００")]);
    assert_found("GPU卡 H 100 两张", &[("NVIDIA H100", "H 100")]);
    assert_found("輝達 H800 訓練卡", &[("NVIDIA H800", "輝達 H800")]);
    assert_found("HGX H20 96GB 整机", &[("NVIDIA H20", "HGX H20 96GB")]);
    assert_found("智算服务器 H200 141GB", &[("NVIDIA H200", "H200 141GB")]);
    assert_found("NVIDIA GH200 超级芯片", &[("NVIDIA GH200", "NVIDIA GH200")]);
    assert_found("GPU L40S 48GB", &[("NVIDIA L40S", "GPU L40S 48GB")]);
    assert_found("推理卡 L20 PCIe", &[("NVIDIA L20", "L20 PCIe")]);
    assert_found("推理卡 L4", &[("NVIDIA L4", "L4")]);
    assert_found("推理卡 L2 24GB", &[("NVIDIA L2", "L2 24GB")]);
    assert_found("英伟达 T4 推理服务器", &[("NVIDIA T4", "英伟达 T4")]);
    assert_found("服务器配置 L4 24GB", &[("NVIDIA L4", "L4 24GB")]);
    assert_found(
        "GPU: A40 / A30 / A10",
        &[
            ("NVIDIA A40", "A40"),
            ("NVIDIA A30", "A30"),
            ("NVIDIA A10", "A10"),
        ],
    );
    assert_found("Tesla V100 32GB", &[("NVIDIA V100", "Tesla V100 32GB")]);
    assert_found(
        "GPU服务器 B100、B200、GB200、B300",
        &[
            ("NVIDIA B100", "B100"),
            ("NVIDIA B200", "B200"),
            ("NVIDIA GB200", "GB200"),
            ("NVIDIA B300", "B300"),
        ],
    );
    assert_found(
        "NVIDIA DGX A100 一套",
        &[("NVIDIA A100", "NVIDIA DGX A100")],
    );
    assert_found("DGX Station", &[("NVIDIA DGX", "DGX")]);
}

#[test]
fn rtx_4090_and_the_china_4090d_are_different_products() {
    assert_found("显卡 RTX 4090 24G", &[("NVIDIA RTX 4090", "RTX 4090")]);
    assert_found("GeForce RTX4090", &[("NVIDIA RTX 4090", "GeForce RTX4090")]);
    assert_found("显卡 RTX 4090D", &[("NVIDIA RTX 4090D", "RTX 4090D")]);
    assert_found(
        "显卡 RTX 4090 D 两张",
        &[("NVIDIA RTX 4090D", "RTX 4090 D")],
    );
    assert_found("显卡 4090D 24G", &[("NVIDIA RTX 4090D", "4090D 24G")]);
    let m = detector().detect("显卡 4090D");
    assert!(!m[0].controlled, "{m:?}");
    assert!(
        detector()
            .detect("RTX 4090")
            .first()
            .is_some_and(|m| m.controlled)
    );
}

#[test]
fn amd_intel_and_domestic_accelerators() {
    assert_found(
        "AMD Instinct MI250X",
        &[("AMD Instinct MI250X", "AMD Instinct MI250X")],
    );
    assert_found(
        "加速卡 MI300X 192GB",
        &[("AMD Instinct MI300X", "MI300X 192GB")],
    );
    assert_found(
        "GPU MI300A、MI308、MI325X、MI250",
        &[
            ("AMD Instinct MI300A", "GPU MI300A"),
            ("AMD Instinct MI308", "MI308"),
            ("AMD Instinct MI325X", "MI325X"),
            ("AMD Instinct MI250", "MI250"),
        ],
    );
    assert_found(
        "Intel Gaudi 2 与 Gaudi3",
        &[("Intel Gaudi 2", "Gaudi 2"), ("Intel Gaudi 3", "Gaudi3")],
    );
    assert_found(
        "华为昇腾910B服务器",
        &[("Huawei Ascend 910B", "华为昇腾910B")],
    );
    assert_found("升腾 910C 加速卡", &[("Huawei Ascend 910C", "升腾 910C")]);
    assert_found("Ascend 910D", &[("Huawei Ascend 910D", "Ascend 910D")]);
    assert_found("昇腾310推理卡", &[("Huawei Ascend 310", "昇腾310")]);
    assert_found("海光DCU 深算", &[("Hygon DCU", "海光DCU")]);
    // The family name 寒武纪 gives way to the member beside it (round 3 of issue 10).
    assert_found("寒武纪 思元370 加速卡", &[("Cambricon MLU370", "思元370")]);
    let ascend = detector().detect("华为昇腾910B");
    assert_eq!(
        (ascend[0].origin, ascend[0].controlled),
        (Origin::Domestic, false)
    );
}

#[test]
fn instance_types_imply_a_chip_and_its_cloud() {
    let m = detector().detect("实例类型 p4d.24xlarge，按需");
    assert_eq!(
        m.iter()
            .map(|m| (m.name.as_str(), m.category, m.text.as_str()))
            .collect::<Vec<_>>(),
        vec![
            ("NVIDIA A100", Category::Chip, "p4d.24xlarge"),
            ("AWS", Category::Cloud, "p4d.24xlarge")
        ]
    );
    assert_found(
        "ml.p5e.48xlarge",
        &[("NVIDIA H200", "p5e.48xlarge"), ("AWS", "p5e.48xlarge")],
    );
    assert_found(
        "p5en.48xlarge",
        &[("NVIDIA H200", "p5en.48xlarge"), ("AWS", "p5en.48xlarge")],
    );
    assert_found(
        "p6-b200.48xlarge",
        &[
            ("NVIDIA B200", "p6-b200.48xlarge"),
            ("AWS", "p6-b200.48xlarge"),
        ],
    );
    assert_found(
        "g6e.12xlarge",
        &[("NVIDIA L40S", "g6e.12xlarge"), ("AWS", "g6e.12xlarge")],
    );
    assert_found(
        "g5.2xlarge",
        &[("NVIDIA A10G", "g5.2xlarge"), ("AWS", "g5.2xlarge")],
    );
    assert_found(
        "p3.8xlarge",
        &[("NVIDIA V100", "p3.8xlarge"), ("AWS", "p3.8xlarge")],
    );
    assert_found(
        "Standard_ND96isr_H100_v5",
        &[
            ("NVIDIA H100", "ND96isr_H100_v5"),
            ("Microsoft Azure", "ND96isr_H100_v5"),
        ],
    );
    assert_found(
        "ND A100 v4 系列",
        &[
            ("NVIDIA A100", "ND A100 v4"),
            ("Microsoft Azure", "ND A100 v4"),
        ],
    );
    assert_found(
        "ND H200 v5",
        &[
            ("NVIDIA H200", "ND H200 v5"),
            ("Microsoft Azure", "ND H200 v5"),
        ],
    );
    assert_found(
        "ND MI300X v5",
        &[
            ("AMD Instinct MI300X", "ND MI300X v5"),
            ("Microsoft Azure", "ND MI300X v5"),
        ],
    );
    assert_found(
        "NC A100 v4",
        &[
            ("NVIDIA A100", "NC A100 v4"),
            ("Microsoft Azure", "NC A100 v4"),
        ],
    );
    assert_found(
        "a2-highgpu-8g",
        &[
            ("NVIDIA A100", "a2-highgpu-8g"),
            ("Google Cloud", "a2-highgpu-8g"),
        ],
    );
    assert_found(
        "a3-highgpu-8g",
        &[
            ("NVIDIA H100", "a3-highgpu-8g"),
            ("Google Cloud", "a3-highgpu-8g"),
        ],
    );
    // An instance prefix without a size is not an instance type.
    assert_nothing("见图 g5.1 与 p3.2 节");
}

// ---- clouds ------------------------------------------------------------------------------

#[test]
fn us_clouds_and_their_china_operators() {
    assert_found("开通AWS云账号一个", &[("AWS", "AWS")]);
    assert_found("Amazon Web Services", &[("AWS", "Amazon Web Services")]);
    assert_found("亚马逊云科技", &[("AWS", "亚马逊云科技")]);
    assert_found("亚马逊AWS", &[("AWS", "亚马逊AWS")]);
    assert_found("亚马逊 AWS 服务", &[("AWS", "亚马逊 AWS")]);
    assert_found(
        "北京光环新网科技股份有限公司",
        &[("Sinnet (AWS Beijing operator)", "光环新网")],
    );
    assert_found("西云数据", &[("NWCD (AWS Ningxia operator)", "西云数据")]);
    assert_found("https://console.amazonaws.cn/", &[("AWS", "amazonaws.cn")]);
    assert_found("Azure 云服务订阅", &[("Microsoft Azure", "Azure")]);
    assert_found("Microsoft Azure", &[("Microsoft Azure", "Microsoft Azure")]);
    assert_found("微软云", &[("Microsoft Azure", "微软云")]);
    assert_found("微软智能云", &[("Microsoft Azure", "微软智能云")]);
    assert_found(
        "由世纪互联运营的 Microsoft Azure",
        &[
            ("Microsoft Azure", "由世纪互联运营的 Microsoft Azure"),
            (
                "21Vianet (Azure China operator)",
                "由世纪互联运营的 Microsoft Azure",
            ),
        ],
    );
    assert_found(
        "世纪互联",
        &[("21Vianet (Azure China operator)", "世纪互联")],
    );
    assert_found(
        "xx.blob.core.chinacloudapi.cn",
        &[("Microsoft Azure", "chinacloudapi.cn")],
    );
    assert_found(
        "Google Cloud 与 谷歌云",
        &[("Google Cloud", "Google Cloud")],
    );
    assert_found("谷歌云", &[("Google Cloud", "谷歌云")]);
    assert_found("谷歌 GCP 云平台", &[("Google Cloud", "谷歌 GCP")]);
    assert_found("Oracle Cloud", &[("Oracle Cloud", "Oracle Cloud")]);
    assert_found("甲骨文云", &[("Oracle Cloud", "甲骨文云")]);
    assert_found("Oracle OCI 计算实例", &[("Oracle Cloud", "OCI")]);
    let aws = detector().detect("亚马逊云科技");
    assert_eq!(
        (aws[0].category, aws[0].origin, aws[0].controlled),
        (Category::Cloud, Origin::Us, false)
    );
}

#[test]
fn domestic_clouds_are_domestic() {
    let m =
        detector().detect("阿里云、华为云、腾讯云、百度智能云、火山引擎、天翼云、移动云、联通云");
    let got: Vec<(&str, Origin)> = m.iter().map(|m| (m.name.as_str(), m.origin)).collect();
    assert_eq!(
        got,
        vec![
            ("Alibaba Cloud", Origin::Domestic),
            ("Huawei Cloud", Origin::Domestic),
            ("Tencent Cloud", Origin::Domestic),
            ("Baidu AI Cloud", Origin::Domestic),
            ("Volcano Engine", Origin::Domestic),
            ("China Telecom Cloud", Origin::Domestic),
            ("China Mobile Cloud", Origin::Domestic),
            ("China Unicom Cloud", Origin::Domestic),
        ]
    );
}

// ---- AI services -------------------------------------------------------------------------

#[test]
fn us_ai_services() {
    assert_found(
        "采购Azure OpenAI服务 4000万tokens",
        &[("Azure OpenAI", "Azure OpenAI")],
    );
    assert_found("OpenAI 接口", &[("OpenAI", "OpenAI")]);
    assert_found("ChatGPT", &[("OpenAI", "ChatGPT")]);
    assert_found("GPT-4", &[("OpenAI", "GPT-4")]);
    assert_found("GPT-4o", &[("OpenAI", "GPT-4o")]);
    assert_found("GPT-3.5", &[("OpenAI", "GPT-3.5")]);
    assert_found("大模型 GPT 接口", &[("OpenAI", "GPT")]);
    assert_found("Anthropic", &[("Anthropic Claude", "Anthropic")]);
    assert_found("访问Claude 3模型", &[("Anthropic Claude", "Claude 3")]);
    assert_found("Claude 大模型 API", &[("Anthropic Claude", "Claude")]);
    assert_found("Amazon Bedrock", &[("Amazon Bedrock", "Amazon Bedrock")]);
    assert_found("SageMaker", &[("Amazon SageMaker", "SageMaker")]);
    assert_found("Vertex AI", &[("Google Vertex AI", "Vertex AI")]);
    assert_found("Gemini 大模型", &[("Google Gemini", "Gemini")]);
    let m = detector().detect("Azure OpenAI");
    assert_eq!(
        (m[0].category, m[0].origin, m[0].controlled),
        (Category::AiService, Origin::Us, false)
    );
}

#[test]
fn domestic_models_are_domestic() {
    let m = detector().detect("通义千问、Qwen、文心一言、混元大模型、盘古大模型、智谱GLM、ChatGLM、DeepSeek、豆包大模型、Kimi 大模型");
    let got: Vec<(&str, Origin)> = m.iter().map(|m| (m.name.as_str(), m.origin)).collect();
    assert_eq!(
        got,
        vec![
            ("Alibaba Qwen", Origin::Domestic),
            ("Baidu ERNIE", Origin::Domestic),
            ("Tencent Hunyuan", Origin::Domestic),
            ("Huawei Pangu", Origin::Domestic),
            ("Zhipu GLM", Origin::Domestic),
            ("DeepSeek", Origin::Domestic),
            ("ByteDance Doubao", Origin::Domestic),
            ("Moonshot Kimi", Origin::Domestic),
        ]
    );
}

// ---- traps (products_vocab §6.1) ---------------------------------------------------------

#[test]
fn bare_codes_need_a_chip_anchor() {
    assert_nothing("设备型号A100，数量2台");
    assert_nothing("型号 H100 不锈钢推车");
    assert_nothing("B200 型离心机");
    assert_nothing("检测仪 T4 型");
}

#[test]
fn codes_match_whole_words_only() {
    assert_nothing("GPU服务器 型号XA1000");
    assert_nothing("GPU服务器 配件编号H1000");
    assert_nothing("GPU服务器 配件A1001");
    assert_nothing("服务器机房执行 GB 20052 标准");
    assert_nothing("GPU 服务器 GB20052-2020");
    assert_nothing("显卡 4090元/台");
    assert_nothing("GPU服务器 单价4090");
}

#[test]
fn h20_is_not_h200_and_h200_is_not_h20() {
    assert_eq!(names("GPU H200"), vec!["NVIDIA H200"]);
    assert_eq!(names("GPU H20"), vec!["NVIDIA H20"]);
    assert_eq!(names("GPU L20 与 L40"), vec!["NVIDIA L20", "NVIDIA L40"]);
    assert_eq!(names("GPU L2 与 L4"), vec!["NVIDIA L2", "NVIDIA L4"]);
}

#[test]
fn dji_h20_is_a_camera() {
    assert_no_chip_or_us("大疆 M300 RTK 无人机 挂载禅思H20云台相机");
    assert_no_chip_or_us("DJI Zenmuse H20 相机 GPU 图传");
    assert_no_chip_or_us("禅思 H20T 热成像相机，服务器一台");
    assert_no_chip_or_us("挂载 H20N 夜视相机 GPU");
}

#[test]
fn autonomous_driving_levels_and_vertebrae_are_not_chips() {
    assert_no_chip_or_us("支持L2级辅助驾驶，车载服务器");
    assert_no_chip_or_us("L4级自动驾驶 算力平台");
    assert_no_chip_or_us("L4 腰椎 影像 服务器");
    assert_no_chip_or_us("胸椎 T4 节段 影像服务器");
}

#[test]
fn network_layers_and_caches_are_not_chips() {
    assert_no_chip_or_us("L2 交换机 24口，服务器接入");
    assert_no_chip_or_us("服务器 CPU L2 缓存 2MB");
    assert_no_chip_or_us("L4 负载均衡 服务器");
    // Round 14 of issue 10: a server or computing word is no anchor for a bare two-character code
    // ("配套推理服务器及与既有MES、L2系统的数据接口": L2 = level-2 process control).
    assert_no_chip_or_us("配套推理服务器及与既有MES、L2系统的数据接口");
    assert_no_chip_or_us("智算中心 T4 机房 算力调度");
    assert_no_chip_or_us("AI服务器接入L4层控制网");
}

#[test]
fn thyroid_t4_is_a_reagent() {
    assert_no_chip_or_us("甲状腺功能 T4、FT4 检测试剂 及 配套服务器");
}

#[test]
fn aws_weather_station_and_welding_are_not_amazon() {
    assert_no_chip_or_us("自动气象站（AWS）一套，含云量传感器");
    assert_no_chip_or_us("焊接工艺执行 AWS D1.1 标准");
    assert_no_chip_or_us("AWS 设备一套");
}

#[test]
fn tesla_in_mri_is_a_unit() {
    assert_no_chip_or_us("3.0T 磁共振成像系统 3.0 Tesla 超导");
    assert_no_chip_or_us("1.5T MRI Tesla 磁体");
}

#[test]
fn microsoft_office_is_not_azure() {
    assert_no_chip_or_us("微软 Office 2021 正版化 采购");
    assert_no_chip_or_us("Microsoft Windows 11 操作系统 许可");
    assert_no_chip_or_us("Azure 正版化 Office 365 许可 云");
    assert_no_chip_or_us("Azure 色 面料");
}

#[test]
fn oracle_bone_script_and_the_amazon_are_not_clouds() {
    assert_no_chip_or_us("甲骨文 研究 数字化 展陈");
    assert_no_chip_or_us("亚马逊 雨林 主题 展区");
    assert_no_chip_or_us("在亚马逊购买图书");
}

#[test]
fn gpt_in_a_lab_is_a_transaminase() {
    assert_no_chip_or_us("谷丙转氨酶(GPT/ALT)测定试剂盒");
    assert_no_chip_or_us("GPT 分区 硬盘 模型");
}

#[test]
fn ambiguous_ai_names_need_context() {
    assert_no_chip_or_us("Claude 先生 讲座");
    assert_no_chip_or_us("Gemini 双子座 天文 展品");
    assert_no_chip_or_us("Bedrock 基岩 勘探");
    assert_no_chip_or_us("Vertex 顶点 三维 建模");
}

#[test]
fn domestic_chip_names_need_compute_context() {
    assert_nothing("寒武纪 地层 化石 标本");
    assert_nothing("海光 小区 物业 服务");
    assert_nothing("昇腾 中学 校服");
}

/// The patterns Reuters found by hand (reuters_facts.md, 2024-08-23), written as a notice would.
#[test]
fn reuters_2024_cloud_access_patterns() {
    assert_eq!(
        names(
            "采购人：深圳大学\n采购内容：亚马逊云科技（AWS）账号及云服务器租用，配置 NVIDIA A100 与 H100 GPU\n供应商：成都运达科技有限责任公司"
        ),
        vec!["AWS", "NVIDIA A100", "NVIDIA H100"]
    );
    assert_eq!(
        names("采购人：四川大学\n生成式人工智能平台：Azure OpenAI 服务 4000万 tokens"),
        vec!["Azure OpenAI"]
    );
    assert_eq!(
        names("通过海外AWS账号访问 Claude 3 模型，预算60万元"),
        vec!["AWS", "Anthropic Claude"]
    );
    assert_eq!(
        names("租用云服务器500台，每台8块英伟达A100"),
        vec!["NVIDIA A100"]
    );
}

// ---- output details ------------------------------------------------------------------------

#[test]
fn one_mention_per_name_in_order_of_first_appearance() {
    let m = detector().detect("第一行 AWS 云账号\n第二行 GPU A100 与 NV A100\n第三行 亚马逊云科技");
    let got: Vec<(&str, &str)> = m
        .iter()
        .map(|m| (m.name.as_str(), m.text.as_str()))
        .collect();
    assert_eq!(got, vec![("AWS", "AWS"), ("NVIDIA A100", "GPU A100")]);
}

#[test]
fn context_is_one_line_around_the_original_text() {
    let text =
        "项目概况：\n本项目租用亚马逊云科技\n云服务器，配置 NVIDIA Ａ１００ 显卡，用于训练。";
    let m = detector().detect(text);
    assert_eq!(m[1].name, "NVIDIA A100");
    assert_eq!(m[1].text, "NVIDIA Ａ１００");
    assert!(!m[1].context.contains('\n'), "{:?}", m[1].context);
    assert!(
        m[1].context.contains("配置 NVIDIA Ａ１００ 显卡"),
        "{:?}",
        m[1].context
    );
    assert!(
        m[0].context
            .starts_with("项目概况： 本项目租用亚马逊云科技"),
        "{:?}",
        m[0].context
    );
}

#[test]
fn table_cells_on_one_line() {
    assert_found("1 | GPU服务器 | H800 | 8 | 台", &[("NVIDIA H800", "H800")]);
}

#[test]
fn empty_and_odd_text_gives_nothing() {
    assert_nothing("");
    assert_nothing("\u{FFFD}\u{FFFD} \0 ");
    assert_nothing("ＡＷＳ");
}

// ---- the vocabulary as data ------------------------------------------------------------

fn copy_vocab() -> tempfile::TempDir {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    for file in ["products.csv", "terms.csv", "context.csv"] {
        if let Err(e) = std::fs::copy(vocab_dir().join(file), dir.path().join(file)) {
            panic!("copy {file}: {e}");
        }
    }
    dir
}

fn append(path: &Path, line: &str) {
    use std::io::Write;
    let mut f = match std::fs::OpenOptions::new().append(true).open(path) {
        Ok(f) => f,
        Err(e) => panic!("open {}: {e}", path.display()),
    };
    if let Err(e) = writeln!(f, "{line}") {
        panic!("append: {e}");
    }
}

#[test]
fn a_term_added_to_the_csv_is_picked_up_without_recompiling() {
    let dir = copy_vocab();
    let text = "采购 NVIDIA RTX Pro 6000D 显卡";
    let before = match Detector::load(dir.path()) {
        Ok(d) => d.detect(text),
        Err(e) => panic!("{e:#}"),
    };
    assert!(before.is_empty(), "{before:?}");
    append(
        &dir.path().join("products.csv"),
        "NVIDIA RTX Pro 6000D,chip,NVIDIA,us,false,unknown,China-specific Blackwell SKU,,https://intuitionlabs.ai/articles/nvidia-data-center-gpu-specs,[U]",
    );
    append(
        &dir.path().join("terms.csv"),
        "RTX Pro 6000D,NVIDIA RTX Pro 6000D,,,analyst addition",
    );
    let after = match Detector::load(dir.path()) {
        Ok(d) => d.detect(text),
        Err(e) => panic!("{e:#}"),
    };
    let got: Vec<(&str, &str)> = after
        .iter()
        .map(|m| (m.name.as_str(), m.text.as_str()))
        .collect();
    assert_eq!(got, vec![("NVIDIA RTX Pro 6000D", "RTX Pro 6000D")]);
}

#[test]
fn an_added_context_word_is_picked_up() {
    let dir = copy_vocab();
    append(
        &dir.path().join("context.csv"),
        "chip,机柜,near,analyst addition",
    );
    let d = match Detector::load(dir.path()) {
        Ok(d) => d,
        Err(e) => panic!("{e:#}"),
    };
    assert_eq!(
        d.detect("机柜 A800")
            .into_iter()
            .map(|m| m.name)
            .collect::<Vec<_>>(),
        vec!["NVIDIA A800"]
    );
    assert!(detector().detect("机柜 A800").is_empty());
}

#[track_caller]
fn load_error(dir: &Path) -> String {
    match Detector::load(dir) {
        Ok(_) => panic!("loaded a broken vocabulary"),
        Err(e) => format!("{e:#}"),
    }
}

fn line_count(path: &Path) -> usize {
    match std::fs::read_to_string(path) {
        Ok(s) => s.lines().count(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_malformed_csv_row_is_an_error_naming_file_and_line() {
    let dir = copy_vocab();
    let terms = dir.path().join("terms.csv");
    let line = line_count(&terms) + 1;
    append(&terms, "H999,NVIDIA H999");
    let err = load_error(dir.path());
    assert!(err.contains(&format!("terms.csv:{line}:")), "{err}");
}

#[test]
fn an_unknown_product_name_is_an_error_naming_file_and_line() {
    let dir = copy_vocab();
    let terms = dir.path().join("terms.csv");
    let line = line_count(&terms) + 1;
    append(&terms, "H999,NVIDIA H999,chip,,test");
    let err = load_error(dir.path());
    assert!(
        err.contains(&format!("terms.csv:{line}:")) && err.contains("NVIDIA H999"),
        "{err}"
    );
}

#[test]
fn an_unknown_context_group_and_a_bad_flag_are_errors() {
    let dir = copy_vocab();
    let terms = dir.path().join("terms.csv");
    let line = line_count(&terms) + 1;
    append(&terms, "H999,NVIDIA H100,no_such_group,,test");
    let err = load_error(dir.path());
    assert!(
        err.contains(&format!("terms.csv:{line}:")) && err.contains("no_such_group"),
        "{err}"
    );

    let dir = copy_vocab();
    let products = dir.path().join("products.csv");
    let line = line_count(&products) + 1;
    append(&products, "X,chip,V,us,maybe,s,b,,https://example.org,");
    let err = load_error(dir.path());
    assert!(
        err.contains(&format!("products.csv:{line}:")) && err.contains("maybe"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let dir = copy_vocab();
    if let Err(e) = std::fs::remove_file(dir.path().join("context.csv")) {
        panic!("{e}");
    }
    let err = load_error(dir.path());
    assert!(err.contains("context.csv"), "{err}");
}

#[test]
fn every_product_row_has_a_source_and_every_chip_a_status() {
    let text = match std::fs::read_to_string(vocab_dir().join("products.csv")) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        rows += 1;
        assert!(
            record.get(8).is_some_and(|s| s.starts_with("http")),
            "no source URL: {record:?}"
        );
        assert!(
            record.get(5).is_some_and(|s| !s.is_empty()),
            "no status: {record:?}"
        );
    }
    assert!(rows >= 60, "{rows} products");
}

/// Detection speed on a synthetic 100 KB page (run with `--ignored --nocapture`); no assertion
/// on time, machines are noisy.
#[test]
#[ignore]
fn bench_detect_100kb_page() {
    let line = "采购人：某某大学 | 项目编号：ZB-2024-001 | 预算金额：200万元 | 配置 8卡 GPU服务器，显存 80GB，支持 NVLink 与 PCIe 4.0 |\n";
    let filler =
        "本项目为货物类采购，供应商须具备独立法人资格，提供售后服务承诺，交货期30日，质保三年。\n";
    let mut page = String::new();
    while page.len() < 100_000 {
        page.push_str(filler);
        page.push_str(line);
        page.push_str(filler);
    }
    page.push_str("租用亚马逊云科技 p4d.24xlarge 实例与 NV A100\n");
    let d = detector();
    let runs = 200;
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..runs {
        n += d.detect(&page).len();
    }
    let per = t.elapsed() / runs;
    let mbs = page.len() as f64 / per.as_secs_f64() / 1e6;
    println!(
        "{} bytes/page: {per:?} per page, {mbs:.0} MB/s, {} mentions/page",
        page.len(),
        n / runs as usize
    );
}

/// Issue 10: compatibility, comparison and example phrasing names a product without using it
/// (the `compat` group in context.csv); plain use next to such words is still reported.
#[test]
fn compatibility_and_comparison_phrasing_is_not_use() {
    for text in [
        "模型调用接口兼容OpenAI API规范，支持私有化部署。",
        "提供 OpenAI-compatible API 的大模型推理服务",
        "The service must be compatible with OpenAI and support streaming.",
        "国产大模型综合能力对标GPT-4，支持本地部署",
        "支持OpenAI协议接入现有系统",
        "对象存储须兼容Amazon S3接口",
        "国产加速卡性能对标英伟达A100",
        "建设类ChatGPT智能问答系统",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("采购OpenAI API调用服务，兼容现有系统"),
        vec!["OpenAI".to_string()]
    );
    assert_eq!(
        names("采购8卡NVIDIA A100服务器，对标现有集群"),
        vec!["NVIDIA A100".to_string()]
    );
}

/// Round 15 of issue 10: a ratio against a product (约为X的六成, 达到X的80%, 是X的2倍) measures
/// something else by it; a count or the product's own share in a purchase is still use.
#[test]
fn a_ratio_against_a_product_is_not_use() {
    for text in [
        "国产芯片在单卡推理性能上约为英伟达H100的六成，但供应更有保障",
        "该国产卡FP16算力达到NVIDIA A100 GPU的80%",
        "新一代加速卡训练吞吐是英伟达H20的2.5倍",
        "单卡功耗仅为英伟达H800的一半左右",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("本次采购的是英伟达H100的8卡服务器"),
        vec!["NVIDIA H100".to_string()]
    );
    assert_eq!(
        names("采购英伟达A800加速卡，数量为去年的两倍"),
        vec!["NVIDIA A800".to_string()]
    );
}

/// Round 3 of issue 10: comparison frames (`frame` rows of context.csv, "与…相比") whose words
/// stand a few characters off the product, and more comparison words; use in the same sentence
/// or across a clause boundary is still reported.
#[test]
fn comparison_frames_around_a_product_are_not_use() {
    for text in [
        "单机算力可与英伟达H100服务器相比较",
        "整机训练性能与NVIDIA H800服务器基本相当",
        "推理吞吐较英伟达A800提升不低于20%",
        "单卡能效与英伟达H20推理卡的水平持平",
        "综合性能达到英伟达A100 GPU的水平",
        "国产大模型与GPT-4相比仍有差距",
        "算力比NVIDIA A100高30%",
        "相较于英伟达H20，国产芯片功耗更低",
        "以英伟达A100服务器为基准测试",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    // A clause boundary ends a frame: the first product is bought, the comparison is elsewhere.
    assert_eq!(
        names("采购英伟达H100服务器8台，与现有集群相比扩容一倍"),
        vec!["NVIDIA H100".to_string()]
    );
    // Two products joined by 与 are both bought.
    assert_eq!(
        names("采购英伟达A800与H100加速卡各8块"),
        vec!["NVIDIA A800".to_string(), "NVIDIA H100".to_string()]
    );
}

/// Held-out rounds 38/39 of issue 10 (extract35): a gap to a product (与…差距) compares, and a
/// platform migrated or switched away from (从…迁移) is the old one; the buyer's own kept
/// equipment and a product bought in another clause are still use.
#[test]
fn a_gap_to_a_product_and_a_platform_left_are_not_use() {
    for text in [
        "国产模型在代码生成上和GPT-4的差距正在缩小",
        "推理性能跟英伟达H100仍有一定差距",
        "系统须支持由NVIDIA V100平台无缝迁移至国产算力",
        "业务应能从英伟达A800集群平滑切换",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("利旧原有NVIDIA A100服务器4台"),
        vec!["NVIDIA A100".to_string()]
    );
    assert_eq!(
        names("现有英伟达A800集群扩容，已有模型迁移至新平台"),
        vec!["NVIDIA A800".to_string()]
    );
    // The frame ends at a clause boundary: the product bought stays a mention.
    assert_eq!(
        names("采购英伟达H100服务器8台，从旧平台迁移数据"),
        vec!["NVIDIA H100".to_string()]
    );
}

/// Rounds 4 and 5 of issue 10: compatibility frames whose closing word stands after the
/// product's own ASCII words, benchmarks given as a share of a product's performance, and
/// nearness are not use; a product bought in the same sentence still is.
#[test]
fn compatibility_benchmarks_and_nearness_are_not_use() {
    for text in [
        "服务接口须与OpenAI Chat Completions接口格式兼容",
        "调用方式和Anthropic Claude Messages API兼容",
        "单卡FP16实测性能须达到NVIDIA A100 40GB的90%以上",
        "推理性能不低于英伟达H100的85%",
        "思元590单卡算力已接近英伟达A100的水平",
        "整机性能逼近NVIDIA H800",
    ] {
        assert!(
            !names(text)
                .iter()
                .any(|n| n.starts_with("NVIDIA") || n == "OpenAI" || n.starts_with("Anthropic")),
            "{text}: {:?}",
            names(text)
        );
    }
    assert_eq!(
        names("采购英伟达A100 40GB加速卡8块，性能须满足训练需求"),
        vec!["NVIDIA A100".to_string()]
    );
    assert_eq!(
        names("部署DeepSeek-R1模型，并与现有OA系统兼容"),
        vec!["DeepSeek".to_string()]
    );
}

/// Rounds 6 and 7 of issue 10: conformance phrasing (遵循/符合/按照/采用 … 格式/规范/协议, the
/// `frame` rows of context.csv) describes an interface, not use; plain use with 采用 still counts.
#[test]
fn conformance_phrasing_is_not_use() {
    for text in [
        "对外接口遵循OpenAI Chat Completions格式",
        "推理服务的调用接口须符合OpenAI API规范",
        "返回结果按照OpenAI格式组织",
        "平台采用OpenAI兼容的消息格式对外提供服务",
        "模型网关遵循Anthropic Messages协议",
        "对象存储接口遵从Amazon S3规范",
    ] {
        assert!(
            !names(text).iter().any(|n| n == "OpenAI"
                || n.starts_with("Anthropic")
                || n.starts_with("Amazon")
                || n == "AWS"),
            "{text}: {:?}",
            names(text)
        );
    }
    // 采用 alone is use, and so is a standard configuration of a product.
    assert_eq!(
        names("本项目采用英伟达H100标准配置服务器8台"),
        vec!["NVIDIA H100".to_string()]
    );
    assert_eq!(
        names("采用OpenAI GPT-4o模型提供问答服务"),
        names("提供问答服务的模型为OpenAI GPT-4o")
    );
}

/// Round 3 of issue 10: a generic family name (the `family` column of products.csv) is not
/// reported beside a member of the family found in the same text; alone it still is.
#[test]
fn a_family_name_gives_way_to_its_member() {
    assert_eq!(
        names("配置寒武纪思元370（MLU370-X8）智能加速卡"),
        vec!["Cambricon MLU370".to_string()]
    );
    assert_eq!(
        names(
            "训练基于华为昇腾AI平台建设，详见下表。每台配置8颗昇腾910B处理器；推理采用海光深算系列加速卡"
        ),
        vec!["Huawei Ascend 910B".to_string(), "Hygon DCU".to_string()]
    );
    assert_eq!(
        names("采用华为昇腾AI处理器"),
        vec!["Huawei Ascend".to_string()]
    );
    assert_eq!(
        names("配置 Intel Gaudi 2 HL-225B 加速卡（Intel Gaudi 系列）"),
        vec!["Intel Gaudi 2 HL-225B".to_string()]
    );
}

#[test]
fn a_family_naming_an_unknown_product_is_an_error() {
    let dir = copy_vocab();
    let products = dir.path().join("products.csv");
    let line = line_count(&products) + 1;
    append(
        &products,
        "X9,chip,V,domestic,false,domestic,,,https://example.org,,No Such Family",
    );
    let err = load_error(dir.path());
    assert!(
        err.contains(&format!("products.csv:{line}:")) && err.contains("No Such Family"),
        "{err}"
    );
}

#[test]
fn a_frame_row_needs_two_words() {
    let dir = copy_vocab();
    append(&dir.path().join("context.csv"), "compat,与相比,frame,test");
    let err = load_error(dir.path());
    assert!(
        err.contains("context.csv") && err.contains("frame"),
        "{err}"
    );
}

/// Rounds 8 and 9 of issue 10: a compatibility prefix governs every product of the list it
/// opens (、，和及或, within one clause), and benchmarks whose yardstick stands a few characters
/// off the product (对标…水平, 不低于…的水平, 与…同一档次) are not use; plain use still counts.
#[test]
fn listed_compatibility_and_distant_benchmarks_are_not_use() {
    for text in [
        "网关接口须兼容OpenAI API、Claude API及Gemini API",
        "服务端兼容GPT-4o，Claude 3.5两类调用方式",
        "模型预报技巧须对标华为盘古天气模型",
        "集群总算力对标约1000张英伟达A100的水平",
        "整机算力应不低于16块英伟达H800的水平",
        "单卡推理性能不弱于2张NVIDIA A800的性能",
        "该芯片的训练性能和NVIDIA H100基本处于同一水平",
        "国产加速卡与英伟达H20大体位于同一档次",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    // Real use: bought, adopted, connected to, deployed.
    assert_eq!(
        names("采购英伟达H100服务器8台"),
        vec!["NVIDIA H100".to_string()]
    );
    assert_eq!(
        names("采用阿里云通义千问"),
        vec!["Alibaba Cloud".to_string(), "Alibaba Qwen".to_string()]
    );
    assert_eq!(names("对接OpenAI API"), vec!["OpenAI".to_string()]);
    assert_eq!(
        names("部署Claude大模型"),
        vec!["Anthropic Claude".to_string()]
    );
    assert_eq!(
        names("提供不少于64张英伟达A800加速卡的训练算力"),
        vec!["NVIDIA A800".to_string()]
    );
    // The list ends at a clause break or a word that is no joiner: the later product is used.
    assert_eq!(
        names("接口兼容OpenAI API，部署Claude大模型"),
        vec!["Anthropic Claude".to_string()]
    );
    assert_eq!(
        names("采购各类服务器、英伟达H100加速卡"),
        vec!["NVIDIA H100".to_string()]
    );
}

/// Rounds 10 and 11 of issue 10: a product named as an example (如X等, 例如X, 诸如X, such as X)
/// or a comparison (类似X, 类似于X, 堪比X, X-like, 像X一样) is not use; 如 before a verb or a
/// colon ("如采用…", "采用如下配置：…") touches no product, so real use still counts.
#[test]
fn examples_and_likeness_are_not_use() {
    for text in [
        "模型调用仅限境内合规服务，不得调用境外大模型服务（如ChatGPT等）。",
        "不得使用境外云平台（如AWS、Azure等）部署业务系统。",
        "矿山一线员工将通过类似ChatGPT的对话式助手查询工艺规程",
        "提供类似于Claude的长文档问答大模型能力",
        "国产推理卡算力堪比英伟达H100",
        "以ChatGPT为代表的大模型正改变办公方式",
        "像ChatGPT一样的多轮对话大模型助手",
        "We need a ChatGPT-like assistant for staff, hosted on premises.",
        "Large models such as GPT-4o may not be called from the platform.",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("采用如下配置：NVIDIA L20 48GB推理卡8张"),
        vec!["NVIDIA L20".to_string()]
    );
    assert_eq!(
        names("如采用华为云Stack私有化部署，投标人须提供原厂授权"),
        vec!["Huawei Cloud".to_string()]
    );
    assert_eq!(
        names("如需扩容，采购方将追加8卡NVIDIA H100服务器"),
        vec!["NVIDIA H100".to_string()]
    );
}

/// Round 11 of issue 10: a chip model code marked `@model` takes a listed letter suffix
/// (昇腾310P, 310B, V100S) and stays that model; a longer exact term wins (910B, A100X, L40S);
/// digits (3101) and letters not listed (DJI H20T) never extend it.
#[test]
fn chip_model_codes_take_letter_suffixes() {
    assert_found(
        "每台配置昇腾310P推理卡（Atlas 300I Duo）4张",
        &[("Huawei Ascend 310", "昇腾310P")],
    );
    assert_eq!(
        names("边缘开发套件采用昇腾310B模组"),
        vec!["Huawei Ascend 310".to_string()]
    );
    assert_eq!(
        names("GPU工作站配置NVIDIA Tesla V100S 32GB计算卡"),
        vec!["NVIDIA V100".to_string()]
    );
    assert_eq!(
        names("训练服务器配置昇腾910B芯片"),
        vec!["Huawei Ascend 910B".to_string()]
    );
    assert_eq!(
        names("NVIDIA L40S GPU服务器"),
        vec!["NVIDIA L40S".to_string()]
    );
    assert_eq!(
        names("NVIDIA A100X 加速卡"),
        vec!["NVIDIA A100X".to_string()]
    );
    assert_eq!(
        names("寒武纪MLU370-X8加速卡"),
        vec!["Cambricon MLU370".to_string()]
    );
    // Digits and unlisted letters do not make a model.
    assert_eq!(
        names("昇腾AI服务器资产编号3101、3100序列"),
        vec!["Huawei Ascend".to_string()]
    );
    assert_eq!(names("大疆禅思H20T热成像云台"), Vec::<String>::new());
    assert_eq!(names("GPU服务器型号H20T"), Vec::<String>::new());
}

/// Rounds 12 and 13 of issue 10: an example word governs every item of the short list after it,
/// Chinese names included ("例如Kimi、豆包等"), domestic models too; a comparison word governs a
/// count of the yardstick ("相当于约600张英伟达A800"); a count after a floor word is still a purchase.
#[test]
fn example_lists_and_counted_yardsticks_are_not_use() {
    for text in [
        "资料不得上传至境外或公众大模型服务（例如文心一言、Kimi等公众产品）。",
        "本期不接入第三方模型（比如豆包），后续另行采购。",
        "可按需对接其他大模型（诸如通义千问、ChatGPT等），本期不含。",
        "整体算力相当于约1200张英伟达A100的训练能力",
        "集群推理性能等效于16块NVIDIA H800",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("配置不低于8张NVIDIA A100加速卡"),
        vec!["NVIDIA A100".to_string()]
    );
    assert_eq!(
        names("部署豆包大模型，例如用于公文写作"),
        vec!["ByteDance Doubao".to_string()]
    );
}

/// Round 16 of issue 10: a floor or ceiling stated as a share of a product ("不低于NVIDIA A100的60%",
/// `ratio` rows of context.csv) is a comparison, not use; a count after the same floor word is a
/// purchase.
#[test]
fn a_floor_as_a_share_of_a_product_is_a_comparison() {
    for text in [
        "要求单卡FP32算力不低于NVIDIA A100的60%，仅作为性能参照。",
        "整机训练吞吐不少于英伟达H800集群的八成",
        "国产卡满载功耗不高于NVIDIA H100的70%",
        "推理性能至少达英伟达L40S的1.2倍",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("每台服务器配置不少于8张NVIDIA A100的GPU卡"),
        vec!["NVIDIA A100".to_string()]
    );
}

/// Round 16 of issue 10: a product the page says is not bought ("本项目不采购A100") is no use,
/// nor are the items of a short list after the negation; a purchase elsewhere still counts.
#[test]
fn a_product_said_not_to_be_bought_is_not_use() {
    for text in [
        "算力指标仅作为性能参照，本项目不采购英伟达A100。",
        "本次采购不包含NVIDIA H100、H800等整机。",
        "二期工程不涉及NVIDIA H20的部署",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("本项目不采购CPU服务器，采购8块NVIDIA L20推理卡"),
        vec!["NVIDIA L20".to_string()]
    );
}

/// Round 17 of issue 10: compatibility with a product named together with its maker ("兼容阿里云
/// 通义千问调用格式") is not use of either; domestic clouds follow the compatibility rules too. The
/// same products used in the same sentence still count.
#[test]
fn compatibility_with_a_makers_product_is_not_use_of_either() {
    for text in [
        "平台对外接口兼容阿里云通义千问调用格式，便于后续对接。",
        "网关须兼容百度智能云文心一言的接口协议",
        "服务接口兼容腾讯云混元大模型API",
        "兼容OpenAI GPT-4o的调用规范",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("平台部署在阿里云上，调用通义千问模型提供问答服务，接口兼容OpenAI格式。"),
        vec!["Alibaba Cloud".to_string(), "Alibaba Qwen".to_string()]
    );
}

/// Round 20 of issue 10: a count anchor before a family name ("8×昇腾") no longer hides the
/// exact model after it: the family name is the model's anchor, so the model is reported, with
/// the count in its text. Every way tables write a count gives the same model.
#[test]
fn a_count_before_a_family_name_keeps_the_exact_model_after_it() {
    assert_found(
        "每节点配置4×昇腾910C训练卡",
        &[("Huawei Ascend 910C", "4×昇腾910C")],
    );
    assert_found(
        "推理服务器（8x昇腾310P）",
        &[("Huawei Ascend 310", "8x昇腾310P")],
    );
    assert_found(
        "整机配置8X昇腾910B",
        &[("Huawei Ascend 910B", "8X昇腾910B")],
    );
    for text in [
        "计算节点：8*昇腾910B NPU",
        "计算节点：8 × 昇腾910B NPU",
        "计算节点：昇腾910B×8",
        "计算节点：8x华为昇腾910B",
    ] {
        assert_eq!(
            names(text),
            vec!["Huawei Ascend 910B".to_string()],
            "{text}"
        );
    }
    // The count still reaches a family name with no model after it.
    assert_found("服务器配置8×昇腾加速卡", &[("Huawei Ascend", "8×昇腾")]);
}

/// Round 23 (held-out): an example word governs a model named after its maker ("如智谱GLM"): the
/// maker's name is itself a term of the same product, so the model is the example too.
#[test]
fn an_example_word_governs_a_model_after_its_makers_name() {
    assert!(names("备用方案（例如通义千问Qwen）仅作说明，不在采购范围内。").is_empty());
    // Without the example word the same words are a use.
    assert_eq!(
        names("本项目部署通义千问Qwen模型。"),
        vec!["Alibaba Qwen".to_string()]
    );
}

/// Round 24 of issue 10: a scope note later in the sentence ("…仅作为对比的参照，不在本次采购
/// 范围内") puts the products named before it outside the purchase. A product bought in an
/// earlier sentence or in its own clause stays, and "不在本次采购范围内的Y" speaks only of Y.
#[test]
fn a_scope_note_after_a_product_puts_it_outside_the_purchase() {
    for text in [
        "需求书另说明，通义千问等公众大模型仅作为对比的基准，不属于本次采购范围。",
        "供应商可附上与文心一言、Qwen等模型的测评对比，仅作为评审参考，上述模型不在本项目采购范围内",
        "英伟达A100集群的测试数据仅作参照；",
        "NVIDIA H100仅供对比，不纳入本次采购",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    // Bought in an earlier sentence: only the sentence holding the note is affected.
    assert_eq!(
        names(
            "本项目采购NVIDIA A800加速卡。文心一言等通用大模型仅作为对比测评的参照，不在本次采购范围内。"
        ),
        vec!["NVIDIA A800".to_string()]
    );
    // Bought in its own clause, the note speaking of another product.
    assert_eq!(
        names("本项目采购DeepSeek私有化部署服务，Kimi等模型仅作对比，不在本次采购范围内"),
        vec!["DeepSeek".to_string()]
    );
    // The note as a modifier of what follows it.
    assert_eq!(
        names("部署DeepSeek推理服务，不在本次采购范围内的配套机房由采购人自备"),
        vec!["DeepSeek".to_string()]
    );
    // A note in the next sentence does not reach back.
    assert_eq!(
        names("平台调用通义千问。其他模型仅作为对比，不在采购范围内"),
        vec!["Alibaba Qwen".to_string()]
    );
}

/// extract23 of issue 10: an interface kept for a product that the purchase does not switch on
/// ("…预留与X对接的接口，本期未开通", "暂不开通") is not use; the note reaches neither an earlier
/// sentence nor a product bought in its own clause.
#[test]
fn a_product_left_switched_off_is_not_use() {
    for text in [
        "系统预留调用Claude的能力，暂不开通",
        "网关支持接入GPT-4o等境外模型，本期不开通；",
        "平台具备对接Gemini的扩展接口，暂未开通",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("平台部署DeepSeek模型。预留ChatGPT接口，本期未开通。"),
        vec!["DeepSeek".to_string()]
    );
    assert_eq!(
        names("本项目采购文心一言调用服务，OpenAI接口本期未开通"),
        vec!["Baidu ERNIE".to_string()]
    );
}

/// extract20 of issue 10: a product named as the yardstick of a test ("参照X标准", "参照X的水平")
/// is not bought; the same product with 标准 as its configuration still is.
#[test]
fn a_yardstick_standard_is_not_use() {
    for text in [
        "推理性能参照NVIDIA A100标准进行测试",
        "训练吞吐参照英伟达H800的水平验收",
        "单卡性能参照A800的性能指标执行",
        "精度验证参照NVIDIA A100平台标准执行",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("每台配置8张华为昇腾910B加速卡，推理性能参照NVIDIA A100标准进行测试"),
        vec!["Huawei Ascend 910B".to_string()]
    );
    assert_eq!(
        names("本项目采用英伟达H100标准配置服务器8台"),
        vec!["NVIDIA H100".to_string()]
    );
}

/// Round 28 of issue 10: a comparison word may have a short qualifier before its product
/// ("不低于同配置NVIDIA L40S服务器"), and a bracketed note right after a product that makes it a
/// yardstick or waives its brand ("（性能评测参照，不作为品牌要求）") says it is not bought. A
/// longer stretch, a note after a later product, or no note at all leave the product in use.
#[test]
fn a_qualified_comparison_or_a_yardstick_note_is_not_use() {
    for text in [
        "单节点训练性能不低于同规格英伟达A800服务器",
        "整机算力相当于同等配置的NVIDIA H100服务器",
        "推理吞吐优于同类NVIDIA A10产品",
        "配置国产加速卡，算力不低于主流英伟达H20",
        "参考配置：NVIDIA A800服务器（仅作性能参照，不指定品牌）",
        "单卡显存不小于48GB，参考型号NVIDIA L20（不作为品牌要求）",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    // The qualifier must follow a comparison word and stand alone before the product.
    assert_eq!(
        names("采购同配置NVIDIA L40S服务器2台"),
        vec!["NVIDIA L40S".to_string()]
    );
    assert_eq!(
        names("同规格NVIDIA A100服务器已部署20台"),
        vec!["NVIDIA A100".to_string()]
    );
    // A note after a later product of the sentence speaks only of that product.
    assert_eq!(
        names("每台配置8张华为昇腾910B加速卡，单机性能不低于NVIDIA L40S（性能评测参照）"),
        vec!["Huawei Ascend 910B".to_string()]
    );
    // A bracket that is no yardstick note keeps the product.
    assert_eq!(
        names("配置NVIDIA H20推理卡（含三年质保）"),
        vec!["NVIDIA H20".to_string()]
    );
}

/// Round 28 of issue 10: an exclusion before a product ("不接受RTX 4090等消费级显卡方案") says it
/// is not bought, for every item of its short list; words between the exclusion and the product
/// ("不接受非原厂的…") leave the product bought, and a floor below it ("不得低于") is a comparison.
#[test]
fn an_excluded_product_is_not_use() {
    for text in [
        "投标方案不允许GeForce RTX 4090、RTX 4090D等消费级显卡",
        "拒绝RTX 4090等游戏显卡方案",
        "本次报价不含NVIDIA A100加速卡，由采购人自备",
        "排除英伟达H20等受出口管制产品",
        "不予接受英伟达L20的替代方案",
        "单卡FP16算力不得低于NVIDIA A100",
        "训练性能不应低于英伟达A800",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("不接受非原厂的NVIDIA H100加速卡"),
        vec!["NVIDIA H100".to_string()]
    );
    assert_eq!(
        names("不接受联合体投标，本项目采购NVIDIA H20服务器"),
        vec!["NVIDIA H20".to_string()]
    );
}

/// Held-out round 35 of issue 10: a ratio given as a range of two fractions (六到七成, 60-70%,
/// 五至六成, 六七成) against a product is a comparison; the product bought in the same
/// sentence shape without a ratio is still use.
#[test]
fn a_range_of_ratios_against_a_product_is_not_use() {
    for text in [
        "该国产卡的单卡推理性能约为英伟达A100的五到六成",
        "国产加速卡训练吞吐约为NVIDIA H800的60-70%",
        "整机算力约为英伟达H20的六至七成",
        "单卡性能大约为英伟达A800的六七成",
        "国产芯片能效为英伟达L40S的1.2~1.5倍",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("该项目的训练集群采用英伟达A100的8卡服务器"),
        vec!["NVIDIA A100".to_string()]
    );
}

/// Held-out round 34 of issue 10: an interface reserved for products (预留对接…接口, 具备对接…
/// 的能力, 可扩展接入) is a compatibility requirement, for every item of its list; connecting a
/// model and deploying it is use.
#[test]
fn a_reserved_interface_for_products_is_not_use() {
    for text in [
        "平台应预留与DeepSeek、通义千问等大模型对接的接口",
        "系统须具备对接DeepSeek、Kimi等第三方模型的能力",
        "后续可扩展接入通义千问、DeepSeek等模型服务",
        "预留接入DeepSeek等国产大模型的标准接口",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        names("本项目对接DeepSeek大模型并完成部署"),
        vec!["DeepSeek".to_string()]
    );
}
