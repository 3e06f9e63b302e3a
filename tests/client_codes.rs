//! The README's "Client-side codes" table lists exactly the codes opgate produces itself
//! ([`opgate::codes::list_all`]), each with its HTTP status, in catalogue order.

use opgate::codes::{list_all, ClientCode};

const HEADING: &str = "### Client-side codes";

/// The `(code, status)` rows of the table under [`HEADING`], up to the next heading.
fn documented(readme: &str) -> Vec<(String, u16)> {
    let Some(start) = readme.find(HEADING) else {
        return Vec::new();
    };
    readme[start + HEADING.len()..]
        .lines()
        .take_while(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim().strip_prefix('|')?.split('|').map(str::trim).collect();
            let code = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            let status = cells.get(1)?.parse().ok()?;
            Some((code.to_owned(), status))
        })
        .collect()
}

fn row(code: ClientCode) -> String {
    format!(
        "| `{}` | {} | {} |",
        code.wire(),
        code.http_status(),
        code.meaning().en.replace("<Name>", "`<Name>`")
    )
}

#[test]
fn the_readme_lists_every_client_code_with_its_status() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let expected: Vec<(String, u16)> = list_all()
        .iter()
        .map(|code| (code.wire().to_owned(), code.http_status()))
        .collect();
    let table: Vec<String> = list_all().iter().copied().map(row).collect();
    assert_eq!(
        documented(&readme),
        expected,
        "README.md's \"{HEADING}\" table differs from opgate::codes::list_all(); its rows should be:\n{}",
        table.join("\n")
    );
}

#[test]
fn the_check_can_fail() {
    let readme =
        format!("{HEADING}\n\n| code | HTTP | meaning |\n|---|---|---|\n| `InvalidParameter` | 400 | x |\n\n## Next\n| `MissingParameter` | 400 | y |\n");
    assert_eq!(documented(&readme), vec![("InvalidParameter".to_owned(), 400)]);
    assert_ne!(documented(&readme).len(), list_all().len());
}
