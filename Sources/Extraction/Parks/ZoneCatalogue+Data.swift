// The development-zone catalogue: one zone a line, tab-separated:
// name, level (national|provincial), kind, province, city, aliases (comma-separated).
// Facts from the national lists (2018 《中国开发区审核公告目录》, the lists of
// national new areas, comprehensive bonded zones, free-trade zones, Taiwan science parks).
extension ZoneCatalogue {
    static let table = #"""
北京经济技术开发区	national	etdz	北京	北京	北京亦庄,亦庄,亦庄开发区,北京亦庄经济技术开发区,亦庄经济技术开发区,BDA
天津经济技术开发区	national	etdz	天津	天津	泰达,TEDA,天津开发区,泰达开发区
天津西青经济技术开发区	national	etdz	天津	天津	西青开发区,西青经开区
天津武清经济技术开发区	national	etdz	天津	天津	武清开发区,武清经开区
天津子牙经济技术开发区	national	etdz	天津	天津	子牙经开区,子牙开发区
天津北辰经济技术开发区	national	etdz	天津	天津	北辰经开区,北辰开发区,北辰经济技术开发区
天津东丽经济技术开发区	national	etdz	天津	天津	东丽经开区,东丽开发区,东丽经济技术开发区
秦皇岛经济技术开发区	national	etdz	河北	秦皇岛	秦皇岛开发区
廊坊经济技术开发区	national	etdz	河北	廊坊	廊坊开发区
石家庄经济技术开发区	national	etdz	河北	石家庄	
唐山曹妃甸经济技术开发区	national	etdz	河北	唐山	曹妃甸经开区,曹妃甸开发区
沧州临港经济技术开发区	national	etdz	河北	沧州	沧州临港经开区
邯郸经济技术开发区	national	etdz	河北	邯郸	
张家口经济技术开发区	national	etdz	河北	张家口	
太原经济技术开发区	national	etdz	山西	太原	
大同经济技术开发区	national	etdz	山西	大同	
晋城经济技术开发区	national	etdz	山西	晋城	
晋中经济技术开发区	national	etdz	山西	晋中	
呼和浩特经济技术开发区	national	etdz	内蒙古	呼和浩特	
巴彦淖尔经济技术开发区	national	etdz	内蒙古	巴彦淖尔	
呼伦贝尔经济技术开发区	national	etdz	内蒙古	呼伦贝尔	
大连经济技术开发区	national	etdz	辽宁	大连	大连开发区
大连长兴岛经济技术开发区	national	etdz	辽宁	大连	长兴岛经济区,长兴岛开发区,长兴岛经开区
旅顺经济技术开发区	national	etdz	辽宁	大连	旅顺开发区,旅顺经开区
沈阳经济技术开发区	national	etdz	辽宁	沈阳	铁西开发区
沈阳辉山经济技术开发区	national	etdz	辽宁	沈阳	辉山开发区,辉山经开区
沈阳金融商贸经济技术开发区	national	etdz	辽宁	沈阳	金融商贸开发区
营口经济技术开发区	national	etdz	辽宁	营口	鲅鱼圈开发区
锦州经济技术开发区	national	etdz	辽宁	锦州	
铁岭经济技术开发区	national	etdz	辽宁	铁岭	
盘锦辽滨沿海经济技术开发区	national	etdz	辽宁	盘锦	辽滨沿海经济区,辽滨经开区
长春经济技术开发区	national	etdz	吉林	长春	
长春汽车经济技术开发区	national	etdz	吉林	长春	长春汽开区,汽开区,长春汽车产业开发区
吉林经济技术开发区	national	etdz	吉林	吉林	
四平红嘴经济技术开发区	national	etdz	吉林	四平	红嘴开发区
松原经济技术开发区	national	etdz	吉林	松原	
哈尔滨经济技术开发区	national	etdz	黑龙江	哈尔滨	
宾西经济技术开发区	national	etdz	黑龙江	哈尔滨	宾西开发区
哈尔滨利民经济技术开发区	national	etdz	黑龙江	哈尔滨	利民开发区,利民经开区
海林经济技术开发区	national	etdz	黑龙江	牡丹江	
大庆经济技术开发区	national	etdz	黑龙江	大庆	
牡丹江经济技术开发区	national	etdz	黑龙江	牡丹江	
双鸭山经济技术开发区	national	etdz	黑龙江	双鸭山	
上海闵行经济技术开发区	national	etdz	上海	上海	闵行开发区,闵行经开区,闵行经济技术开发区
上海虹桥经济技术开发区	national	etdz	上海	上海	虹桥开发区,虹桥经济技术开发区
上海漕河泾新兴技术开发区	national	etdz	上海	上海	漕河泾开发区,漕河泾
上海金桥经济技术开发区	national	etdz	上海	上海	金桥开发区,金桥出口加工区,上海金桥出口加工区
上海化学工业经济技术开发区	national	etdz	上海	上海	上海化工区,上海化学工业区
上海松江经济技术开发区	national	etdz	上海	上海	松江经开区,松江开发区
南京经济技术开发区	national	etdz	江苏	南京	
南京江宁经济技术开发区	national	etdz	江苏	南京	江宁开发区,江宁经开区,江宁经济技术开发区
苏州工业园区	national	etdz	江苏	苏州	苏州园区,苏州工业园,中新苏州工业园区,SIP
苏州浒墅关经济技术开发区	national	etdz	江苏	苏州	浒墅关经开区,浒墅关开发区
苏州吴中经济技术开发区	national	etdz	江苏	苏州	吴中经开区,吴中开发区,吴中经济技术开发区
苏州相城经济技术开发区	national	etdz	江苏	苏州	相城经开区,相城经济技术开发区
吴江经济技术开发区	national	etdz	江苏	苏州	吴江开发区,吴江经开区
昆山经济技术开发区	national	etdz	江苏	苏州	昆山开发区
常熟经济技术开发区	national	etdz	江苏	苏州	
张家港经济技术开发区	national	etdz	江苏	苏州	
太仓港经济技术开发区	national	etdz	江苏	苏州	太仓港开发区
南通经济技术开发区	national	etdz	江苏	南通	
海安经济技术开发区	national	etdz	江苏	南通	
海门经济技术开发区	national	etdz	江苏	南通	
如皋经济技术开发区	national	etdz	江苏	南通	
连云港经济技术开发区	national	etdz	江苏	连云港	
淮安经济技术开发区	national	etdz	江苏	淮安	
宿迁经济技术开发区	national	etdz	江苏	宿迁	
沭阳经济技术开发区	national	etdz	江苏	宿迁	
徐州经济技术开发区	national	etdz	江苏	徐州	金山桥开发区
盐城经济技术开发区	national	etdz	江苏	盐城	
扬州经济技术开发区	national	etdz	江苏	扬州	
镇江经济技术开发区	national	etdz	江苏	镇江	镇江新区
靖江经济技术开发区	national	etdz	江苏	泰州	
宜兴经济技术开发区	national	etdz	江苏	无锡	
锡山经济技术开发区	national	etdz	江苏	无锡	锡山开发区,锡山经开区
无锡惠山经济技术开发区	national	etdz	江苏	无锡	惠山经开区,惠山开发区
杭州经济技术开发区	national	etdz	浙江	杭州	下沙开发区,下沙经济技术开发区
萧山经济技术开发区	national	etdz	浙江	杭州	萧山开发区
杭州余杭经济技术开发区	national	etdz	浙江	杭州	余杭开发区,余杭经开区
富阳经济技术开发区	national	etdz	浙江	杭州	富阳开发区
宁波经济技术开发区	national	etdz	浙江	宁波	北仑开发区
宁波大榭开发区	national	etdz	浙江	宁波	大榭开发区
宁波杭州湾经济技术开发区	national	etdz	浙江	宁波	杭州湾新区,宁波杭州湾新区
宁波石化经济技术开发区	national	etdz	浙江	宁波	宁波石化区
温州经济技术开发区	national	etdz	浙江	温州	
嘉兴经济技术开发区	national	etdz	浙江	嘉兴	
平湖经济技术开发区	national	etdz	浙江	嘉兴	
嘉善经济技术开发区	national	etdz	浙江	嘉兴	
湖州经济技术开发区	national	etdz	浙江	湖州	
长兴经济技术开发区	national	etdz	浙江	湖州	
绍兴袍江经济技术开发区	national	etdz	浙江	绍兴	袍江开发区,袍江经开区
绍兴柯桥经济技术开发区	national	etdz	浙江	绍兴	柯桥开发区,柯桥经开区
杭州湾上虞经济技术开发区	national	etdz	浙江	绍兴	上虞经开区,上虞开发区
金华经济技术开发区	national	etdz	浙江	金华	
义乌经济技术开发区	national	etdz	浙江	金华	
衢州经济技术开发区	national	etdz	浙江	衢州	
丽水经济技术开发区	national	etdz	浙江	丽水	
台州湾经济技术开发区	national	etdz	浙江	台州	台州湾新区
合肥经济技术开发区	national	etdz	安徽	合肥	
合肥蜀山经济技术开发区	national	etdz	安徽	合肥	蜀山经开区
芜湖经济技术开发区	national	etdz	安徽	芜湖	
马鞍山经济技术开发区	national	etdz	安徽	马鞍山	
安庆经济技术开发区	national	etdz	安徽	安庆	
铜陵经济技术开发区	national	etdz	安徽	铜陵	
滁州经济技术开发区	national	etdz	安徽	滁州	
池州经济技术开发区	national	etdz	安徽	池州	
六安经济技术开发区	national	etdz	安徽	六安	
淮南经济技术开发区	national	etdz	安徽	淮南	
宁国经济技术开发区	national	etdz	安徽	宣城	
桐城经济技术开发区	national	etdz	安徽	安庆	
宣城经济技术开发区	national	etdz	安徽	宣城	
福州经济技术开发区	national	etdz	福建	福州	马尾开发区
福清融侨经济技术开发区	national	etdz	福建	福州	融侨开发区,融侨经开区
厦门海沧台商投资区	national	etdz	福建	厦门	海沧台商投资区,海沧投资区
东山经济技术开发区	national	etdz	福建	漳州	
漳州招商局经济技术开发区	national	etdz	福建	漳州	漳州开发区,招商局漳州开发区
漳州台商投资区	national	etdz	福建	漳州	
泉州经济技术开发区	national	etdz	福建	泉州	
泉州台商投资区	national	etdz	福建	泉州	
龙岩经济技术开发区	national	etdz	福建	龙岩	
东侨经济技术开发区	national	etdz	福建	宁德	东侨开发区
南昌经济技术开发区	national	etdz	江西	南昌	
南昌小蓝经济技术开发区	national	etdz	江西	南昌	小蓝经开区,小蓝开发区
九江经济技术开发区	national	etdz	江西	九江	
赣州经济技术开发区	national	etdz	江西	赣州	
井冈山经济技术开发区	national	etdz	江西	吉安	
萍乡经济技术开发区	national	etdz	江西	萍乡	
上饶经济技术开发区	national	etdz	江西	上饶	
宜春经济技术开发区	national	etdz	江西	宜春	
龙南经济技术开发区	national	etdz	江西	赣州	
瑞金经济技术开发区	national	etdz	江西	赣州	
贵溪经济技术开发区	national	etdz	江西	鹰潭	
青岛经济技术开发区	national	etdz	山东	青岛	黄岛开发区
烟台经济技术开发区	national	etdz	山东	烟台	
威海经济技术开发区	national	etdz	山东	威海	
威海临港经济技术开发区	national	etdz	山东	威海	
东营经济技术开发区	national	etdz	山东	东营	
日照经济技术开发区	national	etdz	山东	日照	
潍坊滨海经济技术开发区	national	etdz	山东	潍坊	潍坊滨海开发区
邹平经济技术开发区	national	etdz	山东	滨州	
滨州经济技术开发区	national	etdz	山东	滨州	
临沂经济技术开发区	national	etdz	山东	临沂	
招远经济技术开发区	national	etdz	山东	烟台	
德州经济技术开发区	national	etdz	山东	德州	
明水经济技术开发区	national	etdz	山东	济南	
聊城经济技术开发区	national	etdz	山东	聊城	
胶州经济技术开发区	national	etdz	山东	青岛	
滕州经济技术开发区	national	etdz	山东	枣庄	
郑州经济技术开发区	national	etdz	河南	郑州	
开封经济技术开发区	national	etdz	河南	开封	
洛阳经济技术开发区	national	etdz	河南	洛阳	
红旗渠经济技术开发区	national	etdz	河南	安阳	
鹤壁经济技术开发区	national	etdz	河南	鹤壁	
新乡经济技术开发区	national	etdz	河南	新乡	
漯河经济技术开发区	national	etdz	河南	漯河	
许昌经济技术开发区	national	etdz	河南	许昌	
濮阳经济技术开发区	national	etdz	河南	濮阳	
武汉经济技术开发区	national	etdz	湖北	武汉	沌口开发区,武汉开发区,中国车谷,车谷
武汉临空港经济技术开发区	national	etdz	湖北	武汉	临空港经开区,吴家山经济技术开发区,吴家山开发区
黄石经济技术开发区	national	etdz	湖北	黄石	
襄阳经济技术开发区	national	etdz	湖北	襄阳	襄樊经济技术开发区
鄂州葛店经济技术开发区	national	etdz	湖北	鄂州	葛店开发区,葛店经开区
荆州经济技术开发区	national	etdz	湖北	荆州	
十堰经济技术开发区	national	etdz	湖北	十堰	
枣阳经济技术开发区	national	etdz	湖北	襄阳	
汉川经济技术开发区	national	etdz	湖北	孝感	
长沙经济技术开发区	national	etdz	湖南	长沙	星沙开发区
望城经济技术开发区	national	etdz	湖南	长沙	
宁乡经济技术开发区	national	etdz	湖南	长沙	
浏阳经济技术开发区	national	etdz	湖南	长沙	
湘潭经济技术开发区	national	etdz	湖南	湘潭	九华经开区
岳阳经济技术开发区	national	etdz	湖南	岳阳	
常德经济技术开发区	national	etdz	湖南	常德	
娄底经济技术开发区	national	etdz	湖南	娄底	
邵阳经济技术开发区	national	etdz	湖南	邵阳	
永州经济技术开发区	national	etdz	湖南	永州	
广州经济技术开发区	national	etdz	广东	广州	广州开发区
广州南沙经济技术开发区	national	etdz	广东	广州	南沙开发区,南沙经开区
增城经济技术开发区	national	etdz	广东	广州	增城开发区
广州花都经济技术开发区	national	etdz	广东	广州	花都开发区,花都经开区
湛江经济技术开发区	national	etdz	广东	湛江	
珠海经济技术开发区	national	etdz	广东	珠海	
惠州大亚湾经济技术开发区	national	etdz	广东	惠州	大亚湾开发区,大亚湾经开区
揭东经济技术开发区	national	etdz	广东	揭阳	
南宁经济技术开发区	national	etdz	广西	南宁	
广西-东盟经济技术开发区	national	etdz	广西	南宁	东盟经开区
钦州港经济技术开发区	national	etdz	广西	钦州	
北海工业园区	national	etdz	广西	北海	广西北海工业园区
洋浦经济开发区	national	etdz	海南	儋州	海南洋浦经济开发区,洋浦开发区
重庆经济技术开发区	national	etdz	重庆	重庆	
万州经济技术开发区	national	etdz	重庆	重庆	
长寿经济技术开发区	national	etdz	重庆	重庆	
涪陵经济技术开发区	national	etdz	重庆	重庆	
成都经济技术开发区	national	etdz	四川	成都	龙泉驿开发区
成都青白江经济技术开发区	national	etdz	四川	成都	
德阳经济技术开发区	national	etdz	四川	德阳	
遂宁经济技术开发区	national	etdz	四川	遂宁	
绵阳经济技术开发区	national	etdz	四川	绵阳	
广安经济技术开发区	national	etdz	四川	广安	
宜宾临港经济技术开发区	national	etdz	四川	宜宾	宜宾临港经开区
内江经济技术开发区	national	etdz	四川	内江	
广元经济技术开发区	national	etdz	四川	广元	
雅安经济技术开发区	national	etdz	四川	雅安	
贵阳经济技术开发区	national	etdz	贵州	贵阳	
遵义经济技术开发区	national	etdz	贵州	遵义	
昆明经济技术开发区	national	etdz	云南	昆明	
曲靖经济技术开发区	national	etdz	云南	曲靖	
蒙自经济技术开发区	national	etdz	云南	红河	
大理经济技术开发区	national	etdz	云南	大理	
拉萨经济技术开发区	national	etdz	西藏	拉萨	
西安经济技术开发区	national	etdz	陕西	西安	
陕西航空经济技术开发区	national	etdz	陕西	西安	西安阎良国家航空高技术产业基地,西安航空基地
陕西航天经济技术开发区	national	etdz	陕西	西安	西安国家民用航天产业基地,西安航天基地
汉中经济技术开发区	national	etdz	陕西	汉中	
榆林经济技术开发区	national	etdz	陕西	榆林	
兰州经济技术开发区	national	etdz	甘肃	兰州	
金昌经济技术开发区	national	etdz	甘肃	金昌	
天水经济技术开发区	national	etdz	甘肃	天水	
张掖经济技术开发区	national	etdz	甘肃	张掖	
西宁经济技术开发区	national	etdz	青海	西宁	
格尔木昆仑经济技术开发区	national	etdz	青海	海西	格尔木昆仑经开区
银川经济技术开发区	national	etdz	宁夏	银川	
石嘴山经济技术开发区	national	etdz	宁夏	石嘴山	
乌鲁木齐经济技术开发区	national	etdz	新疆	乌鲁木齐	
乌鲁木齐甘泉堡经济技术开发区	national	etdz	新疆	乌鲁木齐	甘泉堡经开区
库尔勒经济技术开发区	national	etdz	新疆	巴音郭楞	
奎屯-独山子经济技术开发区	national	etdz	新疆	伊犁	奎独经开区
准东经济技术开发区	national	etdz	新疆	昌吉	准东开发区
库车经济技术开发区	national	etdz	新疆	阿克苏	
石河子经济技术开发区	national	etdz	新疆	石河子	
五家渠经济技术开发区	national	etdz	新疆	五家渠	
阿拉尔经济技术开发区	national	etdz	新疆	阿拉尔	
中关村科技园区	national	hitech	北京	北京	中关村,中关村国家自主创新示范区,中关村科技园
天津滨海高新技术产业开发区	national	hitech	天津	天津	天津高新区,滨海高新区,天津滨海高新区
石家庄高新技术产业开发区	national	hitech	河北	石家庄	
保定高新技术产业开发区	national	hitech	河北	保定	
唐山高新技术产业开发区	national	hitech	河北	唐山	
燕郊高新技术产业开发区	national	hitech	河北	廊坊	燕郊高新区
承德高新技术产业开发区	national	hitech	河北	承德	
太原高新技术产业开发区	national	hitech	山西	太原	
长治高新技术产业开发区	national	hitech	山西	长治	
包头稀土高新技术产业开发区	national	hitech	内蒙古	包头	包头稀土高新区,稀土高新区
呼和浩特金山高新技术产业开发区	national	hitech	内蒙古	呼和浩特	金山高新区
鄂尔多斯高新技术产业开发区	national	hitech	内蒙古	鄂尔多斯	
沈阳高新技术产业开发区	national	hitech	辽宁	沈阳	浑南高新区
大连高新技术产业园区	national	hitech	辽宁	大连	大连高新区
鞍山高新技术产业开发区	national	hitech	辽宁	鞍山	
营口高新技术产业开发区	national	hitech	辽宁	营口	
辽阳高新技术产业开发区	national	hitech	辽宁	辽阳	
本溪高新技术产业开发区	national	hitech	辽宁	本溪	
锦州高新技术产业开发区	national	hitech	辽宁	锦州	
阜新高新技术产业开发区	national	hitech	辽宁	阜新	
长春高新技术产业开发区	national	hitech	吉林	长春	
长春净月高新技术产业开发区	national	hitech	吉林	长春	净月高新区,净月开发区
吉林高新技术产业开发区	national	hitech	吉林	吉林	
延吉高新技术产业开发区	national	hitech	吉林	延边	
通化医药高新技术产业开发区	national	hitech	吉林	通化	通化医药高新区
哈尔滨高新技术产业开发区	national	hitech	黑龙江	哈尔滨	
大庆高新技术产业开发区	national	hitech	黑龙江	大庆	
齐齐哈尔高新技术产业开发区	national	hitech	黑龙江	齐齐哈尔	
上海张江高新技术产业开发区	national	hitech	上海	上海	张江,张江高新区,张江高科技园区,张江科学城
上海紫竹高新技术产业开发区	national	hitech	上海	上海	紫竹高新区,紫竹科学园区
南京高新技术产业开发区	national	hitech	江苏	南京	
苏州高新技术产业开发区	national	hitech	江苏	苏州	苏州新区
无锡高新技术产业开发区	national	hitech	江苏	无锡	无锡新区
常州高新技术产业开发区	national	hitech	江苏	常州	常州新北区
武进高新技术产业开发区	national	hitech	江苏	常州	武进高新区
昆山高新技术产业开发区	national	hitech	江苏	苏州	
江阴高新技术产业开发区	national	hitech	江苏	无锡	
泰州医药高新技术产业开发区	national	hitech	江苏	泰州	泰州医药高新区,中国医药城
徐州高新技术产业开发区	national	hitech	江苏	徐州	
南通高新技术产业开发区	national	hitech	江苏	南通	
镇江高新技术产业开发区	national	hitech	江苏	镇江	
盐城高新技术产业开发区	national	hitech	江苏	盐城	
连云港高新技术产业开发区	national	hitech	江苏	连云港	
扬州高新技术产业开发区	national	hitech	江苏	扬州	
常熟高新技术产业开发区	national	hitech	江苏	苏州	
淮安高新技术产业开发区	national	hitech	江苏	淮安	
宿迁高新技术产业开发区	national	hitech	江苏	宿迁	
杭州高新技术产业开发区	national	hitech	浙江	杭州	杭州高新区(滨江),滨江高新区
萧山临江高新技术产业开发区	national	hitech	浙江	杭州	萧山临江高新区
宁波高新技术产业开发区	national	hitech	浙江	宁波	
绍兴高新技术产业开发区	national	hitech	浙江	绍兴	
温州高新技术产业开发区	national	hitech	浙江	温州	
衢州高新技术产业开发区	national	hitech	浙江	衢州	
湖州莫干山高新技术产业开发区	national	hitech	浙江	湖州	莫干山高新区
嘉兴高新技术产业开发区	national	hitech	浙江	嘉兴	嘉兴秀洲高新区
合肥高新技术产业开发区	national	hitech	安徽	合肥	
芜湖高新技术产业开发区	national	hitech	安徽	芜湖	
蚌埠高新技术产业开发区	national	hitech	安徽	蚌埠	
马鞍山慈湖高新技术产业开发区	national	hitech	安徽	马鞍山	慈湖高新区
铜陵狮子山高新技术产业开发区	national	hitech	安徽	铜陵	狮子山高新区
淮南高新技术产业开发区	national	hitech	安徽	淮南	
滁州高新技术产业开发区	national	hitech	安徽	滁州	
福州高新技术产业开发区	national	hitech	福建	福州	
厦门火炬高技术产业开发区	national	hitech	福建	厦门	厦门火炬高新区,厦门高新区,火炬高新区
泉州高新技术产业开发区	national	hitech	福建	泉州	
莆田高新技术产业开发区	national	hitech	福建	莆田	
漳州高新技术产业开发区	national	hitech	福建	漳州	
三明高新技术产业开发区	national	hitech	福建	三明	
龙岩高新技术产业开发区	national	hitech	福建	龙岩	
南昌高新技术产业开发区	national	hitech	江西	南昌	
新余高新技术产业开发区	national	hitech	江西	新余	
景德镇高新技术产业开发区	national	hitech	江西	景德镇	
鹰潭高新技术产业开发区	national	hitech	江西	鹰潭	
抚州高新技术产业开发区	national	hitech	江西	抚州	
吉安高新技术产业开发区	national	hitech	江西	吉安	
赣州高新技术产业开发区	national	hitech	江西	赣州	
九江共青城高新技术产业开发区	national	hitech	江西	九江	共青城高新区
宜春丰城高新技术产业开发区	national	hitech	江西	宜春	丰城高新区
济南高新技术产业开发区	national	hitech	山东	济南	
青岛高新技术产业开发区	national	hitech	山东	青岛	
淄博高新技术产业开发区	national	hitech	山东	淄博	
潍坊高新技术产业开发区	national	hitech	山东	潍坊	
威海火炬高技术产业开发区	national	hitech	山东	威海	威海火炬高新区,威海高新区
烟台高新技术产业开发区	national	hitech	山东	烟台	
济宁高新技术产业开发区	national	hitech	山东	济宁	
临沂高新技术产业开发区	national	hitech	山东	临沂	
泰安高新技术产业开发区	national	hitech	山东	泰安	
枣庄高新技术产业开发区	national	hitech	山东	枣庄	
德州高新技术产业开发区	national	hitech	山东	德州	
莱芜高新技术产业开发区	national	hitech	山东	济南	
黄河三角洲农业高新技术产业示范区	national	hitech	山东	东营	黄三角农高区,黄河三角洲农高区
郑州高新技术产业开发区	national	hitech	河南	郑州	
洛阳高新技术产业开发区	national	hitech	河南	洛阳	
安阳高新技术产业开发区	national	hitech	河南	安阳	
南阳高新技术产业开发区	national	hitech	河南	南阳	
新乡高新技术产业开发区	national	hitech	河南	新乡	
平顶山高新技术产业开发区	national	hitech	河南	平顶山	
焦作高新技术产业开发区	national	hitech	河南	焦作	
信阳高新技术产业开发区	national	hitech	河南	信阳	
武汉东湖新技术开发区	national	hitech	湖北	武汉	光谷,中国光谷,东湖高新区,武汉东湖高新区,东湖新技术开发区,东湖开发区
襄阳高新技术产业开发区	national	hitech	湖北	襄阳	襄樊高新技术产业开发区
宜昌高新技术产业开发区	national	hitech	湖北	宜昌	
孝感高新技术产业开发区	national	hitech	湖北	孝感	
荆门高新技术产业开发区	national	hitech	湖北	荆门	
仙桃高新技术产业开发区	national	hitech	湖北	仙桃	
随州高新技术产业开发区	national	hitech	湖北	随州	
黄冈高新技术产业开发区	national	hitech	湖北	黄冈	
咸宁高新技术产业开发区	national	hitech	湖北	咸宁	
荆州高新技术产业开发区	national	hitech	湖北	荆州	
黄石大冶湖高新技术产业开发区	national	hitech	湖北	黄石	大冶湖高新区
潜江高新技术产业开发区	national	hitech	湖北	潜江	
长沙高新技术产业开发区	national	hitech	湖南	长沙	麓谷,长沙麓谷
株洲高新技术产业开发区	national	hitech	湖南	株洲	
湘潭高新技术产业开发区	national	hitech	湖南	湘潭	
益阳高新技术产业开发区	national	hitech	湖南	益阳	
衡阳高新技术产业开发区	national	hitech	湖南	衡阳	
郴州高新技术产业开发区	national	hitech	湖南	郴州	
常德高新技术产业开发区	national	hitech	湖南	常德	
怀化高新技术产业开发区	national	hitech	湖南	怀化	
广州高新技术产业开发区	national	hitech	广东	广州	
深圳市高新技术产业园区	national	hitech	广东	深圳	深圳高新区,深圳高新技术产业园区
中山火炬高技术产业开发区	national	hitech	广东	中山	中山火炬开发区,中山火炬高新区
佛山高新技术产业开发区	national	hitech	广东	佛山	
惠州仲恺高新技术产业开发区	national	hitech	广东	惠州	仲恺高新区
珠海高新技术产业开发区	national	hitech	广东	珠海	
东莞松山湖高新技术产业开发区	national	hitech	广东	东莞	松山湖,松山湖高新区,东莞松山湖
肇庆高新技术产业开发区	national	hitech	广东	肇庆	
江门高新技术产业开发区	national	hitech	广东	江门	
河源高新技术产业开发区	national	hitech	广东	河源	
清远高新技术产业开发区	national	hitech	广东	清远	
汕头高新技术产业开发区	national	hitech	广东	汕头	
湛江高新技术产业开发区	national	hitech	广东	湛江	
茂名高新技术产业开发区	national	hitech	广东	茂名	
南宁高新技术产业开发区	national	hitech	广西	南宁	
桂林高新技术产业开发区	national	hitech	广西	桂林	
柳州高新技术产业开发区	national	hitech	广西	柳州	
北海高新技术产业开发区	national	hitech	广西	北海	
海口高新技术产业开发区	national	hitech	海南	海口	
重庆高新技术产业开发区	national	hitech	重庆	重庆	
璧山高新技术产业开发区	national	hitech	重庆	重庆	
荣昌高新技术产业开发区	national	hitech	重庆	重庆	
永川高新技术产业开发区	national	hitech	重庆	重庆	
成都高新技术产业开发区	national	hitech	四川	成都	
绵阳高新技术产业开发区	national	hitech	四川	绵阳	
自贡高新技术产业开发区	national	hitech	四川	自贡	
乐山高新技术产业开发区	national	hitech	四川	乐山	
泸州高新技术产业开发区	national	hitech	四川	泸州	
攀枝花钒钛高新技术产业开发区	national	hitech	四川	攀枝花	钒钛高新区
德阳高新技术产业开发区	national	hitech	四川	德阳	
内江高新技术产业开发区	national	hitech	四川	内江	
贵阳高新技术产业开发区	national	hitech	贵州	贵阳	
安顺高新技术产业开发区	national	hitech	贵州	安顺	
遵义高新技术产业开发区	national	hitech	贵州	遵义	
昆明高新技术产业开发区	national	hitech	云南	昆明	
玉溪高新技术产业开发区	national	hitech	云南	玉溪	
楚雄高新技术产业开发区	national	hitech	云南	楚雄	
西安高新技术产业开发区	national	hitech	陕西	西安	
宝鸡高新技术产业开发区	national	hitech	陕西	宝鸡	
杨凌农业高新技术产业示范区	national	hitech	陕西	咸阳	杨凌示范区,杨凌农高区
渭南高新技术产业开发区	national	hitech	陕西	渭南	
榆林高新技术产业开发区	national	hitech	陕西	榆林	
咸阳高新技术产业开发区	national	hitech	陕西	咸阳	
安康高新技术产业开发区	national	hitech	陕西	安康	
兰州高新技术产业开发区	national	hitech	甘肃	兰州	
白银高新技术产业开发区	national	hitech	甘肃	白银	
青海高新技术产业开发区	national	hitech	青海	西宁	西宁高新区
银川高新技术产业开发区	national	hitech	宁夏	银川	
石嘴山高新技术产业开发区	national	hitech	宁夏	石嘴山	
乌鲁木齐高新技术产业开发区	national	hitech	新疆	乌鲁木齐	
昌吉高新技术产业开发区	national	hitech	新疆	昌吉	
石河子高新技术产业开发区	national	hitech	新疆	石河子	新疆生产建设兵团石河子高新技术产业开发区
克拉玛依高新技术产业开发区	national	hitech	新疆	克拉玛依	
"""#
}
