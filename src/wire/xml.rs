//! A small, tolerant XML reader for Alibaba's `Format=XML` responses: elements become JSON
//! (children → object, repeated names → array, leaves → trimmed text). Attributes,
//! namespaces and processing instructions are ignored; malformed input is an error, never a
//! panic. Hand-written to keep the wasm build small.

use serde_json::{Map, Value};

use crate::messages::wire::{XmlConstruct, XmlProblem};

/// Deeper than any provider response; stops hostile input from growing the stack of frames.
const MAX_DEPTH: usize = 64;

struct Frame {
    name: String,
    children: Map<String, Value>,
    has_children: bool,
    text: String,
}

/// Returns the root element's name and its content.
pub fn to_json(text: &str) -> Result<(String, Value), XmlProblem> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<(String, Value)> = None;
    let mut pos = 0;
    while let Some(rest) = text.get(pos..).filter(|rest| !rest.is_empty()) {
        // Each step scans exactly the bytes it consumes (or fails), so this sums to the length.
        let step_start = pos;
        if let Some(after) = rest.strip_prefix("<?") {
            pos += 2 + skip_past(after, "?>", XmlConstruct::ProcessingInstruction)?;
        } else if let Some(after) = rest.strip_prefix("<!--") {
            pos += 4 + skip_past(after, "-->", XmlConstruct::Comment)?;
        } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = crate::lang::find(after, "]]>").ok_or(XmlProblem::Unterminated(XmlConstruct::CdataSection))?;
            let frame = stack.last_mut().ok_or(XmlProblem::CdataOutsideRoot)?;
            frame.text.push_str(after.get(..end).unwrap_or_default());
            pos += 9 + end + 3;
        } else if let Some(after) = rest.strip_prefix("<!") {
            pos += 2 + skip_past(after, ">", XmlConstruct::Declaration)?;
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after
                .find('>')
                .ok_or(XmlProblem::Unterminated(XmlConstruct::ClosingTag))?;
            let name = after.get(..end).unwrap_or_default().trim();
            let frame = stack
                .pop()
                .ok_or_else(|| XmlProblem::UnopenedClosingTag { name: name.to_owned() })?;
            if frame.name != name {
                return Err(XmlProblem::MismatchedClosingTag {
                    name: name.to_owned(),
                    open: frame.name,
                });
            }
            let value = if frame.has_children {
                Value::Object(frame.children)
            } else {
                Value::String(unescape(frame.text.trim()))
            };
            attach(&mut stack, &mut root, frame.name, value)?;
            pos += 2 + end + 1;
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').ok_or(XmlProblem::Unterminated(XmlConstruct::Tag))?;
            let tag = after.get(..end).unwrap_or_default();
            let self_closing = tag.ends_with('/');
            let name = tag
                .trim_end_matches('/')
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or_default();
            if name.is_empty() || name.contains(['<', '&', '"', '\'', '=']) {
                return Err(XmlProblem::MalformedTag { tag: tag.to_owned() });
            }
            if self_closing {
                attach(&mut stack, &mut root, name.to_owned(), Value::String(String::new()))?;
            } else {
                if root.is_some() {
                    return Err(XmlProblem::SeveralRoots);
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlProblem::TooDeep { max: MAX_DEPTH });
                }
                stack.push(Frame {
                    name: name.to_owned(),
                    children: Map::new(),
                    has_children: false,
                    text: String::new(),
                });
            }
            pos += 1 + end + 1;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let chunk = rest.get(..end).unwrap_or_default();
            match stack.last_mut() {
                Some(frame) => frame.text.push_str(chunk),
                None if chunk.trim().is_empty() => {}
                None => return Err(XmlProblem::TextOutsideRoot),
            }
            pos += end;
        }
        crate::work::add(pos - step_start);
    }
    if let Some(open) = stack.pop() {
        return Err(XmlProblem::EndsInside { open: open.name });
    }
    root.ok_or(XmlProblem::NoRoot)
}

