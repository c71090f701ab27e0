//! Relations through the library on sentences written for these tests.

mod common;

use common::{class_of, county_report as report, county_report_with_glossary, relations};

fn has(found: &[(String, String, String)], s: &str, p: &str, o: &str) -> bool {
    found.iter().any(|(a, b, c)| a == s && b == p && c == o)
}

/// Asserts that each of `parts` is partOf `whole`.
fn assert_parts_of(found: &[(String, String, String)], parts: &[&str], whole: &str) {
    for part in parts {
        assert!(has(found, part, "partOf", whole), "{part}: {found:?}");
    }
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

#[test]
fn a_glossary_term_is_made_of_its_sub_terms_items_and_its_roles() {
    let r = county_report_with_glossary(
        "推进“一核两翼”布局,保护“三门五洲”。",
        "1.一核两翼:即以党的建设为“主核”,以经济发展、城市治理两大领域为“两翼”。\n2.三门五洲:明代形成“三门五洲”格局。“三门”指:东门、西门、南门。“五洲”指:沙洲、柳洲(杨柳洲)、新添(填)洲等五个洲。",
    );
    let found = relations(&r);
    for item in ["党的建设", "经济发展", "城市治理"] {
        assert!(has(&found, item, "partOf", "一核两翼"), "{item}: {found:?}");
    }
    for item in ["东门", "西门", "南门", "沙洲", "柳洲", "新添洲"] {
        assert!(has(&found, item, "partOf", "三门五洲"), "{item}: {found:?}");
    }
    let labels: Vec<&str> = r
        .resolved
        .entities
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    // A term made of places is a place; one made of actions a program.
    assert_eq!(class_of(&r, "三门五洲"), Some("Place"));
    assert_eq!(class_of(&r, "一核两翼"), Some("Program"));
    for not_a_name in ["主核", "两翼", "三门", "五洲", "五个洲", "建设"] {
        assert!(!labels.contains(&not_a_name), "{not_a_name} in {labels:?}");
    }
}

#[test]
fn a_definition_speaks_of_its_term() {
    let r = county_report_with_glossary(
        "治理“一江两河”,举办“红色故事”专题宣介会,建设“梦想小镇”产业园。",
        "1.一江两河:即长安区辖区内的滹沱河、太平河、民心河。\n2.“红色故事”专题宣介会:由省商务厅主办的专题宣介会在石家庄举行。\n3.“冀品出海”网络直播:河北首个特色产品直播栏目,在长安区“梦想小镇”产业园举办开机仪式。",
    );
    let found = relations(&r);
    assert!(has(&found, "一江两河", "partOf", "长安区"), "{found:?}");
    // Inside the definition, 专题宣介会 is the term itself.
    let term = "红色故事专题宣介会";
    assert!(
        has(&found, "河北省商务厅", "responsibleFor", term),
        "{found:?}"
    );
    assert!(has(&found, term, "locatedIn", "石家庄市"), "{found:?}");
    assert!(!r.resolved.entities.iter().any(|e| e.label == "专题宣介会"));
    // What a definition says was held somewhere is its term.
    assert!(
        has(&found, "冀品出海网络直播", "locatedIn", "梦想小镇产业园"),
        "{found:?}"
    );
}

#[test]
fn enumerated_actions_and_quoted_lists_are_programs_of_the_term() {
    let r = county_report_with_glossary(
        "打好“三大战役”,建设“无废城区”,推进政务服务“一网通办”,推进“三治”融合。",
        "1.三大战役:即强化党建引领、扩大开放格局、打造繁荣商圈。\n2.无废城区:是以绿色发展理念为引领的城市发展模式。\n3.“三治”基层治理体系:坚持以“自治、法治、德治”融合的基层治理体系。",
    );
    let found = relations(&r);
    for item in ["强化党建引领", "扩大开放格局", "打造繁荣商圈"] {
        assert!(has(&found, item, "partOf", "三大战役"), "{item}: {found:?}");
    }
    for item in ["自治", "法治", "德治"] {
        assert!(
            has(&found, item, "partOf", "三治基层治理体系"),
            "{item}: {found:?}"
        );
    }
    assert_eq!(class_of(&r, "打造繁荣商圈"), Some("Program"));
    assert_eq!(class_of(&r, "无废城区"), Some("Program"));
    // The body's “三治” is the term written “三治”基层治理体系.
    let term = r
        .resolved
        .entities
        .iter()
        .find(|e| e.label == "三治基层治理体系")
        .unwrap();
    assert!(term.aliases.contains("三治"), "{:?}", term.aliases);
    assert_eq!(class_of(&r, "三治"), None);
    // 办 needs an owner to end a body's name; a quoted name without one is a program.
    assert_eq!(class_of(&r, "一网通办"), Some("Program"));
}

#[test]
fn bodies_that_carry_out_a_program_run_it() {
    let r = report("市委、市政府在2020年开始开展“百企帮百村”活动,习近平在长安区考察。");
    let found = relations(&r);
    for body in ["石家庄市委", "石家庄市人民政府"] {
        assert!(
            has(&found, body, "responsibleFor", "百企帮百村活动"),
            "{body}: {found:?}"
        );
    }
    assert!(
        !found.iter().any(|(s, _, _)| s == "习近平"),
        "a person is not located: {found:?}"
    );
}

#[test]
fn a_program_that_names_several_places_is_in_each() {
    let r = report("实施清水河、柳河、人民公园水质提升工程。");
    let found = relations(&r);
    for place in ["清水河", "柳河", "人民公园"] {
        assert!(
            has(
                &found,
                "清水河、柳河、人民公园水质提升工程",
                "locatedIn",
                place
            ),
            "{place}: {found:?}"
        );
    }
}

#[test]
fn outcomes_and_kinds_of_land_are_no_parts() {
    let r = county_report_with_glossary(
        "实现“三个零”,盘活“两类”土地。",
        "1.三个零:即生产事故零发生、疫情零报告、群众零投诉。\n2.“两类”土地:即低效工业用地、闲置未开发土地。",
    );
    let found = relations(&r);
    assert!(
        !found
            .iter()
            .any(|(_, p, o)| p == "partOf" && (o == "三个零" || o == "两类土地")),
        "{found:?}"
    );
}

#[test]
fn a_list_is_not_split_inside_a_word() {
    let r = county_report_with_glossary(
        "推行“三项机制”。",
        "1.三项机制:即公众参与机制、和谐共建机制、及时响应机制。",
    );
    let found = relations(&r);
    for item in ["公众参与机制", "和谐共建机制", "及时响应机制"] {
        assert!(has(&found, item, "partOf", "三项机制"), "{item}: {found:?}");
    }
}

#[test]
fn the_paragraphs_a_numbered_quote_announces_are_its_parts() {
    let r = report(
        "今后五年,要实现“三个走前列”:\n在做强工业上走前列。工业增加值年均增长8%。\n在做优环境上走前列。空气质量持续改善。\n在做实民生上走前列。\n在全省排名上升。",
    );
    let found = relations(&r);
    for item in ["做强工业", "做优环境", "做实民生"] {
        assert!(has(&found, item, "partOf", "三个走前列"), "{found:?}");
        assert_eq!(class_of(&r, item), Some("Program"));
    }
    // The count says how many paragraphs are items.
    assert!(!found.iter().any(|(s, _, _)| s == "全省排名"), "{found:?}");
}

#[test]
fn a_branch_is_part_of_its_head_and_a_part_is_of_its_wholes_kind() {
    let r = county_report_with_glossary(
        "“冀时办”上线运行,建成“冀时办”长安分厅,盘活“三类”土地①。",
        "1.“三类”土地:即低效用地、闲置土地以及中央、省企业搬迁空置用地。",
    );
    let found = relations(&r);
    assert!(
        has(&found, "冀时办长安分厅", "partOf", "冀时办"),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(s, p, o)| p == "partOf" && o == "三类土地" && s.contains("中央")),
        "{found:?}"
    );
}

