#!/usr/bin/env python3
"""Writes ontology/gazetteer/world.tsv: the world in Chinese.

From CLDR (Unicode licence) on npm: territory names (cldr-localenames-full, main/zh) and the
exemplar cities of time zones (cldr-dates-full, main/zh), each city under its country through
tzdata's zone.tab (public domain, Debian package tzdata). To these, general knowledge adds what
CLDR lacks and reports name: capitals, major cities, blocs, international organizations and the
short forms reports use (only forms of two chars or more that name one thing).

    cd /tmp && npm pack cldr-localenames-full cldr-dates-full
    mkdir -p cldr && for f in cldr-*.tgz; do tar xzf "$f" -C cldr --one-top-level="${f%.tgz}"; done
    scripts/gazetteer/world.py /tmp/cldr > ontology/gazetteer/world.tsv

The script checks every name against ontology/gazetteer/divisions.tsv (a foreign city named like
a Chinese division is dropped) and refuses a name given twice.
"""

import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIVISIONS = os.path.join(HERE, "..", "..", "ontology", "gazetteer", "divisions.tsv")

# Codes that are no place (or no place a report names as such): the world, pseudo-regions,
# the UN (an organization, below), and 中非: Central Africa in CLDR, but 中非 in a report is
# China–Africa (中非合作论坛), as 中欧 is China–Europe.
SKIP = {"001", "017", "021", "053", "054", "057", "061", "QO", "XA", "XB", "ZZ", "UN", "EU",
        "EZ", "CN", "HK", "MO", "TW"}
WORLD_REGION = {c for c in ("002 003 005 009 011 013 014 015 018 019 029 030 034 035 039 142 "
                            "143 145 150 151 154 155 202 419 AQ").split()}

# Dependent territories and their sovereign (general knowledge); a few disputed ones have none.
SOVEREIGN = {
    "AS": "US", "GU": "US", "MP": "US", "PR": "US", "VI": "US", "UM": "US",
    "AI": "GB", "BM": "GB", "FK": "GB", "GI": "GB", "GS": "GB", "IO": "GB", "KY": "GB",
    "MS": "GB", "PN": "GB", "SH": "GB", "TC": "GB", "VG": "GB", "GG": "GB", "JE": "GB",
    "IM": "GB", "AC": "GB", "TA": "GB", "DG": "GB", "CQ": "GB",
    "AW": "NL", "CW": "NL", "SX": "NL", "BQ": "NL",
    "BL": "FR", "MF": "FR", "GF": "FR", "GP": "FR", "MQ": "FR", "NC": "FR", "PF": "FR",
    "PM": "FR", "RE": "FR", "TF": "FR", "WF": "FR", "YT": "FR", "CP": "FR",
    "GL": "DK", "FO": "DK", "AX": "FI", "SJ": "NO", "BV": "NO",
    "CC": "AU", "CX": "AU", "HM": "AU", "NF": "AU", "TK": "NZ", "EA": "ES", "IC": "ES",
    "XK": "RS", "EH": "",
}

# CLDR's name replaced by the form Chinese texts use; CLDR's stays as an alias.
RENAME = {"CD": "刚果民主共和国", "CG": "刚果共和国", "PS": "巴勒斯坦"}

# Short and official forms reports use (general knowledge), by territory code.
ALIASES = {
    "AE": "阿联酋", "BA": "波黑", "SA": "沙特", "ID": "印尼", "PG": "巴新",
    "CD": "刚果(金)|刚果金", "CG": "刚果(布)|刚果布", "CI": "象牙海岸",
    "CZ": "捷克共和国", "RU": "俄罗斯联邦", "US": "美利坚合众国", "GB": "大不列颠",
    "KP": "朝鲜民主主义人民共和国", "KR": "大韩民国", "LA": "老挝人民民主共和国",
    "MN": "蒙古国", "UZ": "乌兹别克", "KG": "吉尔吉斯", "TJ": "塔吉克", "TM": "土库曼",
    "BY": "白俄", "MK": "马其顿", "SZ": "埃斯瓦蒂尼", "BD": "孟加拉", "AU": "澳洲",
    "ZA": "南非共和国", "NZ": "纽西兰", "DO": "多米尼加", "VN": "越南社会主义共和国",
    "FR": "法兰西", "DE": "德意志", "TR": "土耳其共和国", "PK": "巴基斯坦伊斯兰共和国",
    "LK": "锡兰", "002": "非洲大陆", "003": "北美", "005": "南美", "419": "拉美",
    "029": "加勒比", "150": "欧洲大陆",
}

