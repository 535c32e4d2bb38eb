package eu.municipia.magazine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sanitizer against the OWASP XSS filter evasion cheat sheet: whatever the vector, no script,
 * no event handler, no javascript: or data: URL, no style, no frame or object survives; what the
 * editor makes survives.
 */
class ArticleHtmlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>",
        "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
        "<iframe src=http://xss.rocks/scriptlet.html <",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<svg/onload=alert('XSS')>",
        "<BODY ONLOAD=alert('XSS')>",
        "<BGSOUND SRC=\"javascript:alert('XSS');\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
        "<META HTTP-EQUIV=\"Link\" Content=\"<http://xss.rocks/xss.css>; REL=stylesheet\">",
        "<STYLE>BODY{-moz-binding:url(\"http://xss.rocks/xssmoz.xml#xss\")}</STYLE>",
        "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox('XSS')\">x</a>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<img src=\"/api/v1/tenants/smopk/magazine/files/00000000-0000-0000-0000-000000000000\" onerror=alert(1)>",
        "<a href=\"//evil.example/\" target=\"_blank\">x</a><img src=\"//evil.example/x.png\">"
      })
  void noVectorOfTheCheatSheetSurvives(String vector) {
    // What is left as text is shown as text (escaped); the tags are what could run.
    String tags =
        String.join(
                " ",
                java.util.regex.Pattern.compile("<[^>]*>")
                    .matcher(ArticleHtml.sanitize(vector))
                    .results()
                    .map(java.util.regex.MatchResult::group)
                    .toList())
            .toLowerCase(Locale.ROOT);
    assertThat(tags)
        .doesNotContain(
            "<script",
            "javascript:",
            "vbscript:",
            "data:",
            "style",
            "<iframe",
            "<frame",
            "<object",
            "<embed",
            "<meta",
            "<base",
            "<link",
            "<form",
            "<svg",
            "<math",
            "<input",
            "<body",
            "target=")
        .doesNotContainPattern("\\son[a-z]+\\s*=")
        .doesNotContainPattern("<img[^>]*evil");
  }

  @Test
  void whatTheEditorMakesSurvives() {
    String html =
        "<h2>Nadpis</h2><p><strong>tučně</strong> <em>kurzíva</em> <a href=\"https://smopk.cz/\">odkaz</a>"
            + " <a href=\"mailto:info@smopk.cz\">mail</a></p><ul><li><p>bod</p></li></ul><ol><li>jedna</li></ol>"
            + "<blockquote><p>citace</p></blockquote><table><tbody><tr><th colspan=\"1\" rowspan=\"1\">A</th>"
            + "<td colspan=\"2\">1</td></tr></tbody></table>"
            + "<img src=\"/api/v1/tenants/smopk/magazine/files/0b4f8a00-1111-4222-8333-944455556666?w=1200\" alt=\"Náves\">";
    String clean = ArticleHtml.sanitize(html);
    assertThat(clean)
        .contains(
            "<h2>Nadpis</h2>",
            "<strong>tučně</strong>",
            "<em>kurzíva</em>",
            "href=\"https://smopk.cz/\"",
            "href=\"mailto:info&#64;smopk.cz\"",
            "<ul><li><p>bod</p></li></ul>",
            "<blockquote>",
            "<th colspan=\"1\" rowspan=\"1\">A</th>",
            "<td colspan=\"2\">1</td>",
            "src=\"/api/v1/tenants/smopk/magazine/files/0b4f8a00-1111-4222-8333-944455556666?w&#61;1200\"",
            "alt=\"Náves\"");
    assertThat(ArticleHtml.sanitize("<h1>Hlavní</h1>")).isEqualTo("<h2>Hlavní</h2>");
  }

  @Test
  void theSearchComparesTextWithoutAccentsOrCase() {
    assertThat(ArticleHtml.searchable("Cyklostezka pod Radyní, Čilá!"))
        .isEqualTo("cyklostezka pod radyni cila");
    assertThat(ArticleHtml.text("<p>A&amp;B &#268;il&aacute;</p><p>x</p>"))
        .isEqualTo("A&B Čil&aacute; x");
  }
}
