//! Scan throughput and memory benchmark: `cargo bench --bench scan`.
//!
//! Generates a corpus of realistic tender pages (ccgp-like layout, ~40 KB each, every fourth one
//! GBK-encoded), then runs the release binary over it and prints pages/s and MB/s on one core
//! (`-j1`) and on all cores, and the peak memory for 1,000 vs `BENCH_MEMORY_PAGES` (default
//! 100,000, hard links to the same 1,000 files) pages. Targets (issue 2): ≥ 40 MB/s on one core;
//! memory flat as the corpus grows.
//!
//! Environment: `BENCH_PAGES` (default 2000), `BENCH_MEMORY_PAGES` (default 100000, 0 to skip).
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const BUYERS: &[&str] = &[
    "四川大学",
    "深圳市龙华区教育局",
    "浙江省人民医院",
    "哈尔滨工业大学",
    "南方科技大学",
    "某市公安局交通警察支队",
];
const ITEMS: &[&str] = &[
    "GPU服务器 8卡 NVIDIA A100 80G",
    "台式计算机 Intel i7 16G 512G SSD",
    "云服务 阿里云 ECS 实例",
    "交换机 H3C S5130",
    "空调 美的 KFR-72GW",
    "亚马逊云科技 账号及 p4d.24xlarge 实例",
    "打印机 HP LaserJet",
    "存储 华为 OceanStor 5310",
];

fn page(i: usize) -> String {
    let buyer = BUYERS[i % BUYERS.len()];
    let mut rows = String::new();
    for r in 0..120 {
        let item = ITEMS[(i + r) % ITEMS.len()];
        let _ = writeln!(
            rows,
            "<tr><td>{r}</td><td>{item}</td><td>{}</td><td>台</td><td>{}.00</td><td>满足采购需求，质保三年，含安装调试及培训服务</td></tr>",
            1 + r % 7,
            1000 + (i * 37 + r * 11) % 90000
        );
    }
    format!(
        r#"<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="ArticleTitle" content="{buyer}{i}号设备采购项目中标（成交）结果公告" /><meta name="PubDate" content="2025-05-{d:02} 10:00" />
<title>{buyer}{i}号设备采购项目中标（成交）结果公告</title><script>var x = 1;</script></head><body>
<div class="vF_detail_main"><div class="vF_detail_header"><h2 class="tc">{buyer}{i}号设备采购项目中标（成交）结果公告</h2><span id="pubTime">2025年05月{d:02}日 10:00</span></div>
<div class="table"><table><tr><td class="title">采购项目名称</td><td>{buyer}{i}号设备采购项目</td><td class="title">品目</td><td>货物/设备</td></tr>
<tr><td class="title">采购单位</td><td>{buyer}</td><td class="title">总中标金额</td><td>￥{amt}.000000 万元（人民币）</td></tr>
<tr><td class="title">代理机构名称</td><td>某某招标代理有限公司</td><td class="title">公告时间</td><td>2025年05月{d:02}日</td></tr></table></div>
<div class="vF_detail_content"><p>一、项目编号：ZB2025-{i:06}</p><p>二、项目名称：{buyer}{i}号设备采购项目</p>
<p>三、中标（成交）信息</p><p>供应商名称：成都某某科技有限公司{i}</p><p>中标（成交）金额：{amt}0000.00元</p>
<p>四、主要标的信息</p><table>{rows}</table>
<p>九、凡对本次公告内容提出询问，请按以下方式联系。</p><p>1.采购人信息</p><p>名称：{buyer}</p><p>地址：某市某区某路{i}号</p></div></div></body></html>"#,
        d = 1 + i % 28,
        amt = 10 + i % 500,
    )
}

fn write_corpus(dir: &Path, n: usize) -> u64 {
    std::fs::create_dir_all(dir).expect("create corpus dir");
    let mut bytes = 0;
    for i in 0..n {
        let html = page(i);
        let (data, name) = if i % 4 == 3 {
            let gbk = html.replace("charset=utf-8", "charset=gbk");
            let (enc, _, _) = encoding_rs::GBK.encode(&gbk);
            (enc.into_owned(), format!("p{i:06}.htm"))
        } else {
            (html.into_bytes(), format!("p{i:06}.html"))
        };
        bytes += data.len() as u64;
        std::fs::write(dir.join(name), data).expect("write page");
    }
    bytes
}

