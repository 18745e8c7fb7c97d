namespace Handbook.Site.Tests.Preview;

using System.Text;
using Handbook.Site.Preview;

public sealed class LiveReloadScriptTests
{
    [Fact]
    public void The_script_goes_before_the_last_closing_body_tag()
    {
        var page = "<html><body><pre>&lt;/body&gt; </body> quoted</pre></BODY></html>";

        var injected = Encoding.UTF8.GetString(LiveReloadScript.InjectInto(Encoding.UTF8.GetBytes(page)));

        Assert.Equal("<html><body><pre>&lt;/body&gt; </body> quoted</pre>" + LiveReloadScript.Tag + "</BODY></html>", injected);
    }

    [Fact]
    public void A_page_without_a_body_tag_gets_the_script_at_the_end()
    {
        var injected = Encoding.UTF8.GetString(LiveReloadScript.InjectInto(Encoding.UTF8.GetBytes("<p>fragment é</p>")));

        Assert.Equal("<p>fragment é</p>" + LiveReloadScript.Tag, injected);
    }

    [Fact]
    public void The_overlay_never_parses_diagnostic_text_as_html_and_cannot_close_its_script_early()
    {
        var body = LiveReloadScript.Tag["<script data-handbook-preview>".Length..^"</script>".Length];

        Assert.DoesNotContain("innerHTML", body, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", body, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", body, StringComparison.Ordinal);
        Assert.DoesNotContain("</", body, StringComparison.Ordinal);
        Assert.Contains("textContent = d.path + ':' + d.line + ':' + d.column", body, StringComparison.Ordinal);
    }
}
