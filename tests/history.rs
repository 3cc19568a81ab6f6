//! The SQLite history at library level: real files in temp directories.
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use tenderscan::history::{
    APPLICATION_ID, History, HistoryError, HistoryOpts, SCHEMA_VERSION, Seen,
};
use tenderscan::model::{
    Alert, Category, Hit, Mention, Method, Money, Origin, Record, Role, RunSummary,
};

fn mention(name: &str, controlled: bool) -> Mention {
    Mention {
        category: Category::Chip,
        name: name.into(),
        origin: Origin::Us,
        controlled,
        text: name.into(),
        context: format!("采购 {name} 服务器"),
        attachment: None,
    }
}

fn hit(listed: &str, page_name: &str) -> Hit {
    Hit {
        name: page_name.into(),
        role: Role::Buyer,
        listed_name: listed.into(),
        list: "Entity List (EL) - Bureau of Industry and Security".into(),
        list_id: "el-1".into(),
        method: Method::Alias,
        score: 1.0,
        matched_alias: page_name.into(),
        citation: "89 FR 1".into(),
        as_of: String::new(),
        reviewed: None,
        list_kind: tenderscan::model::ListKind::ExportControl,
    }
}

/// A notice as the first day's scan reports it.
fn notice(source: &str, sha: &str) -> Record {
    Record {
        source: source.into(),
        sha256: sha.into(),
        encoding: "UTF-8".into(),
        title: Some("某大学GPU服务器采购项目公开招标公告".into()),
        published: Some("2024-01-05".into()),
        project_id: Some("SCZB-2024-001".into()),
        buyer: Some("某大学".into()),
        agency: Some("四川某招标代理有限公司".into()),
        budget: Some(Money {
            amount: 6_687_900.0,
            currency: "CNY".into(),
        }),
        suppliers: vec!["北京某科技有限公司".into()],
        mentions: vec![mention("NVIDIA A100", true)],
        alert: Alert::Low,
        reasons: vec!["controlled chip NVIDIA A100 bought as hardware".into()],
        ..Record::default()
    }
}

fn failed(source: &str) -> Record {
    Record {
        source: source.into(),
        error: Some("cannot read: No such file or directory".into()),
        ..Record::default()
    }
}

fn temp_history() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.sqlite3");
    (dir, path)
}

fn history_error(err: anyhow::Error) -> HistoryError {
    match err.downcast::<HistoryError>() {
        Ok(e) => e,
        Err(other) => panic!("expected a HistoryError, got: {other:#}"),
    }
}

fn count(path: &Path, sql: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// One whole run observing `records`; returns what the history said about each.
fn run(path: &Path, records: &[Record]) -> Vec<Seen> {
    let mut h = History::open(path).unwrap();
    let run = h.begin_run("tenderscan scan fixtures/").unwrap();
    let seen = records.iter().map(|r| h.observe(run, r).unwrap()).collect();
    h.finish_run(
        run,
        &RunSummary {
            scanned: records.len(),
            ..RunSummary::default()
        },
    )
    .unwrap();
    seen
}

#[test]
fn first_observation_is_new_and_second_run_is_unchanged() {
    let (_dir, path) = temp_history();
    let a = notice("fixtures/a.html", "aa");
    let b = notice("fixtures/b.html", "bb");
    assert_eq!(
        run(&path, &[a.clone(), b.clone()]),
        vec![Seen::New, Seen::New]
    );
    assert_eq!(run(&path, &[a, b]), vec![Seen::Unchanged, Seen::Unchanged]);
    assert_eq!(count(&path, "SELECT count(*) FROM notices"), 2);
    assert_eq!(count(&path, "SELECT count(*) FROM versions"), 2);
    assert_eq!(count(&path, "SELECT count(*) FROM findings"), 4);
    let h = History::open(&path).unwrap();
    let runs = h.runs(10).unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0].id, 2, "newest first");
    assert!(runs.iter().all(|r| r.finished.is_some()));
    assert_eq!(runs[1].command, "tenderscan scan fixtures/");
}

#[test]
fn the_same_source_twice_in_one_run_is_new_then_unchanged() {
    let (_dir, path) = temp_history();
    let a = notice("fixtures/a.html", "aa");
    assert_eq!(
        run(&path, &[a.clone(), a]),
        vec![Seen::New, Seen::Unchanged]
    );
}

