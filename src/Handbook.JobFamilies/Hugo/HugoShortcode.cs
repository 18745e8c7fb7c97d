namespace Handbook.JobFamilies.Hugo;

/// <summary>
/// One shortcode tag as written: <c>{{&lt; name args &gt;}}</c> or <c>{{% name args %}}</c>, a closing
/// <c>{{&lt; /name &gt;}}</c>, or an escaped <c>{{&lt;/* … */&gt;}}</c> (Hugo shows it as text).
/// </summary>
/// <param name="Start">Offset of the first <c>{</c> in the text.</param>
/// <param name="Length">Characters up to and including the last <c>}</c>.</param>
/// <param name="Name">The shortcode's name (<c>ref</c>), without a closing tag's '/'; empty when none is written.</param>
/// <param name="Arguments">Positional arguments, quotes removed.</param>
/// <param name="Named">Named arguments (<c>path="x"</c>), quotes removed.</param>
/// <param name="IsClosing">A closing tag of a paired shortcode (<c>{{&lt; /alert &gt;}}</c>).</param>
/// <param name="Escaped">The text Hugo shows for an escaped tag; null for a tag that is run.</param>
public sealed record HugoShortcode(
    int Start,
    int Length,
    string Name,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Named,
    bool IsClosing,
    string? Escaped)
{
    /// <summary>The path a <c>ref</c>/<c>relref</c> names: its first positional argument, else <c>path=</c>.</summary>
    public string? RefPath => Arguments.Count > 0 ? Arguments[0] : Named.TryGetValue("path", out var path) ? path : null;

    /// <summary>True for <c>ref</c> and <c>relref</c>, the shortcodes that give a page's URL.</summary>
    public bool IsRef => Name is "ref" or "relref";
}
