//! What is translated outside the program: the desktop entry and the `AppStream` metadata name
//! and describe atsdrop in Dutch and German too.

use std::path::Path;

fn packaging(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("packaging/linux")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_desktop_entry_names_and_describes_atsdrop_in_dutch_and_german() {
    let entry = packaging("io.github.atsdrop.Atsdrop.desktop");
    for lang in ["nl", "de"] {
        for key in ["GenericName", "Comment", "Keywords"] {
            let line = entry
                .lines()
                .find(|l| l.starts_with(&format!("{key}[{lang}]=")))
                .unwrap_or_else(|| panic!("no {key}[{lang}] in the desktop entry"));
            let english = entry
                .lines()
                .find(|l| l.starts_with(&format!("{key}=")))
                .unwrap();
            assert_ne!(
                line.split_once('=').unwrap().1,
                english.split_once('=').unwrap().1
            );
        }
    }
}

#[test]
fn the_appstream_metadata_summarises_and_describes_atsdrop_in_dutch_and_german() {
    let metainfo = packaging("io.github.atsdrop.Atsdrop.metainfo.xml");
    for lang in ["nl", "de"] {
        for tag in ["summary", "p", "ul"] {
            assert!(
                metainfo.contains(&format!("<{tag} xml:lang=\"{lang}\">")),
                "no <{tag} xml:lang=\"{lang}\"> in the metainfo"
            );
        }
    }
}
