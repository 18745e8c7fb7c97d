namespace Handbook.JobFamilies.Tests.Sanitizing;

using System.Buffers;
using System.Text;
using Handbook.JobFamilies.Sanitizing;

/// <summary>What every answer of <see cref="SanitizedSerialization"/> must satisfy, checked against the full sanitizer.</summary>
internal static class SanitizedSerializationProperties
{
    /// <summary>
    /// True when the fast path declines <paramref name="html"/> in all three forms, or accepts it in all three with the
    /// full sanitizer's text (as a string, as UTF-8 bytes and appended to a buffer that already holds text).
    /// </summary>
    public static bool GivesTheFullSanitizersText(string html)
    {
        var text = SanitizedSerialization.TryNormalize(html);
        var bytes = SanitizedSerialization.TryNormalizeToUtf8(html);
        var destination = new ArrayBufferWriter<char>(4);
        destination.Write("kept");
        var into = SanitizedSerialization.TryNormalizeInto(html, destination);
        if (text is null)
        {
            return bytes is null && !into;
        }

        var full = ContentSanitizer.Sanitize(html);
        return text == full
            && bytes is not null && bytes.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(full))
            && into && destination.WrittenSpan.SequenceEqual("kept" + full);
    }
}
