import pytest

from gongkai.documents.body import html_to_text, sanitise_body


@pytest.mark.parametrize(
    ("raw", "forbidden"),
    [
        ("<p>正文<script>alert(1)</script></p>", "alert"),
        ('<p onclick="steal()">正文</p>', "onclick"),
        ('<a href="javascript:alert(1)">链接</a>', "javascript"),
        ('<img src="x.png" onerror="steal()">', "onerror"),
        ('<img src="data:image/png;base64,AAAA">', "data:"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ("<style>p{display:none}</style><p>正文</p>", "display"),
        ('<p style="position:fixed;top:0">正文</p>', "position"),
        ("<form><input name=x></form>", "input"),
        ("<!-- 注释 --><p>正文</p>", "注释"),
    ],
)
def test_dangerous_markup_is_removed(raw, forbidden):
    assert forbidden not in sanitise_body(raw)


def test_government_document_markup_is_kept():
    raw = (
        '<h2 style="text-align: center">关于印发某办法的通知</h2>'
        "<p>各区县人民政府：</p><ol><li>第一条</li></ol>"
        '<table><thead><tr><th colspan="2">表头</th></tr></thead>'
        "<tbody><tr><td>甲</td><td>乙</td></tr></tbody></table>"
        '<p><strong>重点</strong><em>强调</em><u>下划线</u><a href="https://www.gov.cn">链接</a></p>'
        '<img src="/media/chart.png" alt="图解"><blockquote>引文</blockquote>'
    )
    clean = sanitise_body(raw)
    for kept in (
        "<h2",
        "text-align",
        "<ol>",
        '<th colspan="2">',
        "<strong>",
        'href="https://www.gov.cn"',
        'rel="noopener noreferrer"',
        'alt="图解"',
        "<blockquote>",
    ):
        assert kept in clean


def test_html_to_text_joins_inline_and_breaks_blocks():
    text = html_to_text("<p>电话<strong>1380013</strong>8000</p><p>下一段&amp;</p>")
    assert "13800138000" in text
    assert text.strip().splitlines() == ["电话13800138000", "下一段&"]
