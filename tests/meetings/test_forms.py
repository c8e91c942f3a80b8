from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from meetings.forms import rows_html

OPTION = '<option value="{}"{}>{}</option>'


def test_rows_html_escapes_as_format_html_join_does():
    # An ampersand, quotes and a tag in a label must come out as text; markup already marked safe stays markup.
    rows = [("CI", mark_safe(" selected"), "Côte d'Ivoire"), ('"x"', "", "<b>Trinidad & Tobago</b>"), (7, "", 3)]

    drawn = rows_html(OPTION, rows)

    assert drawn == format_html_join("", OPTION, rows)
    assert isinstance(drawn, SafeString)
    assert '<option value="CI" selected>Côte d&#x27;Ivoire</option>' in drawn
    assert "&lt;b&gt;Trinidad &amp; Tobago&lt;/b&gt;" in drawn