#[test]
fn changed_content_is_updated_with_what_changed() {
    let (_dir, path) = temp_history();
    let v1 = notice("http://www.ccgp.gov.cn/cggg/t1.htm", "v1");
    let mut v2 = notice("http://www.ccgp.gov.cn/cggg/t1.htm", "v2");
    v2.alert = Alert::High;
    v2.mentions.push(mention("NVIDIA H100", true));
    v2.hits.push(hit("Sichuan University", "某大学"));
    v2.buyer = Some("某大学计算机学院".into());
    v2.budget = Some(Money {
        amount: 7_000_000.0,
        currency: "CNY".into(),
    });
    v2.suppliers = vec!["上海某信息技术有限公司".into()];
    run(&path, &[v1]);
    let seen = run(&path, &[v2.clone()]);
    assert_eq!(
        seen,
        vec![Seen::Updated(vec![
            "alert low → high".into(),
            "added hit Sichuan University".into(),
            "added mention NVIDIA H100".into(),
            "buyer 某大学 → 某大学计算机学院".into(),
            "budget 6687900 CNY → 7000000 CNY".into(),
            "added supplier 上海某信息技术有限公司".into(),
            "removed supplier 北京某科技有限公司".into(),
        ])]
    );
    // The third day sees the corrected notice again: nothing new.
    assert_eq!(run(&path, &[v2]), vec![Seen::Unchanged]);
    // One notice, its latest content in the notice row, both versions kept.
    assert_eq!(count(&path, "SELECT count(*) FROM notices"), 1);
    assert_eq!(count(&path, "SELECT count(*) FROM versions"), 2);
    let latest: String = Connection::open(&path)
        .unwrap()
        .query_row("SELECT sha256 FROM notices", [], |r| r.get(0))
        .unwrap();
    assert_eq!(latest, "v2");
}

#[test]
fn changed_bytes_with_the_same_fields_is_unchanged_but_the_new_hash_is_kept() {
    // A view counter or a clock on the page changes its bytes every day: not news.
    let (_dir, path) = temp_history();
    run(&path, &[notice("a.html", "one")]);
    assert_eq!(
        run(&path, &[notice("a.html", "two")]),
        vec![Seen::Unchanged]
    );
    assert_eq!(count(&path, "SELECT count(*) FROM versions"), 2);
    let (sha, changes): (String, String) = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT n.sha256, f.changes FROM notices n JOIN findings f ON f.notice_id = n.id
              ORDER BY f.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(sha, "two");
    assert!(changes.contains("page content changed"), "{changes}");
    // The next day compares with the new bytes: the same page again is plainly unchanged.
    assert_eq!(
        run(&path, &[notice("a.html", "two")]),
        vec![Seen::Unchanged]
    );
    // A field that changes with the bytes is still an update.
    let mut corrected = notice("a.html", "three");
    corrected.title = Some("更正公告".into());
    assert!(matches!(run(&path, &[corrected])[..], [Seen::Updated(_)]));
}

#[test]
fn a_new_watchlist_hit_on_unchanged_content_is_updated() {
    let (_dir, path) = temp_history();
    run(&path, &[notice("a.html", "same")]);
    let mut relisted = notice("a.html", "same");
    relisted.hits.push(hit("Sichuan University", "某大学"));
    relisted.alert = Alert::High;
    assert_eq!(
        run(&path, &[relisted]),
        vec![Seen::Updated(vec![
            "alert low → high".into(),
            "added hit Sichuan University".into()
        ])]
    );
}

#[test]
fn failed_input_is_a_run_error_not_a_notice() {
    let (_dir, path) = temp_history();
    let mut h = History::open(&path).unwrap();
    let run_id = h.begin_run("tenderscan scan missing.html").unwrap();
    assert_eq!(
        h.observe(run_id, &failed("missing.html")).unwrap(),
        Seen::New
    );
    h.finish_run(
        run_id,
        &RunSummary {
            failed: 1,
            ..RunSummary::default()
        },
    )
    .unwrap();
    assert_eq!(count(&path, "SELECT count(*) FROM notices"), 0);
    assert_eq!(
        count(
            &path,
            "SELECT count(*) FROM errors WHERE source = 'missing.html'"
        ),
        1
    );
    let runs = h.runs(5).unwrap();
    assert_eq!((runs[0].errors, runs[0].summary.failed), (1, 1));
    // The failure does not make the notice "seen": once readable, it is new.
    let run_id = h.begin_run("again").unwrap();
    assert_eq!(
        h.observe(run_id, &notice("missing.html", "aa")).unwrap(),
        Seen::New
    );
}

