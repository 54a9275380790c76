/// Pages in the shape Chinese government CMSs produce, written for these
/// tests: chrome full of dates (navigation, breadcrumbs, a related-news
/// sidebar, scripts, a footer) around a short article.
enum CMSPages {
    /// Div layout, meta tags, a classed sidebar and footer, hidden parts.
    static let article = """
    <!DOCTYPE html>
    <html>
    <head>
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
    <meta name="ArticleTitle" content="滨湖科创园新材料中试基地投入使用">
    <meta name="PubDate" content="2024-05-10 09:30">
    <meta name="ContentSource" content="滨湖区管委会">
    <title>滨湖科创园新材料中试基地投入使用_园区动态_滨湖区人民政府</title>
    <script type="text/javascript">var buildTime = "2021-07-15"; document.write("2022-01-01");</script>
    <style>.hide { display: none }</style>
    </head>
    <body>
    <div class="top-bar"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> 今天是2024年6月1日</div>
    <div class="nav"><ul><li><a href="/xwzx/">新闻中心</a></li><li><a href="/yqdt/">园区动态</a></li></ul></div>
    <div class="container">
      <div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/yqdt/">园区动态</a></div>
      <div class="main-left">
        <h1 class="article-title">滨湖科创园新材料中试基地投入使用</h1>
        <div class="article-info">发布时间：2024-05-10 09:30　来源：滨湖区管委会　浏览次数：<span id="count">128</span></div>
        <div class="TRS_Editor" id="zoom">
          <p>　　5月9日上午，滨湖科创园新材料中试基地正式投入使用，首批六家企业的试验线同日开机运行。</p>
          <p>　　该基地总建筑面积约三万平方米，由园区平台公司于2022年11月开工建设，
          2023年12月完成竣工验收。</p>
          <p>　　据介绍，基地将为入驻企业提供检测、放大试验和小批量生产等服务，预计年内再引进十家以上企业。<br>
          联系电话：0510-12345678</p>
          <div style="display: none">2019-03-03 一段隐藏的旧稿</div>
          <p hidden>2018-08-08 另一段隐藏文字</p>
        </div>
        <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
        <div class="pre-next"><a href="./t20240509_1.html">上一篇：2024-05-09 园区举办人才招聘会</a></div>
      </div>
      <div class="right-col">
        <div class="box-title">相关新闻</div>
        <ul class="news-list">
          <li><a href="./t20230401_2.html">滨湖科创园召开季度安全生产会议</a><span>2023-04-01</span></li>
          <li><a href="./t20230315_3.html">园区企业服务中心开展政策宣讲</a><span>2023-03-15</span></li>
          <li><a href="./t20230228_4.html">新材料产业联盟举行年度座谈会</a><span>2023-02-28</span></li>
          <li><a href="./t20230120_5.html">滨湖区领导走访调研园区重点企业</a><span>2023-01-20</span></li>
        </ul>
      </div>
    </div>
    <div class="footer">
      <p>版权所有：滨湖区人民政府 © 2015-2024</p>
      <p>发布日期：2020-01-01　网站标识码：3200000000</p>
      <script>var stat = "2017-09-09";</script>
    </div>
    </body>
    </html>
    """

    /// An older table layout with no class names at all: the sidebar of dated
    /// links sits in a cell beside the article, a chronicle table inside it,
    /// the date only on a `发布日期：` line under the headline.
    static let tableLayout = """
    <html>
    <head><title>临港产业园2023年大事记 - 临港产业园管理委员会</title></head>
    <body>
    <table width="1000">
      <tr><td><a href="index.html">网站首页</a> | <a href="news.html">新闻中心</a> | <a href="about.html">园区概况</a></td></tr>
    </table>
    <table width="1000">
      <tr>
        <td width="250" valign="top">
          <table>
            <tr><td><a href="/news/2023/0401.html">2023-04-01 临港产业园召开招商推介会</a></td></tr>
            <tr><td><a href="/news/2023/0318.html">2023-03-18 园区开展消防安全检查</a></td></tr>
            <tr><td><a href="/news/2023/0302.html">2023-03-02 园区举行重点项目集中签约</a></td></tr>
            <tr><td><a href="/news/2023/0211.html">2023-02-11 园区召开新春企业座谈会</a></td></tr>
          </table>
        </td>
        <td width="750" valign="top">
          <div align="center"><font size="4"><b>临港产业园2023年大事记</b></font></div>
          <div align="center">发布日期：2024年1月15日　　作者：园区办公室</div>
          <div>
            <p>现将园区二〇二三年度重要事项整理如下，供各部门参考。</p>
            <table border="1">
              <tr><th>时间</th><th>事项</th></tr>
              <tr><td>2023年3月</td><td>园区二期标准厂房开工建设，规划用地约两百亩。</td></tr>
              <tr><td>2023年7月</td><td>园区获评省级特色产业园区，新增入驻企业十二家。</td></tr>
              <tr><td>2023年11月</td><td>园区污水处理厂扩建工程通过验收，日处理能力翻番。</td></tr>
            </table>
            <p>以上内容如有疏漏，请与园区办公室联系更正。</p>
          </div>
        </td>
      </tr>
    </table>
    <table width="1000"><tr><td>主办：临港产业园管理委员会　Copyright 2012-2024　更新日期：2024-02-02</td></tr></table>
    </body>
    </html>
    """

    /// A news list: its main list of dated headlines, a pager, a link to
    /// another site and an attachment.
    static let list = """
    <!DOCTYPE html>
    <html>
    <head><meta charset="utf-8"><title>园区动态_青山经济开发区管委会</title>
    <base href="https://www.qingshan.example.gov.cn/yqdt/"></head>
    <body>
    <header><a href="/">首页</a><a href="/yqdt/">园区动态</a><a href="/tzgg/">通知公告</a></header>
    <div class="list-box">
      <ul class="list">
        <li><a href="./202405/t20240510_301.html" title="青山经济开发区与两家新能源企业签订投资协议">青山经济开发区与两家新能源企业签订...</a><span>2024-05-10</span></li>
        <li><a href="./202405/t20240506_298.html">开发区召开一季度经济运行分析会</a><span>2024-05-06</span></li>
        <li><a href="https://qingshan.example.gov.cn/yqdt/202404/t20240428_290.html">开发区举办企业用工对接活动</a><span>2024-04-28</span></li>
        <li><a href="../tzgg/202404/t20240420_288.html">关于开展园区安全生产大检查的通知</a><span>2024-04-20</span></li>
        <li><a href="./202404/P020240415.pdf">开发区二〇二四年重点项目清单</a><span>2024-04-15</span></li>
        <li><a href="https://www.other.example.com/news/1.html">外地园区考察团来访交流座谈</a><span>2024-04-10</span></li>
      </ul>
      <div class="page"><a href="index_1.html">下一页</a> <a href="index_9.html">尾页</a></div>
    </div>
    <footer>青山经济开发区管委会 版权所有 2024</footer>
    </body>
    </html>
    """
}
