namespace Handbook.Site.Theming;

using System.Globalization;
using System.Text.Encodings.Web;
using Fluid.Values;

/// <summary>
/// A page body rendered for its page (one-shot builds without versions, <c>DeferredBody</c>) as a template sees it:
/// the string value the body would be, except that writing it unencoded (<c>{{ family.body_html | raw }}</c>, see
/// <see cref="Utf8BodyBinding"/>) copies the text straight from the buffer it was sanitised into, so the body is never
/// a string nor UTF-8 bytes (issue 9: those bytes were ≈ 118 KB a family). Anything else a template does with it goes
/// to the string value, made when first needed, so it behaves as before.
/// </summary>
internal sealed class BufferedBodyValue : DeferredStringValue
{
    private readonly ReadOnlyMemory<char> _html;
    private readonly bool _encode;

    /// <param name="html">The sanitised body, in a buffer valid while the page renders (not copied).</param>
    /// <param name="encode">Whether output escapes it, like <c>new StringValue(text, encode)</c>: true for a plain
    /// member access (as the string property was), false after <c>raw</c>.</param>
    public BufferedBodyValue(ReadOnlyMemory<char> html, bool encode = true)
    {
        _html = html;
        _encode = encode;
    }

    /// <summary>The same text, written unescaped (what <c>raw</c> makes of a string).</summary>
    public BufferedBodyValue Raw() => _encode ? new BufferedBodyValue(_html, encode: false) : this;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (_encode)
        {
            return Text.WriteToAsync(writer, encoder, cultureInfo);
        }

        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_html.Span);
        return ValueTask.CompletedTask;
    }

    protected override StringValue MakeText() => new(new string(_html.Span), _encode);
}
