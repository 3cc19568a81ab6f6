//! `-f xlsx`: read the workbook back and compare it with the CSV report of the same scan.
use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");

fn tenderscan() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY");
    cmd
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The text of one member of the xlsx (zip) file.
fn member(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn xlsx_report_matches_the_csv_with_typed_cells_and_a_findings_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let book_path = dir.path().join("report.xlsx");
    tenderscan()
        .args(["-q", "scan", "--all", "-f", "XLSX", "-o"])
        .arg(&book_path)
        .arg(FIXTURES)
        .assert()
        .code(0);
    let csv_out = tenderscan()
        .args(["-q", "scan", "--all", FIXTURES])
        .assert()
        .code(0);
    let mut csv_rows: Vec<Vec<String>> = csv::Reader::from_reader(&csv_out.get_output().stdout[..])
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let mut header = csv::Reader::from_reader(&csv_out.get_output().stdout[..]);
    let header: Vec<String> = header.headers().unwrap().iter().map(String::from).collect();

    let mut book: Xlsx<_> = calamine::open_workbook(&book_path).unwrap();
    assert_eq!(book.sheet_names(), ["notices", "findings"]);
    let notices = book.worksheet_range("notices").unwrap();
    let rows: Vec<&[Data]> = notices.rows().collect();
    let got_header: Vec<String> = rows[0].iter().map(cell_text).collect();
    assert_eq!(got_header, header);
    assert_eq!(rows.len() - 1, csv_rows.len());
    // 19 top-level fixtures + 143 in fixtures/extract/.
    assert_eq!(csv_rows.len(), 162);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();

    let scu = rows
        .iter()
        .position(|r| {
            cell_text(&r[col("source")]).ends_with("ccgp_new_award_scu_azure_openai.html")
        })
        .expect("the SCU award row");
    let r = rows[scu];
    assert_eq!(r[col("alert")], Data::String("high".into()));
    assert_eq!(r[col("buyer")], Data::String("四川大学".into()));
    assert_eq!(r[col("award_amount")], Data::Float(398000.0));
    assert_eq!(r[col("award_currency")], Data::String("CNY".into()));
    match &r[col("published")] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), 45835.0), // 2025-06-27
        other => panic!("published is not a date: {other:?}"),
    }
    // Every other text column reads as in the CSV (the CSV's formula guard aside).
    let csv_scu = csv_rows
        .iter_mut()
        .find(|c| c[col("source")].ends_with("ccgp_new_award_scu_azure_openai.html"))
        .unwrap();
    for name in [
        "title",
        "listed_entities",
        "reasons",
        "cloud",
        "ai_services",
        "sha256",
        "encoding",
        "notice_type",
    ] {
        assert_eq!(
            cell_text(&r[col(name)]),
            csv_scu[col(name)],
            "column {name}"
        );
    }

    let findings = book.worksheet_range("findings").unwrap();
    let frows: Vec<&[Data]> = findings.rows().collect();
    let fheader: Vec<String> = frows[0].iter().map(cell_text).collect();
    assert_eq!(
        fheader,
        [
            "notice_row",
            "source",
            "kind",
            "role",
            "name",
            "listed_name",
            "list",
            "method",
            "score",
            "text",
            "context",
            "origin",
            "controlled"
        ]
    );
    let scu_findings: Vec<&&[Data]> = frows
        .iter()
        .filter(|f| f[0] == Data::Float((scu + 1) as f64))
        .collect();
    // Two hits (Entity List and the DoD 1286 list) and four mentions, as in the JSON report.
    assert_eq!(scu_findings.len(), 6);
    let hit = scu_findings[0];
    assert_eq!(cell_text(&hit[2]), "hit");
    assert_eq!(cell_text(&hit[3]), "buyer");
    assert_eq!(cell_text(&hit[5]), "Sichuan University");
    assert_eq!(hit[8], Data::Float(1.0));
    assert!(
        scu_findings[2..]
            .iter()
            .all(|m| cell_text(&m[2]) == "mention" && m[8] == Data::Empty)
    );

    // Frozen header, autofilter over the whole table, the source as a hyperlink.
    let sheet1 = member(&book_path, "xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet1:.600}"
    );
    // 26 columns (A–Z), a header and 162 notices.
    assert!(sheet1.contains(r#"<autoFilter ref="A1:Z163"/>"#));
    // Local sources are plain text (web sources are hyperlinks: see the unit test in report/xlsx.rs).
    assert!(cell_text(&r[col("source")]).starts_with('/'));
}

#[test]
fn xlsx_needs_an_output_file_and_excel_needs_csv() {
    let out = tenderscan()
        .args(["scan", "-f", "xlsx", FIXTURES])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("give -o FILE.xlsx"));
    let out = tenderscan()
        .args(["scan", "-f", "jsonl", "--excel", FIXTURES])
        .assert()
        .code(2);
    assert!(
        String::from_utf8_lossy(&out.get_output().stderr)
            .contains("--excel (--bom) only applies to -f csv")
    );
    tenderscan()
        .args([
            "history",
            "export",
            "--since",
            "2025-01-01",
            "-f",
            "json",
            "--bom",
        ])
        .assert()
        .code(2);
}

#[test]
fn control_characters_do_not_reach_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("ctl.html");
    std::fs::write(
        &page,
        "<html><head><title>某大学\u{1}云服务\u{1b}[31m采购公告</title></head><body><p>采购人：某大学</p><p>AWS 亚马逊云</p></body></html>",
    )
    .unwrap();
    let book_path = dir.path().join("r.xlsx");
    tenderscan()
        .args(["-q", "scan", "--all", "-f", "xlsx", "-o"])
        .arg(&book_path)
        .arg(&page)
        .assert()
        .code(0);
    let sheet1 = member(&book_path, "xl/sharedStrings.xml");
    assert!(
        !sheet1.contains("_x0001_") && !sheet1.contains("_x001B_"),
        "{sheet1}"
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&book_path).unwrap();
    let notices = book.worksheet_range("notices").unwrap();
    let title = notices.rows().nth(1).unwrap()[3].clone();
    assert_eq!(title, Data::String("某大学云服务[31m采购公告".into()));
}
