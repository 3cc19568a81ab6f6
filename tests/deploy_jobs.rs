//! The cluster job definitions under src/deploy/ parse, and their commands, run as the cluster
//! would run them (index from the environment), scan every input exactly once.
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(rel)).unwrap()).expect(rel)
}

/// YAML as JSON through Python's PyYAML; None when it is not installed.
fn read_yaml(rel: &str) -> Option<Value> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, json, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)",
        ])
        .arg(root().join(rel))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| serde_json::from_slice(&out.stdout).expect("YAML as JSON"))
}

/// Lines of every shard output, sorted, after running `script` once per index.
fn run_shards(
    script: &str,
    index_var: &str,
    shards: u64,
    env: &[(&str, String)],
    out: &Path,
) -> Vec<String> {
    let bin = assert_cmd::cargo::cargo_bin("tenderscan");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for i in 0..shards {
        let status = Command::new("sh")
            .args(["-c", script])
            .env("PATH", &path)
            .env(index_var, i.to_string())
            .envs(env.iter().map(|(k, v)| (k, v)))
            .env_remove("TENDERSCAN_HISTORY")
            .env("TENDERSCAN_DATA_DIR", "/nonexistent-tenderscan-data")
            .current_dir(root())
            .status()
            .unwrap();
        assert!(status.success(), "shard {i}");
    }
    let mut lines = Vec::new();
    for i in 0..shards {
        let text = std::fs::read_to_string(out.join(format!("shard-{i}.jsonl"))).unwrap();
        lines.extend(text.lines().map(str::to_string));
    }
    lines.sort();
    lines
}

fn manifest(dir: &Path) -> (PathBuf, Vec<String>) {
    let files: Vec<String> = std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html" || x == "htm"))
        .map(|p| p.display().to_string())
        .collect();
    let path = dir.join("manifest.txt");
    std::fs::write(&path, files.join("\n")).unwrap();
    let whole = Command::new(assert_cmd::cargo::cargo_bin("tenderscan"))
        .args(["-q", "scan", "--all", "-f", "jsonl", "--manifest"])
        .arg(&path)
        .current_dir(root())
        .env("TENDERSCAN_DATA_DIR", "/nonexistent-tenderscan-data")
        .output()
        .unwrap();
    let mut lines: Vec<String> = String::from_utf8_lossy(&whole.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    assert!(lines.len() >= 15);
    (path, lines)
}

#[test]
fn aws_batch_array_job_covers_every_input_once() {
    let def = read_json("src/deploy/aws-batch/job-definition.json");
    let submit = read_json("src/deploy/aws-batch/submit-job.json");
    assert_eq!(submit["jobDefinition"], def["jobDefinitionName"]);
    let shards: u64 = submit["parameters"]["shards"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(submit["arrayProperties"]["size"], shards);
    let command = def["containerProperties"]["command"].as_array().unwrap();
    assert_eq!(
        (command[0].as_str(), command[1].as_str()),
        (Some("sh"), Some("-c"))
    );
    let dir = tempfile::tempdir().unwrap();
    let (manifest, whole) = manifest(dir.path());
    // What AWS Batch does with the parameters, and our scratch directory for /out.
    let script = command[2]
        .as_str()
        .unwrap()
        .replace("Ref::manifest", &manifest.display().to_string())
        .replace("Ref::shards", &shards.to_string())
        .replace("/out/", &format!("{}/", dir.path().display()));
    let union = run_shards(
        &script,
        "AWS_BATCH_JOB_ARRAY_INDEX",
        shards,
        &[],
        dir.path(),
    );
    assert_eq!(union, whole);
}

#[test]
fn kubernetes_indexed_job_covers_every_input_once() {
    let Some(job) = read_yaml("src/deploy/kubernetes/tenderscan-indexed-job.yaml") else {
        eprintln!("PyYAML not installed: the Kubernetes manifest check is skipped");
        return;
    };
    assert_eq!(job["kind"], "Job");
    assert_eq!(job["spec"]["completionMode"], "Indexed");
    let completions = job["spec"]["completions"].as_u64().unwrap();
    let container = &job["spec"]["template"]["spec"]["containers"][0];
    let shards = container["env"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "SHARDS")
        .and_then(|e| e["value"].as_str())
        .unwrap();
    assert_eq!(
        shards,
        completions.to_string(),
        "SHARDS must equal completions"
    );
    assert_eq!(container["command"], serde_json::json!(["sh", "-c"]));
    let dir = tempfile::tempdir().unwrap();
    let (manifest, whole) = manifest(dir.path());
    let script = container["args"][0]
        .as_str()
        .unwrap()
        .replace("/data/manifest.txt", &manifest.display().to_string())
        .replace("/out/", &format!("{}/", dir.path().display()));
    let union = run_shards(
        &script,
        "JOB_COMPLETION_INDEX",
        completions,
        &[("SHARDS", shards.to_string())],
        dir.path(),
    );
    assert_eq!(union, whole);
}