/// Run the binary; returns (seconds, peak RSS MiB if reported).
fn run(dir: &Path, jobs: Option<usize>) -> (f64, Option<f64>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tenderscan"));
    cmd.arg("-v")
        .arg("scan")
        .arg("--all")
        .arg("-o")
        .arg("/dev/null")
        .arg(dir);
    if let Some(j) = jobs {
        cmd.arg("-j").arg(j.to_string());
    }
    let start = Instant::now();
    let out = cmd.output().expect("run tenderscan");
    let secs = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak = stderr
        .lines()
        .find_map(|l| l.split("peak memory ").nth(1))
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse::<f64>().ok());
    (secs, peak)
}

fn main() {
    let n: usize = std::env::var("BENCH_PAGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let mem_n: usize = std::env::var("BENCH_MEMORY_PAGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    if let Ok(dir) = std::env::var("BENCH_CORPUS_ONLY") {
        // Just write the corpus (for profiling with perf or callgrind) and stop.
        write_corpus(Path::new(&dir), n);
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let bytes = write_corpus(&corpus, n);
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {n} pages, {mb:.1} MB ({:.1} KB/page, 1 in 4 GBK)",
        mb * 1000.0 / n as f64
    );
    let _ = run(&corpus, Some(1)); // warm the page cache
    for jobs in [Some(1), None] {
        let (secs, _) = run(&corpus, jobs);
        let label = jobs.map_or("all cores".to_string(), |j| format!("{j} core"));
        println!(
            "scan ({label:>9}): {secs:6.2} s  {:8.0} pages/s  {:6.1} MB/s",
            n as f64 / secs,
            mb / secs
        );
    }
    // A second corpus closer to the field: the real saved pages of ../shared (when present) and
    // the project's fixtures, replicated. Less table-heavy than the generated pages.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let real_dirs = [
        manifest.join("../shared/data/pages/html"),
        manifest.join("fixtures"),
    ];
    let real = tmp.path().join("real");
    std::fs::create_dir_all(&real).expect("mkdir");
    let mut real_bytes = 0u64;
    let mut real_pages = 0usize;
    for copy in 0..40 {
        for dir in &real_dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for e in entries.filter_map(Result::ok) {
                let p = e.path();
                if p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| x.starts_with("htm"))
                {
                    let data = std::fs::read(&p).expect("read page");
                    real_bytes += data.len() as u64;
                    real_pages += 1;
                    std::fs::write(
                        real.join(format!("{copy:02}-{}", e.file_name().to_string_lossy())),
                        data,
                    )
                    .expect("copy");
                }
            }
        }
    }
    let real_mb = real_bytes as f64 / 1e6;
    println!(
        "real-layout corpus: {real_pages} pages, {real_mb:.1} MB (saved portal pages + fixtures, ×40)"
    );
    let _ = run(&real, Some(1));
    for jobs in [Some(1), None] {
        let (secs, _) = run(&real, jobs);
        let label = jobs.map_or("all cores".to_string(), |j| format!("{j} core"));
        println!(
            "scan ({label:>9}): {secs:6.2} s  {:8.0} pages/s  {:6.1} MB/s",
            real_pages as f64 / secs,
            real_mb / secs
        );
    }
    if mem_n > 0 {
        let base = tmp.path().join("mem-base");
        let big = tmp.path().join("mem-big");
        write_corpus(&base, 1000);
        std::fs::create_dir_all(&big).expect("mkdir");
        let files: Vec<PathBuf> = std::fs::read_dir(&base)
            .expect("read")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        for i in 0..mem_n {
            let src = &files[i % files.len()];
            let ext = src.extension().and_then(|e| e.to_str()).unwrap_or("html");
            std::fs::hard_link(src, big.join(format!("h{i:07}.{ext}"))).expect("hard link");
        }
        let (s1, m1) = run(&base, None);
        let (s2, m2) = run(&big, None);
        let show = |m: Option<f64>| m.map_or("n/a".to_string(), |m| format!("{m:.0} MiB"));
        println!(
            "memory: 1000 pages peak {} ({s1:.1} s); {mem_n} pages peak {} ({s2:.1} s)",
            show(m1),
            show(m2)
        );
    }
}
