//! Encoding cases, one named test each (after ripgrep's `f1_sjis`-style tests).
use std::path::PathBuf;

use tenderscan::decode::decode;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

const NOTICE: &str = "<html><body><p>采购人：电子科技大学</p><p>采购内容：英伟达训练服务器，联系人张堃老师。</p>\
<p>预算金额：185万元，报价截止时间：2024年11月12日。</p></body></html>";

#[test]
fn gbk_bare_without_declaration() {
    let bytes = encoding_rs::GBK.encode(NOTICE).0.into_owned();
    let d = decode(&bytes, None);
    assert_eq!(d.encoding, "gbk");
    assert!(!d.had_errors);
    assert!(d.text.contains("采购人：电子科技大学"), "{}", d.text);
    assert!(d.text.contains("张堃"));
}

#[test]
fn gb2312_labelled_gbk_with_truncated_sequence() {
    let d = decode(&fixture("gbk_uestc_a800_servers.htm"), None);
    assert_eq!(d.encoding, "gbk");
    assert!(
        d.had_errors,
        "the cut <meta description> holds one invalid sequence"
    );
    assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
    // 堃 and 瑄 are outside GB2312: a strict GB2312 decoder would lose them.
    assert!(d.text.contains("联系人：张堃老师"));
    assert!(d.text.contains("项目负责人：王瑄"));
    assert!(d.text.contains("英伟达 A800 训练卡"));
    // The byte after the cut lead byte is ASCII and survives.
    assert!(
        d.text.contains("采购单位电\u{FFFD}\">"),
        "{}",
        &d.text[..400.min(d.text.len())]
    );
}

#[test]
fn gb18030_four_byte_character() {
    let d = decode(&fixture("gb18030_provincial_domestic_cloud.html"), None);
    assert_eq!(d.encoding, "gb18030");
    assert!(!d.had_errors);
    assert!(
        d.text.contains("论证专家吉𠮷、何明亮"),
        "U+20BB7 is a 4-byte GB18030 sequence"
    );
    assert!(d.text.contains("昇腾910B"));
}

#[test]
fn wrong_declaration_utf8_but_gbk_bytes() {
    let d = decode(&fixture("gbk_declared_utf8_hit_weihai.html"), None);
    assert_eq!(d.encoding, "gbk");
    assert!(d.text.contains("采购人：哈尔滨工业大学（威海）"));
    assert!(d.text.contains("NVIDIA H800 智算服务器"));
}

#[test]
fn wrong_header_charset_utf8_but_gbk_bytes() {
    let bytes = encoding_rs::GBK.encode(NOTICE).0.into_owned();
    let d = decode(&bytes, Some("utf-8"));
    assert_eq!(d.encoding, "gbk");
    assert!(d.text.contains("电子科技大学"));
}

#[test]
fn header_charset_used_without_meta() {
    let bytes = encoding_rs::GBK.encode(NOTICE).0.into_owned();
    let d = decode(&bytes, Some("gb2312"));
    assert_eq!(d.encoding, "gbk");
    assert!(d.text.contains("预算金额：185万元"));
}

#[test]
fn utf8_page_still_declaring_gb2312() {
    let page =
        format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">{NOTICE}");
    let d = decode(page.as_bytes(), None);
    assert_eq!(d.encoding, "utf-8");
    assert!(d.text.contains("采购人：电子科技大学"));
}

#[test]
fn utf8_with_one_truncated_sequence_stays_utf8() {
    let mut bytes = "<meta charset=\"utf-8\"><meta name=\"description\" content=\"四川大学"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&"采".as_bytes()[..2]);
    bytes.extend_from_slice(format!("\">{NOTICE}").as_bytes());
    let d = decode(&bytes, None);
    assert_eq!(d.encoding, "utf-8");
    assert!(d.had_errors);
    assert!(d.text.contains("采购人：电子科技大学"));
}

#[test]
fn bom_utf8() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(NOTICE.as_bytes());
    let d = decode(&bytes, Some("gbk"));
    assert_eq!(d.encoding, "utf-8");
    assert!(d.text.starts_with("<html>"), "the BOM is stripped");
}

#[test]
fn bom_utf16le() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(NOTICE.encode_utf16().flat_map(u16::to_le_bytes));
    let d = decode(&bytes, None);
    assert_eq!(d.encoding, "utf-16le");
    assert_eq!(d.text, NOTICE);
}

#[test]
fn bom_utf16be() {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(NOTICE.encode_utf16().flat_map(u16::to_be_bytes));
    let d = decode(&bytes, None);
    assert_eq!(d.encoding, "utf-16be");
    assert_eq!(d.text, NOTICE);
}

#[test]
fn empty_input() {
    let d = decode(b"", None);
    assert_eq!(d.encoding, "utf-8");
    assert_eq!(d.text, "");
    assert!(!d.had_errors);
}

#[test]
fn unknown_label_falls_back_to_detection() {
    let bytes = encoding_rs::GBK.encode(NOTICE).0.into_owned();
    let d = decode(&bytes, Some("x-no-such-charset"));
    assert_eq!(d.encoding, "gbk");
}

#[test]
fn binary_garbage_never_panics() {
    // A fixed linear congruential sequence: the same "random" bytes on every run.
    let mut state: u32 = 0x1234_5678;
    for len in [1usize, 2, 3, 17, 255, 4096, 70_000] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (state >> 24) as u8
            })
            .collect();
        let d = decode(&bytes, None);
        assert!(!d.encoding.is_empty());
        let _ = tenderscan::parse::parse(&d.text);
        let d = decode(&bytes, Some("utf-8"));
        assert!(!d.encoding.is_empty());
    }
    let d = decode(&[0u8; 1000], None);
    assert_eq!(d.text.len(), 1000);
}
