"""Plausible Chinese names for generated demo data: enterprises, people, addresses. Deterministic per seed."""

import random

from redchain.services.registry.service import REFERENCE_CHAINS

PLACES = ("长沙", "湖南", "麓谷", "湘江", "岳麓", "星沙", "芙蓉", "潇湘", "三湘", "洞庭", "楚天", "湘楚")
# 字号: two of these, e.g. 博翔, 华瑞, 智航. Enough pairs that names rarely repeat in a park of 38,000.
BRAND_CHARACTERS = (
    "博翔华瑞中科智航天顺恒信宏达新宇金泰嘉禾远大思盛世汇通睿鼎卓越联创康九洲"
    "凯美安正元德润万象启明腾鑫源和兴立拓维景程海川晨光诺锦力合云帆同振东方辰南丰永图佳伟业"
)
# What enterprises of each reference chain call themselves.
TRADES: dict[str, tuple[str, ...]] = dict(
    zip(
        REFERENCE_CHAINS,
        (
            ("新材料科技", "复合材料", "粉末冶金", "石墨烯科技", "先进陶瓷", "高分子材料"),
            ("生物医药", "医疗器械", "健康科技", "生物科技", "中医药", "康复器械"),
            ("智能装备", "机械制造", "精密机械", "工程机械", "自动化设备", "轨道交通装备"),
            ("网络科技", "信息技术", "软件", "数字科技", "互联网科技", "云计算"),
            ("电子科技", "微电子", "半导体", "光电科技", "集成电路", "电子元器件"),
            ("新能源科技", "环保科技", "储能科技", "节能技术", "光伏科技", "水处理"),
        ),
        strict=True,
    )
)
FORMS = ("有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司")
AREAS = ("麓谷片区", "岳麓片区", "雷锋片区", "东方红片区", "谷山片区", "含浦片区", "莲花片区", "金洲片区")
ROADS = ("麓谷大道", "麓松路", "桐梓坡西路", "岳麓西大道", "文轩路", "东方红中路", "青山路", "旺龙路", "林语路")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉红玲鹏斌宇浩凯琳晨欣雪亮新峰波婷颖"


def enterprise_name(rng: random.Random, chain: str) -> str:
    brand = "".join(rng.sample(BRAND_CHARACTERS, 2))
    return f"{rng.choice(PLACES)}{brand}{rng.choice(TRADES[chain])}{rng.choice(FORMS)}"


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def address(rng: random.Random) -> str:
    return f"长沙高新区{rng.choice(ROADS)}{rng.randint(1, 999)}号"


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}"