# Capitals (general knowledge), where the name is not also the country's (新加坡, 科威特城
# stays), nor shared by two capitals (金斯敦), nor a common word (维多利亚).
CAPITALS = dict(pair.split(":") for pair in """
AF:喀布尔 AL:地拉那 DZ:阿尔及尔 AD:安道尔城 AO:罗安达 AG:圣约翰 AR:布宜诺斯艾利斯 AM:埃里温
AU:堪培拉 AT:维也纳 AZ:巴库 BS:拿骚 BH:麦纳麦 BD:达卡 BB:布里奇顿 BY:明斯克 BE:布鲁塞尔 BZ:贝尔莫潘
BJ:波多诺伏 BT:廷布 BO:苏克雷 BA:萨拉热窝 BW:哈博罗内 BR:巴西利亚 BN:斯里巴加湾市 BG:索非亚
BF:瓦加杜古 BI:基特加 KH:金边 CM:雅温得 CA:渥太华 CV:普拉亚 CF:班吉 TD:恩贾梅纳 CL:圣地亚哥
CO:波哥大 KM:莫罗尼 CG:布拉柴维尔 CD:金沙萨 CR:圣何塞 CI:亚穆苏克罗 HR:萨格勒布 CU:哈瓦那
CY:尼科西亚 CZ:布拉格 DK:哥本哈根 DM:罗索 DO:圣多明各 EC:基多 EG:开罗 SV:圣萨尔瓦多 GQ:马拉博
ER:阿斯马拉 EE:塔林 SZ:姆巴巴纳 ET:亚的斯亚贝巴 FJ:苏瓦 FI:赫尔辛基 FR:巴黎 GA:利伯维尔 GM:班珠尔
GE:第比利斯 DE:柏林 GH:阿克拉 GR:雅典 GD:圣乔治 GT:危地马拉城 GN:科纳克里 GW:比绍 GY:乔治敦
HT:太子港 HN:特古西加尔巴 HU:布达佩斯 IS:雷克雅未克 IN:新德里 ID:雅加达 IR:德黑兰 IQ:巴格达
IE:都柏林 IT:罗马 JM:金斯敦 JP:东京 JO:安曼 KZ:阿斯塔纳 KE:内罗毕 KI:塔拉瓦 KP:平壤 KR:首尔
KW:科威特城 KG:比什凯克 LA:万象 LV:里加 LB:贝鲁特 LS:马塞卢 LR:蒙罗维亚 LY:的黎波里 LI:瓦杜兹
LT:维尔纽斯 MG:安塔那那利佛 MW:利隆圭 MY:吉隆坡 MV:马累 ML:巴马科 MT:瓦莱塔 MH:马朱罗 MR:努瓦克肖特
MU:路易港 MX:墨西哥城 FM:帕利基尔 MD:基希讷乌 MN:乌兰巴托 ME:波德戈里察 MA:拉巴特 MZ:马普托
MM:内比都 NA:温得和克 NR:亚伦 NP:加德满都 NL:阿姆斯特丹 NZ:惠灵顿 NI:马那瓜 NE:尼亚美 NG:阿布贾
MK:斯科普里 NO:奥斯陆 OM:马斯喀特 PK:伊斯兰堡 PW:恩吉鲁穆德 PA:巴拿马城 PG:莫尔兹比港 PY:亚松森
PE:利马 PH:马尼拉 PL:华沙 PT:里斯本 QA:多哈 RO:布加勒斯特 RU:莫斯科 RW:基加利 KN:巴斯特尔
LC:卡斯特里 WS:阿皮亚 ST:圣多美 SA:利雅得 SN:达喀尔 RS:贝尔格莱德 SL:弗里敦 SK:布拉迪斯拉发
SI:卢布尔雅那 SB:霍尼亚拉 SO:摩加迪沙 ZA:比勒陀利亚 SS:朱巴 ES:马德里 SD:喀土穆 SR:帕拉马里博
SE:斯德哥尔摩 CH:伯尔尼 SY:大马士革 TJ:杜尚别 TZ:多多马 TH:曼谷 TL:帝力 TG:洛美 TO:努库阿洛法
TT:西班牙港 TR:安卡拉 TM:阿什哈巴德 TV:富纳富提 UG:坎帕拉 UA:基辅 AE:阿布扎比 GB:伦敦 US:华盛顿
UY:蒙得维的亚 UZ:塔什干 VU:维拉港 VE:加拉加斯 VN:河内 YE:萨那 ZM:卢萨卡 ZW:哈拉雷 CK:阿瓦鲁阿
NU:阿洛菲
""".split())

