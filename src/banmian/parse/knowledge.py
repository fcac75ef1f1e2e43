"""Layout knowledge as data: the words, marks and shapes Chinese newspaper pages use for their fields.

Nothing here is code that decides anything; ``fields.py``, ``segment.py`` and ``repair.py`` compile these
tables once at import. Extending the parser to a new paper's habits should mostly mean adding rows here.
"""

from __future__ import annotations

# Characters that end a sentence; a paragraph ending in one of these is complete.
SENTENCE_END = "。！？!?…；;"
# Closing quotes/brackets that end a sentence only when the character before them does.
CLOSERS = "”’」』）)》"

# Surnames, single and compound: a bare name line (何首君, 李  御) must start with one of these.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
    "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由忻郗"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
                     "宇文", "司徒", "夏侯", "端木", "澹台", "西门", "南宫", "第五", "呼延", "万俟")

# Roles a byline or credit names. Order matters where one is a prefix of another (摄影报道 before 摄影, 摄).
BYLINE_ROLES = ("特约记者", "首席记者", "实习记者", "特派记者", "见习记者", "记者", "特约通讯员", "通讯员", "实习生")
# A credit line ends with one of these (the role), after who made the picture.
CREDIT_SUFFIXES = ("供图", "摄影", "制图", "绘图", "漫画", "图文", "配图", "摄", "绘", "图")
# Credits that name only an agency or picture service.
CREDIT_AGENCIES = ("人民视觉", "视觉中国", "新华社发", "新华社", "中新社发", "CFP", "IC photo", "东方IC",
                   "图虫创意", "资料图片", "受访者供图", "网络图片", "图片来源网络", "人民图片", "本报资料图片")
# Labelled credits: 本版制图：郭祥, 刊头书法：梁永琳, 版式设计：蔡华伟.
CREDIT_LABELS = ("本版制图", "制图", "版式设计", "刊头书法", "刊头题字", "设计", "美编", "图片", "摄影", "插图",
                 "本版图片", "本版摄影", "书法", "题图", "漫画", "责任编辑", "本版责编", "责编", "编辑", "校对",
                 "值班编辑", "审校", "版式")
# Section heads inside an article (they stay paragraphs): ``一、…``, ``（一）…``, ``第一，…``, ``核心阅读``.
SECTION_HEAD_WORDS = ("核心阅读", "编者按", "延伸阅读", "相关链接", "链接", "背景", "短评", "记者手记", "专家点评",
                      "新闻链接", "数读", "观察", "点评", "评论", "小贴士", "资料", "导读", "求助", "回音")
CHINESE_NUMERALS = "一二三四五六七八九十"

# Jump lines: （下转第三版）, （上接第一版）, （相关报道见第六版）, （紧转第2版）.
JUMP_WORDS = ("下转", "上接", "紧转", "转第", "接第", "转见", "续见", "相关报道见", "详见", "见第")

# Titles that always head an article of their own (a picture story, a news-in-brief box).
ARTICLE_TITLES = frozenset(("图片报道", "图片新闻", "新闻速览", "简讯", "本版导读", "图说新闻", "新闻图片"))

# Short words that start with a surname but name a place or a body, never a person (安徽, 公安部, 周口市).
NOT_NAMES = frozenset((
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建", "江西", "山东",
    "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "广西", "西藏",
    "宁夏", "新疆", "香港", "澳门", "黑龙江", "内蒙古", "全国", "中央", "国际", "国内", "本报", "记者", "编者",
))
# …nor does a word ending in an administrative or organisational suffix.
NOT_NAME_ENDINGS = "省市县区镇乡村州部委局厅处办会院所社团队站馆网报台"

# Posts that follow a speaker's name when a text introduces who speaks.
JOB_TITLES = ("会长", "主任", "主席", "教授", "院长", "所长", "书记", "局长", "部长", "专家", "研究员", "委员", "负责人",
              "总经理", "董事长", "校长", "医生", "作家", "学者", "馆长", "社长", "秘书长", "理事长", "主编", "代表")

# A kicker that introduces its headline as what someone said ends on one of these: 孟建柱在湖南调研时强调
KICKER_VERBS = ("强调", "指出", "表示", "要求", "提出", "认为", "希望", "呼吁", "宣布", "透露", "获悉")
# A subheadline often goes on from its headline with the verb, the subject left out (李克强…举行…会晤 /
# 强调构建四大合作平台…); a kicker sets the scene and does not open with these.
SUBHEAD_OPENERS = ("强调", "指出", "会见", "出席", "主持", "要求", "助力", "直击", "推动", "听取", "审议", "部署",
                   "呼吁", "表示", "宣布", "签署", "共商", "聚焦", "探访", "走进")
