"""Name material for persons: Han surnames and given-name characters, Uyghur names.

Pools are deliberately limited so that 同名同姓 happens naturally, as it does in real data.
"""

from __future__ import annotations

__all__ = [
    "HAN_GIVEN_FEMALE",
    "HAN_GIVEN_MALE",
    "HAN_SURNAMES",
    "HAN_SURNAME_WEIGHTS",
    "INTERPUNCT",
    "INTERPUNCT_VARIANTS",
    "UYGHUR_FEMALE",
    "UYGHUR_MALE",
]

# The ten commonest surnames first (heavier), then other frequent ones.
HAN_SURNAMES = tuple("王李张刘陈杨赵黄周吴马孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭")
HAN_SURNAME_WEIGHTS = tuple([7.0] * 10 + [1.5] * (len(HAN_SURNAMES) - 10))

# Two-character given names: (first characters, second characters) per gender.
HAN_GIVEN_MALE = (
    "建志国明永海伟俊晓文德立新成学光庆宏振家兴子浩宇天鹏嘉博",
    "军华平强刚林斌辉杰涛勇峰磊超波东亮龙飞轩昊然文斌",
)
HAN_GIVEN_FEMALE = (
    "秀丽美玉春晓雅静慧佳婷欣雪梦思海红凤桂淑",
    "英芳娟敏霞燕玲萍丽娜婷洁琳颖莉娇琴兰梅",
)

# Uyghur given names (transliterated); the second part of a full name is the father's name.
UYGHUR_MALE = (
    "买买提",
    "艾力",
    "阿不都热合曼",
    "吐尔逊",
    "艾买提",
    "努尔麦麦提",
    "阿布都拉",
    "热合曼",
    "伊力哈木",
    "亚森",
    "库尔班",
    "吾守尔",
    "依明",
    "阿迪力",
    "麦麦提敏",
    "艾尔肯",
    "帕尔哈提",
    "阿里木",
    "肉孜",
    "玉素甫",
    "塔依尔",
    "卡德尔",
    "牙合甫",
    "司马义",
    "托合提",
    "艾合买提",
    "阿不力克木",
    "吐尔洪",
    "热依木",
    "艾则孜",
    "阿布来提",
    "买合木提",
    "依沙克",
    "米吉提",
)
UYGHUR_FEMALE = (
    "古丽娜尔",
    "阿依古丽",
    "帕提古丽",
    "热依拉",
    "米热古丽",
    "祖丽胡玛尔",
    "迪丽努尔",
    "阿依努尔",
    "古再丽努尔",
    "再努尔",
    "努尔古丽",
    "玛依拉",
    "阿娜尔古丽",
    "布合力其",
    "帕夏",
    "热孜万古丽",
    "萨拉麦提",
    "阿孜古丽",
    "古丽米拉",
    "迪丽拜尔",
)

INTERPUNCT = "\u00b7"
# How other systems write the same dot: bullet, ASCII full stop, katakana middle dot, nothing.
INTERPUNCT_VARIANTS = ("\u2022", ".", "\u30fb", "")
