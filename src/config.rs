//! The config file: keys, colours, the default sort, the mouse and the URL
//! opener. Read from `--config FILE`, else `LEDE_CONFIG`, else
//! `config.toml` in the user config directory (~/.config/lede on Linux).
//! A file that cannot be used names its line and the reader falls back to
//! the defaults; `lede --print-config` writes the defaults.

use crate::listing::Sort;
use crate::tui::keymap::{ACTIONS, Keymap, Scope, parse_keys};
use crate::tui::theme::Palette;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use toml::Spanned;

/// Environment variable naming the config file.
pub const CONFIG_ENV: &str = "LEDE_CONFIG";

#[derive(Clone, Debug)]
pub struct Config {
    pub keymap: Keymap,
    pub sort: Sort,
    /// Mouse reporting on; off leaves the mouse to the terminal (selecting text).
    pub mouse: bool,
    /// The program that opens URLs (run without a shell); None: the platform's.
    pub opener: Option<String>,
    pub palette: Palette,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keymap: Keymap::default(),
            sort: Sort::default(),
            mouse: true,
            opener: None,
            palette: Palette::default(),
        }
    }
}

/// Why a config file was not used: the file, the line, what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    reader: Reader,
    #[serde(default)]
    colors: BTreeMap<String, Spanned<String>>,
    /// [keys.SCOPE] tables: action = [keys].
    #[serde(default)]
    keys: BTreeMap<String, Spanned<KeyTable>>,
}

/// One [keys.SCOPE] table: action = [keys], each list with its place.
type KeyTable = BTreeMap<String, Spanned<Vec<String>>>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Reader {
    sort: Option<Spanned<String>>,
    mouse: Option<bool>,
    opener: Option<String>,
}

/// The file the user chose: `--config`, else `LEDE_CONFIG`, else the
/// platform config directory. `named` is true when the user named it
/// (then a missing file is an error, not the defaults).
pub fn location(flag: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    directories::ProjectDirs::from("", "", "lede")
        .map(|d| (d.config_dir().join("config.toml"), false))
}

/// Load the config: the defaults when there is no file; an error (with
/// the defaults to use instead) when the file is bad.
pub fn load(flag: Option<&Path>) -> Result<Config, ConfigError> {
    let Some((path, named)) = location(flag) else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => Ok(Config::default()),
        Err(e) => Err(ConfigError {
            path,
            line: None,
            message: e.to_string(),
        }),
    }
}

fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).unwrap_or(text).matches('\n').count() + 1
}

/// Parse a config file's text (`path` names it in errors).
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let err = |at: Option<usize>, message: String| ConfigError {
        path: path.to_path_buf(),
        line: at.map(|a| line_of(text, a)),
        message,
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().to_string();
        err(e.span().map(|s| s.start), msg)
    })?;
    let mut config = Config::default();
    if let Some(s) = &file.reader.sort {
        config.sort = Sort::from_name(s.get_ref().trim()).ok_or_else(|| {
            let names: Vec<&str> = Sort::ALL.iter().map(|s| s.name()).collect();
            err(
                Some(s.span().start),
                format!(
                    "unknown sort {:?}: use one of {}",
                    s.get_ref(),
                    names.join(", ")
                ),
            )
        })?;
    }
    if let Some(m) = file.reader.mouse {
        config.mouse = m;
    }
    config.opener = file.reader.opener.filter(|o| !o.trim().is_empty());
    for (name, value) in &file.colors {
        let color = Color::from_str(value.get_ref().trim()).map_err(|_| {
            err(
                Some(value.span().start),
                format!(
                    "{name}: unknown colour {:?} (a name like \"yellow\" or \"#rrggbb\")",
                    value.get_ref()
                ),
            )
        })?;
        let p = &mut config.palette;
        let slot = match name.as_str() {
            "quote" => &mut p.quote,
            "figure" => &mut p.figure,
            "heading" => &mut p.heading,
            "border" => &mut p.border,
            "target" => &mut p.target,
            "match" => &mut p.search,
            "error" => &mut p.error,
            _ => {
                return Err(err(
                    Some(value.span().start),
                    format!(
                        "unknown colour setting {name:?}: use quote, figure, heading, border, target, match or error"
                    ),
                ));
            }
        };
        *slot = color;
    }
    for (scope_name, table) in &file.keys {
        let Some(scope) = Scope::from_key(scope_name) else {
            let names: Vec<&str> = Scope::ALL.iter().map(|s| s.key()).collect();
            return Err(err(
                Some(table.span().start),
                format!(
                    "unknown key table [keys.{scope_name}]: use one of {}",
                    names.join(", ")
                ),
            ));
        };
        for (name, value) in table.get_ref() {
            let at = Some(value.span().start);
            let Some((_, action)) = ACTIONS.iter().find(|(n, _)| n == name) else {
                return Err(err(
                    at,
                    format!("unknown action {name:?} (lede --print-config lists them)"),
                ));
            };
            let mut keys = Vec::new();
            for k in value.get_ref() {
                keys.push(
                    parse_keys(k).ok_or_else(|| err(at, format!("{name}: unknown key {k:?}")))?,
                );
            }
            config.keymap.rebind(scope, action, &keys);
        }
    }
    Ok(config)
}

