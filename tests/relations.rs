//! Relations through the library on sentences written for these tests.

mod common;

use common::Expect::{Alias, Names, NoNames, NoRel, Parts, Rel, Rels};
use common::{Check, county_report as report, county_report_with_glossary};
use policykg::pipeline::Report;

#[test]
fn what_is_built_in_a_place_is_part_of_it_or_located_in_it() {
    let r =
        report("在滨江新区打造科创商圈,在滨江新区启动城市更新行动。在全省率先打造放心消费工程。");
    r.check(&[
        Rel("科创商圈", "partOf", "滨江新区"),
        Rel("城市更新行动", "locatedIn", "滨江新区"),
        // A province is a scope, not a location.
        NoRel("放心消费工程", "*", "*"),
    ]);
}

#[test]
fn items_relied_on_take_the_class_of_their_common_noun() {
    let r = report("依托万象城、银泰等大型商业综合体,培育滨江消费商圈。");
    r.check(&[
        Parts("滨江消费商圈", &["万象城", "银泰"]),
        Names("Place", &["万象城", "银泰"]),
    ]);
}

#[test]
fn the_main_contents_of_a_program_are_its_parts() {
    let r = report("深入推进以“邻里节、议事会、微实事”为主要内容的“幸福三部曲”建设。");
    r.check(&[Parts("幸福三部曲", &["邻里节", "议事会", "微实事"])]);
}

#[test]
fn a_program_named_after_a_road_is_located_in_it() {
    let r = report("实施青年东路快速路改造工程,推进柳林镇中医药小镇建设。");
    r.check(&[
        Rel("青年东路快速路改造工程", "locatedIn", "青年东路"),
        Rel("中医药小镇", "partOf", "柳林镇"),
    ]);
}

#[test]
fn a_glossary_term_is_made_of_its_sub_terms_items_and_its_roles() {
    let r = county_report_with_glossary(
        "推进“一核两翼”布局,保护“三门五洲”。",
        "1.一核两翼:即以党的建设为“主核”,以经济发展、城市治理两大领域为“两翼”。\n2.三门五洲:明代形成“三门五洲”格局。“三门”指:东门、西门、南门。“五洲”指:沙洲、柳洲(杨柳洲)、新添(填)洲等五个洲。",
    );
    r.check(&[
        Parts("一核两翼", &["党的建设", "经济发展", "城市治理"]),
        Parts(
            "三门五洲",
            &["东门", "西门", "南门", "沙洲", "柳洲", "新添洲"],
        ),
        // A term made of places is a place; one made of actions a program.
        Names("Place", &["三门五洲"]),
        Names("Program", &["一核两翼"]),
        NoNames(&["主核", "两翼", "三门", "五洲", "五个洲", "建设"]),
    ]);
}

#[test]
fn a_definition_speaks_of_its_term() {
    let r = county_report_with_glossary(
        "治理“一江两河”,举办“红色故事”专题宣介会,建设“梦想小镇”产业园。",
        "1.一江两河:即长安区辖区内的滹沱河、太平河、民心河。\n2.“红色故事”专题宣介会:由省商务厅主办的专题宣介会在石家庄举行。\n3.“冀品出海”网络直播:河北首个特色产品直播栏目,在长安区“梦想小镇”产业园举办开机仪式。",
    );
    r.check(&[
        Rel("一江两河", "partOf", "长安区"),
        // Inside the definition, 专题宣介会 is the term itself.
        Rel("河北省商务厅", "responsibleFor", "红色故事专题宣介会"),
        Rel("红色故事专题宣介会", "locatedIn", "石家庄市"),
        NoNames(&["专题宣介会"]),
        // What a definition says was held somewhere is its term.
        Rel("冀品出海网络直播", "locatedIn", "梦想小镇产业园"),
    ]);
}

