"""Name and text material for organisations: 字号, industries, shops, institutions.

An industry carries the sector that later decides which penalties and licences fit it, so a
restaurant gets food-safety records and a builder construction ones.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ASSOCIATION_WORDS",
    "BUILDINGS",
    "EMAIL_DOMAINS",
    "EMAIL_WORDS",
    "INDUSTRIES",
    "MOBILE_PREFIXES",
    "PROFESSIONAL_FIRMS",
    "SHOPS",
    "ZIHAO_FIRST",
    "ZIHAO_SECOND",
    "ZIHAO_WORDS",
    "Industry",
]


@dataclass(frozen=True)
class Industry:
    """A line of business: name templates ({p} city prefix, {z} 字号), scope and sector."""

    key: str
    sector: str
    weight: int
    templates: tuple[str, ...]
    scope: str
    capital: tuple[int, int]


_APPROVAL = "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"

INDUSTRIES: tuple[Industry, ...] = (
    Industry(
        "trade",
        "trade",
        16,
        (
            "{p}{z}商贸有限公司",
            "{p}{z}贸易有限公司",
            "{p}{z}商贸有限责任公司",
            "{z}（新疆）国际贸易有限公司",
        ),
        "日用百货、五金交电、建筑材料、农副产品的销售；货物与技术的进出口业务",
        (10, 2000),
    ),
    Industry(
        "construction",
        "construction",
        10,
        (
            "新疆{z}建筑工程有限公司",
            "{p}{z}建设工程有限公司",
            "新疆{z}建设集团有限公司",
            "{p}{z}建筑安装工程有限公司",
        ),
        "房屋建筑工程、市政公用工程、建筑装修装饰工程施工；建筑劳务分包",
        (200, 20000),
    ),
    Industry(
        "labour",
        "construction",
        4,
        ("{p}{z}建筑劳务有限公司", "{p}{z}劳务派遣有限公司"),
        "建筑劳务分包；劳务派遣服务；人力资源服务",
        (50, 1000),
    ),
    Industry(
        "decoration",
        "construction",
        4,
        ("{p}{z}装饰工程有限公司", "{p}{z}装饰设计工程有限公司"),
        "建筑装修装饰工程设计与施工；室内装饰材料销售",
        (50, 2000),
    ),
    Industry(
        "catering",
        "food",
        8,
        ("{p}{z}餐饮管理有限公司", "{p}{z}餐饮服务有限公司", "{p}{z}清真餐饮有限公司"),
        "餐饮服务；餐饮管理；食品销售",
        (10, 500),
    ),
    Industry(
        "food",
        "food",
        5,
        ("{p}{z}食品有限公司", "{p}{z}食品科技有限公司", "新疆{z}农产品有限公司"),
        "食品生产；食品销售；农副产品收购与加工",
        (50, 3000),
    ),
    Industry(
        "logistics",
        "transport",
        5,
        ("{p}{z}物流有限公司", "{p}{z}供应链管理有限公司", "{p}{z}运输有限公司"),
        "道路普通货物运输；仓储服务；供应链管理服务",
        (50, 3000),
    ),
    Industry(
        "tech",
        "tech",
        8,
        (
            "{p}{z}信息科技有限公司",
            "{p}{z}网络科技有限公司",
            "{z}（新疆）科技有限公司",
            "{p}{z}软件开发有限公司",
        ),
        "软件开发；信息系统集成服务；计算机软硬件及辅助设备销售",
        (10, 1000),
    ),
    Industry(
        "realestate",
        "construction",
        3,
        ("新疆{z}房地产开发有限公司", "{p}{z}置业有限公司"),
        "房地产开发经营；物业管理；房屋租赁",
        (1000, 30000),
    ),
    Industry(
        "property",
        "service",
        3,
        ("{p}{z}物业服务有限公司", "{p}{z}物业管理有限公司"),
        "物业管理；家政服务；停车场服务",
        (50, 500),
    ),
    Industry(
        "environment",
        "environment",
        3,
        ("{p}{z}环保科技有限公司", "新疆{z}环境工程有限公司"),
        "环保技术推广服务；污水处理及其再生利用；固体废物治理",
        (100, 5000),
    ),
    Industry(
        "pharma",
        "medical",
        2,
        ("新疆{z}医药有限公司", "{p}{z}大药房连锁有限公司"),
        "药品批发；药品零售；医疗器械销售",
        (100, 5000),
    ),
    Industry(
        "auto",
        "trade",
        3,
        ("{p}{z}汽车销售服务有限公司", "{p}{z}汽车维修服务有限公司"),
        "汽车销售；机动车维修；汽车零配件销售",
        (100, 3000),
    ),
    Industry(
        "agriculture",
        "food",
        3,
        ("新疆{z}农业发展有限公司", "{p}{z}农牧科技有限公司"),
        "农作物种植；牲畜饲养；农产品初加工",
        (50, 5000),
    ),
    Industry(
        "media",
        "service",
        4,
        ("{p}{z}文化传媒有限公司", "{p}{z}广告有限公司"),
        "广告设计、制作、代理、发布；组织文化艺术交流活动",
        (10, 500),
    ),
    Industry(
        "energy",
        "energy",
        2,
        ("新疆{z}能源有限公司", "{p}{z}石油技术服务有限公司", "新疆{z}新能源科技有限公司"),
        "石油天然气技术服务；太阳能发电；燃气经营",
        (500, 50000),
    ),
    Industry(
        "machinery",
        "energy",
        3,
        ("{p}{z}机械设备有限公司", "{p}{z}机电设备有限公司"),
        "机械设备租赁与销售；机电设备安装与维修",
        (50, 2000),
    ),
    Industry(
        "materials",
        "environment",
        3,
        ("{p}{z}建材有限公司", "新疆{z}混凝土有限公司"),
        "建筑材料生产与销售；商品混凝土生产",
        (100, 5000),
    ),
    Industry(
        "consulting",
        "service",
        4,
        ("{p}{z}商务咨询有限公司", "{p}{z}企业管理咨询有限公司", "{p}{z}财务咨询有限公司"),
        "企业管理咨询；代理记账；商务信息咨询",
        (10, 300),
    ),
    Industry(
        "hotel",
        "food",
        2,
        ("{p}{z}酒店管理有限公司", "{p}{z}宾馆有限公司"),
        "住宿服务；餐饮服务；会议及展览服务",
        (50, 3000),
    ),
    Industry(
        "education",
        "service",
        2,
        ("{p}{z}教育科技有限公司", "{p}{z}教育咨询有限公司"),
        "教育咨询服务；文化艺术培训；软件开发",
        (10, 500),
    ),
    Industry(
        "safety",
        "fire",
        1,
        ("{p}{z}安全技术服务有限公司", "{p}{z}消防工程有限公司"),
        "消防设施工程施工；消防技术服务；安全评价服务",
        (50, 1000),
    ),
)

# Firms where professionals register; key -> (templates, 执业类别, scope, capital range).
PROFESSIONAL_FIRMS: dict[str, tuple[tuple[str, ...], str, str, tuple[int, int]]] = {
    "lawfirm": (
        ("新疆{z}律师事务所", "新疆{z}联合律师事务所"),
        "律师",
        "法律咨询；诉讼代理；非诉讼法律事务",
        (10, 300),
    ),
    "cpa": (
        ("新疆{z}会计师事务所（有限责任公司）", "新疆{z}会计师事务所（特殊普通合伙）"),
        "注册会计师",
        "审查企业会计报表；验证企业资本；代理记账",
        (30, 500),
    ),
    "taxagent": (
        ("新疆{z}税务师事务所有限公司", "{p}{z}税务师事务所有限责任公司"),
        "注册税务师",
        "涉税鉴证；纳税申报代理；税务咨询",
        (10, 300),
    ),
    "appraisal": (
        ("新疆{z}资产评估有限公司", "新疆{z}资产评估事务所（有限责任公司）"),
        "资产评估师",
        "资产评估；房地产估价；土地评估",
        (30, 500),
    ),
    "hospital": (
        ("乌鲁木齐{z}医院有限公司", "乌鲁木齐{z}口腔医院有限公司", "乌鲁木齐{z}中医医院有限公司"),
        "执业医师",
        "内科、外科、妇科、口腔科、中医科诊疗服务",
        (100, 5000),
    ),
    "travel": (
        ("乌鲁木齐{z}国际旅行社有限公司", "新疆{z}旅行社有限责任公司", "乌鲁木齐{z}旅行社有限公司"),
        "导游",
        "国内旅游业务；入境旅游业务；票务代理",
        (30, 500),
    ),
}

# Individual businesses: (shop word, sector).
SHOPS: tuple[tuple[str, str], ...] = (
    ("便利店", "trade"),
    ("拉面馆", "food"),
    ("烧烤店", "food"),
    ("日用品店", "trade"),
    ("五金店", "trade"),
    ("干果店", "food"),
    ("手机维修部", "service"),
    ("服装店", "trade"),
    ("理发店", "service"),
    ("馕坑", "food"),
    ("汽车修理部", "service"),
    ("水果店", "food"),
    ("百货商店", "trade"),
    ("茶叶店", "trade"),
    ("图文打印部", "service"),
    ("抓饭馆", "food"),
    ("烤肉店", "food"),
    ("大药房", "medical"),
    ("建材经销部", "trade"),
    ("家电维修部", "service"),
)

ASSOCIATION_WORDS = (
    "餐饮行业协会",
    "建筑业协会",
    "物流协会",
    "个体劳动者协会",
    "书法家协会",
    "摄影家协会",
    "围棋协会",
    "电子商务协会",
    "汽车流通协会",
    "软件行业协会",
    "老年人体育协会",
    "青年企业家协会",
    "民营企业商会",
    "烹饪协会",
    "会计学会",
    "律师协会联络会",
)

# Curated 字号 and character pools for the rest.
ZIHAO_WORDS = (
    "天山",
    "昆仑",
    "丝路",
    "西域",
    "雪莲",
    "胡杨",
    "红山",
    "亚欧",
    "天池",
    "金泰",
    "恒通",
    "鑫源",
    "华凯",
    "瑞达",
    "博格达",
    "准噶尔",
    "绿洲",
    "驼铃",
    "北庭",
    "楼兰",
    "雅丹",
    "银川",
    "金桥",
)
ZIHAO_FIRST = (
    "天昆丝西雪胡红亚金恒鑫华瑞博绿驼北新盛丰宏远安康嘉汇德隆兴众和顺晟宇辰润祥佳信诚明阳光锦万启"
)
ZIHAO_SECOND = (
    "山仑路域莲杨泰通源凯达格洲铃庭疆盛丰宏远安康禾汇德隆兴旺利众和顺晟宇辰润祥佳信诚程象航翔腾"
)

BUILDINGS = ("", "", "", "大厦", "广场", "商务中心", "科技园", "综合楼", "商住楼", "写字楼")
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "158",
    "159",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "199",
)
EMAIL_DOMAINS = ("163.com", "126.com", "sina.com", "sohu.com", "foxmail.com", "aliyun.com")
EMAIL_WORDS = (
    "xj",
    "wlmq",
    "tianshan",
    "kunlun",
    "silu",
    "xiyu",
    "xuelian",
    "jintai",
    "hengtong",
    "xinyuan",
    "huakai",
    "ruida",
    "bogeda",
    "yaou",
    "hongshan",
    "lvzhou",
    "office",
    "admin",
)
