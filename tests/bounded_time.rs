//! Issue 9 point 1: every hostile input of the table scans in time linear in its size.
//! Each case runs at two sizes; 4× the size must cost less than 8× the time (generous: the
//! machine is noisy and shared). Sizes are small enough for debug builds.
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use tenderscan::model::Page;
use tenderscan::pipeline::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        Engine::load(&dir, &[]).expect("bundled watchlists load")
    })
}

/// One timed run.
fn time(f: &dyn Fn()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Asserts that `make(4n)` costs less than 8× `make(n)` through `run`.
fn assert_linear(name: &str, n: usize, make: &dyn Fn(usize) -> Vec<u8>, run: &dyn Fn(&[u8])) {
    let small = make(n);
    let large = make(4 * n);
    // Best of five, the two sizes alternated so that a burst of load from other processes
    // hits both alike rather than only the larger one.
    let (mut t1, mut t4) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        t1 = t1.min(time(&|| run(&small)));
        t4 = t4.min(time(&|| run(&large)));
    }
    eprintln!(
        "{name}: {} bytes {:?}, {} bytes {:?} (×{:.1})",
        small.len(),
        t1,
        large.len(),
        t4,
        t4.as_secs_f64() / t1.as_secs_f64().max(1e-9)
    );
    // A floor of 20 ms keeps timer noise on tiny inputs from failing the test.
    assert!(
        t4 < t1.max(Duration::from_millis(20)) * 8,
        "{name}: 4× the input took {t4:?} vs {t1:?}: not linear"
    );
}

fn scan(bytes: &[u8]) {
    let page = Page {
        source: "t.html".into(),
        bytes: bytes.to_vec(),
        ..Page::default()
    };
    let record = engine().scan(&page);
    assert_eq!(record.source, "t.html");
}

#[test]
fn anti_bot_check_is_linear_on_unclosed_scripts() {
    assert_linear(
        "anti-bot <script>x<!--c-->",
        10_000,
        &|n| "<script>x<!--c-->".repeat(n).into_bytes(),
        &|b| {
            let _ = tenderscan::fetch::blocked::challenge_reason(b);
        },
    );
}

#[test]
fn anti_bot_check_is_linear_on_unclosed_tags() {
    assert_linear(
        "anti-bot <<<<",
        20_000,
        &|n| "<a <title x".repeat(n).into_bytes(),
        &|b| {
            let _ = tenderscan::fetch::blocked::challenge_reason(b);
        },
    );
}

#[test]
fn deep_div_nesting_is_linear() {
    assert_linear(
        "nested <div>",
        5_000,
        &|n| {
            format!(
                "<html><body>{}采购人：某大学</body></html>",
                "<div>".repeat(n)
            )
            .into_bytes()
        },
        &scan,
    );
}

#[test]
fn many_attributes_in_one_tag_are_linear() {
    // Once with markup our tokenizer reads, once with a reference html5ever's must read.
    for tail in ["", "&unknown"] {
        assert_linear(
            "attributes in one tag",
            5_000,
            &|n| {
                let attrs: Vec<String> = (0..n).map(|i| format!("a{i}=1")).collect();
                format!(
                    "<html><body><div {}>采购人：某大学{tail}</div></body></html>",
                    attrs.join(" ")
                )
                .into_bytes()
            },
            &scan,
        );
    }
}

#[test]
fn deep_math_nesting_is_linear() {
    assert_linear(
        "nested <math>",
        5_000,
        &|n| format!("<html><body>{}x</body></html>", "<math>".repeat(n)).into_bytes(),
        &scan,
    );
}

#[test]
fn large_result_table_is_linear() {
    let table = |n: usize| {
        let mut s = String::from(
            "<html><body><p>中标结果公告</p><table><tr><th>序号</th><th>中标供应商</th><th>中标金额（元）</th></tr>",
        );
        for i in 0..n {
            s.push_str(&format!(
                "<tr><td>{i}</td><td>某某科技有限公司{i}</td><td>{}.00</td></tr>",
                1000 + i
            ));
        }
        s.push_str("</table></body></html>");
        s.into_bytes()
    };
    assert_linear("result table rows", 1_000, &table, &scan);
}

#[test]
fn long_supplier_list_in_one_cell_is_linear() {
    let cell = |n: usize| {
        let names: Vec<String> = (0..n).map(|i| format!("某某科技有限公司{i}")).collect();
        format!(
            "<html><body><p>成交公告</p><p>成交供应商：{}</p></body></html>",
            names.join("、")
        )
        .into_bytes()
    };
    assert_linear("supplier list", 1_000, &cell, &scan);
}