#[test]
fn enumerated_actions_and_quoted_lists_are_programs_of_the_term() {
    let r = county_report_with_glossary(
        "打好“三大战役”,建设“无废城区”,推进政务服务“一网通办”,推进“三治”融合。",
        "1.三大战役:即强化党建引领、扩大开放格局、打造繁荣商圈。\n2.无废城区:是以绿色发展理念为引领的城市发展模式。\n3.“三治”基层治理体系:坚持以“自治、法治、德治”融合的基层治理体系。",
    );
    r.check(&[
        Parts(
            "三大战役",
            &["强化党建引领", "扩大开放格局", "打造繁荣商圈"],
        ),
        Parts("三治基层治理体系", &["自治", "法治", "德治"]),
        Names("Program", &["打造繁荣商圈", "无废城区"]),
        // The body's “三治” is the term written “三治”基层治理体系.
        Alias("三治基层治理体系", "三治"),
        NoNames(&["三治"]),
        // 办 needs an owner to end a body's name; a quoted name without one is a program.
        Names("Program", &["一网通办"]),
    ]);
}

#[test]
fn bodies_that_carry_out_a_program_run_it() {
    let r = report("市委、市政府在2020年开始开展“百企帮百村”活动,习近平在长安区考察。");
    r.check(&[
        Rel("石家庄市委", "responsibleFor", "百企帮百村活动"),
        Rel("石家庄市人民政府", "responsibleFor", "百企帮百村活动"),
        // A person is not located.
        NoRel("习近平", "*", "*"),
    ]);
}

#[test]
fn a_program_that_names_several_places_is_in_each() {
    let program = "清水河、柳河、人民公园水质提升工程";
    let r = report("实施清水河、柳河、人民公园水质提升工程。");
    r.check(&[
        Rel(program, "locatedIn", "清水河"),
        Rel(program, "locatedIn", "柳河"),
        Rel(program, "locatedIn", "人民公园"),
    ]);
}

#[test]
fn outcomes_and_kinds_of_land_are_no_parts() {
    let r = county_report_with_glossary(
        "实现“三个零”,盘活“两类”土地。",
        "1.三个零:即生产事故零发生、疫情零报告、群众零投诉。\n2.“两类”土地:即低效工业用地、闲置未开发土地。",
    );
    r.check(&[
        NoRel("*", "partOf", "三个零"),
        NoRel("*", "partOf", "两类土地"),
    ]);
}

#[test]
fn a_list_is_not_split_inside_a_word() {
    let r = county_report_with_glossary(
        "推行“三项机制”。",
        "1.三项机制:即公众参与机制、和谐共建机制、及时响应机制。",
    );
    r.check(&[Parts(
        "三项机制",
        &["公众参与机制", "和谐共建机制", "及时响应机制"],
    )]);
}

#[test]
fn the_paragraphs_a_numbered_quote_announces_are_its_parts() {
    let r = report(
        "今后五年,要实现“三个走前列”:\n在做强工业上走前列。工业增加值年均增长8%。\n在做优环境上走前列。空气质量持续改善。\n在做实民生上走前列。\n在全省排名上升。",
    );
    r.check(&[
        Parts("三个走前列", &["做强工业", "做优环境", "做实民生"]),
        Names("Program", &["做强工业", "做优环境", "做实民生"]),
        // The count says how many paragraphs are items.
        NoRel("全省排名", "*", "*"),
    ]);
}

#[test]
fn a_branch_is_part_of_its_head_and_a_part_is_of_its_wholes_kind() {
    let r = county_report_with_glossary(
        "“冀时办”上线运行,建成“冀时办”长安分厅,盘活“三类”土地①。",
        "1.“三类”土地:即低效用地、闲置土地以及中央、省企业搬迁空置用地。",
    );
    r.check(&[
        Rel("冀时办长安分厅", "partOf", "冀时办"),
        NoRel("*中央*", "partOf", "三类土地"),
    ]);
}

#[test]
fn a_count_of_a_kind_has_the_names_of_that_kind_its_paragraph_goes_on_to_name() {
    let r = report(
        "坚持商圈联动。围绕构建三大商圈格局,推动发展。升级打造东方广场,复兴老街商圈;依托万象城,培育滨江消费商圈;推动东城文旅商圈建设,突出第四大战略。",
    );
    r.check(&[
        Parts("三大商圈", &["老街商圈", "滨江消费商圈", "东城文旅商圈"]),
        Rels(3, "*", "*", "三大商圈"),
    ]);
}