/// The defaults as a config file, with comments.
pub fn defaults_toml() -> String {
    let mut out = String::from(
        "# lede configuration (~/.config/lede/config.toml, or --config FILE, or LEDE_CONFIG).\n\
         # Every setting is optional: a missing one keeps its default.\n\n\
         [reader]\n\
         # published, added, title, publisher or unread\n\
         sort = \"published\"\n\
         # false leaves the mouse to the terminal, to select text\n\
         mouse = true\n\
         # the program that opens URLs, run without a shell (default: xdg-open, open)\n\
         # opener = \"firefox\"\n\n\
         [colors]\n\
         # names (yellow, light-blue, dark-gray, …), 0-255 or \"#rrggbb\"\n\
         quote = \"yellow\"\nfigure = \"green\"\nheading = \"cyan\"\nborder = \"cyan\"\n\
         target = \"yellow\"\nmatch = \"blue\"\nerror = \"red\"\n\n\
         # [keys.SCOPE]: action = [keys]; a list replaces the action's keys in\n\
         # that scope (story = the reading pane and the sidebar; lists = the\n\
         # speakers and the lists Enter and = open; global = all panes). Keys\n\
         # are characters (\"q\", \"G\"), names (Esc, Enter, Tab,\n\
         # Shift-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace,\n\
         # Space, F1…) or Ctrl-x; two characters are typed in turn (\"''\").\n",
    );
    for (scope, actions) in Keymap::default().by_scope() {
        out.push_str(&format!("\n[keys.{}]\n", scope.key()));
        for (name, keys) in actions {
            let keys: Vec<String> = keys.iter().map(|k| format!("{k:?}")).collect();
            out.push_str(&format!("{name} = [{}]\n", keys.join(", ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;

    #[test]
    fn the_defaults_read_back_as_the_defaults() {
        let c = parse(&defaults_toml(), Path::new("d.toml")).unwrap();
        let d = Config::default();
        assert_eq!(c.sort, d.sort);
        assert_eq!(c.palette, d.palette);
        assert_eq!(c.keymap.by_scope(), d.keymap.by_scope());
        assert_eq!(c.keymap.help_lines(), d.keymap.help_lines());
    }

    #[test]
    fn settings_change_keys_colours_and_sort() {
        let text = "[reader]\nsort = \"title\"\nmouse = false\n[colors]\nquote = \"#ff8800\"\n[keys.story]\nback = [\"x\", \"Esc\"]\n[keys.library]\nquit = [\"Q\"]\n";
        let c = parse(text, Path::new("c.toml")).unwrap();
        assert_eq!(c.sort, Sort::Title);
        assert!(!c.mouse);
        assert_eq!(c.palette.quote, Color::Rgb(0xff, 0x88, 0x00));
        let back: Vec<_> = c
            .keymap
            .bindings
            .iter()
            .filter(|b| b.action == Action::Back && b.scope == crate::tui::keymap::Scope::Story)
            .map(|b| b.keys[0].name())
            .collect();
        assert_eq!(back, ["x", "Esc"]);
        assert_eq!(
            c.keymap
                .keys_for(&Action::Quit, crate::tui::keymap::Scope::Library),
            Some("Q".into())
        );
    }

    #[test]
    fn a_bad_file_names_its_line() {
        let cases = [
            ("[reader]\nsort = \"newest\"\n", 2, "unknown sort"),
            ("[keys.story]\n\nbak = [\"x\"]\n", 3, "unknown action"),
            ("[keys.story]\nback = [\"Hyper-x\"]\n", 2, "unknown key"),
            ("[colors]\nquote = \"plaid\"\n", 2, "unknown colour"),
            ("[reader]\nmouse = maybe\n", 2, ""),
            ("[reader]\nspeed = 3\n", 2, "speed"),
        ];
        for (text, line, words) in cases {
            let e = parse(text, Path::new("c.toml")).unwrap_err();
            assert_eq!(e.line, Some(line), "{text:?}: {e}");
            assert!(e.to_string().contains(words), "{e}");
            assert!(
                e.to_string().starts_with(&format!("c.toml:{line}: ")),
                "{e}"
            );
        }
    }
}