# Major cities and ports reports name (cooperation, trade routes, sister cities) that no time
# zone carries: general knowledge, by country.
CITIES = {
    "RU": "圣彼得堡 喀山 下诺夫哥罗德 车里雅宾斯克",
    "DE": "汉堡 法兰克福 慕尼黑 杜伊斯堡 科隆 杜塞尔多夫 斯图加特 汉诺威 莱比锡 纽伦堡",
    "FR": "马赛 里昂 图卢兹 尼斯", "IT": "米兰 威尼斯 佛罗伦萨 都灵 那不勒斯",
    "ES": "巴塞罗那 瓦伦西亚", "GB": "曼彻斯特 伯明翰 爱丁堡 利物浦", "NL": "鹿特丹",
    "BE": "安特卫普", "CH": "日内瓦 达沃斯", "GR": "比雷埃夫斯 塞萨洛尼基", "TR": "伊兹密尔",
    "JP": "大阪 名古屋 横滨 京都 神户 福冈 札幌", "KR": "釜山 仁川 大邱",
    "US": "旧金山 西雅图 波士顿 休斯敦 费城 亚特兰大 迈阿密 拉斯维加斯 圣迭戈 达拉斯",
    "CA": "蒙特利尔", "IN": "孟买 班加罗尔 金奈", "PK": "拉合尔 瓜达尔", "LK": "科伦坡 汉班托塔",
    "BD": "吉大港", "MM": "曼德勒 皎漂", "TH": "清迈 普吉", "VN": "海防 岘港",
    "MY": "槟城 关丹", "ID": "泗水 万隆", "PH": "宿务", "KH": "西哈努克港", "LA": "琅勃拉邦",
    "KZ": "奇姆肯特", "KG": "奥什", "AE": "沙迦", "SA": "吉达", "EG": "苏伊士", "KE": "蒙巴萨",
    "ZA": "开普敦 德班", "BR": "里约热内卢", "IL": "特拉维夫 海法", "AU": "黄金海岸",
}
# Exemplar cities left out: towns a time zone is named after that no report names, some of
# them homonyms of better-known places (圣路易斯 is San Luis, not St. Louis; 科尔多瓦 and
# 梅里达 are also Spain's) or of a region or a person (乌拉尔, 基洛夫).
OBSCURE = set("""圣路易斯 圣胡安 科尔多瓦 梅里达 乌拉尔 基洛夫 道森 诺姆 威克 图勒 埃达克 亚库塔特
锡特卡 梅特拉卡特拉 梅诺米尼 克雷斯顿 斯威夫特卡伦特 道森克里克 纳尔逊堡 伊努维克 雷索卢特
兰今湾 剑桥湾 阿蒂科肯 格莱斯贝 布兰克萨布隆 古斯湾 依伦尼贝 奥希纳加 巴伊亚班德拉斯
斯科列斯比桑德 丹马沙文 汉德加 乌斯内拉 中科雷姆斯克 布辛根 玛丽港 库赛埃 法考福 甘比尔 马克萨斯
瓦利斯 查塔姆 麦夸里岛 豪勋爵岛 林德曼 尤克拉 布罗肯希尔 克拉伦代克 下太子区 大特克 马里戈特
密克隆 托尔托拉 圣托马斯 里奥加耶戈斯 拉里奥哈 图库曼 卡塔马卡 胡胡伊 萨尔塔 阿拉瓜伊纳 圣塔伦
洛罗尼亚 里奥布郎库 波多韦柳 博阿维斯塔 大坎普 贝伦 马塞约 库亚巴 巴伊亚 科伊艾克 蓬塔阿雷纳斯
坤甸 望加锡 查亚普拉 古晋 科布多 阿克套 阿特劳 阿克托别 库斯塔奈 克孜洛尔达 乌里扬诺夫斯克
萨拉托夫 阿斯特拉罕 新库兹涅茨克 巴尔瑙尔 托木斯克 赤塔 萨哈林 堪察加 阿纳德尔 马加丹 雅库茨克
埃法特 瓜达尔卡纳尔 布干维尔 皮特凯恩 塔希提 诺福克 帕果帕果 拉罗汤加 夸贾林 特鲁克群岛
波纳佩岛 坎顿岛 基里地马地岛 东加塔布 加那利 亚速尔群岛 马德拉 南乔治亚 查戈斯 可可斯 凯尔盖朗
马埃岛 斯坦利 朗伊尔城 法马古斯塔 辛菲罗波尔 华雷斯城 马萨特兰 奇瓦瓦 埃莫西约 马塔莫罗斯 蒂华纳
开曼 圣基茨 安提瓜 圣文森特 怀特霍斯 里贾纳 伊魁特 蒙克顿 努克 卡宴 瓜亚基尔 门多萨 乌斯怀亚
复活节岛 科隆群岛 中途岛 塞班 努美阿 富纳富提 阿皮亚 法罗 圣巴泰勒米岛""".split())