#[test]
fn a_count_of_a_kind_has_the_names_of_that_kind_its_paragraph_goes_on_to_name() {
    let r = report(
        "坚持商圈联动。围绕构建三大商圈格局,推动发展。升级打造东方广场,复兴老街商圈;依托万象城,培育滨江消费商圈;推动东城文旅商圈建设,突出第四大战略。",
    );
    let found = relations(&r);
    for member in ["老街商圈", "滨江消费商圈", "东城文旅商圈"] {
        assert!(has(&found, member, "partOf", "三大商圈"), "{found:?}");
    }
    assert_eq!(
        found.iter().filter(|(_, _, o)| o == "三大商圈").count(),
        3,
        "{found:?}"
    );
}

#[test]
fn a_place_named_after_the_jurisdiction_or_written_right_after_it_is_part_of_it() {
    let r = report(
        "长安区数字经济产业园开园,在河北省石家庄市长安区“创客小街”电商产业园举办开机仪式,在全区率先打造放心消费工程。",
    );
    let found = relations(&r);
    for place in ["长安区数字经济产业园", "创客小街电商产业园"] {
        assert!(has(&found, place, "partOf", "长安区"), "{found:?}");
    }
    assert!(
        !found.iter().any(|(s, _, _)| s == "放心消费工程"),
        "{found:?}"
    );
}

