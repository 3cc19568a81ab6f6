//! Coarse complexity checks (issue 14 point 7): loading a list and building the matcher grow
//! about linearly with the list, and a run-on 20,000-character name costs no more than a
//! 2,000-character one. Ratios with generous bounds, not absolute times (the machine is shared).
use std::time::Instant;

use tenderscan::matcher::Matcher;
use tenderscan::model::Role;
use tenderscan::watchlist::Watchlist;

const SYL: [&str; 12] = [
    "hua", "xin", "tong", "da", "zhong", "ke", "feng", "rui", "jing", "yuan", "hai", "long",
];
const HAN: [char; 12] = [
    '华', '新', '通', '达', '中', '科', '丰', '锐', '京', '源', '海', '龙',
];

fn write_list(dir: &std::path::Path, rows: usize, long_name: Option<usize>) -> std::path::PathBuf {
    let mut s = String::from("name,aliases,list,country,reference,listed_on,source,notes\n");
    for i in 0..rows {
        let brand: String = (0..3).map(|k| SYL[(i / 12usize.pow(k)) % 12]).collect();
        let han: String = (0..4).map(|k| HAN[(i / 12usize.pow(k)) % 12]).collect();
        s.push_str(&format!(
            "\"Shenzhen {brand} Technology Co., Ltd. {i}\",{brand} Electronics; {han}科技有限公司,Test,CN,{i} FR {i},2024-01-01,test,\n"
        ));
    }
    if let Some(n) = long_name {
        let long: String = std::iter::repeat_n('华', n).collect();
        s.push_str(&format!("{long},,Test,CN,long,2024-01-01,test,\n"));
    }
    let path = dir.join(format!("list_{rows}_{}.csv", long_name.unwrap_or(0)));
    std::fs::write(&path, s).expect("write list");
    path
}

fn load_and_build(path: &std::path::Path) -> (f64, Matcher) {
    let start = Instant::now();
    let list = Watchlist::load(&[path.to_path_buf()], None).expect("list loads");
    let m = Matcher::new(list);
    (start.elapsed().as_secs_f64(), m)
}

#[test]
fn list_loading_grows_linearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let small = write_list(dir.path(), 1_000, None);
    let large = write_list(dir.path(), 4_000, None);
    load_and_build(&small); // warm-up (lazy statics, allocator)
    let (t1, m1) = load_and_build(&small);
    let (t4, m4) = load_and_build(&large);
    assert_eq!((m1.len(), m4.len()), (1_000, 4_000));
    assert!(
        t4 < 8.0 * t1.max(0.005),
        "4x the rows took {:.1}x the time ({t1:.3}s -> {t4:.3}s)",
        t4 / t1
    );
}

#[test]
fn a_run_on_name_is_cut_not_quadratic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let short = write_list(dir.path(), 50, Some(2_000));
    let long = write_list(dir.path(), 50, Some(20_000));
    load_and_build(&short);
    let (t1, _) = load_and_build(&short);
    let (t10, m) = load_and_build(&long);
    assert!(
        t10 < 8.0 * t1.max(0.005),
        "a 10x longer name took {:.1}x the time ({t1:.3}s -> {t10:.3}s)",
        t10 / t1
    );
    // The index holds the name cut to 300 characters; it is still found by its start.
    let query: String = std::iter::repeat_n('华', 300).collect();
    let hits = m.screen(&query, Role::Buyer);
    assert!(
        hits.iter()
            .any(|h| h.matched_alias.chars().count() == 300 && h.score == 1.0),
        "{hits:?}"
    );
}
