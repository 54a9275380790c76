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
徐州高新技术产业开发区	national	hitech	江苏	徐州	铜山经济开发区
南通高新技术产业开发区	national	hitech	江苏	南通	
镇江高新技术产业开发区	national	hitech	江苏	镇江	
盐城高新技术产业开发区	national	hitech	江苏	盐城	
连云港高新技术产业开发区	national	hitech	江苏	连云港	
扬州高新技术产业开发区	national	hitech	江苏	扬州	
常熟高新技术产业开发区	national	hitech	江苏	苏州	
淮安高新技术产业开发区	national	hitech	江苏	淮安	
宿迁高新技术产业开发区	national	hitech	江苏	宿迁	
杭州高新技术产业开发区	national	hitech	浙江	杭州	杭州滨江高新区,滨江高新区
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
邯郸高新技术产业开发区	national	hitech	河北	邯郸	
衡水高新技术产业开发区	national	hitech	河北	衡水	河北衡水高新技术产业开发区
上海浦东新区	national	newarea	上海	上海	浦东新区,浦东
天津滨海新区	national	newarea	天津	天津	滨海新区
重庆两江新区	national	newarea	重庆	重庆	两江新区
浙江舟山群岛新区	national	newarea	浙江	舟山	舟山群岛新区,舟山新区
甘肃兰州新区	national	newarea	甘肃	兰州	兰州新区
广州南沙新区	national	newarea	广东	广州	南沙新区
陕西西咸新区	national	newarea	陕西	西安	西咸新区
贵州贵安新区	national	newarea	贵州	贵阳	贵安新区
青岛西海岸新区	national	newarea	山东	青岛	西海岸新区
大连金普新区	national	newarea	辽宁	大连	金普新区
四川天府新区	national	newarea	四川	成都	天府新区
湖南湘江新区	national	newarea	湖南	长沙	湘江新区
南京江北新区	national	newarea	江苏	南京	江北新区
福州新区	national	newarea	福建	福州	
云南滇中新区	national	newarea	云南	昆明	滇中新区
哈尔滨新区	national	newarea	黑龙江	哈尔滨	
长春新区	national	newarea	吉林	长春	
江西赣江新区	national	newarea	江西	南昌	赣江新区
河北雄安新区	national	newarea	河北	保定	雄安新区,雄安
中国(上海)自由贸易试验区	national	ftz	上海	上海	上海自贸区,上海自贸试验区,上海自由贸易试验区
上海自由贸易试验区临港新片区	national	ftz	上海	上海	临港新片区,中国(上海)自由贸易试验区临港新片区,上海自贸区临港新片区
中国(广东)自由贸易试验区	national	ftz	广东	广州	广东自贸区,广东自贸试验区,广东自由贸易试验区
广东自由贸易试验区南沙片区	national	ftz	广东	广州	南沙自贸片区,广东自贸区南沙片区,南沙片区
广东自由贸易试验区前海蛇口片区	national	ftz	广东	深圳	前海蛇口自贸片区,前海蛇口片区,广东自贸区前海蛇口片区
广东自由贸易试验区横琴片区	national	ftz	广东	珠海	横琴自贸片区,广东自贸区横琴片区
中国(天津)自由贸易试验区	national	ftz	天津	天津	天津自贸区,天津自贸试验区,天津自由贸易试验区
中国(福建)自由贸易试验区	national	ftz	福建	福州	福建自贸区,福建自贸试验区,福建自由贸易试验区
福建自由贸易试验区平潭片区	national	ftz	福建	福州	平潭片区,福建自贸区平潭片区
福建自由贸易试验区厦门片区	national	ftz	福建	厦门	厦门自贸片区,福建自贸区厦门片区
福建自由贸易试验区福州片区	national	ftz	福建	福州	福州自贸片区,福建自贸区福州片区
中国(辽宁)自由贸易试验区	national	ftz	辽宁	沈阳	辽宁自贸区,辽宁自贸试验区,辽宁自由贸易试验区
中国(浙江)自由贸易试验区	national	ftz	浙江	杭州	浙江自贸区,浙江自贸试验区,浙江自由贸易试验区
中国(河南)自由贸易试验区	national	ftz	河南	郑州	河南自贸区,河南自贸试验区,河南自由贸易试验区
中国(湖北)自由贸易试验区	national	ftz	湖北	武汉	湖北自贸区,湖北自贸试验区,湖北自由贸易试验区
中国(重庆)自由贸易试验区	national	ftz	重庆	重庆	重庆自贸区,重庆自贸试验区,重庆自由贸易试验区
中国(四川)自由贸易试验区	national	ftz	四川	成都	四川自贸区,四川自贸试验区,四川自由贸易试验区
中国(陕西)自由贸易试验区	national	ftz	陕西	西安	陕西自贸区,陕西自贸试验区,陕西自由贸易试验区
中国(海南)自由贸易试验区	national	ftz	海南	海口	海南自贸区,海南自贸试验区,海南自由贸易试验区
中国(海南)自由贸易港	national	ftz	海南	海口	海南自由贸易港,海南自贸港
中国(山东)自由贸易试验区	national	ftz	山东	济南	山东自贸区,山东自贸试验区,山东自由贸易试验区
中国(江苏)自由贸易试验区	national	ftz	江苏	南京	江苏自贸区,江苏自贸试验区,江苏自由贸易试验区
中国(广西)自由贸易试验区	national	ftz	广西	南宁	广西自贸区,广西自贸试验区,广西自由贸易试验区
中国(河北)自由贸易试验区	national	ftz	河北	石家庄	河北自贸区,河北自贸试验区,河北自由贸易试验区
中国(云南)自由贸易试验区	national	ftz	云南	昆明	云南自贸区,云南自贸试验区,云南自由贸易试验区
中国(黑龙江)自由贸易试验区	national	ftz	黑龙江	哈尔滨	黑龙江自贸区,黑龙江自贸试验区,黑龙江自由贸易试验区
中国(北京)自由贸易试验区	national	ftz	北京	北京	北京自贸区,北京自贸试验区,北京自由贸易试验区
中国(湖南)自由贸易试验区	national	ftz	湖南	长沙	湖南自贸区,湖南自贸试验区,湖南自由贸易试验区
中国(安徽)自由贸易试验区	national	ftz	安徽	合肥	安徽自贸区,安徽自贸试验区,安徽自由贸易试验区
中国(新疆)自由贸易试验区	national	ftz	新疆	乌鲁木齐	新疆自贸区,新疆自贸试验区,新疆自由贸易试验区
辽宁自由贸易试验区大连片区	national	ftz	辽宁	大连	大连自贸片区,辽宁自贸区大连片区
辽宁自由贸易试验区沈阳片区	national	ftz	辽宁	沈阳	沈阳自贸片区,辽宁自贸区沈阳片区
辽宁自由贸易试验区营口片区	national	ftz	辽宁	营口	营口自贸片区,辽宁自贸区营口片区
浙江自由贸易试验区舟山片区	national	ftz	浙江	舟山	舟山自贸片区,浙江自贸区舟山片区
浙江自由贸易试验区宁波片区	national	ftz	浙江	宁波	宁波自贸片区,浙江自贸区宁波片区
浙江自由贸易试验区杭州片区	national	ftz	浙江	杭州	杭州自贸片区,浙江自贸区杭州片区
浙江自由贸易试验区金义片区	national	ftz	浙江	金华	金义自贸片区,浙江自贸区金义片区
河南自由贸易试验区郑州片区	national	ftz	河南	郑州	郑州自贸片区,河南自贸区郑州片区
河南自由贸易试验区开封片区	national	ftz	河南	开封	开封自贸片区,河南自贸区开封片区
河南自由贸易试验区洛阳片区	national	ftz	河南	洛阳	洛阳自贸片区,河南自贸区洛阳片区
湖北自由贸易试验区武汉片区	national	ftz	湖北	武汉	武汉自贸片区,湖北自贸区武汉片区
湖北自由贸易试验区襄阳片区	national	ftz	湖北	襄阳	襄阳自贸片区,湖北自贸区襄阳片区
湖北自由贸易试验区宜昌片区	national	ftz	湖北	宜昌	宜昌自贸片区,湖北自贸区宜昌片区
陕西自由贸易试验区杨凌示范区片区	national	ftz	陕西	咸阳	杨凌自贸片区
山东自由贸易试验区济南片区	national	ftz	山东	济南	济南自贸片区,山东自贸区济南片区
山东自由贸易试验区青岛片区	national	ftz	山东	青岛	青岛自贸片区,山东自贸区青岛片区
山东自由贸易试验区烟台片区	national	ftz	山东	烟台	烟台自贸片区,山东自贸区烟台片区
江苏自由贸易试验区南京片区	national	ftz	江苏	南京	南京自贸片区,江苏自贸区南京片区
江苏自由贸易试验区苏州片区	national	ftz	江苏	苏州	苏州自贸片区,江苏自贸区苏州片区
江苏自由贸易试验区连云港片区	national	ftz	江苏	连云港	连云港自贸片区,江苏自贸区连云港片区
广西自由贸易试验区南宁片区	national	ftz	广西	南宁	南宁自贸片区,广西自贸区南宁片区
广西自由贸易试验区钦州港片区	national	ftz	广西	钦州	钦州港自贸片区,广西自贸区钦州港片区
广西自由贸易试验区崇左片区	national	ftz	广西	崇左	崇左自贸片区,广西自贸区崇左片区
河北自由贸易试验区雄安片区	national	ftz	河北	保定	雄安自贸片区,河北自贸区雄安片区
河北自由贸易试验区正定片区	national	ftz	河北	石家庄	正定自贸片区,河北自贸区正定片区
河北自由贸易试验区曹妃甸片区	national	ftz	河北	唐山	曹妃甸自贸片区,河北自贸区曹妃甸片区
河北自由贸易试验区大兴机场片区	national	ftz	河北	廊坊	大兴机场自贸片区,河北自贸区大兴机场片区
云南自由贸易试验区昆明片区	national	ftz	云南	昆明	昆明自贸片区,云南自贸区昆明片区
云南自由贸易试验区红河片区	national	ftz	云南	红河	红河自贸片区,云南自贸区红河片区
云南自由贸易试验区德宏片区	national	ftz	云南	德宏	德宏自贸片区,云南自贸区德宏片区
黑龙江自由贸易试验区哈尔滨片区	national	ftz	黑龙江	哈尔滨	哈尔滨自贸片区,黑龙江自贸区哈尔滨片区
黑龙江自由贸易试验区黑河片区	national	ftz	黑龙江	黑河	黑河自贸片区,黑龙江自贸区黑河片区
黑龙江自由贸易试验区绥芬河片区	national	ftz	黑龙江	牡丹江	绥芬河自贸片区,黑龙江自贸区绥芬河片区
湖南自由贸易试验区长沙片区	national	ftz	湖南	长沙	长沙自贸片区,湖南自贸区长沙片区
湖南自由贸易试验区岳阳片区	national	ftz	湖南	岳阳	岳阳自贸片区,湖南自贸区岳阳片区
湖南自由贸易试验区郴州片区	national	ftz	湖南	郴州	郴州自贸片区,湖南自贸区郴州片区
安徽自由贸易试验区合肥片区	national	ftz	安徽	合肥	合肥自贸片区,安徽自贸区合肥片区
安徽自由贸易试验区芜湖片区	national	ftz	安徽	芜湖	芜湖自贸片区,安徽自贸区芜湖片区
安徽自由贸易试验区蚌埠片区	national	ftz	安徽	蚌埠	蚌埠自贸片区,安徽自贸区蚌埠片区
新疆自由贸易试验区乌鲁木齐片区	national	ftz	新疆	乌鲁木齐	乌鲁木齐自贸片区,新疆自贸区乌鲁木齐片区
新疆自由贸易试验区喀什片区	national	ftz	新疆	喀什	喀什自贸片区,新疆自贸区喀什片区
新疆自由贸易试验区霍尔果斯片区	national	ftz	新疆	伊犁	霍尔果斯自贸片区,新疆自贸区霍尔果斯片区
重庆自由贸易试验区两江片区	national	ftz	重庆	重庆	两江自贸片区
四川自由贸易试验区川南临港片区	national	ftz	四川	泸州	川南临港片区,泸州自贸片区
上海外高桥保税区	national	bonded	上海	上海	外高桥保税区,外高桥
天津港保税区	national	bonded	天津	天津	天津保税区
大连保税区	national	bonded	辽宁	大连	
张家港保税区	national	bonded	江苏	苏州	
宁波保税区	national	bonded	浙江	宁波	
福州保税区	national	bonded	福建	福州	
厦门象屿保税区	national	bonded	福建	厦门	象屿保税区
广州保税区	national	bonded	广东	广州	
深圳福田保税区	national	bonded	广东	深圳	福田保税区
深圳沙头角保税区	national	bonded	广东	深圳	沙头角保税区
深圳盐田港保税区	national	bonded	广东	深圳	盐田港保税区
珠海保税区	national	bonded	广东	珠海	
汕头保税区	national	bonded	广东	汕头	
海口保税区	national	bonded	海南	海口	
青岛保税区	national	bonded	山东	青岛	
洋山特殊综合保税区	national	bonded	上海	上海	上海洋山保税港区,洋山保税港区,洋山综保区
天津东疆综合保税区	national	bonded	天津	天津	天津东疆保税港区,东疆保税港区,东疆综保区
钦州综合保税区	national	bonded	广西	钦州	广西钦州保税港区,钦州保税港区,钦州综保区
大连大窑湾保税港区	national	bonded	辽宁	大连	大窑湾保税港区
海南洋浦保税港区	national	bonded	海南	儋州	洋浦保税港区
厦门海沧保税港区	national	bonded	福建	厦门	海沧保税港区
青岛前湾保税港区	national	bonded	山东	青岛	前湾保税港区
张家港保税港区	national	bonded	江苏	苏州	
福州保税港区	national	bonded	福建	福州	
北京天竺综合保税区	national	bonded	北京	北京	天竺综保区,天竺综合保税区
北京大兴国际机场综合保税区	national	bonded	北京	北京	大兴机场综保区
天津滨海新区综合保税区	national	bonded	天津	天津	
天津泰达综合保税区	national	bonded	天津	天津	泰达综保区
曹妃甸综合保税区	national	bonded	河北	唐山	曹妃甸综保区
石家庄综合保税区	national	bonded	河北	石家庄	
廊坊综合保税区	national	bonded	河北	廊坊	
秦皇岛综合保税区	national	bonded	河北	秦皇岛	
太原武宿综合保税区	national	bonded	山西	太原	武宿综保区
呼和浩特综合保税区	national	bonded	内蒙古	呼和浩特	
满洲里综合保税区	national	bonded	内蒙古	呼伦贝尔	
鄂尔多斯综合保税区	national	bonded	内蒙古	鄂尔多斯	
沈阳综合保税区	national	bonded	辽宁	沈阳	
大连湾里综合保税区	national	bonded	辽宁	大连	湾里综保区
营口综合保税区	national	bonded	辽宁	营口	
长春兴隆综合保税区	national	bonded	吉林	长春	兴隆综保区
珲春综合保税区	national	bonded	吉林	延边	
绥芬河综合保税区	national	bonded	黑龙江	牡丹江	
哈尔滨综合保税区	national	bonded	黑龙江	哈尔滨	
上海外高桥港综合保税区	national	bonded	上海	上海	外高桥港综保区
上海浦东机场综合保税区	national	bonded	上海	上海	浦东机场综保区
上海松江综合保税区	national	bonded	上海	上海	松江综保区
上海金桥综合保税区	national	bonded	上海	上海	金桥综保区
上海青浦综合保税区	national	bonded	上海	上海	青浦综保区
上海奉贤综合保税区	national	bonded	上海	上海	奉贤综保区
上海漕河泾综合保税区	national	bonded	上海	上海	漕河泾综保区
上海嘉定综合保税区	national	bonded	上海	上海	嘉定综保区
苏州工业园综合保税区	national	bonded	江苏	苏州	苏州工业园区综合保税区,园区综保区
昆山综合保税区	national	bonded	江苏	苏州	
苏州高新技术产业开发区综合保税区	national	bonded	江苏	苏州	苏州高新区综合保税区,苏州高新区综保区
吴中综合保税区	national	bonded	江苏	苏州	
吴江综合保税区	national	bonded	江苏	苏州	
常熟综合保税区	national	bonded	江苏	苏州	
太仓港综合保税区	national	bonded	江苏	苏州	
无锡高新区综合保税区	national	bonded	江苏	无锡	
江阴综合保税区	national	bonded	江苏	无锡	
南京综合保税区	national	bonded	江苏	南京	
南通综合保税区	national	bonded	江苏	南通	
盐城综合保税区	national	bonded	江苏	盐城	
连云港综合保税区	national	bonded	江苏	连云港	
镇江综合保税区	national	bonded	江苏	镇江	
常州综合保税区	national	bonded	江苏	常州	
武进综合保税区	national	bonded	江苏	常州	
泰州综合保税区	national	bonded	江苏	泰州	
淮安综合保税区	national	bonded	江苏	淮安	
扬州综合保税区	national	bonded	江苏	扬州	
徐州综合保税区	national	bonded	江苏	徐州	
杭州综合保税区	national	bonded	浙江	杭州	
宁波梅山综合保税区	national	bonded	浙江	宁波	宁波梅山保税港区,梅山保税港区
宁波北仑港综合保税区	national	bonded	浙江	宁波	
宁波前湾综合保税区	national	bonded	浙江	宁波	
嘉兴综合保税区	national	bonded	浙江	嘉兴	
金义综合保税区	national	bonded	浙江	金华	
义乌综合保税区	national	bonded	浙江	金华	
舟山港综合保税区	national	bonded	浙江	舟山	
温州综合保税区	national	bonded	浙江	温州	
绍兴综合保税区	national	bonded	浙江	绍兴	
合肥综合保税区	national	bonded	安徽	合肥	
合肥经济技术开发区综合保税区	national	bonded	安徽	合肥	合肥经开综保区
芜湖综合保税区	national	bonded	安徽	芜湖	
马鞍山综合保税区	national	bonded	安徽	马鞍山	
安庆综合保税区	national	bonded	安徽	安庆	
厦门象屿综合保税区	national	bonded	福建	厦门	象屿综保区
福州综合保税区	national	bonded	福建	福州	
泉州综合保税区	national	bonded	福建	泉州	
南昌综合保税区	national	bonded	江西	南昌	
九江综合保税区	national	bonded	江西	九江	
赣州综合保税区	national	bonded	江西	赣州	
井冈山综合保税区	national	bonded	江西	吉安	
济南综合保税区	national	bonded	山东	济南	
济南章锦综合保税区	national	bonded	山东	济南	章锦综保区
青岛西海岸综合保税区	national	bonded	山东	青岛	
青岛胶州湾综合保税区	national	bonded	山东	青岛	
青岛空港综合保税区	national	bonded	山东	青岛	
青岛即墨综合保税区	national	bonded	山东	青岛	
烟台综合保税区	national	bonded	山东	烟台	烟台保税港区
潍坊综合保税区	national	bonded	山东	潍坊	
威海综合保税区	national	bonded	山东	威海	
临沂综合保税区	national	bonded	山东	临沂	
日照综合保税区	national	bonded	山东	日照	
东营综合保税区	national	bonded	山东	东营	
淄博综合保税区	national	bonded	山东	淄博	
郑州新郑综合保税区	national	bonded	河南	郑州	新郑综保区,郑州航空港综保区
郑州经开综合保税区	national	bonded	河南	郑州	
南阳卧龙综合保税区	national	bonded	河南	南阳	
洛阳综合保税区	national	bonded	河南	洛阳	
开封综合保税区	national	bonded	河南	开封	
武汉东湖综合保税区	national	bonded	湖北	武汉	东湖综保区
武汉经开综合保税区	national	bonded	湖北	武汉	
武汉新港空港综合保税区	national	bonded	湖北	武汉	
襄阳综合保税区	national	bonded	湖北	襄阳	
宜昌综合保税区	national	bonded	湖北	宜昌	
黄石棋盘洲综合保税区	national	bonded	湖北	黄石	
长沙黄花综合保税区	national	bonded	湖南	长沙	黄花综保区
衡阳综合保税区	national	bonded	湖南	衡阳	
湘潭综合保税区	national	bonded	湖南	湘潭	
岳阳城陵矶综合保税区	national	bonded	湖南	岳阳	城陵矶综保区
郴州综合保税区	national	bonded	湖南	郴州	
广州白云机场综合保税区	national	bonded	广东	广州	白云机场综保区
广州南沙综合保税区	national	bonded	广东	广州	广州南沙保税港区,南沙保税港区
广州黄埔综合保税区	national	bonded	广东	广州	
深圳盐田综合保税区	national	bonded	广东	深圳	盐田综保区
深圳前海综合保税区	national	bonded	广东	深圳	前海综保区,深圳前海湾保税港区,前海湾保税港区
深圳坪山综合保税区	national	bonded	广东	深圳	坪山综保区
东莞虎门港综合保税区	national	bonded	广东	东莞	虎门港综保区
珠海高栏港综合保税区	national	bonded	广东	珠海	高栏港综保区
汕头综合保税区	national	bonded	广东	汕头	
湛江综合保税区	national	bonded	广东	湛江	
梅州综合保税区	national	bonded	广东	梅州	
南宁综合保税区	national	bonded	广西	南宁	
北海综合保税区	national	bonded	广西	北海	
凭祥综合保税区	national	bonded	广西	崇左	
梧州综合保税区	national	bonded	广西	梧州	
柳州综合保税区	national	bonded	广西	柳州	
海口综合保税区	national	bonded	海南	海口	
海口空港综合保税区	national	bonded	海南	海口	
重庆西永综合保税区	national	bonded	重庆	重庆	西永综保区
重庆两路果园港综合保税区	national	bonded	重庆	重庆	重庆两路寸滩保税港区,两路寸滩保税港区
重庆江津综合保税区	national	bonded	重庆	重庆	
重庆涪陵综合保税区	national	bonded	重庆	重庆	
重庆永川综合保税区	national	bonded	重庆	重庆	
重庆万州综合保税区	national	bonded	重庆	重庆	
成都高新综合保税区	national	bonded	四川	成都	
成都高新西园综合保税区	national	bonded	四川	成都	
成都国际铁路港综合保税区	national	bonded	四川	成都	
绵阳综合保税区	national	bonded	四川	绵阳	
泸州综合保税区	national	bonded	四川	泸州	
宜宾综合保税区	national	bonded	四川	宜宾	
贵阳综合保税区	national	bonded	贵州	贵阳	
贵安综合保税区	national	bonded	贵州	贵阳	
遵义综合保税区	national	bonded	贵州	遵义	
昆明综合保税区	national	bonded	云南	昆明	
红河综合保税区	national	bonded	云南	红河	
拉萨综合保税区	national	bonded	西藏	拉萨	
西安综合保税区	national	bonded	陕西	西安	
西安高新综合保税区	national	bonded	陕西	西安	
西安关中综合保税区	national	bonded	陕西	西安	
西安航空基地综合保税区	national	bonded	陕西	西安	
陕西西咸空港综合保税区	national	bonded	陕西	西安	西咸空港综保区
宝鸡综合保税区	national	bonded	陕西	宝鸡	
陕西杨凌综合保税区	national	bonded	陕西	咸阳	杨凌综保区
兰州新区综合保税区	national	bonded	甘肃	兰州	
西宁综合保税区	national	bonded	青海	西宁	
银川综合保税区	national	bonded	宁夏	银川	
阿拉山口综合保税区	national	bonded	新疆	博尔塔拉	
喀什综合保税区	national	bonded	新疆	喀什	
乌鲁木齐综合保税区	national	bonded	新疆	乌鲁木齐	
大连出口加工区	national	export	辽宁	大连	
天津出口加工区	national	export	天津	天津	
北京天竺出口加工区	national	export	北京	北京	
上海松江出口加工区	national	export	上海	上海	
上海漕河泾出口加工区	national	export	上海	上海	
上海青浦出口加工区	national	export	上海	上海	
上海闵行出口加工区	national	export	上海	上海	
上海嘉定出口加工区	national	export	上海	上海	
昆山出口加工区	national	export	江苏	苏州	
苏州工业园区出口加工区	national	export	江苏	苏州	
苏州高新区出口加工区	national	export	江苏	苏州	
无锡出口加工区	national	export	江苏	无锡	
南京出口加工区	national	export	江苏	南京	
南通出口加工区	national	export	江苏	南通	
镇江出口加工区	national	export	江苏	镇江	
连云港出口加工区	national	export	江苏	连云港	
杭州出口加工区	national	export	浙江	杭州	
宁波出口加工区	national	export	浙江	宁波	
嘉兴出口加工区	national	export	浙江	嘉兴	
合肥出口加工区	national	export	安徽	合肥	
芜湖出口加工区	national	export	安徽	芜湖	
厦门出口加工区	national	export	福建	厦门	
福州出口加工区	national	export	福建	福州	
泉州出口加工区	national	export	福建	泉州	
南昌出口加工区	national	export	江西	南昌	
九江出口加工区	national	export	江西	九江	
赣州出口加工区	national	export	江西	赣州	
青岛出口加工区	national	export	山东	青岛	
烟台出口加工区	national	export	山东	烟台	
威海出口加工区	national	export	山东	威海	
济南出口加工区	national	export	山东	济南	
潍坊出口加工区	national	export	山东	潍坊	
郑州出口加工区	national	export	河南	郑州	河南郑州出口加工区
武汉出口加工区	national	export	湖北	武汉	
广州出口加工区	national	export	广东	广州	
深圳出口加工区	national	export	广东	深圳	
成都出口加工区	national	export	四川	成都	
绵阳出口加工区	national	export	四川	绵阳	
重庆出口加工区	national	export	重庆	重庆	
西安出口加工区	national	export	陕西	西安	
秦皇岛出口加工区	national	export	河北	秦皇岛	
廊坊出口加工区	national	export	河北	廊坊	
呼和浩特出口加工区	national	export	内蒙古	呼和浩特	
沈阳(张士)出口加工区	national	export	辽宁	沈阳	沈阳张士出口加工区
珲春出口加工区	national	export	吉林	延边	
高雄科技产业园区	national	export	台湾	高雄	高雄加工出口区
楠梓科技产业园区	national	export	台湾	高雄	楠梓加工出口区
台中科技产业园区	national	export	台湾	台中	台中加工出口区,潭子加工出口区
黑河边境经济合作区	national	border	黑龙江	黑河	
绥芬河边境经济合作区	national	border	黑龙江	牡丹江	
珲春边境经济合作区	national	border	吉林	延边	
和龙边境经济合作区	national	border	吉林	延边	
丹东边境经济合作区	national	border	辽宁	丹东	
满洲里边境经济合作区	national	border	内蒙古	呼伦贝尔	
二连浩特边境经济合作区	national	border	内蒙古	锡林郭勒	
伊宁边境经济合作区	national	border	新疆	伊犁	
博乐边境经济合作区	national	border	新疆	博尔塔拉	
塔城边境经济合作区	national	border	新疆	塔城	
吉木乃边境经济合作区	national	border	新疆	阿勒泰	
凭祥边境经济合作区	national	border	广西	崇左	
东兴边境经济合作区	national	border	广西	防城港	
瑞丽边境经济合作区	national	border	云南	德宏	
畹町边境经济合作区	national	border	云南	德宏	
河口边境经济合作区	national	border	云南	红河	
临沧边境经济合作区	national	border	云南	临沧	
中哈霍尔果斯国际边境合作中心	national	border	新疆	伊犁	霍尔果斯国际边境合作中心
中国老挝磨憨-磨丁经济合作区	national	border	云南	西双版纳	磨憨-磨丁经济合作区,中老磨憨-磨丁经济合作区
霍尔果斯经济开发区	national	other	新疆	伊犁	
喀什经济开发区	national	other	新疆	喀什	
广西东兴重点开发开放试验区	national	other	广西	防城港	东兴试验区
广西凭祥重点开发开放试验区	national	other	广西	崇左	凭祥试验区
广西百色重点开发开放试验区	national	other	广西	百色	百色试验区
云南瑞丽重点开发开放试验区	national	other	云南	德宏	瑞丽试验区
云南勐腊(磨憨)重点开发开放试验区	national	other	云南	西双版纳	勐腊磨憨重点开发开放试验区
内蒙古满洲里重点开发开放试验区	national	other	内蒙古	呼伦贝尔	满洲里试验区
内蒙古二连浩特重点开发开放试验区	national	other	内蒙古	锡林郭勒	二连浩特试验区
黑龙江绥芬河-东宁重点开发开放试验区	national	other	黑龙江	牡丹江	绥芬河-东宁试验区
郑州航空港经济综合实验区	national	other	河南	郑州	郑州航空港区,航空港区,航空港实验区
平潭综合实验区	national	other	福建	福州	平潭实验区
新竹科学园区	national	sciencepark	台湾	新竹	竹科,新竹科学工业园区,新竹科学园区管理局
新竹科学园区竹南园区	national	sciencepark	台湾	苗栗	竹南园区,竹南科学园区
新竹科学园区铜锣园区	national	sciencepark	台湾	苗栗	铜锣园区,铜锣科学园区
新竹科学园区龙潭园区	national	sciencepark	台湾	桃园	龙潭园区,龙潭科学园区
新竹科学园区宜兰园区	national	sciencepark	台湾	宜兰	宜兰园区,宜兰科学园区
新竹生物医学园区	national	sciencepark	台湾	新竹	竹北生医园区,新竹生医园区
中部科学园区	national	sciencepark	台湾	台中	中科,中部科学工业园区
中部科学园区台中园区	national	sciencepark	台湾	台中	中科台中园区
中部科学园区虎尾园区	national	sciencepark	台湾	云林	虎尾园区,中科虎尾园区
中部科学园区后里园区	national	sciencepark	台湾	台中	后里园区,中科后里园区
中部科学园区二林园区	national	sciencepark	台湾	彰化	二林园区,中科二林园区
中部科学园区中兴园区	national	sciencepark	台湾	南投	中兴园区,中科中兴园区
南部科学园区	national	sciencepark	台湾	台南	南科,南部科学工业园区
南部科学园区台南园区	national	sciencepark	台湾	台南	南科台南园区
南部科学园区高雄园区	national	sciencepark	台湾	高雄	路竹园区,南科高雄园区,路竹科学园区
南部科学园区屏东园区	national	sciencepark	台湾	屏东	屏东科学园区,南科屏东园区
中新天津生态城	national	cooperation	天津	天津	天津生态城,中新生态城,生态城
中新广州知识城	national	cooperation	广东	广州	广州知识城,知识城
中马钦州产业园区	national	cooperation	广西	钦州	中国-马来西亚钦州产业园区,中马园区,中马钦州产业园
中韩(盐城)产业园	national	cooperation	江苏	盐城	中韩盐城产业园
中韩(烟台)产业园	national	cooperation	山东	烟台	中韩烟台产业园
中韩(惠州)产业园	national	cooperation	广东	惠州	中韩惠州产业园
中德(沈阳)高端装备制造产业园	national	cooperation	辽宁	沈阳	中德产业园,沈阳中德园,中德园
中以常州创新园	national	cooperation	江苏	常州	
中法武汉生态示范城	national	cooperation	湖北	武汉	中法生态城
吉林中国新加坡食品区	national	cooperation	吉林	吉林	中新吉林食品区,中新食品区
深汕特别合作区	provincial	cooperation	广东	深圳	深汕合作区
横琴粤澳深度合作区	national	cooperation	广东	珠海	横琴新区,珠海横琴新区,横琴合作区
前海深港现代服务业合作区	national	cooperation	广东	深圳	前海合作区,前海
河套深港科技创新合作区	national	cooperation	广东	深圳	河套合作区
长三角生态绿色一体化发展示范区	national	cooperation	上海	上海	长三角一体化示范区,长三角示范区
昆山深化两岸产业合作试验区	national	cooperation	江苏	苏州	昆山试验区
苏通科技产业园	provincial	cooperation	江苏	南通	苏通园区
中新苏滁高新技术产业开发区	provincial	cooperation	安徽	滁州	苏滁产业园,中新苏滁现代产业园,苏滁现代产业园
中新南京生态科技岛	provincial	cooperation	江苏	南京	南京生态科技岛
苏宿工业园区	provincial	cooperation	江苏	宿迁	宿迁苏州工业园区
阜阳合肥现代产业园区	provincial	cooperation	安徽	阜阳	合阜园区
宿州马鞍山现代产业园区	provincial	cooperation	安徽	宿州	宿马园区
北京通州经济开发区	provincial	provincial	北京	北京	
北京雁栖经济开发区	provincial	provincial	北京	北京	雁栖开发区
北京兴谷经济开发区	provincial	provincial	北京	北京	
北京林河经济开发区	provincial	provincial	北京	北京	
北京天竺空港经济开发区	provincial	provincial	北京	北京	空港经济开发区
北京良乡经济开发区	provincial	provincial	北京	北京	
北京石龙经济开发区	provincial	provincial	北京	北京	
北京采育经济开发区	provincial	provincial	北京	北京	
北京延庆经济开发区	provincial	provincial	北京	北京	
北京密云经济开发区	provincial	provincial	北京	北京	
北京八达岭经济开发区	provincial	provincial	北京	北京	
天津津南经济开发区	provincial	provincial	天津	天津	
天津宝坻经济开发区	provincial	provincial	天津	天津	
天津静海经济开发区	provincial	provincial	天津	天津	
天津京滨工业园	provincial	provincial	天津	天津	
上海莘庄工业区	provincial	provincial	上海	上海	莘庄工业区
上海嘉定工业区	provincial	provincial	上海	上海	嘉定工业区
上海青浦工业园区	provincial	provincial	上海	上海	青浦工业园区
上海金山工业区	provincial	provincial	上海	上海	金山工业区
上海奉贤经济开发区	provincial	provincial	上海	上海	奉贤经济开发区
上海星火开发区	provincial	provincial	上海	上海	星火开发区
上海宝山工业园区	provincial	provincial	上海	上海	
上海康桥工业区	provincial	provincial	上海	上海	康桥工业区
上海市北高新技术服务业园区	provincial	provincial	上海	上海	市北高新园区,市北高新
石家庄循环化工园区	provincial	provincial	河北	石家庄	
河北鹿泉经济开发区	provincial	provincial	河北	石家庄	鹿泉经济开发区
河北藁城经济开发区	provincial	provincial	河北	石家庄	藁城经济开发区
河北辛集经济开发区	provincial	provincial	河北	石家庄	辛集经济开发区
河北唐山芦台经济开发区	provincial	provincial	河北	唐山	芦台经济开发区
河北唐山海港经济开发区	provincial	provincial	河北	唐山	唐山海港经济开发区,海港经济开发区
河北迁安经济开发区	provincial	provincial	河北	唐山	迁安经济开发区
河北遵化经济开发区	provincial	provincial	河北	唐山	遵化经济开发区
河北丰南经济开发区	provincial	provincial	河北	唐山	丰南经济开发区
河北邢台经济开发区	provincial	provincial	河北	邢台	邢台经济开发区
河北清河经济开发区	provincial	provincial	河北	邢台	清河经济开发区
河北沙河经济开发区	provincial	provincial	河北	邢台	沙河经济开发区
河北武安工业园区	provincial	provincial	河北	邯郸	武安工业园区
河北沧州经济开发区	provincial	provincial	河北	沧州	沧州经济开发区
沧州高新技术产业开发区	provincial	hitech	河北	沧州	
河北固安经济开发区	provincial	provincial	河北	廊坊	固安经济开发区,固安工业园区
河北永清经济开发区	provincial	provincial	河北	廊坊	永清经济开发区
河北香河经济开发区	provincial	provincial	河北	廊坊	香河经济开发区
河北霸州经济开发区	provincial	provincial	河北	廊坊	霸州经济开发区
河北文安经济开发区	provincial	provincial	河北	廊坊	文安经济开发区
河北大城经济开发区	provincial	provincial	河北	廊坊	大城经济开发区
河北大厂高新技术产业开发区	provincial	hitech	河北	廊坊	大厂高新区
廊坊龙河高新技术产业区	provincial	hitech	河北	廊坊	龙河高新区
河北涿州经济开发区	provincial	provincial	河北	保定	涿州经济开发区
河北定州经济开发区	provincial	provincial	河北	保定	定州经济开发区
河北怀来经济开发区	provincial	provincial	河北	张家口	怀来经济开发区
邯郸冀南新区	provincial	other	河北	邯郸	冀南新区
北戴河新区	provincial	other	河北	秦皇岛	
沧州渤海新区	provincial	other	河北	沧州	渤海新区
衡水滨湖新区	provincial	other	河北	衡水	
保定白沟新城	provincial	other	河北	保定	白沟新城
山西转型综合改革示范区	provincial	other	山西	太原	山西综改示范区,综改区
山西朔州经济开发区	provincial	provincial	山西	朔州	朔州经济开发区
通辽经济技术开发区	provincial	provincial	内蒙古	通辽	
内蒙古阿拉善高新技术产业开发区	provincial	hitech	内蒙古	阿拉善	阿拉善高新区
大连花园口经济区	provincial	provincial	辽宁	大连	花园口经济区
大连太平湾合作创新区	provincial	other	辽宁	大连	太平湾合作创新区
吉林白城经济开发区	provincial	provincial	吉林	白城	白城经济开发区
常州经济开发区	provincial	provincial	江苏	常州	
江苏武进经济开发区	provincial	provincial	江苏	常州	武进经济开发区
溧阳经济开发区	provincial	provincial	江苏	常州	
金坛经济开发区	provincial	provincial	江苏	常州	
常州天宁经济开发区	provincial	provincial	江苏	常州	
常州钟楼经济开发区	provincial	provincial	江苏	常州	
无锡经济开发区	provincial	provincial	江苏	无锡	
无锡蠡园经济开发区	provincial	provincial	江苏	无锡	蠡园开发区
江阴临港经济开发区	provincial	provincial	江苏	无锡	
太仓高新技术产业开发区	provincial	hitech	江苏	苏州	
张家港高新技术产业开发区	provincial	hitech	江苏	苏州	
苏州汾湖高新技术产业开发区	provincial	hitech	江苏	苏州	汾湖高新区
昆山花桥经济开发区	provincial	provincial	江苏	苏州	花桥经济开发区,花桥国际商务城
江苏扬子江国际冶金工业园	provincial	provincial	江苏	苏州	扬子江国际冶金工业园
南京浦口经济开发区	provincial	provincial	江苏	南京	浦口经济开发区
南京六合经济开发区	provincial	provincial	江苏	南京	六合经济开发区
南京溧水经济开发区	provincial	provincial	江苏	南京	溧水经济开发区
南京高淳经济开发区	provincial	provincial	江苏	南京	高淳经济开发区
南京白下高新技术产业园区	provincial	hitech	江苏	南京	白下高新区
南京江宁滨江经济开发区	provincial	provincial	江苏	南京	江宁滨江经济开发区
南京雨花经济开发区	provincial	provincial	江苏	南京	
南京化学工业园区	provincial	provincial	江苏	南京	南京化工园区,南京江北新材料科技园
如东经济开发区	provincial	provincial	江苏	南通	
启东经济开发区	provincial	provincial	江苏	南通	
洋口港经济开发区	provincial	provincial	江苏	南通	如东洋口港经济开发区
仪征经济开发区	provincial	provincial	江苏	扬州	
江都经济开发区	provincial	provincial	江苏	扬州	
高邮经济开发区	provincial	provincial	江苏	扬州	
宝应经济开发区	provincial	provincial	江苏	扬州	
扬州维扬经济开发区	provincial	provincial	江苏	扬州	维扬经济开发区
扬州广陵经济开发区	provincial	provincial	江苏	扬州	广陵经济开发区
泰兴经济开发区	provincial	provincial	江苏	泰州	
兴化经济开发区	provincial	provincial	江苏	泰州	
姜堰经济开发区	provincial	provincial	江苏	泰州	
泰州港经济开发区	provincial	provincial	江苏	泰州	
丹阳经济开发区	provincial	provincial	江苏	镇江	
句容经济开发区	provincial	provincial	江苏	镇江	
扬中经济开发区	provincial	provincial	江苏	镇江	
邳州经济开发区	provincial	provincial	江苏	徐州	
新沂经济开发区	provincial	provincial	江苏	徐州	
睢宁经济开发区	provincial	provincial	江苏	徐州	
丰县经济开发区	provincial	provincial	江苏	徐州	
沛县经济开发区	provincial	provincial	江苏	徐州	
徐州工业园区	provincial	provincial	江苏	徐州	
赣榆经济开发区	provincial	provincial	江苏	连云港	
东海经济开发区	provincial	provincial	江苏	连云港	
灌云经济开发区	provincial	provincial	江苏	连云港	
灌南经济开发区	provincial	provincial	江苏	连云港	
淮安工业园区	provincial	provincial	江苏	淮安	
涟水经济开发区	provincial	provincial	江苏	淮安	
盱眙经济开发区	provincial	provincial	江苏	淮安	
金湖经济开发区	provincial	provincial	江苏	淮安	
洪泽经济开发区	provincial	provincial	江苏	淮安	
东台经济开发区	provincial	provincial	江苏	盐城	
大丰经济开发区	provincial	provincial	江苏	盐城	
射阳经济开发区	provincial	provincial	江苏	盐城	
建湖经济开发区	provincial	provincial	江苏	盐城	
阜宁经济开发区	provincial	provincial	江苏	盐城	
江苏滨海经济开发区	provincial	provincial	江苏	盐城	
响水经济开发区	provincial	provincial	江苏	盐城	
泗阳经济开发区	provincial	provincial	江苏	宿迁	
泗洪经济开发区	provincial	provincial	江苏	宿迁	
宿豫经济开发区	provincial	provincial	江苏	宿迁	
慈溪滨海经济开发区	provincial	provincial	浙江	宁波	
余姚经济开发区	provincial	provincial	浙江	宁波	
宁海经济开发区	provincial	provincial	浙江	宁波	
象山经济开发区	provincial	provincial	浙江	宁波	
奉化经济开发区	provincial	provincial	浙江	宁波	
宁波鄞州经济开发区	provincial	provincial	浙江	宁波	鄞州经济开发区
瑞安经济开发区	provincial	provincial	浙江	温州	
乐清经济开发区	provincial	provincial	浙江	温州	
平阳经济开发区	provincial	provincial	浙江	温州	
海宁经济开发区	provincial	provincial	浙江	嘉兴	
桐乡经济开发区	provincial	provincial	浙江	嘉兴	
海盐经济开发区	provincial	provincial	浙江	嘉兴	
安吉经济开发区	provincial	provincial	浙江	湖州	
南浔经济开发区	provincial	provincial	浙江	湖州	
诸暨经济开发区	provincial	provincial	浙江	绍兴	
嵊州经济开发区	provincial	provincial	浙江	绍兴	
东阳经济开发区	provincial	provincial	浙江	金华	
永康经济开发区	provincial	provincial	浙江	金华	
兰溪经济开发区	provincial	provincial	浙江	金华	
武义经济开发区	provincial	provincial	浙江	金华	
浦江经济开发区	provincial	provincial	浙江	金华	
江山经济开发区	provincial	provincial	浙江	衢州	
龙游经济开发区	provincial	provincial	浙江	衢州	
温岭经济开发区	provincial	provincial	浙江	台州	
临海经济开发区	provincial	provincial	浙江	台州	
玉环经济开发区	provincial	provincial	浙江	台州	
台州经济开发区	provincial	provincial	浙江	台州	
舟山经济开发区	provincial	provincial	浙江	舟山	
桐庐经济开发区	provincial	provincial	浙江	杭州	
合肥新站高新技术产业开发区	provincial	hitech	安徽	合肥	新站高新区,合肥新站区
芜湖三山经济开发区	provincial	provincial	安徽	芜湖	安徽芜湖三山经济开发区,三山经济开发区
蚌埠经济开发区	provincial	provincial	安徽	蚌埠	
阜阳经济技术开发区	provincial	provincial	安徽	阜阳	
宿州经济技术开发区	provincial	provincial	安徽	宿州	
黄山经济开发区	provincial	provincial	安徽	黄山	
福清江阴工业集中区	provincial	provincial	福建	福州	江阴工业集中区,江阴工业区
福清元洪投资区	provincial	provincial	福建	福州	元洪投资区
平度经济开发区	provincial	provincial	山东	青岛	
莱西经济开发区	provincial	provincial	山东	青岛	
即墨经济开发区	provincial	provincial	山东	青岛	
青岛董家口经济区	provincial	provincial	山东	青岛	董家口经济区
淄博经济开发区	provincial	provincial	山东	淄博	
齐鲁化学工业区	provincial	provincial	山东	淄博	齐鲁化工区
东营港经济开发区	provincial	provincial	山东	东营	
广饶经济开发区	provincial	provincial	山东	东营	
垦利经济开发区	provincial	provincial	山东	东营	
龙口经济开发区	provincial	provincial	山东	烟台	
莱州经济开发区	provincial	provincial	山东	烟台	
蓬莱经济开发区	provincial	provincial	山东	烟台	
海阳经济开发区	provincial	provincial	山东	烟台	
莱阳经济开发区	provincial	provincial	山东	烟台	
栖霞经济开发区	provincial	provincial	山东	烟台	
潍坊经济开发区	provincial	provincial	山东	潍坊	
诸城经济开发区	provincial	provincial	山东	潍坊	
青州经济开发区	provincial	provincial	山东	潍坊	
高密经济开发区	provincial	provincial	山东	潍坊	
昌邑经济开发区	provincial	provincial	山东	潍坊	
安丘经济开发区	provincial	provincial	山东	潍坊	
昌乐经济开发区	provincial	provincial	山东	潍坊	
临朐经济开发区	provincial	provincial	山东	潍坊	
济宁经济开发区	provincial	provincial	山东	济宁	
曲阜经济开发区	provincial	provincial	山东	济宁	
邹城经济开发区	provincial	provincial	山东	济宁	
新泰经济开发区	provincial	provincial	山东	泰安	
文登经济开发区	provincial	provincial	山东	威海	
乳山经济开发区	provincial	provincial	山东	威海	
荣成经济开发区	provincial	provincial	山东	威海	
临沂临港经济开发区	provincial	provincial	山东	临沂	
临清经济开发区	provincial	provincial	山东	聊城	
滨州北海经济开发区	provincial	provincial	山东	滨州	北海经济开发区
菏泽经济技术开发区	provincial	provincial	山东	菏泽	
菏泽高新技术产业开发区	provincial	hitech	山东	菏泽	
商河经济开发区	provincial	provincial	山东	济南	
济阳经济开发区	provincial	provincial	山东	济南	
枣庄经济开发区	provincial	provincial	山东	枣庄	
德州天衢新区	provincial	other	山东	德州	天衢新区
河南三门峡经济开发区	provincial	provincial	河南	三门峡	三门峡经济开发区
河南商丘经济开发区	provincial	provincial	河南	商丘	商丘经济开发区
河南驻马店经济开发区	provincial	provincial	河南	驻马店	驻马店经济开发区
河南濮阳工业园区	provincial	provincial	河南	濮阳	濮阳工业园区
周口临港开发区	provincial	provincial	河南	周口	
豫东综合物流产业聚集区	provincial	other	河南	商丘	
武汉阳逻经济开发区	provincial	provincial	湖北	武汉	阳逻经济开发区
武汉盘龙城经济开发区	provincial	provincial	湖北	武汉	盘龙城经济开发区
江夏经济开发区	provincial	provincial	湖北	武汉	武汉江夏经济开发区
湖南金霞经济开发区	provincial	provincial	湖南	长沙	金霞经济开发区
湖南雨花经济开发区	provincial	provincial	湖南	长沙	
湖南隆平高新技术产业园区	provincial	hitech	湖南	长沙	隆平高科技园
湖南宁乡高新技术产业园区	provincial	hitech	湖南	长沙	宁乡高新区
湖南株洲经济开发区	provincial	provincial	湖南	株洲	株洲经济开发区
湖南醴陵经济开发区	provincial	provincial	湖南	株洲	醴陵经济开发区
湖南汨罗循环经济产业园区	provincial	provincial	湖南	岳阳	汨罗循环经济产业园
湖南韶山高新技术产业开发区	provincial	hitech	湖南	湘潭	韶山高新区
湖南湘乡经济开发区	provincial	provincial	湖南	湘潭	湘乡经济开发区
湘潭昭山示范区	provincial	other	湖南	湘潭	昭山示范区
湖南衡阳松木经济开发区	provincial	provincial	湖南	衡阳	松木经济开发区
湖南张家界经济开发区	provincial	provincial	湖南	张家界	张家界经济开发区
湖南吉首经济开发区	provincial	provincial	湖南	湘西	吉首经济开发区
广东从化经济开发区	provincial	provincial	广东	广州	从化经济开发区
广东惠阳经济开发区	provincial	provincial	广东	惠州	惠阳经济开发区
中山翠亨新区	provincial	other	广东	中山	翠亨新区
西安浐灞生态区	provincial	other	陕西	西安	浐灞生态区
西安曲江新区	provincial	other	陕西	西安	曲江新区
西安国际港务区	provincial	other	陕西	西安	
格尔木藏青工业园区	provincial	provincial	西藏	拉萨	藏青工业园
达孜工业园区	provincial	provincial	西藏	拉萨	
西藏文化旅游创意园区	provincial	other	西藏	拉萨	
双流经济开发区	provincial	provincial	四川	成都	成都双流经济开发区
崇州经济开发区	provincial	provincial	四川	成都	
眉山经济开发区	provincial	provincial	四川	眉山	
达州经济开发区	provincial	provincial	四川	达州	
宝鸡蔡家坡经济技术开发区	provincial	provincial	陕西	宝鸡	蔡家坡经济技术开发区
酒泉经济技术开发区	provincial	provincial	甘肃	酒泉	
宁东能源化工基地	provincial	other	宁夏	银川	宁东基地
柴达木循环经济试验区	provincial	other	青海	海西	
云南安宁工业园区	provincial	provincial	云南	昆明	安宁工业园区
贵州双龙航空港经济区	provincial	other	贵州	贵阳	双龙航空港经济区
柳东新区	provincial	other	广西	柳州	
内湖科技园区	provincial	other	台湾	台北	
南港软件工业园区	provincial	other	台湾	台北	南港软体园区
高雄软件科技园区	national	export	台湾	高雄	高雄软体园区
厦门集美台商投资区	national	other	福建	厦门	集美台商投资区,杏林台商投资区
海口江东新区	provincial	other	海南	海口	江东新区
三亚崖州湾科技城	provincial	other	海南	三亚	崖州湾科技城
博鳌乐城国际医疗旅游先行区	national	other	海南	琼海	乐城先行区,博鳌乐城
海南老城经济开发区	provincial	provincial	海南	澄迈	老城经济开发区
文昌国际航天城	provincial	other	海南	文昌	
南昌临空经济区	provincial	other	江西	南昌	
"""#
}