/// A provincial report of 河北省 whose review part holds `review`.
fn province_report(review: &str) -> policykg::pipeline::Report {
    common::report_text(&format!(
        "——2024年1月20日在河北省第十四届人民代表大会第二次会议上\n各位代表:\n一、2023年工作回顾\n{review}\n二、2024年工作安排\n抓好落实。\n"
    ))
}

#[test]
fn a_name_that_starts_with_a_division_is_in_it_or_in_the_nearest_parent_named() {
    let r = province_report(
        "支持唐山、石家庄加快发展。推进唐山港扩能,加快正定新区建设。建设承德国家可持续发展议程创新示范区。",
    );
    let found = relations(&r);
    assert!(has(&found, "唐山港", "partOf", "唐山市"), "{found:?}");
    // 正定 is a county of 石家庄市, which the report names; the county it does not.
    assert!(has(&found, "正定新区", "partOf", "石家庄市"), "{found:?}");
    // A city named only inside a name is an entity, and the name is in it.
    assert_eq!(class_of(&r, "承德市"), Some("Place"));
    assert_eq!(
        class_of(&r, "承德县"),
        None,
        "承德 is the city, not the county"
    );
    assert!(has(&found, "承德市", "partOf", "河北省"), "{found:?}");
}

#[test]
fn items_enumerated_before_the_count_that_names_them_are_its_parts_when_the_count_holds() {
    let r = province_report(
        "推进保障性住房建设、“平急两用”公共基础设施建设、城中村改造“三大工程”。开展增绿、治水“三大行动”。",
    );
    let found = relations(&r);
    for item in ["保障性住房建设", "城中村改造"] {
        assert!(has(&found, item, "partOf", "三大工程"), "{item}: {found:?}");
    }
    // Two items are not the three the name counts: no parts, no entities made of them.
    assert!(!found.iter().any(|(_, _, o)| o == "三大行动"), "{found:?}");
    assert_eq!(class_of(&r, "增绿"), None);
}