fn skip_past(text: &str, terminator: &str, construct: XmlConstruct) -> Result<usize, XmlProblem> {
    crate::lang::find(text, terminator)
        .map(|at| at + terminator.len())
        .ok_or(XmlProblem::Unterminated(construct))
}

fn attach(
    stack: &mut [Frame],
    root: &mut Option<(String, Value)>,
    name: String,
    value: Value,
) -> Result<(), XmlProblem> {
    match stack.last_mut() {
        Some(parent) => {
            parent.has_children = true;
            match parent.children.get_mut(&name) {
                Some(Value::Array(items)) => items.push(value),
                Some(existing) => {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, value]);
                }
                None => {
                    parent.children.insert(name, value);
                }
            }
            Ok(())
        }
        None if root.is_none() => {
            *root = Some((name, value));
            Ok(())
        }
        None => Err(XmlProblem::SeveralRoots),
    }
}

/// Entities are short (`&#x10FFFF;` is the longest a character needs); a `;` further away than
/// this does not end an entity. Bounding the scan keeps unescaping linear: a text of a
/// million `&` with no `;` must not look for one a million times.
const MAX_ENTITY_BYTES: usize = 12;

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let tail = rest.get(at..).unwrap_or_default();
        let window = tail.len().min(MAX_ENTITY_BYTES + 1);
        // `;` is ASCII, so its byte index is a character boundary.
        let entity_end = tail
            .as_bytes()
            .get(..window)
            .and_then(|head| head.iter().position(|&b| b == b';'));
        crate::work::add(at + window);
        let decoded = entity_end.and_then(|end| decode_entity(tail.get(1..end).unwrap_or_default()));
        match (decoded, entity_end) {
            (Some(c), Some(end)) => {
                out.push(c);
                rest = tail.get(end + 1..).unwrap_or_default();
            }
            _ => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    crate::work::add(rest.len());
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::to_json;
    use serde_json::json;

    #[test]
    fn reads_alibaba_documents() {
        let (root, value) = to_json("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <RequestId>5F0B</RequestId><Code>IncorrectInstanceStatus</Code><Message>a &lt;b&gt; &amp; &#20013;&#x6587;</Message><Empty/></Error>").expect("valid");
        assert_eq!(root, "Error");
        assert_eq!(
            value,
            json!({"RequestId": "5F0B", "Code": "IncorrectInstanceStatus", "Message": "a <b> & 中文", "Empty": ""})
        );
        let (_, value) = to_json("<R><L><I><A>1</A></I><I><A>2</A></I></L><C><![CDATA[x<y]]></C></R>").expect("valid");
        assert_eq!(value, json!({"L": {"I": [{"A": "1"}, {"A": "2"}]}, "C": "x<y"}));
    }

    #[test]
    fn unescaping_is_linear_in_the_text() {
        for text in [
            "&".repeat(200_000),
            "&#x".repeat(70_000),
            format!("{};", "&amp".repeat(50_000)),
        ] {
            let body = format!("<R><A>{text}</A></R>");
            crate::work::take();
            let (_, value) = to_json(&body).expect("valid");
            let work = crate::work::take();
            assert!(value["A"].as_str().is_some_and(|a| a.len() >= text.len() / 4));
            assert!(work <= 20 * body.len() as u64, "{work} steps for {} bytes", body.len());
        }
        let (_, value) = to_json("<R><A>&amp;&#x4e2d;&unknown;&#xFFFFFFFFFF;&lt</A></R>").expect("valid");
        assert_eq!(value, json!({"A": "&中&unknown;&#xFFFFFFFFFF;&lt"}));
    }

    #[test]
    fn rejects_broken_documents() {
        for bad in [
            "",
            "   ",
            "<A>",
            "<A></B>",
            "</A>",
            "<A><B></A>",
            "text",
            "<A/><B/>",
            "<A>x</A>trailing",
            "<A x=\"1\"",
            "<!-- open",
            "<>x</>",
            &"<a>".repeat(100),
        ] {
            assert!(to_json(bad).is_err(), "{bad}");
        }
    }
}
