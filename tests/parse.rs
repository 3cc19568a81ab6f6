use tenderscan::{decode, parse};
#[test]
fn dump_fixtures() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        let bytes = std::fs::read(dir.join(&name)).unwrap();
        let d = decode::decode(&bytes, None);
        let n = parse::parse(&d.text);
        eprintln!(
            "{:?} {} err={}\n  title={:?}\n  type={:?} published={:?} id={:?}\n  buyer={:?} agency={:?}\n  budget={:?} award={:?}\n  suppliers={:?}",
            name, d.encoding, d.had_errors, n.title, n.notice_type, n.published, n.project_id, n.buyer, n.agency, n.budget, n.award, n.suppliers
        );
        if std::env::var("SHOWTEXT").is_ok() { eprintln!("{}", n.text); }
    }
}