#[test]
fn a_brand_inside_a_place_name_is_no_mention_of_the_company() {
    let r = report("依托朝阳天虹、滨江万象、中粮大悦城等大型商业综合体,培育滨江消费商圈。");
    assert_eq!(class_of(&r, "中粮大悦城"), Some("Place"));
    assert!(
        !r.resolved
            .entities
            .iter()
            .any(|e| e.label.starts_with("中粮集团")),
        "{:?}",
        r.resolved
            .entities
            .iter()
            .map(|e| &e.label)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_layout_of_numbered_groups_is_named_by_its_quote_and_has_the_groups_named_as_parts() {
    let r = province_report(
        "明确了“两翼两区三群六带”发展布局。加快建设“两翼”带动的现代化河北。突出抓好“六带”建设。",
    );
    let found = relations(&r);
    assert_parts_of(&found, &["两翼", "六带"], "两翼两区三群六带");
    // The layout word is no ending that types it (布局 is no bureau, 局): its counted parts
    // make it a place, as they make its groups (ANNOTATION.md: collective layouts).
    assert_eq!(class_of(&r, "两翼两区三群六带"), Some("Place"));
    assert_eq!(class_of(&r, "六带"), Some("Place"));
}

#[test]
fn a_short_sentence_on_one_area_heads_the_sentences_about_its_parts() {
    let r = province_report(
        "雄安新区建设成效显著。东湖片区安置房交付使用,中核集团等央企落户新区,中航集团加快发展。京津冀协同发展取得新进展。西湖片区开工建设。",
    );
    let found = relations(&r);
    assert!(has(&found, "东湖片区", "partOf", "雄安新区"), "{found:?}");
    // Its clause names the area by its kind (落户新区); the next clause does not.
    let soe = "中国核工业集团有限公司";
    assert!(has(&found, soe, "locatedIn", "雄安新区"), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|(s, _, o)| s.starts_with("中国航空") && o == "雄安新区"),
        "{found:?}"
    );
    // A short sentence that names another place ends the area's sentences.
    assert!(!found.iter().any(|(s, _, _)| s == "西湖片区"), "{found:?}");
}

#[test]
fn the_province_is_part_of_the_country_and_a_zone_listed_under_its_city_is_part_of_it() {
    let r = province_report("主要指标高于全国平均水平。支持沧州发展,抓好渤海新区建设。");
    let found = relations(&r);
    assert!(has(&found, "河北省", "partOf", "中国"), "{found:?}");
    // The divisions list 沧州渤海新区: the report's 渤海新区 is it, part of 沧州市.
    assert!(has(&found, "渤海新区", "partOf", "沧州市"), "{found:?}");
}

#[test]
fn a_sentence_that_opens_on_deepening_a_reform_names_its_parts_after_it() {
    let r = province_report(
        "深化财税体制改革,抓好预算制度改革,推进混合所有制改革。政务方面,深化审批制度改革,推进商事制度改革。",
    );
    let found = relations(&r);
    assert_parts_of(&found, &["预算制度改革", "混合所有制改革"], "财税体制改革");
    // After a field, the first reform is one of the field's, not the whole of the next.
    assert_eq!(class_of(&r, "商事制度改革"), Some("Program"));
    assert!(
        !found.iter().any(|(_, _, o)| o == "审批制度改革"),
        "{found:?}"
    );
}

#[test]
fn the_countrys_bodies_are_located_nowhere() {
    let r = province_report("确保党中央决策部署在唐山落地见效。首届美食节在唐山举办。");
    let found = relations(&r);
    // The edition (首届) is no part of the event's name.
    assert!(has(&found, "美食节", "locatedIn", "唐山市"), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|(s, p, _)| s == "党中央" && p == "locatedIn"),
        "{found:?}"
    );
}

#[test]
fn a_firms_project_is_run_by_it_and_is_in_the_country_its_name_holds() {
    let r = province_report(
        "支持长城汽车走出去,与巴西、泰国开展合作。推进“长城汽车泰国工厂”项目建设。",
    );
    let found = relations(&r);
    let project = "长城汽车泰国工厂项目";
    let labels: Vec<&str> = r
        .resolved
        .entities
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(class_of(&r, project), Some("Program"), "{labels:?}");
    assert!(
        has(&found, "长城汽车", "responsibleFor", project),
        "{found:?}"
    );
    assert!(has(&found, project, "locatedIn", "泰国"), "{found:?}");
}

