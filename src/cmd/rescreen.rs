//! `scan --history FILE --rescreen`: screen the stored notices again against the lists loaded
//! now, without fetching, and report those whose alert went up.
use std::path::Path;

use crate::cmd::session::Session;
use crate::history::History;
use crate::pipeline::Engine;

/// Re-screen the latest stored version of every notice in the history; emit (into the report
/// and the history) only the notices whose alert is higher than stored; the session's summary
/// line says how many were re-screened and how many rose.
pub fn rescreen(engine: &Engine, history: &Path, session: &mut Session) -> anyhow::Result<()> {
    // A second connection: the session's own one writes the new versions (WAL lets both work).
    let store = History::open_existing(history)?;
    let ids = store.latest_versions()?;
    let mut rose = 0;
    let mut stored_count = 0;
    for id in &ids {
        if crate::signal::interrupted() {
            break;
        }
        let stored = store.version_record(*id)?;
        stored_count += 1;
        let fresh = engine.rescreen(&stored);
        // Compared as reported: a rise that only comes from a hit cleared as a false positive is none.
        if session.reviewed_alert(&fresh) > session.reviewed_alert(&stored) {
            rose += 1;
            session.emit(fresh)?;
        }
    }
    session.note_rescreened(stored_count, rose);
    Ok(())
}
