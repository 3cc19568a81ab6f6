//! Inputs: files, directories, URLs, and lists of them on stdin.
