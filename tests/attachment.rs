//! Attachment text: DOCX, XLSX, ZIP (nested, limits, bombs), PDF through pdftotext, corrupt and
//! encrypted files. Each case a specific text or a specific skip reason.
#[path = "portal/gen.rs"]
mod generate;

use tenderscan::crawl::attachment::{Limits, Skip, extract_text};

fn small_limits() -> Limits {
    Limits {
        max_bytes: 1 << 20,
        max_entries: 20,
        max_expanded: 2 << 20,
        ..Limits::default()
    }
}

#[test]
fn docx_text_keeps_paragraphs() {
    let bytes =
        generate::docx("第一章 采购需求\nGPU服务器 8 台，每台配置 NVIDIA A100 80GB & NVLink");
    let text = extract_text("采购需求.docx", &bytes, &Limits::default()).expect("docx text");
    assert_eq!(
        text,
        "第一章 采购需求\nGPU服务器 8 台，每台配置 NVIDIA A100 80GB & NVLink\n"
    );
}

#[test]
fn xlsx_rows_and_shared_strings() {
    let bytes = generate::xlsx(&[
        &["序号", "名称", "规格"],
        &["1", "Azure OpenAI 服务", "GPT-4o 调用额度"],
    ]);
    let text = extract_text("报价表.XLSX", &bytes, &Limits::default()).expect("xlsx text");
    assert_eq!(
        text,
        "序号\t名称\t规格\t\n1\tAzure OpenAI 服务\tGPT-4o 调用额度\t\n"
    );
}

#[test]
fn zip_reads_documents_inside_nested_archives() {
    let inner = generate::zip(&[("技术参数.docx", &generate::docx("H800 八卡服务器"))]);
    let outer = generate::zip(&[
        ("readme.txt", b"ignored"),
        ("inner.zip", &inner),
        ("清单.xlsx", &generate::xlsx(&[&["亚马逊云"]])),
    ]);
    let text = extract_text("招标文件.zip", &outer, &Limits::default()).expect("zip text");
    assert!(text.contains("[技术参数.docx]\nH800 八卡服务器"), "{text}");
    assert!(text.contains("[清单.xlsx]\n亚马逊云"), "{text}");
}

#[test]
fn zip_bomb_is_skipped() {
    let bomb = generate::zip_bomb(8);
    assert!(
        bomb.len() < 64 << 10,
        "the bomb itself is small: {}",
        bomb.len()
    );
    let err = extract_text("资料包.zip", &bomb, &small_limits()).expect_err("bomb refused");
    assert!(matches!(err, Skip::Bomb(_)), "{err:?}");
    assert!(err.to_string().contains("possible zip bomb"), "{err}");
}

#[test]
fn too_many_entries_is_a_bomb() {
    let doc = generate::docx("x");
    let entries: Vec<(String, Vec<u8>)> = (0..30)
        .map(|i| (format!("{i}.docx"), doc.clone()))
        .collect();
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let err =
        extract_text("many.zip", &generate::zip(&refs), &small_limits()).expect_err("refused");
    assert_eq!(err, Skip::Bomb("30 entries (limit 20)".into()));
}

#[test]
fn oversized_attachment_is_skipped() {
    let err =
        extract_text("big.pdf", &vec![b'%'; (1 << 20) + 1], &small_limits()).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "too large: 1048577 bytes (limit 1048576; see --max-attachment-mib)"
    );
}

#[test]
fn corrupt_docx_is_skipped_with_reason() {
    let err = extract_text(
        "参数.docx",
        b"PK\x03\x04garbage that is not a zip",
        &Limits::default(),
    )
    .expect_err("corrupt");
    assert!(matches!(err, Skip::Corrupt { kind: "DOCX", .. }), "{err:?}");
    let err = extract_text(
        "参数.docx",
        b"<html>login required</html>",
        &Limits::default(),
    )
    .expect_err("not zip");
    assert_eq!(err.to_string(), "corrupt DOCX: not a ZIP container");
}

#[test]
fn docx_without_document_part() {
    let bytes = generate::zip(&[("word/styles.xml", b"<w:styles/>")]);
    let err = extract_text("a.docx", &bytes, &Limits::default()).expect_err("no body");
    assert_eq!(err.to_string(), "corrupt DOCX: no word/document.xml");
}

#[test]
fn pdf_text_through_pdftotext() {
    if !generate::have_pdftotext() {
        eprintln!("skipped: pdftotext not installed (apt-get install poppler-utils)");
        return;
    }
    let text = extract_text(
        "磋商文件.pdf",
        &generate::pdf("GPU cluster: 16 x NVIDIA A100 80GB"),
        &Limits::default(),
    )
    .expect("pdf text");
    assert!(text.contains("16 x NVIDIA A100 80GB"), "{text:?}");
    let err = extract_text("bad.pdf", b"%PDF-1.4\nnot really a pdf", &Limits::default())
        .expect_err("corrupt pdf");
    assert!(matches!(err, Skip::Corrupt { kind: "PDF", .. }), "{err:?}");
}

#[test]
fn zip_bomb_within_size_limit_caught_by_ratio() {
    // 4 MiB of zeros fits the default 64 MiB budget but compresses about 1000×.
    let err = extract_text("资料包.zip", &generate::zip_bomb(4), &Limits::default())
        .expect_err("bomb refused");
    assert!(
        matches!(err, Skip::Bomb(ref m) if m.starts_with("说明.docx expands ")),
        "{err:?}"
    );
}
