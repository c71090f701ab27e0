//! Relations through the library on sentences written for these tests.

mod common;

use common::{county_report as report, relations};

fn has(found: &[(String, String, String)], s: &str, p: &str, o: &str) -> bool {
    found.iter().any(|(a, b, c)| a == s && b == p && c == o)
}

#[test]
fn what_is_built_in_a_place_is_part_of_it_or_located_in_it() {
    let r =
        report("在滨江新区打造科创商圈,在滨江新区启动城市更新行动。在全省率先打造放心消费工程。");
    let found = relations(&r);
    assert!(has(&found, "科创商圈", "partOf", "滨江新区"), "{found:?}");
    assert!(
        has(&found, "城市更新行动", "locatedIn", "滨江新区"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(s, _, _)| s == "放心消费工程"),
        "a province is a scope, not a location: {found:?}"
    );
}

#[test]
fn items_relied_on_take_the_class_of_their_common_noun() {
    let r = report("依托万象城、银泰等大型商业综合体,培育滨江消费商圈。");
    let found = relations(&r);
    for item in ["万象城", "银泰"] {
        assert!(has(&found, item, "partOf", "滨江消费商圈"), "{found:?}");
        let e = r
            .resolved
            .entities
            .iter()
            .find(|e| e.label == item)
            .unwrap();
        assert_eq!(e.class, "Place");
    }
}

#[test]
fn the_main_contents_of_a_program_are_its_parts() {
    let r = report("深入推进以“邻里节、议事会、微实事”为主要内容的“幸福三部曲”建设。");
    let found = relations(&r);
    for item in ["邻里节", "议事会", "微实事"] {
        assert!(has(&found, item, "partOf", "幸福三部曲"), "{found:?}");
    }
}

#[test]
fn a_program_named_after_a_road_is_located_in_it() {
    let r = report("实施青年东路快速路改造工程,推进柳林镇中医药小镇建设。");
    let found = relations(&r);
    assert!(
        has(&found, "青年东路快速路改造工程", "locatedIn", "青年东路"),
        "{found:?}"
    );
    assert!(has(&found, "中医药小镇", "partOf", "柳林镇"), "{found:?}");
}
