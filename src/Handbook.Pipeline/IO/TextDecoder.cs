namespace Handbook.Pipeline.IO;

using System.Text;
using System.Text.Unicode;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Turns the bytes of an input file into the text the stages see, or a diagnostic saying why it cannot.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes UTF-8 strictly: NUL bytes → IO001 (binary), invalid UTF-8 → IO002 at the line and column of the first
    /// bad byte (never silently replaced by U+FFFD, which would put garbage into the published page). A BOM is dropped
    /// and CRLF becomes LF.
    /// </summary>
    /// <returns>The text, or null when a diagnostic was reported.</returns>
    public static string? Decode(ReadOnlySpan<byte> bytes, string relativePath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Report(EngineDiagnostics.BinaryFile(relativePath, nul));
            return null;
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Report(LocateInvalidUtf8(bytes, relativePath));
            return null;
        }

        // Only CRLF pairs become LF: every line keeps its number and every column its position, so diagnostics point
        // at the same place the author sees in a Windows editor, and stages only ever deal with '\n'.
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
    }

    private static Diagnostic LocateInvalidUtf8(ReadOnlySpan<byte> bytes, string relativePath)
    {
        var chars = new char[bytes.Length];
        Utf8.ToUtf16(bytes, chars, out var validBytes, out var charsWritten, replaceInvalidSequences: false);
        var decoded = chars.AsSpan(0, charsWritten);
        var line = decoded.Count('\n') + 1;
        var column = decoded.Length - (decoded.LastIndexOf('\n') + 1) + 1;
        var bad = validBytes < bytes.Length ? bytes[validBytes] : bytes[^1];
        return EngineDiagnostics.InvalidUtf8(relativePath, line, column, bad);
    }
}
