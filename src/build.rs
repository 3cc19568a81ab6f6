//! Embeds every `watchlists/*.csv` into the binary, so that an installed `tenderscan` works
//! without the source tree. The files stay the source of truth: new ones come along by
//! themselves, and an edit rebuilds the list.
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
    // A directory here makes cargo re-run this script when any file in it changes or appears.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("reading watchlists/")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    let mut code = String::from(
        "/// The bundled `watchlists/*.csv`, by file name, as they were at build time.\n\
         pub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for name in &names {
        let path = dir.join(name);
        writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("bundled_watchlists.rs");
    std::fs::write(out, code).expect("writing bundled_watchlists.rs");
}
