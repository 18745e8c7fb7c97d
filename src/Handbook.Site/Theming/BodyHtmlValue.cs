namespace Handbook.Site.Theming;

using System.Globalization;
using System.Text.Encodings.Web;
using Fluid.Values;

/// <summary>
/// A page body as a template sees it, kept wherever the build left it (<see cref="Utf8HtmlValue"/>: UTF-8 bytes,
/// <see cref="BufferedBodyValue"/>: the thread's sanitising buffer). Like <c>new StringValue(text, encode)</c> it is
/// escaped on output unless <c>raw</c> made it otherwise (<see cref="Raw"/>); unescaped, a subclass writes it straight
/// from its storage (<see cref="WriteRaw"/>), so the body never becomes a string just to be written once.
/// </summary>
internal abstract class BodyHtmlValue(bool encode) : DeferredStringValue
{
    /// <summary>Whether output escapes it: true for a plain member access (as the string property was), false after <c>raw</c>.</summary>
    protected bool Encodes { get; } = encode;

    /// <summary>The same body, written unescaped (what <c>raw</c> makes of a string).</summary>
    public BodyHtmlValue Raw() => Encodes ? WithoutEncoding() : this;

    public sealed override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (Encodes)
        {
            return Text.WriteToAsync(writer, encoder, cultureInfo);
        }

        ArgumentNullException.ThrowIfNull(writer);
        WriteRaw(writer);
        return ValueTask.CompletedTask;
    }

    /// <summary>The same storage with <see cref="Encodes"/> false.</summary>
    protected abstract BodyHtmlValue WithoutEncoding();

    /// <summary>Writes the body's text as it is.</summary>
    protected abstract void WriteRaw(TextWriter writer);
}
