"""Reading web pages: the main text, without scripts, styles, navigation and page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.documents import DocumentError, read

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>江川市人民政府门户网站</title>
<style>.content p {{ text-indent: 2em; }}</style>
<script>var visits = 12345; document.write("统计代码");</script></head>
<body>
<div class="header"><img src="logo.png"><span>江川市人民政府</span></div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/hd">互动交流</a></li></ul></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/ghjh">规划计划</a></div>
<div class="wrap">
  <div class="article-body">
    <h1>江川市2025年上半年国民经济运行情况</h1>
    <p>　　上半年，全市地区生产总值
    完成1234.5亿元，同比增长5.2%。</p>
    <p>一、工业生产稳中有进<br>规上工业增加值增长6.1%。</p>
    <table><tr><th>指标</th><th>增速</th></tr><tr><td>固定资产投资</td><td>3.1%</td></tr></table>
    <div class="share">分享到：<a>微信</a><a>微博</a></div>
  </div>
  <div class="sidebar"><h3>热点新闻</h3><ul><li><a>江川召开全市大会</a></li></ul></div>
</div>
<form action="/search"><input name="q"><button>搜索</button></form>
<footer><p>版权所有：江川市人民政府办公室　备案号：江ICP备00000000号</p></footer>
<!-- 评论区 -->
</body></html>
"""

EXPECTED = [
    "江川市2025年上半年国民经济运行情况",
    "上半年，全市地区生产总值完成1234.5亿元，同比增长5.2%。",
    "一、工业生产稳中有进",
    "规上工业增加值增长6.1%。",
    "指标\t增速",
    "固定资产投资\t3.1%",
]
JUNK = [
    "统计代码",
    "visits",
    "text-indent",
    "首页",
    "政务公开",
    "当前位置",
    "分享到",
    "热点新闻",
    "搜索",
    "版权所有",
    "评论区",
]


@pytest.mark.parametrize(("charset", "codec"), [("utf-8", "utf-8"), ("gb2312", "gbk"), ("GBK", "gbk")])
def test_the_main_text_of_a_page_is_read_without_furniture(tmp_path: Path, charset: str, codec: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(codec))
    document = read(path)
    assert document.format == "html"
    assert document.text.splitlines() == EXPECTED
    for junk in JUNK:
        assert junk not in document.text


def test_a_page_without_a_declared_charset_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.replace('<meta charset="{charset}">', "").format().encode("gb18030"))
    assert read(path).text.splitlines() == EXPECTED


def test_a_page_that_declares_the_wrong_charset_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset="utf-8").encode("gbk"))
    assert read(path).text.splitlines() == EXPECTED


def test_an_article_element_is_preferred_over_the_rest_of_the_page(tmp_path: Path) -> None:
    html = (
        "<html><body><div><p>江川市新闻中心 今日要闻 更多新闻 最新动态 通知公告 往期回顾 专题专栏</p>"
        "<article><p>一、总体情况</p><p>全市固定资产投资增长3.1%，其中工业投资增长8.2%。</p></article>"
        "<p>网站地图 联系我们</p></div></body></html>"
    )
    path = tmp_path / "article.html"
    path.write_text(html, encoding="utf-8")
    assert read(path).text.splitlines() == ["一、总体情况", "全市固定资产投资增长3.1%，其中工业投资增长8.2%。"]


def test_a_page_with_no_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body><nav>首页</nav></body></html>")
    with pytest.raises(DocumentError, match=r"empty\.html: 文件中没有文字内容"):
        read(path)


def test_binary_junk_named_html_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "junk.html"
    path.write_bytes(b"\x00\x01\x02\x03" * 50)
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: 网页无法解码")


def test_a_page_title_outside_the_article_block_is_kept_above_the_text(tmp_path: Path) -> None:
    body = "".join(f"<p>第{i}段：全市规上工业增加值同比增长6.1%，较一季度加快0.4个百分点。</p>" for i in range(5))
    html = (
        '<html><body><div class="title"><h1>江川市上半年工业运行情况</h1></div>'
        f'<div class="content">{body}</div><div class="links"><a>上一篇</a></div></body></html>'
    )
    path = tmp_path / "titled.html"
    path.write_text(html, encoding="utf-8")
    lines = read(path).text.splitlines()
    assert lines[0] == "江川市上半年工业运行情况"
    assert len(lines) == 6


def test_deeply_nested_markup_is_read_without_hitting_a_recursion_limit(tmp_path: Path) -> None:
    depth = 5000
    path = tmp_path / "deep.html"
    path.write_text("<div>" * depth + "<p>全市固定资产投资增长3.1%。</p>" + "</div>" * depth, encoding="utf-8")
    assert read(path).text == "全市固定资产投资增长3.1%。"