#[test]
fn a_place_named_after_the_jurisdiction_or_written_right_after_it_is_part_of_it() {
    let r = report(
        "长安区数字经济产业园开园,在河北省石家庄市长安区“创客小街”电商产业园举办开机仪式,在全区率先打造放心消费工程。",
    );
    r.check(&[
        Parts("长安区", &["长安区数字经济产业园", "创客小街电商产业园"]),
        NoRel("放心消费工程", "*", "*"),
    ]);
}

/// A provincial report of 河北省 whose review part holds `review`.
fn province_report(review: &str) -> Report {
    common::report_text(&format!(
        "——2024年1月20日在河北省第十四届人民代表大会第二次会议上\n各位代表:\n一、2023年工作回顾\n{review}\n二、2024年工作安排\n抓好落实。\n"
    ))
}

#[test]
fn a_name_that_starts_with_a_division_is_in_it_or_in_the_nearest_parent_named() {
    let r = province_report(
        "支持唐山、石家庄加快发展。推进唐山港扩能,加快正定新区建设。建设承德国家可持续发展议程创新示范区。",
    );
    r.check(&[
        Rel("唐山港", "partOf", "唐山市"),
        // 正定 is a county of 石家庄市, which the report names; the county it does not.
        Rel("正定新区", "partOf", "石家庄市"),
        // A city named only inside a name is an entity, and the name is in it.
        Names("Place", &["承德市"]),
        // 承德 is the city, not the county.
        NoNames(&["承德县"]),
        Rel("承德市", "partOf", "河北省"),
    ]);
}

#[test]
fn items_enumerated_before_the_count_that_names_them_are_its_parts_when_the_count_holds() {
    let r = province_report(
        "推进保障性住房建设、“平急两用”公共基础设施建设、城中村改造“三大工程”。开展增绿、治水“三大行动”。",
    );
    r.check(&[
        Parts("三大工程", &["保障性住房建设", "城中村改造"]),
        // Two items are not the three the name counts: no parts, no entities made of them.
        NoRel("*", "*", "三大行动"),
        NoNames(&["增绿"]),
    ]);
}

#[test]
fn a_brand_inside_a_place_name_is_no_mention_of_the_company() {
    let r = report("依托朝阳天虹、滨江万象、中粮大悦城等大型商业综合体,培育滨江消费商圈。");
    r.check(&[Names("Place", &["中粮大悦城"]), NoNames(&["中粮集团*"])]);
}

#[test]
fn a_layout_of_numbered_groups_is_named_by_its_quote_and_has_the_groups_named_as_parts() {
    let r = province_report(
        "明确了“两翼两区三群六带”发展布局。加快建设“两翼”带动的现代化河北。突出抓好“六带”建设。",
    );
    r.check(&[
        Parts("两翼两区三群六带", &["两翼", "六带"]),
        // The layout word is no ending that types it (布局 is no bureau, 局): its counted
        // parts make it a place, as they make its groups (ANNOTATION.md: collective layouts).
        Names("Place", &["两翼两区三群六带", "六带"]),
    ]);
}

#[test]
fn a_short_sentence_on_one_area_heads_the_sentences_about_its_parts() {
    let r = province_report(
        "雄安新区建设成效显著。东湖片区安置房交付使用,中核集团等央企落户新区,中航集团加快发展。京津冀协同发展取得新进展。西湖片区开工建设。",
    );
    r.check(&[
        Rel("东湖片区", "partOf", "雄安新区"),
        // Its clause names the area by its kind (落户新区); the next clause does not.
        Rel("中国核工业集团有限公司", "locatedIn", "雄安新区"),
        NoRel("中国航空*", "*", "雄安新区"),
        // A short sentence that names another place ends the area's sentences.
        NoRel("西湖片区", "*", "*"),
    ]);
}

#[test]
fn the_province_is_part_of_the_country_and_a_zone_listed_under_its_city_is_part_of_it() {
    let r = province_report("主要指标高于全国平均水平。支持沧州发展,抓好渤海新区建设。");
    r.check(&[
        Rel("河北省", "partOf", "中国"),
        // The divisions list 沧州渤海新区: the report's 渤海新区 is it, part of 沧州市.
        Rel("渤海新区", "partOf", "沧州市"),
    ]);
}