#[test]
fn a_new_file_gets_our_application_id_schema_version_and_wal() {
    let (_dir, path) = temp_history();
    drop(History::open(&path).unwrap());
    let c = Connection::open(&path).unwrap();
    let app: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(
        (app, version, mode.as_str()),
        (APPLICATION_ID, SCHEMA_VERSION, "wal")
    );
    // Reopening an up-to-date history changes nothing.
    drop(c);
    drop(History::open(&path).unwrap());
    assert_eq!(count(&path, "SELECT count(*) FROM runs"), 0);
}

#[test]
fn a_newer_schema_version_is_refused_and_the_file_left_untouched() {
    let (_dir, path) = temp_history();
    run(&path, &[notice("a.html", "aa")]);
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = history_error(History::open(&path).expect_err("a newer schema must be refused"));
    assert!(
        matches!(err, HistoryError::NewerSchema { found, supported, .. } if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION),
        "{err}"
    );
    assert!(err.to_string().contains("upgrade tenderscan"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let (dir, _) = temp_history();
    let path = dir.path().join("report.csv");
    let content = "alert,published,buyer\nhigh,2024-01-05,某大学\n".as_bytes();
    std::fs::write(&path, content).unwrap();
    let err = history_error(History::open(&path).expect_err("a CSV file must be refused"));
    assert!(matches!(err, HistoryError::NotSqlite { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), content);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no -wal or -journal files left beside it"
    );
}

#[test]
fn a_corrupt_file_with_a_sqlite_header_is_refused_and_left_untouched() {
    let (_dir, path) = temp_history();
    let mut content = b"SQLite format 3\0".to_vec();
    content.extend(std::iter::repeat_n(0xA5u8, 2000));
    std::fs::write(&path, &content).unwrap();
    let err = history_error(History::open(&path).expect_err("a corrupt file must be refused"));
    assert!(matches!(err, HistoryError::NotSqlite { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), content);
}

#[test]
fn a_foreign_sqlite_database_is_refused_and_left_untouched() {
    let (_dir, path) = temp_history();
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('王');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = history_error(History::open(&path).expect_err("a foreign database must be refused"));
    assert!(matches!(err, HistoryError::Foreign { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        count(&path, "SELECT count(*) FROM sqlite_schema"),
        1,
        "no tables created in it"
    );
}

#[test]
fn an_empty_database_of_another_application_is_refused() {
    let (_dir, path) = temp_history();
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "application_id", 0x0F0F_0F0F)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err =
        history_error(History::open(&path).expect_err("another application id must be refused"));
    assert!(matches!(err, HistoryError::Foreign { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_empty_file_is_initialised() {
    let (_dir, path) = temp_history();
    std::fs::write(&path, b"").unwrap();
    assert_eq!(run(&path, &[notice("a.html", "aa")]), vec![Seen::New]);
}

#[test]
fn a_location_that_cannot_be_created_is_a_clear_error() {
    let (dir, _) = temp_history();
    let not_a_dir = dir.path().join("plain-file");
    std::fs::write(&not_a_dir, b"x").unwrap();
    let path = not_a_dir.join("history.sqlite3");
    let err = history_error(History::open(&path).expect_err("cannot create a file under a file"));
    assert!(matches!(err, HistoryError::ReadOnly { .. }), "{err}");
    assert!(
        err.to_string().contains("cannot write the history there"),
        "{err}"
    );
    assert_eq!(std::fs::read(&not_a_dir).unwrap(), b"x");
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_a_clear_error_and_an_existing_history_stays_intact() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = temp_history();
    run(&path, &[notice("a.html", "aa")]);
    let ro = std::fs::Permissions::from_mode(0o555);
    std::fs::set_permissions(dir.path(), ro).unwrap();
    let probe = dir.path().join("probe");
    if std::fs::write(&probe, b"").is_ok() {
        // root (as in many containers) writes through permission bits: nothing to test here.
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: this user can write into a 0555 directory (running as root?)");
        return;
    }
    let fresh = dir.path().join("new.sqlite3");
    let err = history_error(
        History::open(&fresh).expect_err("cannot create a history in a read-only directory"),
    );
    assert!(matches!(err, HistoryError::ReadOnly { .. }), "{err}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err =
        history_error(History::open(&path).expect_err("a write-protected history must be refused"));
    assert!(matches!(err, HistoryError::ReadOnly { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn two_runs_writing_at_once_do_not_corrupt_the_history() {
    let (_dir, path) = temp_history();
    drop(History::open(&path).unwrap());
    // Both finish only after both have observed everything, so the outcome does not depend on
    // how the threads happen to be scheduled.
    let both_observed = std::sync::Arc::new(std::sync::Barrier::new(2));
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            let both_observed = both_observed.clone();
            std::thread::spawn(move || {
                let mut h = History::open(&path).unwrap();
                let run = h.begin_run(&format!("writer {w}")).unwrap();
                let mut new = 0;
                for i in 0..60 {
                    // 20 sources both writers see, 40 of their own.
                    let source = if i < 20 {
                        format!("shared/{i}.html")
                    } else {
                        format!("w{w}/{i}.html")
                    };
                    if h.observe(run, &notice(&source, &format!("sha-{i}")))
                        .unwrap()
                        == Seen::New
                    {
                        new += 1;
                    }
                }
                both_observed.wait();
                h.finish_run(
                    run,
                    &RunSummary {
                        scanned: 60,
                        new,
                        ..RunSummary::default()
                    },
                )
                .unwrap();
                new
            })
        })
        .collect();
    let news: Vec<usize> = writers.into_iter().map(|t| t.join().unwrap()).collect();
    let c = Connection::open(&path).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(count(&path, "SELECT count(*) FROM notices"), 20 + 2 * 40);
    assert_eq!(count(&path, "SELECT count(*) FROM findings"), 120);
    assert_eq!(
        count(
            &path,
            "SELECT count(*) FROM runs WHERE finished IS NOT NULL"
        ),
        2
    );
    // Neither run had finished when the other saw a shared notice, so both report it as new.
    assert_eq!(news, vec![60, 60]);
}

#[test]
fn a_writer_blocked_by_another_gets_a_locked_error() {
    let (_dir, path) = temp_history();
    let mut h = History::open(&path).unwrap();
    h.set_busy_timeout(Duration::from_millis(100)).unwrap();
    let run_id = h.begin_run("scan").unwrap();
    let blocker = Connection::open(&path).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let err = history_error(
        h.observe(run_id, &notice("a.html", "aa"))
            .expect_err("the file is locked"),
    );
    assert!(matches!(err, HistoryError::Locked { .. }), "{err}");
    assert!(
        err.to_string().contains("locked by another tenderscan run"),
        "{err}"
    );
    blocker.execute_batch("ROLLBACK").unwrap();
    assert_eq!(
        h.observe(run_id, &notice("a.html", "aa")).unwrap(),
        Seen::New
    );
}

#[test]
fn a_run_dropped_mid_way_leaves_a_consistent_history_and_its_notices_are_reported_again() {
    let (_dir, path) = temp_history();
    {
        let mut h = History::open(&path).unwrap();
        let run_id = h.begin_run("killed").unwrap();
        assert_eq!(
            h.observe(run_id, &notice("a.html", "aa")).unwrap(),
            Seen::New
        );
        // Dropped here without finish_run: the process died before writing its report.
    }
    let h = History::open(&path).unwrap();
    let c = Connection::open(&path).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let runs = h.runs(5).unwrap();
    assert_eq!((runs.len(), runs[0].finished.as_deref()), (1, None));
    drop(h);
    // The killed run's report never reached anyone: the next run reports its notice again.
    assert_eq!(
        run(&path, &[notice("a.html", "aa"), notice("b.html", "bb")]),
        vec![Seen::New, Seen::New]
    );
    assert_eq!(run(&path, &[notice("a.html", "aa")]), vec![Seen::Unchanged]);
    let h = History::open(&path).unwrap();
    assert_eq!(h.versions("a.html").unwrap().len(), 1);
}

#[test]
fn versions_and_export_tell_what_was_seen_when() {
    let (_dir, path) = temp_history();
    let v1 = notice("t1.htm", "v1");
    let mut v2 = notice("t1.htm", "v2");
    v2.mentions.push(mention("NVIDIA H100", true));
    run(&path, std::slice::from_ref(&v1));
    run(&path, &[v1]);
    run(&path, &[v2]);
    let h = History::open(&path).unwrap();
    let versions = h.versions("t1.htm").unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(
        (
            versions[0].status.as_str(),
            versions[0].times_seen,
            versions[0].record.sha256.as_str()
        ),
        ("new", 2, "v1")
    );
    assert_eq!(versions[1].status, "updated");
    assert_eq!(
        versions[1].changes,
        vec!["added mention NVIDIA H100".to_owned()]
    );
    assert!(h.versions("never.htm").unwrap().is_empty());
    let exported = h.new_or_updated("2000-01-01", "9999-01-01").unwrap();
    let statuses: Vec<(&str, &str)> = exported
        .iter()
        .map(|o| (o.status.as_str(), o.record.sha256.as_str()))
        .collect();
    assert_eq!(statuses, vec![("new", "v1"), ("updated", "v2")]);
    assert!(
        h.new_or_updated("2000-01-01", "2000-01-02")
            .unwrap()
            .is_empty()
    );
}

#[test]
fn history_path_comes_from_the_flag_first() {
    let opts = HistoryOpts {
        history: Some(PathBuf::from("/tmp/h.sqlite3")),
        new_only: true,
        ..HistoryOpts::default()
    };
    assert_eq!(opts.path(), Some(PathBuf::from("/tmp/h.sqlite3")));
    if std::env::var_os(tenderscan::history::HISTORY_ENV).is_some() {
        eprintln!("skipped the default-path half: TENDERSCAN_HISTORY is set");
        return;
    }
    assert_eq!(
        HistoryOpts {
            history: None,
            new_only: false,
            ..HistoryOpts::default()
        }
        .path(),
        None,
        "no history unless asked for"
    );
    let default = HistoryOpts {
        history: None,
        new_only: true,
        ..HistoryOpts::default()
    }
    .path();
    assert!(
        default
            .as_deref()
            .is_some_and(|p| p.ends_with("history.sqlite3")),
        "{default:?}"
    );
}

#[test]
fn changes_name_every_compared_field_in_plain_words() {
    let old = notice("t.htm", "a");
    let mut new = notice("t.htm", "b");
    new.notice_type = tenderscan::model::NoticeType::Correction;
    new.title = Some("某大学GPU服务器采购项目更正公告".into());
    new.published = Some("2024-01-09".into());
    new.project_id = None;
    new.agency = Some("另一代理公司".into());
    new.award = Some(Money {
        amount: 1234.5,
        currency: "USD".into(),
    });
    new.mentions = vec![];
    new.alert = Alert::None;
    let mut with_hit = old.clone();
    with_hit.hits.push(hit("Sichuan University", "某大学"));
    assert_eq!(
        tenderscan::history::changes(&with_hit, &new),
        vec![
            "alert low → none",
            "removed hit Sichuan University",
            "removed mention NVIDIA A100",
            "notice type other → correction",
            "title 某大学GPU服务器采购项目公开招标公告 → 某大学GPU服务器采购项目更正公告",
            "published 2024-01-05 → 2024-01-09",
            "project id SCZB-2024-001 → none",
            "agency 四川某招标代理有限公司 → 另一代理公司",
            "award none → 1234.50 USD",
        ]
    );
    assert!(tenderscan::history::changes(&old, &old).is_empty());
}

/// Regression: a run opening the file while another was creating the schema took the half-made
/// database for a foreign one (the identity was read in three snapshots).
#[test]
fn runs_creating_the_same_new_history_at_once_all_open_it() {
    for _ in 0..30 {
        let (_dir, path) = temp_history();
        let start = std::sync::Arc::new(std::sync::Barrier::new(12));
        let openers: Vec<_> = (0..12)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    History::open(&path).map(drop).map_err(|e| format!("{e:#}"))
                })
            })
            .collect();
        for opener in openers {
            assert_eq!(opener.join().unwrap(), Ok(()));
        }
        assert_eq!(
            count(
                &path,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
            ),
            5
        );
    }
}
