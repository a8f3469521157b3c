/**
 * Selling points and search keywords of the demo products in Chinese and German, keyed by the
 * product's English name. The copy composer writes Chinese and German variants from them, so
 * it never has to translate. German selling points of the EU/US products come from
 * catalogue-data.ts (`featuresDe`, also used for amazon-de listings); the South-East Asian
 * products have theirs here.
 */

/** One product's texts in other languages. */
export interface ProductI18n {
  featuresZh: readonly string[];
  keywordsZh: readonly string[];
  keywordsDe: readonly string[];
  /** Only for products without `featuresDe` in catalogue-data.ts. */
  featuresDe?: readonly string[];
}

/** Chinese and German texts per product name. */
export const PRODUCT_I18N: Readonly<Record<string, ProductI18n>> = {
  'Insulated water bottle': {
    featuresZh: ['冷饮保冷 24 小时，热饮保温 12 小时', '双层 18/8 不锈钢，不含 BPA，无塑料内胆', '竹制瓶盖配食品级硅胶密封圈，不漏水'],
    keywordsZh: ['保温水瓶', '不锈钢水杯', '真空保温杯', '竹盖水瓶'],
    keywordsDe: ['trinkflasche edelstahl', 'isolierflasche', 'thermosflasche', 'bambusdeckel'],
  },
  'Bamboo toothbrush': {
    featuresZh: ['刷柄采用速生毛竹，拔除刷毛后可家庭堆肥', '柔软不含 BPA 的刷毛，呵护牙龈', '刷柄带编号，全家人不会拿错'],
    keywordsZh: ['竹牙刷', '环保牙刷', '软毛牙刷', '可降解牙刷'],
    keywordsDe: ['bambus zahnbürste', 'holzzahnbürste', 'zahnbürste weich', 'plastikfrei'],
  },
  'Beeswax food wraps': {
    featuresZh: ['日常使用约一年，替代保鲜膜', '有机棉布涂有蜂蜡、荷荷巴油和树脂', '用手心温度即可贴合碗口和食物'],
    keywordsZh: ['蜂蜡保鲜布', '可重复使用保鲜膜', '环保厨房', '食物包布'],
    keywordsDe: ['bienenwachstuch', 'frischhaltefolie alternative', 'wachstuch', 'zero waste küche'],
  },
  'Glass meal-prep containers': {
    featuresZh: ['高硼硅玻璃，可从冰箱直接进烤箱（不含盖）', '竹制盖子配可拆卸硅胶密封圈', '不染色、不留咖喱和酱汁的气味'],
    keywordsZh: ['玻璃饭盒', '玻璃保鲜盒', '竹盖收纳盒', '备餐盒'],
    keywordsDe: ['glas frischhaltedosen', 'meal prep dosen', 'glasbehälter', 'bambusdeckel'],
  },
  'Stainless steel straws': {
    featuresZh: ['食品级 18/8 不锈钢，没有金属味', '附赠椰子纤维清洁刷', '棉质收纳袋，方便放进包里和饭盒'],
    keywordsZh: ['不锈钢吸管', '可重复使用吸管', '金属吸管', '环保吸管'],
    keywordsDe: ['edelstahl strohhalme', 'wiederverwendbare strohhalme', 'metallstrohhalm', 'trinkhalm'],
  },
  'Silicone food storage bags': {
    featuresZh: ['铂金硫化食品级硅胶，不含 BPA', '按压式密封条，防漏', '可冷冻、可微波、可低温慢煮'],
    keywordsZh: ['硅胶保鲜袋', '可重复使用密封袋', '冷冻袋', '食物收纳袋'],
    keywordsDe: ['silikonbeutel', 'gefrierbeutel wiederverwendbar', 'sous vide beutel', 'zipbeutel'],
  },
  'Bamboo cutting board': {
    featuresZh: ['毛竹材质，比枫木更硬，又不伤刀刃', '一面带深导流槽，另一面可作餐盘', '表面涂有食品级矿物油'],
    keywordsZh: ['竹砧板', '切菜板', '案板', '带导流槽砧板'],
    keywordsDe: ['schneidebrett bambus', 'holzbrett küche', 'servierbrett', 'saftrille'],
  },
  'Linen tea towels': {
    featuresZh: ['100% 水洗欧洲亚麻', '擦玻璃杯和餐具不掉毛', '比棉布更吸水，干得更快'],
    keywordsZh: ['亚麻茶巾', '厨房毛巾', '擦杯布', '不掉毛抹布'],
    keywordsDe: ['geschirrtuch leinen', 'küchentuch', 'gläsertuch', 'leinentuch'],
  },
  'Cotton mesh produce bags': {
    featuresZh: ['有机棉网眼，果蔬可以透气', '标签上印有袋子自重', '抽绳配木质扣'],
    keywordsZh: ['果蔬袋', '网眼购物袋', '可重复使用购物袋', '环保购物'],
    keywordsDe: ['obstnetz', 'gemüsenetz', 'einkaufsnetz baumwolle', 'zero waste einkaufen'],
  },
  'Countertop compost bin': {
    featuresZh: ['5 升容量，可装两三天的厨余', '可更换竹炭过滤片，锁住异味', '可拆卸内桶，带提手'],
    keywordsZh: ['厨余桶', '台面堆肥桶', '厨房垃圾桶', '堆肥桶'],
    keywordsDe: ['komposteimer', 'biomülleimer küche', 'kompostbehälter', 'aktivkohlefilter'],
  },
  'Stainless steel bento lunch box': {
    featuresZh: ['可叠放的 18/8 不锈钢分层', '硅胶密封圈，酱汁不外漏', '接触食物的部分没有塑料'],
    keywordsZh: ['不锈钢便当盒', '午餐盒', '金属饭盒', '分层便当盒'],
    keywordsDe: ['lunchbox edelstahl', 'brotdose metall', 'bento box', 'auslaufsicher'],
  },
  'Insulated travel mug': {
    featuresZh: ['咖啡保温 6 小时', '可放进大多数咖啡机下方和杯架', '单手滑盖，可锁定'],
    keywordsZh: ['保温随行杯', '咖啡杯', '保温杯', '防漏杯'],
    keywordsDe: ['thermobecher', 'kaffeebecher to go', 'isolierbecher', 'auslaufsicher'],
  },
  'Glass French press': {
    featuresZh: ['四层不锈钢滤网，咖啡更干净', '耐热高硼硅玻璃', '竹制把手不烫手'],
    keywordsZh: ['法压壶', '咖啡壶', '玻璃咖啡壶', '冷萃壶'],
    keywordsDe: ['french press', 'kaffeebereiter', 'stempelkanne', 'cold brew'],
  },
  'Bamboo digital kitchen scale': {
    featuresZh: ['最大称重 5 公斤，精度 1 克', 'USB-C 充电，无需纽扣电池', '去皮键，支持克、盎司、毫升'],
    keywordsZh: ['厨房秤', '电子秤', '烘焙秤', '竹制秤'],
    keywordsDe: ['küchenwaage digital', 'bambus waage', 'backwaage', 'tara funktion'],
  },
  'Rechargeable milk frother': {
    featuresZh: ['约 15 秒打出绵密奶泡', 'USB-C 充电，一次充电约可用 30 次', '两档速度，奶泡和抹茶都适用'],
    keywordsZh: ['奶泡器', '电动打奶器', '抹茶搅拌器', '充电奶泡机'],
    keywordsDe: ['milchaufschäumer', 'milchschäumer akku', 'matcha besen elektrisch', 'usb c'],
  },
  'Cork yoga mat': {
    featuresZh: ['软木表面，出汗后抓地力更好', '天然橡胶底，不含 PVC', '天然抗异味'],
    keywordsZh: ['软木瑜伽垫', '环保瑜伽垫', '防滑瑜伽垫', '天然橡胶垫'],
    keywordsDe: ['yogamatte kork', 'yogamatte rutschfest', 'naturkautschuk', 'ohne pvc'],
  },
  'Organic cotton towel': {
    featuresZh: ['GOTS 认证有机棉', '600 克/平方米，厚实柔软', '长毛圈，洗后依然蓬松'],
    keywordsZh: ['有机棉毛巾', '浴巾', '洗脸巾', '柔软毛巾'],
    keywordsDe: ['handtuch bio baumwolle', 'badetuch', 'gots handtuch', 'weiches handtuch'],
  },
  'Soy wax candle': {
    featuresZh: ['约 45 小时燃烧时间', '大豆蜡配无铅棉芯', '精油调香'],
    keywordsZh: ['大豆蜡蜡烛', '香薰蜡烛', '天然蜡烛', '精油蜡烛'],
    keywordsDe: ['duftkerze', 'sojawachs kerze', 'kerze im glas', 'ätherische öle'],
  },
  'Wool dryer balls': {
    featuresZh: ['分隔衣物，缩短烘干时间', '无需烘干纸也能让衣物柔软', '可使用 1,000 次以上'],
    keywordsZh: ['羊毛烘干球', '烘干纸替代', '洗衣球', '天然柔顺'],
    keywordsDe: ['trocknerbälle', 'trocknerkugeln wolle', 'weichspüler alternative', 'wäschetrockner'],
  },
  'Bamboo dish brush set': {
    featuresZh: ['长柄刷、锅刷和瓶刷', '剑麻和植物基刷毛', '刷头可更换'],
    keywordsZh: ['洗碗刷', '竹刷', '锅刷', '瓶刷'],
    keywordsDe: ['spülbürste', 'topfbürste', 'flaschenbürste', 'bambus bürste'],
  },
  'Glass spray bottle': {
    featuresZh: ['可重复灌装的琥珀色玻璃瓶，500 毫升', '硅胶保护套防磕碰', '喷头可在细雾和水柱间调节'],
    keywordsZh: ['玻璃喷壶', '喷雾瓶', '琥珀色喷瓶', '清洁喷壶'],
    keywordsDe: ['sprühflasche glas', 'braunglas sprühflasche', 'nachfüllbar', 'reinigungsmittel'],
  },
  'Recycled cotton throw blanket': {
    featuresZh: ['130 × 170 厘米，两个人也够盖', '由回收棉边角料织成', '可 30 °C 机洗'],
    keywordsZh: ['盖毯', '沙发毯', '再生棉毯', '针织毯'],
    keywordsDe: ['kuscheldecke', 'sofadecke', 'wohndecke baumwolle', 'recycelt'],
  },
  'Organic cotton pillowcases': {
    featuresZh: ['有机棉府绸，300 支', '清爽凉快，适合怕热的人', '信封式封口，没有纽扣'],
    keywordsZh: ['有机棉枕套', '纯棉枕套', '府绸枕套', '枕头套'],
    keywordsDe: ['kissenbezug bio baumwolle', 'perkal kissenbezug', 'kopfkissenbezug', 'hotelverschluss'],
  },
  'Stainless steel safety razor': {
    featuresZh: ['全金属，无塑料刀头', '重量均衡，剃得更干净', '使用标准双面刀片，每片只需几分钱'],
    keywordsZh: ['安全剃须刀', '双面刀片剃须刀', '无塑料剃须刀', '金属剃须刀'],
    keywordsDe: ['rasierhobel', 'sicherheitsrasierer', 'nassrasierer metall', 'plastikfrei rasieren'],
  },
  'Collapsible silicone travel cup': {
    featuresZh: ['折叠后仅 4 厘米高', '容量 350 毫升', '食品级硅胶，不含 BPA'],
    keywordsZh: ['折叠杯', '旅行杯', '硅胶咖啡杯', '便携水杯'],
    keywordsDe: ['faltbecher', 'reisebecher silikon', 'kaffeebecher faltbar', 'mehrwegbecher'],
  },
  'Jute doormat': {
    featuresZh: ['手工编织天然黄麻', '轻松刮掉泥土和沙子', '薄款设计，大多数门都能开合'],
    keywordsZh: ['黄麻门垫', '天然地垫', '入户地垫', '编织门垫'],
    keywordsDe: ['fußmatte jute', 'türmatte natur', 'schmutzfangmatte', 'geflochten'],
  },
  'Bamboo bath mat': {
    featuresZh: ['两次淋浴之间就能晾干', '毛竹条拼接', '防滑橡胶脚垫'],
    keywordsZh: ['竹浴室垫', '淋浴地垫', '木质浴垫', '防滑地垫'],
    keywordsDe: ['badematte bambus', 'duschmatte holz', 'badvorleger', 'rutschfest'],
  },
  'Wi-Fi smart plug': {
    featuresZh: ['在应用中实时查看用电量', '支持 Alexa、Google Home 和 Matter', '定时和离家模式'],
    keywordsZh: ['智能插座', 'WiFi 插座', '电量统计插座', 'Matter 插座'],
    keywordsDe: ['wlan steckdose', 'smart plug', 'steckdose mit strommessung', 'matter'],
  },
  'Smart LED bulb': {
    featuresZh: ['9 瓦即可达到 60 瓦灯泡的亮度', '色温可调，支持 1600 万种颜色', '无需网关，2.4 GHz WiFi'],
    keywordsZh: ['智能灯泡', 'WiFi 灯泡', '变色灯泡', '可调光 LED'],
    keywordsDe: ['smarte glühbirne', 'wlan lampe', 'led farbwechsel', 'dimmbar'],
  },
  'Smart radiator thermostat': {
    featuresZh: ['适配大多数欧洲散热器阀门（M30 × 1.5 及转接头）', '开窗检测', '在应用中按房间设定时间表'],
    keywordsZh: ['智能温控阀', '散热器恒温器', '智能供暖', '温控器'],
    keywordsDe: ['heizkörperthermostat', 'smartes thermostat', 'heizung app', 'fenster offen erkennung'],
  },
  'Solar garden lights': {
    featuresZh: ['最长 10 小时暖白光', '单晶硅太阳能板，阴天也能充电', '不锈钢和玻璃材质，IP65'],
    keywordsZh: ['太阳能花园灯', '太阳能草坪灯', '户外太阳能灯', '庭院灯'],
    keywordsDe: ['solarleuchten garten', 'solar wegeleuchte', 'gartenbeleuchtung', 'solarlampe außen'],
  },
  'Smart indoor herb garden': {
    featuresZh: ['全光谱 LED，16 小时光照周期', '水箱约可用三周', '香草生长速度约为窗台的两倍'],
    keywordsZh: ['室内种植机', '智能花园', '水培套件', '香草种植'],
    keywordsDe: ['kräutergarten indoor', 'smart garden', 'hydroponik', 'pflanzenlampe'],
  },
  'Air quality monitor': {
    featuresZh: ['真正的 NDIR 二氧化碳传感器，不是估算值', '检测 PM2.5、温度和湿度', '灯环提示何时该开窗通风'],
    keywordsZh: ['空气质量检测仪', '二氧化碳检测仪', 'PM2.5 检测仪', '室内空气监测'],
    keywordsDe: ['co2 messgerät', 'luftqualität messgerät', 'co2 ampel', 'feinstaub'],
  },
  'Motion-sensor night light': {
    featuresZh: ['有人经过自动亮起，20 秒后熄灭', 'USB-C 充电，一次充电可用数月', '磁吸安装，无需打孔'],
    keywordsZh: ['感应夜灯', '小夜灯', '楼梯灯', '衣柜灯'],
    keywordsDe: ['nachtlicht bewegungsmelder', 'treppenlicht', 'schranklicht', 'akku nachtlicht'],
  },
  'Bamboo wireless charger': {
    featuresZh: ['通过 Qi 认证，隔着大多数手机壳也能充', '竹制面板，再生铝底座', '夜间自动调暗的柔和指示灯'],
    keywordsZh: ['无线充电器', 'Qi 充电器', '竹制充电器', '充电板'],
    keywordsDe: ['kabelloses ladegerät', 'qi ladegerät', 'induktive ladestation', 'bambus'],
  },
  'Water leak sensor': {
    featuresZh: ['第一滴水就报警并推送到手机', '电池约可用两年', '镀金探针，耐腐蚀'],
    keywordsZh: ['漏水传感器', '漏水报警器', '水浸传感器', '智能报警'],
    keywordsDe: ['wassermelder', 'wasseralarm', 'leckage sensor', 'überschwemmungsmelder'],
  },
  'Rechargeable hand warmer': {
    featuresZh: ['三档温度，最长 8 小时', '兼作 5,000 毫安时充电宝', '替代一次性暖宝宝'],
    keywordsZh: ['暖手宝', '充电暖手宝', '电暖手宝', '口袋暖手器'],
    keywordsDe: ['handwärmer akku', 'taschenwärmer', 'elektrischer handwärmer', 'powerbank'],
  },
  'Smart soil moisture sensor': {
    featuresZh: ['提醒你每盆植物何时需要浇水', '同时测量光照和温度', '植物数据库提供浇水建议'],
    keywordsZh: ['植物传感器', '土壤湿度计', '智能植物监测', '养花助手'],
    keywordsDe: ['pflanzensensor', 'bodenfeuchtemesser', 'feuchtigkeitsmesser pflanzen', 'smart garden'],
  },
  'Linen-blend bucket hat': {
    featuresZh: ['透气的亚麻棉混纺', '宽帽檐，遮阳防晒', '折叠收纳不起皱'],
    keywordsZh: ['渔夫帽', '亚麻帽', '遮阳帽', '男女同款帽'],
    keywordsDe: ['fischerhut', 'leinenhut', 'sonnenhut', 'unisex'],
    featuresDe: ['Atmungsaktive Leinen-Baumwoll-Mischung', 'Breite Krempe als Sonnenschutz', 'Faltbar, ohne zu knittern'],
  },
  'Recycled canvas tote bag': {
    featuresZh: ['再生棉帆布', '内置拉链袋，放手机和钥匙', '长提手，可以挎在肩上'],
    keywordsZh: ['托特包', '帆布包', '购物袋', '环保袋'],
    keywordsDe: ['tragetasche', 'canvas tasche', 'einkaufstasche', 'stoffbeutel'],
    featuresDe: ['Canvas aus recycelter Baumwolle', 'Innentasche mit Reißverschluss', 'Lange Henkel für die Schulter'],
  },
  'Oversized cotton T-shirt': {
    featuresZh: ['220 克/平方米精梳棉，不透', '落肩宽松版型', '预缩处理，洗后不变形'],
    keywordsZh: ['宽松T恤', '纯棉T恤', '基础款T恤', '男女同款'],
    keywordsDe: ['oversized t shirt', 'baumwoll t shirt', 'basic shirt', 'unisex'],
    featuresDe: ['Gekämmte Baumwolle, 220 g/m², blickdicht', 'Überschnittene Schultern, lockere Passform', 'Vorgewaschen, formstabil'],
  },
  'Canvas slip-on sneakers': {
    featuresZh: ['有机棉帆布鞋面', '天然橡胶鞋底，雨天也防滑', '缓震鞋垫'],
    keywordsZh: ['一脚蹬', '帆布鞋', '休闲鞋', '男女同款'],
    keywordsDe: ['slip on sneaker', 'canvas schuhe', 'freizeitschuhe', 'unisex'],
    featuresDe: ['Obermaterial aus Bio-Baumwoll-Canvas', 'Sohle aus Naturkautschuk, griffig bei Regen', 'Gepolsterte Innensohle'],
  },
  'Bamboo fibre socks': {
    featuresZh: ['竹纤维，柔软透气', '炎热天气也保持清爽', '无缝脚趾'],
    keywordsZh: ['竹纤维袜', '透气袜', '短袜', '防臭袜'],
    keywordsDe: ['bambussocken', 'atmungsaktive socken', 'sneakersocken', 'geruchshemmend'],
    featuresDe: ['Bambusviskose, weich und atmungsaktiv', 'Bleibt frisch bei Hitze', 'Zehennaht flach gekettelt'],
  },
  'Recycled-frame sunglasses': {
    featuresZh: ['偏光镜片，减少眩光', 'UV400 防护', '再生醋酸纤维镜框'],
    keywordsZh: ['偏光太阳镜', '太阳镜', '防紫外线眼镜', '墨镜'],
    keywordsDe: ['sonnenbrille polarisiert', 'uv400', 'sonnenbrille recycelt', 'acetat'],
    featuresDe: ['Polarisierte Gläser gegen Blendung', 'UV400-Schutz', 'Rahmen aus recyceltem Acetat'],
  },
  'Lightweight modal scarf': {
    featuresZh: ['柔软的莫代尔针织，垂感好', '防滑纹理', '炎热天气也透气'],
    keywordsZh: ['莫代尔围巾', '披肩', '头巾', '针织围巾'],
    keywordsDe: ['modalschal', 'schal leicht', 'tuch', 'jersey schal'],
    featuresDe: ['Weicher Modal-Jersey mit schönem Fall', 'Rutschfeste Struktur', 'Atmungsaktiv bei Hitze'],
  },
  'Linen-blend relaxed shirt': {
    featuresZh: ['亚麻棉混纺，湿热天气也凉爽', '宽松版型，短袖', '椰壳纽扣'],
    keywordsZh: ['亚麻衬衫', '短袖衬衫', '休闲衬衫', '男士衬衫'],
    keywordsDe: ['leinenhemd', 'kurzarmhemd', 'freizeithemd', 'herrenhemd'],
    featuresDe: ['Leinen-Baumwoll-Mischung, kühl bei schwüler Hitze', 'Lockere Passform, kurze Ärmel', 'Knöpfe aus Kokosnussschale'],
  },
  'Crossbody phone bag': {
    featuresZh: ['可放下最大 6.9 英寸的手机', '卡槽和钥匙扣', '可调节斜挎肩带'],
    keywordsZh: ['斜挎手机包', '斜挎包', '手机袋', '迷你包'],
    keywordsDe: ['handytasche zum umhängen', 'umhängetasche', 'handy crossbody', 'minitasche'],
    featuresDe: ['Für Handys bis 6,9 Zoll', 'Kartenfächer und Schlüsselclip', 'Verstellbarer Umhängegurt'],
  },
  'Compact folding umbrella': {
    featuresZh: ['一键自动开合', '防风玻璃纤维伞骨', 'UPF 50+ 伞面，也能防晒'],
    keywordsZh: ['折叠伞', '晴雨伞', '防风伞', '防晒伞'],
    keywordsDe: ['taschenschirm', 'regenschirm sturmfest', 'automatik schirm', 'uv schutz'],
    featuresDe: ['Automatisches Öffnen und Schließen per Knopf', 'Sturmfeste Glasfaserstreben', 'Bespannung mit UPF 50+ auch gegen Sonne'],
  },
  'Recycled nylon backpack': {
    featuresZh: ['带衬垫的电脑隔层，最大 15.6 英寸', '防泼水再生尼龙', '隐藏式防盗背袋'],
    keywordsZh: ['电脑双肩包', '双肩包', '书包', '旅行背包'],
    keywordsDe: ['laptop rucksack', 'rucksack recycelt', 'schulrucksack', 'reiserucksack'],
    featuresDe: ['Gepolstertes Fach für Laptops bis 15,6 Zoll', 'Wasserabweisendes recyceltes Nylon', 'Versteckte Diebstahlschutz-Tasche am Rücken'],
  },
  'Matte hair claw clips': {
    featuresZh: ['整天牢牢抓住浓密头发', '哑光质感，四种大地色', '植物基醋酸纤维'],
    keywordsZh: ['抓夹', '发夹', '发饰', '哑光抓夹'],
    keywordsDe: ['haarklammer', 'haarclip', 'haarschmuck', 'matt'],
    featuresDe: ['Hält dickes Haar den ganzen Tag', 'Mattes Finish in vier Erdtönen', 'Pflanzenbasiertes Celluloseacetat'],
  },
  'Biodegradable phone case': {
    featuresZh: ['通过 2 米跌落测试', '植物基生物聚合物和亚麻秸秆', '凸起边缘保护屏幕和镜头'],
    keywordsZh: ['手机壳', '环保手机壳', '可降解手机壳', '防摔手机壳'],
    keywordsDe: ['handyhülle', 'kompostierbare hülle', 'öko handyhülle', 'stoßfest'],
    featuresDe: ['Falltest aus 2 m Höhe bestanden', 'Pflanzliches Biopolymer und Flachsstroh', 'Erhöhte Ränder schützen Display und Kamera'],
  },
  'Wireless earbuds': {
    featuresZh: ['配合充电盒可播放 30 小时', '蓝牙 5.3，低延迟游戏模式', '降噪麦克风，通话清晰'],
    keywordsZh: ['无线耳机', '蓝牙耳机', 'TWS 耳机', '运动耳机'],
    keywordsDe: ['bluetooth kopfhörer', 'in ear kopfhörer kabellos', 'earbuds', 'headset'],
    featuresDe: ['30 Stunden Spielzeit mit dem Ladecase', 'Bluetooth 5.3 mit latenzarmem Spielemodus', 'Mikrofone mit Geräuschunterdrückung für klare Anrufe'],
  },
  'Slim power bank': {
    featuresZh: ['20 瓦 USB-C 快充', '可同时为两台设备充电', '轻薄再生铝外壳'],
    keywordsZh: ['充电宝', '移动电源', '快充充电宝', 'USB-C 充电宝'],
    keywordsDe: ['powerbank', 'externer akku', 'usb c powerbank', 'schnellladen'],
    featuresDe: ['20 W USB-C Power Delivery', 'Lädt zwei Geräte gleichzeitig', 'Schlankes Gehäuse aus recyceltem Aluminium'],
  },
  'Braided USB-C cable': {
    featuresZh: ['60 瓦快充', '通过 20,000 次弯折测试', '再生尼龙编织'],
    keywordsZh: ['USB-C 数据线', 'Type-C 数据线', '快充线', '编织数据线'],
    keywordsDe: ['usb c kabel', 'ladekabel', 'schnellladekabel', 'geflochten'],
    featuresDe: ['60 W Schnellladen', 'Getestet mit 20.000 Biegungen', 'Geflecht aus recyceltem Nylon'],
  },
  'Mini Bluetooth speaker': {
    featuresZh: ['续航 12 小时', 'IPX7 防水', '两台配对组成立体声'],
    keywordsZh: ['蓝牙音箱', '迷你音箱', '防水音箱', '便携音箱'],
    keywordsDe: ['bluetooth lautsprecher', 'mini lautsprecher', 'wasserdicht', 'tragbar'],
    featuresDe: ['12 Stunden Spielzeit', 'Wasserdicht nach IPX7', 'Zwei Geräte koppeln für Stereo'],
  },
  'Portable neck fan': {
    featuresZh: ['无叶设计，不会卷头发', '静音无刷电机，三档风速', '充一次电最长 12 小时'],
    keywordsZh: ['挂脖风扇', '便携风扇', '无叶风扇', '迷你风扇'],
    keywordsDe: ['nackenventilator', 'tragbarer ventilator', 'ventilator ohne flügel', 'mini ventilator'],
    featuresDe: ['Ohne Rotorblätter, verfängt sich nicht im Haar', 'Leiser bürstenloser Motor, drei Stufen', 'Bis zu 12 Stunden pro Ladung'],
  },
  'Phone tripod selfie stick': {
    featuresZh: ['可伸长至 100 厘米', '折叠成稳固的三脚架', '可拆卸蓝牙遥控器'],
    keywordsZh: ['自拍杆', '手机三脚架', '三脚架', '直播支架'],
    keywordsDe: ['selfie stick', 'handy stativ', 'stativ', 'bluetooth fernbedienung'],
    featuresDe: ['Ausziehbar auf 100 cm', 'Wird zum stabilen Stativ', 'Abnehmbare Bluetooth-Fernbedienung'],
  },
  'LED ring light': {
    featuresZh: ['10 英寸环形灯，三种色温', '十档亮度', '手机支架和桌面支架'],
    keywordsZh: ['环形补光灯', 'LED 补光灯', '直播补光灯', '自拍灯'],
    keywordsDe: ['ringlicht', 'led ringleuchte', 'selfie licht', 'videolicht'],
    featuresDe: ['10-Zoll-Ring mit drei Farbtemperaturen', 'Zehn Helligkeitsstufen', 'Handyhalter und Tischstativ'],
  },
  'Silicone smartwatch strap': {
    featuresZh: ['快拆针，无需工具', '柔软硅胶，防汗', '不锈钢表扣'],
    keywordsZh: ['表带', '硅胶表带', '智能手表表带', '运动表带'],
    keywordsDe: ['uhrenarmband', 'silikonarmband', 'smartwatch armband', 'schnellwechsel'],
    featuresDe: ['Schnellwechsel-Federstege, ohne Werkzeug', 'Weiches Silikon, schweißfest', 'Schließe aus Edelstahl'],
  },
  'Smart fitness band': {
    featuresZh: ['心率和睡眠监测', '续航最长 14 天', '来电和消息提醒'],
    keywordsZh: ['运动手环', '智能手环', '健身追踪器', '计步器'],
    keywordsDe: ['fitnessarmband', 'fitness tracker', 'schrittzähler', 'smartband'],
    featuresDe: ['Herzfrequenz- und Schlafmessung', 'Bis zu 14 Tage Akkulaufzeit', 'Anruf- und Nachrichtenhinweise'],
  },
};