#[test]
fn a_sentence_that_opens_on_deepening_a_reform_names_its_parts_after_it() {
    let r = province_report(
        "深化财税体制改革,抓好预算制度改革,推进混合所有制改革。政务方面,深化审批制度改革,推进商事制度改革。",
    );
    r.check(&[
        Parts("财税体制改革", &["预算制度改革", "混合所有制改革"]),
        // After a field, the first reform is one of the field's, not the whole of the next.
        Names("Program", &["商事制度改革"]),
        NoRel("*", "*", "审批制度改革"),
    ]);
}

#[test]
fn the_countrys_bodies_are_located_nowhere() {
    let r = province_report("确保党中央决策部署在唐山落地见效。首届美食节在唐山举办。");
    r.check(&[
        // The edition (首届) is no part of the event's name.
        Rel("美食节", "locatedIn", "唐山市"),
        NoRel("党中央", "locatedIn", "*"),
    ]);
}

#[test]
fn a_firms_project_is_run_by_it_and_is_in_the_country_its_name_holds() {
    let r = province_report(
        "支持长城汽车走出去,与巴西、泰国开展合作。推进“长城汽车泰国工厂”项目建设。",
    );
    r.check(&[
        Names("Program", &["长城汽车泰国工厂项目"]),
        Rel("长城汽车", "responsibleFor", "长城汽车泰国工厂项目"),
        Rel("长城汽车泰国工厂项目", "locatedIn", "泰国"),
    ]);
}

#[test]
fn a_place_inside_a_phrase_after_at_is_not_where_a_thing_is_built() {
    let r = province_report(
        "努力在推进京津冀协同发展和高标准建设雄安新区中彰显新担当。在京津冀打造科创商圈。",
    );
    r.check(&[
        NoRel("雄安新区", "partOf", "京津冀"),
        Rel("科创商圈", "partOf", "京津冀"),
    ]);
}

#[test]
fn a_count_a_paragraph_opens_on_has_the_names_that_head_its_sentences() {
    let r = report(
        "突出抓好“三带”建设。打造滨江文化带,提升水平。打造北山旅游带,建设南坡文化旅游经济带。打造东部经济带,建设港口。",
    );
    r.check(&[
        Parts("三带", &["滨江文化带", "北山旅游带", "东部经济带"]),
        // A name on the way in its sentence is no member.
        NoRel("南坡文化旅游经济带", "partOf", "三带"),
    ]);
}

#[test]
fn a_count_without_its_own_paragraph_has_no_members_of_a_short_kind() {
    // A count inside a long sentence.
    let r = report("推进“两带”建设,打造滨江文化带,打造北山旅游带。");
    r.check(&[NoRel("*", "*", "两带")]);
}

#[test]
fn a_quoted_program_whose_sentence_names_the_area_is_located_in_it() {
    let r = province_report(
        "雄安新区建设成效显著。两所高校和某某医院雄安院区开工建设,北京援建的“两校一院”开学开诊。“雄才8条”反响热烈,新区人气提升。携手京津发展。“一网通”试点在京津冀推开。",
    );
    r.check(&[
        Rel("两校一院", "locatedIn", "雄安新区"),
        Rel("雄才8条", "locatedIn", "雄安新区"),
        // A region of several divisions is no area whose sentences a short one heads.
        NoRel("*", "*", "京津"),
    ]);
}

#[test]
fn a_count_a_paragraph_opens_on_has_the_programs_that_open_its_short_sentences() {
    let r = province_report(
        "（二）全力以赴促协同,“两件大事”实现重要突破。扎实推进各项工作。京津冀协同发展取得新进展。重点任务全部完成。“某某工程”全面就绪。场馆高质量完成,“另一工程”获得赞誉。",
    );
    r.check(&[
        Parts("两件大事", &["京津冀协同发展", "某某工程"]),
        // A program inside a long sentence opens no heading.
        NoRel("另一工程", "partOf", "两件大事"),
    ]);
}