# Names that are also common words or other places in Chinese text, more often than the
# country or city in a report: 海地 (沿海地区), 加纳 (增加纳入), 海防 (人防海防), 万象 (万象更新),
# 里加 (这里加强), 河内 (黄河内蒙古段), 京都 (北京都市圈), 亚丁 (稻城亚丁), 黄金海岸 and 凤凰城
# (Chinese resorts and towns), 达尔文 (the naturalist).
AMBIGUOUS = set("海地 加纳 海防 万象 里加 河内 京都 亚丁 黄金海岸 凤凰城 达尔文".split())

# Cities whose country is disputed: no parent.
NO_PARENT = {"耶路撒冷"}
CITY_ALIASES = {"海参崴": "符拉迪沃斯托克", "胡志明市": "西贡", "旧金山": "三藩市"}

# Blocs and regions (Place) and international organizations (Organization): general knowledge.
# CLDR's EU, EZ and UN names are used for 欧盟, 欧元区 and 联合国.
GROUPS = [
    ("东盟", "Place", "bloc", "东南亚国家联盟"),
    ("欧盟", "Place", "bloc", "欧洲联盟"),
    ("欧元区", "Place", "bloc", ""),
    ("中东欧", "Place", "bloc", "中东欧国家|中东欧地区"),
    ("独联体", "Place", "bloc", "独立国家联合体"),
    ("金砖国家", "Place", "bloc", ""),
    ("太平洋岛国", "Place", "bloc", ""),
    ("阿拉伯国家", "Place", "bloc", ""),
    ("拉美和加勒比", "Place", "bloc", "拉美和加勒比地区|拉丁美洲和加勒比"),
    ("欧亚经济联盟", "Place", "bloc", ""),
    ("日韩", "Place", "bloc", ""),
    ("中日韩", "Place", "bloc", ""),
    ("欧美", "Place", "bloc", ""),
    ("亚非拉", "Place", "bloc", ""),
    ("中东", "Place", "world-region", "中东地区"),
    ("东北亚", "Place", "world-region", "东北亚地区"),
    ("亚太", "Place", "world-region", "亚太地区|亚洲太平洋地区"),
    ("欧亚", "Place", "world-region", "欧亚地区|欧亚大陆"),
    ("海湾地区", "Place", "world-region", ""),
    ("联合国", "Organization", "international", ""),
    ("世界贸易组织", "Organization", "international", "世贸组织|WTO"),
    ("上海合作组织", "Organization", "international", "上合组织"),
    ("亚太经合组织", "Organization", "international", "亚太经济合作组织|APEC"),
    ("二十国集团", "Organization", "international", "G20"),
    ("世界银行", "Organization", "international", "世行"),
    ("国际货币基金组织", "Organization", "international", "IMF"),
    ("亚洲基础设施投资银行", "Organization", "international", "亚投行"),
    ("新开发银行", "Organization", "international", "金砖国家新开发银行"),
    ("世界卫生组织", "Organization", "international", "世卫组织|WHO"),
    ("联合国教科文组织", "Organization", "international", ""),
    ("国际奥林匹克委员会", "Organization", "international", "国际奥委会"),
    ("世界经济论坛", "Organization", "international", "达沃斯论坛"),
    ("亚洲开发银行", "Organization", "international", "亚开行"),
    ("非洲联盟", "Organization", "international", "非盟"),
    ("阿拉伯国家联盟", "Organization", "international", ""),
    ("海湾阿拉伯国家合作委员会", "Organization", "international", "海合会"),
    ("七国集团", "Organization", "international", "G7"),
    ("经济合作与发展组织", "Organization", "international", "经合组织|OECD"),
    ("北大西洋公约组织", "Organization", "international", ""),
    ("石油输出国组织", "Organization", "international", "欧佩克|OPEC"),
    ("联合国粮食及农业组织", "Organization", "international", "联合国粮农组织|粮农组织"),
    ("世界知识产权组织", "Organization", "international", ""),
]

