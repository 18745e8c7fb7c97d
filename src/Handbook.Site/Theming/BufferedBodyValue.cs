namespace Handbook.Site.Theming;

using Fluid.Values;

/// <summary>
/// A page body rendered for its page (one-shot builds without versions, <c>DeferredBody</c>) as a template sees it:
/// the string value the body would be, except that writing it unencoded (<c>{{ family.body_html | raw }}</c>, see
/// <see cref="Utf8BodyBinding"/>) copies the text straight from the buffer it was sanitised into, so the body is never
/// a string nor UTF-8 bytes (issue 9: those bytes were ≈ 118 KB a family). Anything else a template does with it goes
/// to the string value, made when first needed, so it behaves as before.
/// </summary>
internal sealed class BufferedBodyValue : BodyHtmlValue
{
    private readonly ReadOnlyMemory<char> _html;

    /// <param name="html">The sanitised body, in a buffer valid while the page renders (not copied).</param>
    /// <param name="encode">Whether output escapes it (see <see cref="BodyHtmlValue"/>).</param>
    public BufferedBodyValue(ReadOnlyMemory<char> html, bool encode = true)
        : base(encode)
    {
        _html = html;
    }

    protected override BodyHtmlValue WithoutEncoding() => new BufferedBodyValue(_html, encode: false);

    protected override void WriteRaw(TextWriter writer) => writer.Write(_html.Span);

    protected override StringValue MakeText() => new(new string(_html.Span), Encodes);
}