#[test]
fn a_section_names_its_whole_and_is_part_of_it_and_of_its_division() {
    // 河北 2022, 2023: 北京大兴国际机场临空经济区廊坊片区.
    let section = "北京大兴国际机场临空经济区廊坊片区";
    let r = province_report("加快北京大兴国际机场临空经济区廊坊片区建设。");
    r.check(&[
        Names("Place", &["北京大兴国际机场临空经济区"]),
        Rel(section, "partOf", "北京大兴国际机场临空经济区"),
        Rel(section, "partOf", "廊坊市"),
    ]);
}

#[test]
fn a_body_is_located_in_the_site_its_name_names_last() {
    // 河北 2024: 北大人民医院雄安院区, 石家庄国际邮件互换局; a university named after a mountain
    // and a body of a collective region are in neither.
    let r = province_report(
        "雄安新区建设取得新进展。北大人民医院雄安院区开工建设,石家庄国际邮件互换局投入运营,燕山大学、京津冀技术创新中心加快建设。",
    );
    r.check(&[
        Rel("北大人民医院雄安院区", "locatedIn", "雄安新区"),
        Rel("石家庄国际邮件互换局", "locatedIn", "石家庄市"),
        NoRel("燕山大学", "*", "*"),
        NoRel("京津冀技术创新中心", "*", "*"),
    ]);
}

#[test]
fn an_address_names_the_division_and_the_village_part_of_it() {
    // 河北 2022: 给平山县北庄村全体党员回信; 2021: 平山县西柏坡镇.
    let r = province_report("支持石家庄市发展。总书记给平山县北庄村全体党员回信。");
    r.check(&[
        Names("Place", &["平山县", "北庄村"]),
        NoNames(&["平山县北庄村"]),
        Rel("北庄村", "partOf", "平山县"),
        Rel("平山县", "partOf", "石家庄市"),
    ]);
}

#[test]
fn a_firm_s_plant_abroad_is_its_project_in_that_country() {
    // 河北 2022: 长城汽车泰国工厂、德龙钢铁印尼钢厂建成投产; 2018: 加快实施邯郸格力智能装备…; a
    // plant of no known firm or place is a kind (绿色工厂).
    let r = province_report(
        "长城汽车泰国工厂、德龙钢铁印尼钢厂建成投产。邯郸格力入选世界“灯塔工厂”。创建一批绿色工厂。",
    );
    r.check(&[
        Rel("长城汽车", "responsibleFor", "长城汽车泰国工厂"),
        Rel("长城汽车泰国工厂", "locatedIn", "泰国"),
        Rel("德龙钢铁印尼钢厂", "locatedIn", "印度尼西亚"),
        Rel("格力电器", "locatedIn", "邯郸市"),
        NoNames(&["绿色工厂"]),
    ]);
}

#[test]
fn sections_districts_and_zones_of_two_places() {
    // 河北 2022, 2024: a river's sections, the elliptical one too; a district of another
    // province written with its city; a zone named after two places is made of them.
    let r = province_report(
        "北运河廊坊段与北京段同步旅游通航。稳步推进廊坊北三县与北京通州区一体化高质量发展示范区建设。",
    );
    r.check(&[
        Parts("北运河", &["北运河廊坊段", "北运河北京段"]),
        Rel("北运河廊坊段", "partOf", "廊坊市"),
        Rel("北京通州区", "partOf", "北京市"),
        Rel(
            "北京通州区",
            "partOf",
            "廊坊北三县与北京通州区一体化高质量发展示范区",
        ),
    ]);
}

#[test]
fn a_numbered_group_of_places_is_a_place() {
    // 河北 2022: the six belts are places, so 六带 is, and the layout it is part of.
    let r = province_report(
        "明确了“两翼两区三群六带”发展布局。\n突出抓好“六带”建设。打造京张体育文化旅游带,深入推进冬奥遗产计划。打造沿海经济崛起带,建设环渤海港口群。打造石保廊创新发展引领带,加强与京津对接协作。",
    );
    r.check(&[Names("Place", &["六带", "两翼两区三群六带"])]);
}