# As src/resolve/gazetteer.rs: a division's name without these is its short name.
LEVEL_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "街道", "省", "市", "区", "县", "镇", "乡")

# Time zones whose id tzdata moved (zone.tab has the new one).
OLD_ZONES = {
    "Pacific/Truk": "FM", "Pacific/Ponape": "FM", "Pacific/Enderbury": "KI", "Europe/Kiev": "UA",
    "Asia/Calcutta": "IN", "Asia/Rangoon": "MM", "Asia/Katmandu": "NP", "Asia/Saigon": "VN",
    "America/Mendoza": "AR", "America/Catamarca": "AR", "America/Jujuy": "AR",
    "America/Cordoba": "AR", "America/Buenos_Aires": "AR", "America/Coral_Harbour": "CA",
    "America/Godthab": "GL", "America/Indianapolis": "US", "America/Louisville": "US",
    "Africa/Asmera": "ER", "Atlantic/Faeroe": "FO",
}


def load_json(root, pattern):
    path = glob.glob(os.path.join(root, "cldr-*", "package", "main", "zh", pattern))
    if len(path) != 1:
        sys.exit(f"world.py: no single {pattern} under {root}/cldr-*/package/main/zh/")
    with open(path[0], encoding="utf-8") as f:
        return json.load(f)


def versions(root):
    out = []
    for p in sorted(glob.glob(os.path.join(root, "cldr-*", "package", "package.json"))):
        with open(p, encoding="utf-8") as f:
            meta = json.load(f)
        out.append(f"{meta['name']} {meta['version']} ({meta['license']})")
    return ", ".join(out)


