//! The JSON Schema in `assets/` is generated from the raw structs and must not go stale.
//!
//! To refresh it: `cargo run -- schema > assets/course.schema.json` and
//! `cargo run -- schema --node > assets/node.schema.json`, or run this test with
//! `UPDATE_SCHEMA=1`.

use std::path::Path;

use termcourse::core::raw::{SchemaFor, json_schema};

fn assert_fresh(file: &str, which: SchemaFor) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(file);
    let generated = json_schema(which);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == generated,
        "assets/{file} is stale: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

#[test]
fn course_schema_is_fresh() {
    assert_fresh("course.schema.json", SchemaFor::Course);
}

#[test]
fn node_schema_is_fresh() {
    assert_fresh("node.schema.json", SchemaFor::NodeFile);
}

#[test]
fn schema_is_draft_07_and_closed() {
    let schema: serde_json::Value =
        serde_json::from_str(&json_schema(SchemaFor::Course)).expect("valid JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown keys are errors"
    );
    let required = schema["required"].as_array().expect("required keys");
    assert!(required.contains(&"title".into()) && required.contains(&"format".into()));
    let quiz_kinds = serde_json::to_string(&schema["definitions"]["Quiz"]["properties"]["kind"])
        .expect("serializable");
    for kind in ["single", "multi", "text", "order"] {
        assert!(
            quiz_kinds.contains(kind),
            "{kind} missing from {quiz_kinds}"
        );
    }
}

#[test]
fn a_task_check_has_exactly_one_kind_in_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&json_schema(SchemaFor::NodeFile)).expect("valid JSON");
    let check = &schema["definitions"]["Check"];
    let kinds: Vec<&str> = check["oneOf"]
        .as_array()
        .expect("oneOf")
        .iter()
        .filter_map(|s| s["required"][0].as_str())
        .collect();
    assert_eq!(kinds, ["matches", "absent", "order", "exists", "run"]);
    assert_eq!(check["required"], serde_json::json!(["message"]));
    assert_eq!(check["properties"]["timeout"]["maximum"], 600);
    let task = &schema["definitions"]["Task"];
    assert_eq!(task["required"], serde_json::json!(["file", "check"]));
    assert_eq!(
        task["oneOf"],
        serde_json::json!([{"required": ["goal"]}, {"required": ["goal_file"]}])
    );
    assert_eq!(task["properties"]["file"]["minItems"], 1);
    assert_eq!(task["properties"]["check"]["minItems"], 1);
}

#[test]
fn schema_command_prints_the_stored_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .arg("schema")
        .output()
        .expect("run termcourse");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        json_schema(SchemaFor::Course)
    );
}

#[test]
fn the_finish_table_is_in_the_course_schema_only() {
    let course: serde_json::Value =
        serde_json::from_str(&json_schema(SchemaFor::Course)).expect("valid JSON");
    let finish = &course["definitions"]["Finish"];
    assert_eq!(
        finish["oneOf"],
        serde_json::json!([{"required": ["note"]}, {"required": ["note_file"]}])
    );
    assert_eq!(finish["additionalProperties"], false);
    assert!(course["properties"]["finish"].is_object());
    let node: serde_json::Value =
        serde_json::from_str(&json_schema(SchemaFor::NodeFile)).expect("valid JSON");
    assert!(node["properties"]["finish"].is_null());
}
