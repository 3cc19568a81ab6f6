//! Matcher throughput (issue 3, point 7): screen 10,000 names against the full list in
//! ../shared/data/lists/ (3,555 entries), against a synthetic list ten times larger, and
//! compare name pairs. Prints names/s and pairs/s. Run: `cargo bench --bench matcher`.
//! Skips itself (with a message) when the shared list is not present.
use std::path::{Path, PathBuf};
use std::time::Instant;

use tenderscan::matcher::{Matcher, Vocabulary, compare_names};
use tenderscan::model::Role;
use tenderscan::watchlist::{Entry, Watchlist};

fn shared_list() -> Option<PathBuf> {
    let rel = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/lists/consolidated_el_meu_1260h_1286.csv");
    [
        rel,
        PathBuf::from("/work/shared/data/lists/consolidated_el_meu_1260h_1286.csv"),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

/// A small deterministic generator (no dependency on rand's API for a benchmark).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() as usize) % items.len()]
    }
}

const SYLLABLES: [&str; 24] = [
    "hua", "xin", "tong", "da", "zhong", "ke", "feng", "rui", "jing", "yuan", "hai", "long",
    "tian", "cheng", "bo", "kai", "ming", "sheng", "wei", "xiang", "yun", "jia", "lian", "chuang",
];
const HAN: [&str; 16] = [
    "华", "信", "通", "达", "中", "科", "丰", "瑞", "京", "源", "海", "龙", "天", "诚", "博", "凯",
];

/// 10,000 names like those on tender pages: listed names with typos and legal forms, Chinese
/// names, and mostly unlisted companies and universities.
fn query_names(list: &Watchlist, rng: &mut Lcg) -> Vec<String> {
    let zh = [
        "四川大学",
        "四川大学华西医院",
        "哈尔滨工业大学（威海）",
        "北京智谱华章科技有限公司",
        "中科曙光",
        "南方科技大学",
        "浙江大学",
        "四川省学栋科技有限公司",
    ];
    let mut names = Vec::with_capacity(10_000);
    while names.len() < 10_000 {
        let name = match rng.next() % 10 {
            0 | 1 => rng.pick(&list.entries).name.clone(),
            2 => {
                let mut n = rng.pick(&list.entries).name.clone();
                if n.len() > 6 {
                    let i = (rng.next() as usize % (n.len() - 2)).max(1);
                    if n.is_char_boundary(i) && n.is_char_boundary(i + 1) {
                        n.remove(i);
                    }
                }
                n + " Co., Ltd."
            }
            3 => rng.pick(&zh).to_string(),
            4..=6 => {
                let mut s = String::new();
                for _ in 0..4 {
                    let han = rng.pick::<&str>(&HAN);
                    s.push_str(han);
                }
                format!(
                    "{}{}科技有限公司",
                    rng.pick(&["北京", "上海", "成都", "深圳"]),
                    s
                )
            }
            _ => format!(
                "{} {} {} Co., Ltd.",
                rng.pick(&["Beijing", "Shanghai", "Chengdu"]),
                rng.pick(&SYLLABLES),
                rng.pick(&["Technology", "Information", "Trading"])
            ),
        };
        names.push(name);
    }
    names
}