def exemplar_cities(root):
    zones = load_json(root, "timeZoneNames.json")["main"]["zh"]["dates"]["timeZoneNames"]["zone"]
    country_of = dict(OLD_ZONES)
    with open("/usr/share/zoneinfo/zone.tab", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                code, _, zone = line.split("\t")[:3]
                country_of[zone.strip()] = code

    def walk(node, path):
        for key, value in node.items():
            if isinstance(value, dict) and "exemplarCity" in value:
                yield "/".join(path + [key]), value["exemplarCity"]
            elif isinstance(value, dict):
                yield from walk(value, path + [key])

    for zone, city in walk(zones, []):
        code = country_of.get(zone)
        # Antarctic stations, US county seats written with their state (印第安纳州诺克斯).
        if code and code not in ("AQ", "CN") and "州" not in city and city not in OBSCURE:
            yield code, city


def half_width(name):
    """As the text stage normalizes reports: half-width brackets (刚果(金))."""
    return name.replace("（", "(").replace("）", ")")


def division_names():
    names = set()
    with open(DIVISIONS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            code, name = line.rstrip("\n").split("\t")
            names.add(name)
            # Short names of counties and above only: a township's (米兰镇) is read inside
            # its own county's reports, where no foreign city is meant.
            suffixes = () if len(code) > 6 else LEVEL_SUFFIXES
            for suffix in suffixes:
                if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                    names.add(name[: -len(suffix)])
                    break
    return names


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    names = load_json(root, "territories.json")["main"]["zh"]["localeDisplayNames"]["territories"]
    chinese = division_names()
    rows, seen = [], {}

    def add(name, cls, kind, aliases, parent, source):
        if name in AMBIGUOUS:
            print(f"world.py: left out {name} ({kind}): a common word too", file=sys.stderr)
            return False
        forms = []
        for form in [half_width(name)] + [half_width(a) for a in aliases.split("|")]:
            if form and form not in forms:
                forms.append(form)
        name = forms[0]
        clash = [f for f in forms if f in seen or (cls == "Place" and kind == "city" and f in chinese)]
        if clash:
            print(f"world.py: skipped {name} ({kind}): {clash[0]} is taken", file=sys.stderr)
            return False
        for f in forms:
            seen[f] = name
        rows.append((name, cls, kind, "|".join(forms[1:]), parent, source))
        return True

    country = {}
    for code, name in names.items():
        if "-alt-" in code or code in SKIP:
            continue
        variants = [v for k, v in names.items() if k.startswith(code + "-alt-")]
        canonical = half_width(RENAME.get(code, name))
        aliases = [n for n in [name] + variants if n != canonical]
        aliases += [a for a in ALIASES.get(code, "").split("|") if a]
        if code in WORLD_REGION:
            kind, parent = "world-region", ""
        elif code in SOVEREIGN:
            kind, parent = "territory", SOVEREIGN[code]
        else:
            kind, parent = "country", ""
        if add(canonical, "Place", kind, "|".join(aliases), parent, "cldr"):
            country[code] = canonical
    rows = [(n, c, k, a, country.get(p, p), s) for n, c, k, a, p, s in rows]
    # Hong Kong, Macao and Taiwan are China's; their cities sit under them.
    for code, name, aliases in (("HK", "香港特别行政区", "香港|中国香港"),
                                ("MO", "澳门特别行政区", "澳门|中国澳门"),
                                ("TW", "台湾", "台湾地区|中国台湾")):
        add(name, "Place", "region", aliases, "中国", "cldr")
        country[code] = name
    add("中国", "Place", "country", "", "", "cldr")
    for name, cls, kind, aliases in GROUPS:
        add(name, cls, kind, aliases, "", "general")

    listed = {}
    for code, city in exemplar_cities(root):
        kind = "capital" if CAPITALS.get(code) == city else "city"
        listed[city] = True
        parent = "" if city in NO_PARENT else country.get(code, "")
        add(city, "Place", kind, CITY_ALIASES.get(city, ""), parent, "cldr")
    for code, capital in sorted(CAPITALS.items()):
        if capital not in listed:
            add(capital, "Place", "capital", "", country.get(code, ""), "general")
    for code, cities in sorted(CITIES.items()):
        for city in cities.split():
            add(city, "Place", "city", CITY_ALIASES.get(city, ""), country[code], "general")

    print("# name\tclass\tkind\taliases\tparent\tsource — the world in Chinese.")
    print(f"# From {versions(root)}: territory names and time-zone exemplar cities (zh);")
    print("# a city's parent from tzdata's zone.tab (public domain). Rows marked general: general")
    print("# knowledge (capitals, major cities, blocs, international bodies, short forms).")
    print("# Made by scripts/gazetteer/world.py; edit the script, not this file.")
    for row in rows:
        print("\t".join(row))


if __name__ == "__main__":
    main()
