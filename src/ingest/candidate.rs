//! What is a story: a browser's "Save Page As, complete" leaves the page
//! beside a folder of scripts, styles, images and fonts. Those companion
//! files are skipped by name before anything is read.

use std::path::Path;

/// Why a file is not a story candidate, as a short noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Companion {
    /// A file of a saved page's resource folder ("Page_files/...").
    SavedPageResource,
    /// A script, style sheet, data, image, font or media file.
    Kind(&'static str),
    /// A note beside the stories (Markdown), met while walking a folder.
    Note,
}

impl std::fmt::Display for Companion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Companion::SavedPageResource => f.write_str("a saved page's resource file"),
            Companion::Kind(kind) => f.write_str(kind),
            Companion::Note => f.write_str("a note"),
        }
    }
}

/// Extensions (lowercase) of files that are never stories.
const KINDS: &[(&[&str], &str)] = &[
    (&["js", "mjs", "cjs", "map"], "a script"),
    (&["css", "scss", "less"], "a style sheet"),
    (&["json", "xml", "rss", "atom", "csv"], "a data file"),
    (
        &[
            "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff", "heic",
        ],
        "an image",
    ),
    (&["woff", "woff2", "ttf", "otf", "eot"], "a font"),
    (
        &["mp3", "mp4", "webm", "ogg", "wav", "m4a", "mov"],
        "a media file",
    ),
    (&["wasm", "swf"], "a program file"),
];

/// Whether `path` is a companion file rather than a story candidate.
/// `in_folder`: the file was found by walking a folder the user named (a
/// file named on the command line is tried unless it is plainly not text).
pub fn companion(path: &Path, in_folder: bool) -> Option<Companion> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if let Some((_, kind)) = KINDS.iter().find(|(exts, _)| exts.contains(&ext)) {
        return Some(Companion::Kind(kind));
    }
    if !in_folder {
        return None;
    }
    // Chrome and Firefox put a page's resources in "<page>_files".
    let in_resources = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|d| d.to_string_lossy().ends_with("_files"));
    if in_resources {
        return Some(Companion::SavedPageResource);
    }
    matches!(ext, "md" | "markdown").then_some(Companion::Note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companion_files_of_a_saved_page_are_skipped() {
        for (path, in_folder) in [
            ("Saved/Story_files/app.js", true),
            ("Saved/Story_files/style.css", true),
            ("Saved/Story_files/data.json", true),
            ("Saved/Story_files/photo.JPG", true),
            ("Saved/Story_files/font.woff2", true),
            ("Saved/Story_files/saved_resource.html", true),
            ("Saved/notes.md", true),
            ("style.css", false),
        ] {
            assert!(companion(Path::new(path), in_folder).is_some(), "{path}");
        }
    }

    #[test]
    fn stories_are_candidates() {
        for (path, in_folder) in [
            ("Saved/Story.html", true),
            ("Saved/story.html.gz", true),
            ("Saved/story.txt", true),
            ("Saved/README", true),
            ("notes.md", false),
            ("story.htm", false),
        ] {
            assert_eq!(companion(Path::new(path), in_folder), None, "{path}");
        }
    }
}