#[test]
fn a_place_inside_a_phrase_after_at_is_not_where_a_thing_is_built() {
    let r = province_report(
        "努力在推进京津冀协同发展和高标准建设雄安新区中彰显新担当。在京津冀打造科创商圈。",
    );
    let found = relations(&r);
    assert!(!has(&found, "雄安新区", "partOf", "京津冀"), "{found:?}");
    assert!(has(&found, "科创商圈", "partOf", "京津冀"), "{found:?}");
}

#[test]
fn a_count_a_paragraph_opens_on_has_the_names_that_head_its_sentences() {
    let r = report(
        "突出抓好“三带”建设。打造滨江文化带,提升水平。打造北山旅游带,建设南坡文化旅游经济带。打造东部经济带,建设港口。",
    );
    let found = relations(&r);
    assert_parts_of(&found, &["滨江文化带", "北山旅游带", "东部经济带"], "三带");
    assert!(
        !has(&found, "南坡文化旅游经济带", "partOf", "三带"),
        "a name on the way in its sentence is no member: {found:?}"
    );
}

#[test]
fn a_count_without_its_own_paragraph_has_no_members_of_a_short_kind() {
    let r = report("推进“两带”建设,打造滨江文化带,打造北山旅游带。");
    let found = relations(&r);
    assert!(
        !found.iter().any(|(_, _, o)| o == "两带"),
        "a count inside a long sentence: {found:?}"
    );
}

#[test]
fn a_quoted_program_whose_sentence_names_the_area_is_located_in_it() {
    let r = province_report(
        "雄安新区建设成效显著。两所高校和某某医院雄安院区开工建设,北京援建的“两校一院”开学开诊。“雄才8条”反响热烈,新区人气提升。携手京津发展。“一网通”试点在京津冀推开。",
    );
    let found = relations(&r);
    for program in ["两校一院", "雄才8条"] {
        assert!(
            has(&found, program, "locatedIn", "雄安新区"),
            "{program}: {found:?}"
        );
    }
    // A region of several divisions is no area whose sentences a short one heads.
    assert!(!found.iter().any(|(_, _, o)| o == "京津"), "{found:?}");
}

#[test]
fn a_count_a_paragraph_opens_on_has_the_programs_that_open_its_short_sentences() {
    let r = province_report(
        "（二）全力以赴促协同,“两件大事”实现重要突破。扎实推进各项工作。京津冀协同发展取得新进展。重点任务全部完成。“某某工程”全面就绪。场馆高质量完成,“另一工程”获得赞誉。",
    );
    let found = relations(&r);
    assert_parts_of(&found, &["京津冀协同发展", "某某工程"], "两件大事");
    assert!(
        !has(&found, "另一工程", "partOf", "两件大事"),
        "a program inside a long sentence opens no heading: {found:?}"
    );
}

#[test]
fn a_section_names_its_whole_and_is_part_of_it_and_of_its_division() {
    // 河北 2022, 2023: 北京大兴国际机场临空经济区廊坊片区.
    let r = province_report("加快北京大兴国际机场临空经济区廊坊片区建设。");
    let found = relations(&r);
    let section = "北京大兴国际机场临空经济区廊坊片区";
    assert_eq!(class_of(&r, "北京大兴国际机场临空经济区"), Some("Place"));
    assert!(
        has(&found, section, "partOf", "北京大兴国际机场临空经济区"),
        "{found:?}"
    );
    assert!(has(&found, section, "partOf", "廊坊市"), "{found:?}");
}

