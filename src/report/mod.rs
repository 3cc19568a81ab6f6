//! Report writers: CSV, JSON, JSON Lines; atomic file output.