/// A name of the same shape with its distinctive words replaced by made-up ones (generic
/// words, places and legal forms kept), as new entries of a larger list would look.
fn reshape(name: &str, vocab: &Vocabulary, rng: &mut Lcg) -> String {
    name.split(' ')
        .map(|w| {
            let t = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if t.len() < 3
                || vocab.is_generic(&t)
                || matches!(
                    t.as_str(),
                    "co" | "ltd" | "inc" | "corp" | "limited" | "company" | "corporation"
                )
            {
                w.to_string()
            } else {
                let mut s = String::new();
                for _ in 0..2 + rng.next() % 2 {
                    let syllable = rng.pick::<&str>(&SYLLABLES);
                    s.push_str(syllable);
                }
                s
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The list plus nine synthetic copies whose names keep the shape but not the distinctive words.
fn ten_times(list: &Watchlist, rng: &mut Lcg) -> Watchlist {
    let vocab = Vocabulary::bundled();
    let mut entries: Vec<Entry> = list.entries.clone();
    for copy in 1..10 {
        for e in &list.entries {
            let mut e = e.clone();
            e.name = reshape(&e.name, &vocab, rng);
            e.aliases = e.aliases.iter().map(|a| reshape(a, &vocab, rng)).collect();
            e.id = format!("{}-{copy}", e.id);
            entries.push(e);
        }
    }
    Watchlist {
        entries,
        ..Default::default()
    }
}

fn screen_all(m: &Matcher, names: &[String]) -> (f64, usize) {
    let start = Instant::now();
    let hits: usize = names
        .iter()
        .map(|n| m.screen(n, Role::Supplier).len())
        .sum();
    (start.elapsed().as_secs_f64(), hits)
}

fn main() {
    let Some(path) = shared_list() else {
        eprintln!("skipped: ../shared/data/lists/consolidated_el_meu_1260h_1286.csv not present");
        return;
    };
    let list = Watchlist::load(&[path], None).expect("full list loads");
    let mut rng = Lcg(0x5eed);
    let names = query_names(&list, &mut rng);
    let aliases: usize = list.entries.iter().map(|e| 1 + e.aliases.len()).sum();

    let start = Instant::now();
    let m = Matcher::new(list.clone());
    let build = start.elapsed().as_secs_f64();
    screen_all(&m, &names[..500]); // warm-up
    let (t1, hits1) = screen_all(&m, &names);
    println!(
        "full list: {} entries / {aliases} names, index {build:.3}s; screened {} names in {t1:.3}s = {:.0} names/s ({hits1} hits)",
        list.entries.len(),
        names.len(),
        names.len() as f64 / t1
    );

    let big = ten_times(&list, &mut rng);
    let start = Instant::now();
    let mbig = Matcher::new(big.clone());
    let build_big = start.elapsed().as_secs_f64();
    let (t10, hits10) = screen_all(&mbig, &names);
    println!(
        "10x list: {} entries, index {build_big:.3}s; screened {} names in {t10:.3}s = {:.0} names/s ({hits10} hits); ratio {:.2} (target < 1.5)",
        big.entries.len(),
        names.len(),
        names.len() as f64 / t10,
        t10 / t1
    );

    let vocab = Vocabulary::bundled();
    let pairs: Vec<(String, String)> = (0..200_000)
        .map(|i| {
            let a = &names[i % names.len()];
            let b = &list.entries[(rng.next() as usize) % list.entries.len()].name;
            (a.clone(), b.clone())
        })
        .collect();
    let start = Instant::now();
    let matched = pairs
        .iter()
        .filter(|(a, b)| compare_names(&vocab, a, b).is_some())
        .count();
    let tp = start.elapsed().as_secs_f64();
    println!(
        "compare, page names (60% Chinese) vs listed names: {} pairs in {tp:.3}s = {:.0} pairs/s ({matched} scored > 0)",
        pairs.len(),
        pairs.len() as f64 / tp
    );
    let latin: Vec<(String, String)> = (0..200_000)
        .map(|_| {
            let a = &list.entries[(rng.next() as usize) % list.entries.len()].name;
            let b = &list.entries[(rng.next() as usize) % list.entries.len()].name;
            (a.clone(), b.clone())
        })
        .collect();
    let start = Instant::now();
    let matched = latin
        .iter()
        .filter(|(a, b)| compare_names(&vocab, a, b).is_some())
        .count();
    let tl = start.elapsed().as_secs_f64();
    println!(
        "compare, Latin listed names vs listed names: {} pairs in {tl:.3}s = {:.0} pairs/s ({matched} scored > 0)",
        latin.len(),
        latin.len() as f64 / tl
    );
}