#[test]
fn a_body_is_located_in_the_site_its_name_names_last() {
    // 河北 2024: 北大人民医院雄安院区, 石家庄国际邮件互换局; a university named after a mountain
    // and a body of a collective region are in neither.
    let r = province_report(
        "雄安新区建设取得新进展。北大人民医院雄安院区开工建设,石家庄国际邮件互换局投入运营,燕山大学、京津冀技术创新中心加快建设。",
    );
    let found = relations(&r);
    assert!(
        has(&found, "北大人民医院雄安院区", "locatedIn", "雄安新区"),
        "{found:?}"
    );
    assert!(
        has(&found, "石家庄国际邮件互换局", "locatedIn", "石家庄市"),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(s, _, _)| s == "燕山大学" || s == "京津冀技术创新中心"),
        "{found:?}"
    );
}

#[test]
fn an_address_names_the_division_and_the_village_part_of_it() {
    // 河北 2022: 给平山县北庄村全体党员回信; 2021: 平山县西柏坡镇.
    let r = province_report("支持石家庄市发展。总书记给平山县北庄村全体党员回信。");
    let found = relations(&r);
    assert_eq!(class_of(&r, "平山县"), Some("Place"));
    assert_eq!(class_of(&r, "北庄村"), Some("Place"));
    assert_eq!(class_of(&r, "平山县北庄村"), None);
    assert!(has(&found, "北庄村", "partOf", "平山县"), "{found:?}");
    assert!(has(&found, "平山县", "partOf", "石家庄市"), "{found:?}");
}

#[test]
fn a_firm_s_plant_abroad_is_its_project_in_that_country() {
    // 河北 2022: 长城汽车泰国工厂、德龙钢铁印尼钢厂建成投产; 2018: 加快实施邯郸格力智能装备…; a
    // plant of no known firm or place is a kind (绿色工厂).
    let r = province_report(
        "长城汽车泰国工厂、德龙钢铁印尼钢厂建成投产。邯郸格力入选世界“灯塔工厂”。创建一批绿色工厂。",
    );
    let found = relations(&r);
    assert!(
        has(&found, "长城汽车", "responsibleFor", "长城汽车泰国工厂"),
        "{found:?}"
    );
    assert!(
        has(&found, "长城汽车泰国工厂", "locatedIn", "泰国"),
        "{found:?}"
    );
    assert!(
        has(&found, "德龙钢铁印尼钢厂", "locatedIn", "印度尼西亚"),
        "{found:?}"
    );
    assert!(has(&found, "格力电器", "locatedIn", "邯郸市"), "{found:?}");
    assert!(
        !r.resolved.entities.iter().any(|e| e.label == "绿色工厂"),
        "绿色工厂 is a kind"
    );
}

#[test]
fn sections_districts_and_zones_of_two_places() {
    // 河北 2022, 2024: a river's sections, the elliptical one too; a district of another
    // province written with its city; a zone named after two places is made of them.
    let r = province_report(
        "北运河廊坊段与北京段同步旅游通航。稳步推进廊坊北三县与北京通州区一体化高质量发展示范区建设。",
    );
    let found = relations(&r);
    for section in ["北运河廊坊段", "北运河北京段"] {
        assert!(has(&found, section, "partOf", "北运河"), "{found:?}");
    }
    assert!(has(&found, "北运河廊坊段", "partOf", "廊坊市"), "{found:?}");
    assert!(has(&found, "北京通州区", "partOf", "北京市"), "{found:?}");
    let zone = "廊坊北三县与北京通州区一体化高质量发展示范区";
    assert!(has(&found, "北京通州区", "partOf", zone), "{found:?}");
}

#[test]
fn a_numbered_group_of_places_is_a_place() {
    // 河北 2022: the six belts are places, so 六带 is, and the layout it is part of.
    let r = province_report(
        "明确了“两翼两区三群六带”发展布局。\n突出抓好“六带”建设。打造京张体育文化旅游带,深入推进冬奥遗产计划。打造沿海经济崛起带,建设环渤海港口群。打造石保廊创新发展引领带,加强与京津对接协作。",
    );
    for label in ["六带", "两翼两区三群六带"] {
        let e = r.resolved.entities.iter().find(|e| e.label == label);
        assert_eq!(e.map(|e| e.class.as_str()), Some("Place"), "{label}");
    }
}
